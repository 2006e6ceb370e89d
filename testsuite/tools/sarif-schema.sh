#!/bin/sh
# sarif-schema.sh - the SARIF log of the seed example (examples/seed-hook, built with
# kbuild) validates against the SARIF 2.1.0 JSON schema (testsuite/tools/schema/) and says
# what errptr found; odd file names and bytes that are not UTF-8 are escaped correctly.
# Needs python3 with jsonschema (Debian: python3-jsonschema).
. "$(dirname "$0")/lib.sh"
plugin_ok
kdir_ok

schema=$top/testsuite/tools/schema/sarif-schema-2.1.0.json
if ! "$PY" -c 'import jsonschema' 2>/dev/null; then
	fail "python3 with jsonschema is needed to validate (apt-get install python3-jsonschema)"
	finish
fi

# ---- the seed example
m=$T/seed
cp -R "$top/examples/seed-hook" "$m"
kbuild "$m" "-fplugin-arg-errptr-sarif=$m/out.sarif"
if [ -s "$m/out.sarif" ]; then
	pass "the seed build (which fails on the finding) writes its SARIF log"
else
	fail "the seed build writes its SARIF log: $(grep -m 3 'error' "$m/build.log")"
	finish
fi
check "the seed log validates against the SARIF 2.1.0 schema" \
	"$PY" "$CHECK_PY" validate "$schema" "$m/out.sarif"

# The validator really validates: a broken copy must fail.
sed -e 's/"level":"error"/"level":"fatal"/' -e 's/"startLine":\([0-9]*\)/"startLine":"\1"/' \
	"$m/out.sarif" >"$T/broken.sarif"
if "$PY" "$CHECK_PY" validate "$schema" "$T/broken.sarif" >/dev/null 2>"$T/broken.err" &&
	true; then
	fail "the validator rejects a log with level \"fatal\" and a string startLine"
elif [ "$(grep -c 'fatal\|is not of type' "$T/broken.err")" -ge 2 ]; then
	pass "the validator rejects a log with level \"fatal\" and a string startLine"
else
	fail "the validator rejects the broken log for the right reasons: $(cat "$T/broken.err")"
fi

# The checks errptr knows, as -fplugin-arg-errptr-help lists them.
checks=$($CC -fplugin="$ERRPTR_PLUGIN" -fplugin-arg-errptr-help -x c -c /dev/null -o /dev/null 2>&1 |
	awk '/CHECK is one of/ { on = 1; next } on && /^  -fplugin/ { exit } on { print $1 }')
if [ -n "$checks" ]; then
	# shellcheck disable=SC2086 # one argument per check
	check "the seed log: rules, result, location, function, notes, fingerprint" \
		"$PY" "$CHECK_PY" seed "$m/out.sarif" "$m/file_hook.c" $checks
else
	fail "-fplugin-arg-errptr-help lists the checks"
fi
check "no temporary file is left beside the log" \
	test -z "$(find "$m" -name 'out.sarif.tmp*')"

# ---- escaping: a directory whose name holds a quote, a backslash, a blank, a tab, ':',
# '%' and the byte 0xff; the rules file there shows up in a note ("a rule says so (FILE:LINE)").
w=$T/w
odd=$(printf 'we"ird\\ dir\t:%%\377')
mkdir -p "$w/$odd"
cat >"$w/$odd/hook.c" <<'C'
struct thing;
extern struct thing *thing_open(const char *name, int flags);
extern int allowed(const char *name);

struct thing *odd_hook(const char *name, int flags)
{
	if (!allowed(name))
		/* é */ return (struct thing *)0;
	return thing_open(name, flags);
}
C
# "return (struct thing *)0" is what the check reads as "return NULL"; keep the text simple.
sed -i 's|return (struct thing \*)0;|return NULL;|; 1i #define NULL ((void *)0)' "$w/$odd/hook.c"
printf 'func thing_open fails=err callers=is_err\nstandin odd_hook for=thing_open\n' >"$w/$odd/hook.rules"
(cd "$w" && $CC -fplugin="$ERRPTR_PLUGIN" -fplugin-arg-errptr-rules-dir="$top/rules" \
	-fplugin-arg-errptr-rules="$odd/hook.rules" -fplugin-arg-errptr-sarif="$w/odd.sarif" \
	-O2 -c "$odd/hook.c" -o /dev/null) >"$T/odd.log" 2>&1
if [ -s "$w/odd.sarif" ] && grep -q 'errptr-null-return' "$T/odd.log"; then
	pass "a unit in an oddly named directory is reported and logged"
	check "odd names: valid UTF-8 JSON, percent-encoded relative URI, U+FFFD, escapes, columns" \
		"$PY" "$CHECK_PY" weird "$w/odd.sarif" "$w" "$odd/hook.c"
	check "the log of the odd unit validates against the schema" \
		"$PY" "$CHECK_PY" validate "$schema" "$w/odd.sarif"
else
	fail "a unit in an oddly named directory is reported and logged: $(head -n 5 "$T/odd.log")"
fi
finish
