#!/bin/sh
# sarif-gcc-json.sh - GCC's own machine-readable output, -fdiagnostics-format=json (GCC 11
# to 15), carries errptr's findings with their notes and diagnostic paths, since they are
# ordinary diagnostics; and it agrees with errptr's SARIF log of the same compile.  So does
# GCC's own SARIF output (-fdiagnostics-format=sarif-stderr, GCC 13 on; GCC 16 removed
# json): its codeFlows are errptr's paths, each event in its function.
. "$(dirname "$0")/lib.sh"
plugin_ok

w=$T/w
mkdir -p "$w"
cat >"$w/hooks.c" <<'C'
#define NULL ((void *)0)
struct file;
struct filename;
struct open_flags;
extern int allowed(struct filename *name);
extern struct file *(*orig)(int dfd, struct filename *name, const struct open_flags *op);

/* The NULL travels through a variable: a diagnostic path of two events. */
struct file *json_hook_var(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = NULL;

	if (!allowed(name))
		goto out;
	f = orig(dfd, name, op);
out:
	return f;
}

/* A literal NULL: notes, one with a fix-it. */
struct file *json_hook_literal(int dfd, struct filename *name, const struct open_flags *op)
{
	if (!allowed(name))
		return NULL;
	return orig(dfd, name, op);
}
C
printf 'standin json_hook_var for=do_filp_open\nstandin json_hook_literal for=do_filp_open\n' \
	>"$w/hooks.rules"

# GCC's own SARIF, where it has it
if $CC -fdiagnostics-format=sarif-stderr -x c -c /dev/null -o /dev/null >/dev/null 2>&1; then
	(cd "$w" && $CC -fplugin="$ERRPTR_PLUGIN" $RULES_FLAGS -fplugin-arg-errptr-rules=hooks.rules \
		-fplugin-arg-errptr-sarif="$w/hooks-s.sarif" -fdiagnostics-format=sarif-stderr \
		-O2 -c hooks.c -o /dev/null) >"$w/gcc.sarif" 2>&1
	# GCC 15 on names each path event's function (a logical location)
	named=no
	[ "$($CC -dumpversion | cut -d. -f1)" -ge 15 ] && named=named
	check "GCC's own SARIF output has the errptr errors, their notes and paths, as errptr's log" \
		"$PY" "$CHECK_PY" gccsarif "$w/gcc.sarif" "$w/hooks-s.sarif" $named
fi
if ! $CC -fdiagnostics-format=json -x c -c /dev/null -o /dev/null >/dev/null 2>&1; then
	echo "SKIP: $test_name: $CC has no -fdiagnostics-format=json (removed in GCC 16)"
	finish
fi

(cd "$w" && $CC -fplugin="$ERRPTR_PLUGIN" $RULES_FLAGS -fplugin-arg-errptr-rules=hooks.rules \
	-fplugin-arg-errptr-sarif="$w/hooks.sarif" -fdiagnostics-format=json \
	-O2 -c hooks.c -o /dev/null) >"$w/diags.json" 2>&1
status=$?
check "the compile fails (errptr-null-return is an error by default)" test "$status" != 0
if "$PY" -c 'import json, sys; json.load(open(sys.argv[1]))' "$w/diags.json" 2>/dev/null; then
	pass "-fdiagnostics-format=json output is one JSON document"
else
	fail "-fdiagnostics-format=json output is one JSON document: $(head -c 300 "$w/diags.json")"
	finish
fi
check "the JSON output has the errptr errors, their notes (children) and paths, as in the SARIF log" \
	"$PY" "$CHECK_PY" gccjson "$w/diags.json" "$w/hooks.sarif"
check "the JSON output names the tag of each finding" \
	grep -q '\[errptr-null-return\]' "$w/diags.json"
finish
