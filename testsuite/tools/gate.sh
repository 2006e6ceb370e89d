#!/bin/sh
# gate.sh - tools/errptr-gate on real kbuild builds of examples/seed-hook:
#   - the baseline build passes the gate (exit 0) once its finding is in the baseline;
#   - a copy with one more bad "return NULL" in a second hook fails it (exit 1) and the
#     gate prints only the new finding, compiler style, at its level (warning here);
#   - the baseline survives line drift (blank lines inserted above the bug: exit 0);
#   - a unit compiled again leaves its old log behind: only the newest log counts;
#   - a finding in a header, reported by two units, counts once;
#   - its key is the log's partialFingerprint when the gate runs where the compiler ran;
#   - --merge writes one valid SARIF log with one run for all units;
#   - the make recipe of docs/ci.md works as written;
#   - --list prints every finding with its own level (error, warning, note) and its
#     notes, exits 0, counts levels on stderr and reads no baseline;
#   - --json FILE writes a flat JSON array (keys, escapes, [] for no finding);
#   - the gate prints each new finding at its own level; --fail-on LEVEL (default
#     warning) decides which levels fail it: a new note alone does not;
#   - no logs, a broken log, no arguments, --json without FILE: exit 2.
. "$(dirname "$0")/lib.sh"
plugin_ok
kdir_ok
gate_ok

seed=$top/examples/seed-hook
KFLAGS="-fplugin-arg-errptr-null-return=warning"

# module NAME: copy the seed to $T/NAME, with an empty sarif/ for its logs
module() {
	rm -rf "${T:?}/$1"
	cp -R "$seed" "$T/$1"
	rm -rf "$T/$1/sarif"
	mkdir "$T/$1/sarif"
}

# build NAME: kbuild it, one log per unit in $T/NAME/sarif
build() {
	if kbuild "$T/$1" "$KFLAGS -fplugin-arg-errptr-sarif=$T/$1/sarif/%p.sarif"; then
		return 0
	fi
	fail "$1: the module builds (errptr-null-return=warning): $(grep -m 3 'error' "$T/$1/build.log")"
	return 1
}

# gate NAME ARGS...: run the gate in $T/NAME; stdout in $T/NAME/gate.out, stderr gate.err
gate() {
	g_dir=$T/$1
	shift
	(cd "$g_dir" && "$GATE" "$@") >"$g_dir/gate.out" 2>"$g_dir/gate.err"
}

# ---- the baseline build
module base
build base || finish
# (kbuild adds a unit of its own since Linux 6.10, .module-common.c: not counted)
check "base: a log per unit (akfs_trace.c, file_hook.c, akfs_file.mod.c)" \
	sh -c "for u in akfs_trace.c file_hook.c akfs_file.mod.c; do
		test \"\$(ls '$T/base/sarif' | grep -c \"^\$u\\.[0-9]*\\.sarif\$\")\" = 1 || exit 1
	done"
gate base sarif
check "base: without a baseline the seed's finding is new (exit 1)" test $? = 1
gate base --update sarif
check "base: --update writes the baseline (exit 0)" test $? = 0
check "base: the baseline holds one finding, keyed by rule, file, function and message" \
	grep -q "^[0-9a-f]\{16\}:1	errptr-null-return	file_hook.c	akfs_hook_do_filp_open	'akfs_hook_do_filp_open' returns NULL here" \
	"$T/base/errptr-baseline.txt"
gate base sarif
status=$?
check "base: the gate passes with the baseline (exit $status, no output)" \
	test "$status" = 0 -a ! -s "$T/base/gate.out"
gate base --baseline errptr-baseline.txt "$T/base/sarif/"
check "base: --baseline FILE and a directory path with a slash" test $? = 0

# ---- one more bad "return NULL" in a second hook
module newbug
f=$T/newbug/file_hook.c
awk '/^static struct akfs_trace_hook file_hooks\[\]/ {
	print "akfs_trace_declare(filp_open);"
	print "static struct file *akfs_trace_function(filp_open)(const char *filename, int flags, umode_t mode)"
	print "{"
	print "\tstruct file *(*run)(const char *, int, umode_t) = (void *)akfs_trace_get_original(filp_open);"
	print ""
	print "\tif (!filename)"
	print "\t\treturn NULL;"
	print "\treturn run(filename, flags, mode);"
	print "}"
	print ""
	sub(/AKFS_TRACE_HOOK\(do_filp_open\) }/, "AKFS_TRACE_HOOK(do_filp_open), AKFS_TRACE_HOOK(filp_open) }")
}
{ print }' "$seed/file_hook.c" >"$f"
newline=$(grep -n '^		return NULL;$' "$f" | cut -d: -f1)
cp "$f" "$T/newbug-file_hook.c"
build newbug || finish
gate newbug --baseline "$T/base/errptr-baseline.txt" sarif
status=$?
check "newbug: the gate fails (exit $status)" test "$status" = 1
check "newbug: it prints one finding, the new one, compiler style at its line ($newline), as the warning it is" \
	test "$(grep -c ': warning: ' "$T/newbug/gate.out")" = 1 -a "$(grep -c ': error: ' "$T/newbug/gate.out")" = 0 -a \
	"$(grep -c "^file_hook\.c:$newline:[0-9][0-9]*: warning: 'akfs_hook_filp_open' returns NULL here, but it stands in for 'filp_open', whose callers test the result only with IS_ERR() \[errptr-null-return\]\$" "$T/newbug/gate.out")" = 1
check "newbug: the error's notes follow it" \
	grep -q "^file_hook\.c:[0-9]*:[0-9]*: note: 'akfs_hook_filp_open' stands in for 'filp_open'" "$T/newbug/gate.out"
check "newbug: a summary on stderr" grep -q '1 new finding, 1 in the baseline' "$T/newbug/gate.err"
gate newbug --baseline "$T/base/errptr-baseline.txt" --merge merged.sarif sarif
check "newbug: --merge writes one log that validates against the SARIF 2.1.0 schema" \
	"$PY" "$CHECK_PY" validate "$top/testsuite/tools/schema/sarif-schema-2.1.0.json" "$T/newbug/merged.sarif"
"$PY" "$CHECK_PY" get "$T/newbug/merged.sarif" states >"$T/newbug/states" 2>&1
check "newbug: ... one run, files relative to the root, baselineState new/unchanged" \
	test "$(cat "$T/newbug/states")" = "unchanged %SRCROOT% file_hook.c akfs_hook_do_filp_open
new %SRCROOT% file_hook.c akfs_hook_filp_open"

# ---- line drift: blank lines above the bug
module drift
awk 'NR == 21 { for (i = 0; i < 7; i++) print "" } { print }' "$seed/file_hook.c" >"$T/drift/file_hook.c"
build drift || finish
base_line=$("$PY" "$CHECK_PY" get "$T/base/sarif/$(cd "$T/base/sarif" && ls file_hook.c.*)" lines)
drift_line=$("$PY" "$CHECK_PY" get "$T/drift/sarif/$(cd "$T/drift/sarif" && ls file_hook.c.*)" lines)
check "drift: the finding moved ($base_line -> $drift_line)" test "$drift_line" = "$((base_line + 7))"
gate drift --baseline "$T/base/errptr-baseline.txt" sarif
status=$?
check "drift: the baseline still holds: no new finding (exit $status)" \
	test "$status" = 0 -a ! -s "$T/drift/gate.out"

# ---- rebuilt units: the old log stays, the newest counts
cp "$seed/file_hook.c" "$T/newbug/file_hook.c"
build newbug || finish
check "rebuild: two logs of file_hook.c in sarif/" \
	test "$(cd "$T/newbug/sarif" && ls file_hook.c.* | wc -l)" = 2
gate newbug --baseline "$T/base/errptr-baseline.txt" sarif
status=$?
check "rebuild: the bug is gone with the newest log (exit $status)" test "$status" = 0

# ---- a baseline entry nobody reports any more
cp "$T/base/errptr-baseline.txt" "$T/base/more.txt"
printf '0123456789abcdef:1\terrptr-null-return\tgone.c\tgone\tgone\n' >>"$T/base/more.txt"
gate base --baseline more.txt sarif
status=$?
grep -q '1 baseline entry is no longer reported' "$T/base/gate.err"
said=$?
check "gone: an entry no longer reported is mentioned, not an error (exit $status)" \
	test "$status" = 0 -a "$said" = 0

# ---- plain compiles in one directory: a header's finding counted once; keys are the
# logs' partialFingerprints when the gate runs where the compiler ran
h=$T/hdr
mkdir -p "$h/sarif"
cat >"$h/hook.h" <<'C'
#define NULL ((void *)0)
struct thing;
extern struct thing *thing_open(const char *name);
extern int allowed(const char *name);
static inline struct thing *hdr_hook(const char *name)
{
	if (!allowed(name))
		return NULL;
	return thing_open(name);
}
C
printf '#include "hook.h"\nstruct thing *use_a(void) { return hdr_hook("a"); }\n' >"$h/a.c"
printf '#include "hook.h"\nstruct thing *use_b(void) { return hdr_hook("b"); }\n' >"$h/b.c"
printf 'func thing_open fails=err callers=is_err\nstandin hdr_hook for=thing_open\n' >"$h/hook.rules"
for u in a b; do
	(cd "$h" && $CC -fplugin="$ERRPTR_PLUGIN" $RULES_FLAGS -fplugin-arg-errptr-rules=hook.rules \
		-fplugin-arg-errptr-null-return=warning -fplugin-arg-errptr-sarif=sarif/%p.sarif \
		-O2 -c $u.c -o $u.o) >"$h/cc-$u.log" 2>&1
done
n_logged=$(cat "$h"/sarif/*.sarif | grep -c '"ruleId":"errptr-null-return"')
gate hdr sarif
status=$?
check "header: reported by both units ($n_logged), printed once by the gate (exit $status)" \
	test "$n_logged" = 2 -a "$status" = 1 -a "$(grep -c ': warning: ' "$h/gate.out")" = 1
gate hdr --update sarif
key=$(grep -v '^#' "$h/errptr-baseline.txt" | cut -f1)
fp=$("$PY" "$CHECK_PY" get "$h/sarif/$(cd "$h/sarif" && ls a.c.*)" fingerprints)
check "header: the gate's key is the log's partialFingerprint ($key = $fp)" test "$key" = "$fp" -a -n "$key"

# ---- outputs that are links or devices are written through
# (a private character device: a regression must not break the machine's /dev/null)
ln -s real-baseline.txt "$T/base/link.txt"
gate base --update --baseline link.txt sarif
check "--update through a symbolic link keeps the link" \
	test -L "$T/base/link.txt" -a -s "$T/base/real-baseline.txt"
if mknod "$T/base/null" c 1 3 2>/dev/null; then
	gate base --merge null sarif
	check "--merge into a character device keeps the device" test -c "$T/base/null"
fi

# ---- docs/ci.md's make recipe (errptr-ci.mk), as written there: baseline, then a new bug
r=$T/recipe
mkdir -p "$r/errptr/plugin" "$r/errptr/tools" "$r/errptr/rules"
for so in "$(dirname "$ERRPTR_PLUGIN")"/errptr*.so; do ln -s "$so" "$r/errptr/plugin/"; done
ln -s "$GATE" "$r/errptr/tools/errptr-gate"
cp "$top"/rules/*.rules "$r/errptr/rules/" 2>/dev/null
cp "$T/tools.rules" "$r/errptr/rules/zz-tools.rules"	# read last: wins
awk '/^```make$/ { on = 1; next } /^```$/ { on = 0 } on' "$top/docs/ci.md" >"$r/errptr-ci.mk"
cp -R "$seed" "$r/mod"
rmake() {
	(cd "$r" && unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES &&
		make -f errptr-ci.mk ERRPTR="$r/errptr" KSRC="$KDIR" M=mod CC="$CC" $KBUILD_COMPAT "$@") \
		>"$r/make.log" 2>&1
}
rmake errptr-baseline
check "docs/ci.md errptr-ci.mk: errptr-baseline builds the module and writes the baseline" \
	grep -q '^[0-9a-f]*:1	errptr-null-return	file_hook.c	akfs_hook_do_filp_open' "$r/errptr-baseline.txt"
rmake errptr
check "docs/ci.md errptr-ci.mk: errptr passes on the baseline build" test $? = 0
cp "$T/newbug-file_hook.c" "$r/mod/file_hook.c"
rmake errptr
status=$?
check "docs/ci.md errptr-ci.mk: errptr fails on the new bug, and prints it (make exit $status)" \
	test "$status" != 0 -a "$(grep -c "^mod/file_hook\.c:[0-9]*:[0-9]*: warning: 'akfs_hook_filp_open'" "$r/make.log")" = 1

# ---- --list and --json: plain compiles with findings of each level
# warn.c: is-err-on-null at its default level (warning); note.c: the same lowered to note;
# err.c: null-return at its default level (error: that unit fails to compile, its log is
# written all the same); clean.c (in another directory): no finding.
l=$T/lvl
mkdir -p "$l/sarif" "$T/clean/sarif"
cat >"$l/warn.c" <<'C'
#include "kernel-min.h"
struct foo { int count; };
int warn_kzalloc(struct foo **out)
{
	struct foo *p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (IS_ERR(p))
		return PTR_ERR(p);
	p->count = 1;
	*out = p;
	return 0;
}
C
sed 's/warn_kzalloc/note_kzalloc/' "$l/warn.c" >"$l/note.c"
cat >"$l/err.c" <<'C'
#define NULL ((void *)0)
struct thing;
extern struct thing *thing_open(const char *name);
extern int allowed(const char *name);
struct thing *err_hook(const char *name)
{
	if (!allowed(name))
		return NULL;
	return thing_open(name);
}
C
printf 'int clean(int x)\n{\n\treturn x + 1;\n}\n' >"$T/clean/clean.c"
cat >"$l/lvl.rules" <<'RULES'
func kzalloc fails=null callers=null
func thing_open fails=err callers=is_err
standin err_hook for=thing_open
RULES
# lcc DIR UNIT ARGS...: compile DIR/UNIT.c there with the plugin, its log in DIR/sarif
lcc() {
	lcc_dir=$1
	lcc_unit=$2
	shift 2
	(cd "$lcc_dir" && $CC -fplugin="$ERRPTR_PLUGIN" $RULES_FLAGS \
		-fplugin-arg-errptr-rules="$l/lvl.rules" -fplugin-arg-errptr-sarif=sarif/%p.sarif \
		-I"$top/testsuite/include" "$@" -O2 -c "$lcc_unit.c" -o "$lcc_unit.o") \
		>"$lcc_dir/cc-$lcc_unit.log" 2>&1
}
lcc "$l" warn
lcc "$l" note -fplugin-arg-errptr-is-err-on-null=note
lcc "$l" err
err_cc=$?
lcc "$T/clean" clean
check "levels: a log per unit (3), the error-level unit fails to compile (status $err_cc)" \
	test "$(ls "$l/sarif" | wc -l)" = 3 -a "$err_cc" != 0 -a "$(ls "$T/clean/sarif" | wc -l)" = 1

gate lvl --list sarif
status=$?
check "--list: exit 0 although there are findings (exit $status)" test "$status" = 0
check "--list: the warning-level finding is printed as warning:" \
	test "$(grep -c "^warn\.c:6:[0-9]*: warning: IS_ERR() does not catch the NULL that 'kzalloc' returns on failure \[errptr-is-err-on-null\]\$" "$l/gate.out")" = 1 -a \
	"$(grep -c '^warn\.c:[0-9]*:[0-9]*: error: ' "$l/gate.out")" = 0
check "--list: the error-level finding is printed as error:" \
	test "$(grep -c "^err\.c:8:[0-9]*: error: 'err_hook' returns NULL here, but it stands in for 'thing_open', whose callers test the result only with IS_ERR() \[errptr-null-return\]\$" "$l/gate.out")" = 1
check "--list: the note-level finding is printed as note:" \
	test "$(grep -c "^note\.c:6:[0-9]*: note: IS_ERR() does not catch the NULL that 'kzalloc' returns on failure \[errptr-is-err-on-null\]\$" "$l/gate.out")" = 1
check "--list: one error: line and one warning: line in all, three findings" \
	test "$(grep -c ': error: ' "$l/gate.out")" = 1 -a "$(grep -c ': warning: ' "$l/gate.out")" = 1 -a \
	"$(grep -c ' \[errptr-[a-z-]*\]$' "$l/gate.out")" = 3
# the lines after each finding, up to the next finding: its notes
awk '/ \[errptr-[a-z-]*\]$/ { f = $0; sub(/:.*/, "", f); next } { print f ": " $0 }' \
	"$l/gate.out" >"$l/notes"
check "--list: the notes follow their finding" \
	test "$(grep -c "^err\.c: err\.c:5:[0-9]*: note: 'err_hook' stands in for 'thing_open'" "$l/notes")" = 1 -a \
	"$(grep -c "^err\.c: err\.c:8:[0-9]*: note: return an error pointer instead" "$l/notes")" = 1 -a \
	"$(grep -c "^warn\.c: warn\.c:6:[0-9]*: note: test for NULL instead: '!p', and return '-ENOMEM' for it instead of 'PTR_ERR(p)', which is 0 for NULL\$" "$l/notes")" = 1 -a \
	"$(grep -v -c '^[a-z]*\.c: [a-z]*\.c:[0-9]*:[0-9]*: note: ' "$l/notes")" = 0 -a \
	"$(wc -l <"$l/notes")" = 7
check "--list: the summary on stderr counts by level" \
	grep -x 'errptr-gate: 3 findings: 1 error, 1 warning, 1 note' "$l/gate.err"
gate lvl sarif
status=$?
check "gate: without --list the same logs fail the gate (a new warning and error; exit $status)" \
	test "$status" = 1
check "gate: each new finding printed at its own level: one error, one warning, one note" \
	test "$(grep -c "^err\.c:8:[0-9]*: error: 'err_hook' returns NULL here" "$l/gate.out")" = 1 -a \
	"$(grep -c "^warn\.c:6:[0-9]*: warning: IS_ERR() does not catch" "$l/gate.out")" = 1 -a \
	"$(grep -c "^note\.c:6:[0-9]*: note: IS_ERR() does not catch" "$l/gate.out")" = 1 -a \
	"$(grep -c ' \[errptr-[a-z-]*\]$' "$l/gate.out")" = 3

# --fail-on: the logs of one level each (the clean unit's log with them)
for u in warn note err; do
	mkdir -p "$T/only-$u"
	cp "$l/sarif/$u.c."* "$T/only-$u/"
done
# failon UNIT ARGS...: the exit status of the gate on the log of UNIT alone
failon() {
	u=$1
	shift
	(cd "$l" && "$GATE" -q --baseline none.txt "$@" "$T/only-$u") >/dev/null 2>&1
	echo $?
}
check "--fail-on: by default (warning) a new note alone passes the gate (exit $(failon note))" \
	test "$(failon note)" = 0
gate lvl --baseline none.txt "$T/only-note"
check "--fail-on: ... the note is printed as a note, and the summary says it does not fail the gate" \
	sh -c "grep -q '^[^ ]*note\.c:6:[0-9]*: note: IS_ERR() does not catch' '$l/gate.out' &&
		grep -q '1 new finding, 0 in the baseline; 1 new below --fail-on=warning, not failing the gate' '$l/gate.err'"
check "--fail-on: by default a new warning fails the gate (exit $(failon warn)), a new error too ($(failon err))" \
	test "$(failon warn)" = 1 -a "$(failon err)" = 1
check "--fail-on=note: a new note fails the gate (exit $(failon note --fail-on=note))" \
	test "$(failon note --fail-on=note)" = 1
check "--fail-on error: a new warning passes ($(failon warn --fail-on error)), a new error fails ($(failon err --fail-on error))" \
	test "$(failon warn --fail-on error)" = 0 -a "$(failon err --fail-on error)" = 1
gate lvl --fail-on=fatal sarif
status=$?
check "--fail-on=fatal: not a level: usage error, exit 2 (exit $status)" \
	sh -c "test '$status' = 2 && grep -q -- '--fail-on fatal: the level is error, warning or note' '$l/gate.err'"

# a baseline that accepts every finding: the gate passes, --list still prints them all
gate lvl --update sarif
gate lvl sarif
status=$?
check "--list baseline: the gate passes with the baseline of all three (exit $status, no output)" \
	test "$status" = 0 -a ! -s "$l/gate.out" -a "$(grep -c -v '^#' "$l/errptr-baseline.txt")" = 3
cp "$l/errptr-baseline.txt" "$l/accept.txt"
for args in "--list sarif" "--list --baseline accept.txt sarif"; do
	gate lvl $args
	status=$?
	check "--list baseline: $args ignores the baseline: all three printed (exit $status)" \
		test "$status" = 0 -a "$(grep -c ' \[errptr-[a-z-]*\]$' "$l/gate.out")" = 3 -a \
		"$(grep -c '^warn\.c:6:[0-9]*: warning: ' "$l/gate.out")" = 1
	check "--list baseline: $args: the summary counts all three, no baseline in it" \
		sh -c "grep -x 'errptr-gate: 3 findings: 1 error, 1 warning, 1 note' '$l/gate.err' &&
			! grep -q baseline '$l/gate.err'"
done

# --json FILE
jsonok() { "$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' "$1"; }
gate lvl --list --json lvl.json sarif
status=$?
check "--json: --list --json FILE exits 0 (exit $status)" test "$status" = 0
check "--json: the file is valid JSON" jsonok "$l/lvl.json"
cat >"$T/flat.py" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
assert isinstance(a, list), "not an array"
keys = {"file", "line", "column", "level", "tag", "function", "message", "notes"}
for o in a:
    assert set(o) == keys, "keys %s" % sorted(o)
    assert isinstance(o["line"], int) and isinstance(o["column"], int)
    for n in o["notes"]:
        assert set(n) == {"file", "line", "column", "message"}, "note keys %s" % sorted(n)
        assert isinstance(n["line"], int) and isinstance(n["column"], int)
for o in a:
    print(o["file"], o["line"], o["level"], o["tag"], o["function"], len(o["notes"]))
PY
"$PY" "$T/flat.py" "$l/lvl.json" >"$l/flat.out" 2>&1
check "--json: one object per finding (3), keys file line column level tag function message notes" \
	test "$(cat "$l/flat.out")" = "err.c 8 error errptr-null-return err_hook 3
note.c 6 note errptr-is-err-on-null note_kzalloc 2
warn.c 6 warning errptr-is-err-on-null warn_kzalloc 2"
check "--json: the message and the notes' text as the gate prints them" \
	"$PY" -c 'import json,sys
a = json.load(open(sys.argv[1]))
assert a[2]["message"] == "IS_ERR() does not catch the NULL that '"'kzalloc'"' returns on failure", a[2]["message"]
assert a[2]["notes"][1] == {"file": "warn.c", "line": 6, "column": a[2]["column"], "message": "test for NULL instead: '"'!p'"', and return '"'-ENOMEM'"' for it instead of '"'PTR_ERR(p)'"', which is 0 for NULL"}, a[2]["notes"][1]' \
	"$l/lvl.json"
gate lvl --json=eq.json sarif
status=$?
cmp -s "$l/lvl.json" "$l/eq.json"
same=$?
check "--json: --json=FILE without --list writes the same array; the gate's verdict stands (exit $status)" \
	test "$status" = 0 -a "$same" = 0
# a note of the plugin's with double quotes in it (the hook table's string)
gate base --json base.json sarif
check "--json: a note's double quotes survive (\"do_filp_open\" in the hook table)" \
	"$PY" -c 'import json,sys
a = json.load(open(sys.argv[1]))
assert len(a) == 1 and any("paired with \"do_filp_open\" in the hook table" in n["message"] for n in a[0]["notes"]), a' \
	"$T/base/base.json"
# a message with a double quote, a backslash and a tab: a log written by hand
mkdir -p "$T/esc"
cat >"$T/esc/esc.sarif" <<'SARIF'
{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"errptr"}},"results":[
{"ruleId":"errptr-null-return","level":"note","message":{"text":"say \"hi\" to C:\\dir\\ and\ttab"},
 "locations":[{"physicalLocation":{"artifactLocation":{"uri":"esc.c"},"region":{"startLine":3,"startColumn":2}},
  "logicalLocations":[{"name":"esc_fn"}]}]}]}]}
SARIF
gate esc --list --json esc.json esc.sarif
status=$?
check "--json: a message with a double quote and a backslash: valid JSON (exit $status)" \
	sh -c 'test "$1" = 0 && exec "$2" -c "import json,sys; json.load(open(sys.argv[1]))" "$3"' \
	sh "$status" "$PY" "$T/esc/esc.json"
check "--json: ... quote, backslash and tab escaped with a backslash" \
	grep -F -q '"message":"say \"hi\" to C:\\dir\\ and\ttab"' "$T/esc/esc.json"
check "--json: ... and read back the same" \
	"$PY" -c 'import json,sys
a = json.load(open(sys.argv[1]))
assert [o["message"] for o in a] == ["say \"hi\" to C:\\dir\\ and\ttab"], a' "$T/esc/esc.json"
check "--list: ... the message printed as it is" \
	grep -F -x -q 'esc.c:3:2: note: say "hi" to C:\dir\ and	tab [errptr-null-return]' "$T/esc/gate.out"
# no finding: []
gate clean --json clean.json sarif
status=$?
check "--json: no finding: exit 0, an empty array [] (exit $status)" \
	test "$status" = 0 -a "$(cat "$T/clean/clean.json")" = "[]"
check "--json: ... valid JSON" jsonok "$T/clean/clean.json"
gate clean --list sarif
status=$?
check "--list: no finding: exit 0, no output, a summary of zeros (exit $status)" \
	test "$status" = 0 -a ! -s "$T/clean/gate.out" -a \
	"$(cat "$T/clean/gate.err")" = "errptr-gate: 0 findings: 0 errors, 0 warnings, 0 notes"

# ---- errors: exit 2
mkdir -p "$T/empty"
gate empty .
status=$?
grep -q 'no SARIF log' "$T/empty/gate.err"
check "no SARIF log found: exit 2 with a message (exit $status)" test "$status" = 2 -a $? = 0
printf '{"version":"2.1.0","runs":[{"results":[' >"$T/empty/broken.sarif"
gate empty .
status=$?
grep -q 'broken.sarif:1: not a SARIF log' "$T/empty/gate.err"
check "a broken log: exit 2 naming it (exit $status)" test "$status" = 2 -a $? = 0
gate empty
status=$?
grep -q '^usage:' "$T/empty/gate.err"
check "no argument: usage, exit 2 (exit $status)" test "$status" = 2 -a $? = 0
# --json without FILE: a usage error, not an input named --json nor an unknown option
gate lvl sarif --json
status=$?
grep -q 'option --json needs an argument' "$l/gate.err"
said=$?
check "--json as the last argument: usage error, exit 2 (exit $status)" \
	test "$status" = 2 -a "$said" = 0 -a ! -s "$l/gate.out"
gate lvl --list sarif --json
status=$?
check "--list ... --json as the last argument: exit 2, nothing listed (exit $status)" \
	test "$status" = 2 -a ! -s "$l/gate.out"
ls "$l" >"$T/lvl.before"
gate lvl --json sarif
status=$?
ls "$l" >"$T/lvl.after"
check "--json DIR and no input: usage, exit 2, nothing written (exit $status)" \
	sh -c "test '$status' = 2 && grep -q '^usage:' '$l/gate.err' && cmp -s '$T/lvl.before' '$T/lvl.after' &&
		test \"\$(ls '$l/sarif' | wc -l)\" = 3"
finish
