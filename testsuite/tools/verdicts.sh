#!/bin/sh
# verdicts.sh - scripts/verdicts.sh, which make validate runs on its report: findings
# matched to the judged ones by file, line and tag; counts by level and verdict; the
# warnings' true rate; new (unjudged) and gone findings listed; a malformed verdict line
# is an error naming the file and line.
. "$(dirname "$0")/lib.sh"

cat >"$T/report.txt" <<'R'
fs/a.c:10:5: warning: IS_ERR() does not catch the NULL that 'x' returns [errptr-is-err-on-null]
fs/a.c:10:5: note: 'x' returns NULL on failure
fs/b.c:20:3: warning: this test misses the error [errptr-null-check-on-err]
fs/c.c:30:1: warning: 'y' returns NULL here [errptr-null-return]
fs/d.c:40:2: note: this test is not needed [errptr-unneeded-check]
R
cat >"$T/v.txt" <<'V'
# judged
fs/a.c:10 errptr-is-err-on-null true the caller tests only IS_ERR()
fs/b.c:20 errptr-null-check-on-err false a shared field read as may-be-NULL
fs/d.c:40 errptr-unneeded-check intended
fs/e.c:50 errptr-mixed-use true gone since the fix
V
sh "$top/scripts/verdicts.sh" "$T/v.txt" "$T/report.txt" >"$T/out" 2>&1
status=$?
check "exit 0 on a report and its verdicts (exit $status)" test "$status" = 0
check "warnings: 3, 1 true, 1 false alarm, 1 unjudged" grep -q '^  warnings: 3: 1 true, 0 intended, 1 false alarms, 1 unjudged$' "$T/out"
check "notes: the intended one" grep -q '^  notes: 1: 0 true, 1 intended, 0 false alarms, 0 unjudged$' "$T/out"
check "the true rate counts the judged warnings only: 1 of 2 (50.0%)" grep -q 'warnings true (true or intended, of the judged): 1 of 2 (50.0%)' "$T/out"
check "the unjudged finding is listed as new" grep -q '^    fs/c.c:30:1: warning: .*\[errptr-null-return\]$' "$T/out"
check "the judged finding no longer reported is listed as gone" grep -q '^    fs/e.c:50 errptr-mixed-use (true)$' "$T/out"
check "a note of a finding is not a finding" grep -q '^  new, not judged yet: 1$' "$T/out"

printf 'fs/a.c:10 errptr-is-err-on-null true ok\nfs/b.c errptr-x maybe\n' >"$T/bad.txt"
sh "$top/scripts/verdicts.sh" "$T/bad.txt" "$T/report.txt" >"$T/bad.out" 2>&1
status=$?
check "a malformed verdict line: exit 2 and one line naming the file and line (exit $status)" \
	sh -c "test $status = 2 && grep -q '^verdicts: $T/bad.txt:2: not' '$T/bad.out'"
printf 'fs/b.c:20 errptr-null-check-on-err false\n' >"$T/nocause.txt"
sh "$top/scripts/verdicts.sh" "$T/nocause.txt" "$T/report.txt" >"$T/nocause.out" 2>&1
status=$?
check "a false alarm needs its cause (exit $status)" \
	sh -c "test $status = 2 && grep -q 'nocause.txt:1: a false alarm without its cause' '$T/nocause.out'"

# make validate-all's table, from each kernel's summary (scripts/validate-all.sh --table)
mkdir -p "$T/k" "$T/top/scripts" "$T/top/build/validate-9.9"
printf 'VERSION = 9\nPATCHLEVEL = 9\nSUBLEVEL = 1\n' >"$T/k/Makefile"
cp "$top/scripts/validate-all.sh" "$T/top/scripts/"
{
	echo "units checked: 5639 (SARIF logs; a unit compiled twice counts twice)"
	echo "findings: 30 findings: 0 errors, 4 warnings, 26 notes"
	echo "compiler crashes (ICE or killed cc1): 0 (see /x/ice.txt)"
	echo "wall time of this run: 0h25m03s"
	sh "$top/scripts/verdicts.sh" "$T/v.txt" "$T/report.txt"
} >"$T/top/build/validate-9.9/summary.txt"
sh "$T/top/scripts/validate-all.sh" --table "$T/k" >"$T/table" 2>&1
check "validate-all's table: one row per kernel with its units, levels and verdicts" \
	grep -q '^| 9.9 | 5639 | 0 | 4 | 26 | 1 / 1 / 1 | 0 | 0h25m03s |$' "$T/table"
finish
