#!/bin/sh
# validate-all.sh - the work of "make validate-all": make validate on several kernels, the
# same directories each, and one table comparing them.
#
#   sh scripts/validate-all.sh [--table] KSRC...
#
# Each KSRC is a Debian linux-source-X.Y tree (fetched with scripts/ksrc.sh when it is
# missing); it is validated by scripts/validate.sh into build/linux-validate-X.Y (the
# build) and build/validate-X.Y (the report), with the environment's other settings
# (VALIDATE_DIRS, VALIDATE_JOBS, VALIDATE_MODE, KCC, PLUGIN, GATE), each kernel's findings
# held against docs/verdicts/linux-X.Y.txt.  A run already complete is resumed (it
# rebuilds nothing).  Then build/validate-all.txt: one row per kernel - units, findings by
# level, warnings judged true and false and unjudged, ICEs, wall time - printed too.
# --table: only the table, from the reports there are.
# Exit status: 1 when a kernel's validation failed (a compiler crash), else 0.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
table_only=
[ "${1:-}" = --table ] && { table_only=1; shift; }
[ $# -gt 0 ] || { echo "usage: $0 [--table] KSRC..." >&2; exit 2; }
table=$top/build/validate-all.txt
mkdir -p "$top/build"
failed=0
for ksrc in "$@"; do
	[ -n "$table_only" ] && break
	sh "$top/scripts/ksrc.sh" "$ksrc" "$top/build/ksrc-apt" || { failed=1; continue; }
	ver=$(sed -n 's/^VERSION = //p; s/^PATCHLEVEL = //p' "$ksrc/Makefile" | head -n 2 | paste -sd.)
	echo "validate-all: Linux $ver ($ksrc)"
	KSRC=$ksrc VALIDATE_OUT=$top/build/linux-validate-$ver REPORT=$top/build/validate-$ver \
		sh "$top/scripts/validate.sh" || failed=1
done

# one row per kernel, from each run's summary.txt
{
	echo "| kernel | units | errors | warnings | notes | warnings true / false / unjudged | ICEs | wall |"
	echo "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |"
	for ksrc in "$@"; do
		[ -f "$ksrc/Makefile" ] || continue
		ver=$(sed -n 's/^VERSION = //p; s/^PATCHLEVEL = //p' "$ksrc/Makefile" | head -n 2 | paste -sd.)
		s=$top/build/validate-$ver/summary.txt
		[ -f "$s" ] || { echo "| $ver | (no report) | | | | | | |"; continue; }
		awk -v ver="$ver" '
		/^units checked:/ { units = $3 }
		/^findings:/ { for (i = 1; i <= NF; i++) {
			if ($i ~ /^error/) e = $(i - 1); if ($i ~ /^warning/) w = $(i - 1); if ($i ~ /^note/) n = $(i - 1) } }
		/^compiler crashes/ { ice = $NF; if (ice !~ /^[0-9]+$/) { ice = $0; sub(/.*: /, "", ice); sub(/ .*/, "", ice) } }
		/^wall time of this run:/ { wall = $NF }
		/^  warnings: / { split($0, a, /[:,] */); wt = a[3] + a[4]; wf = a[5] + 0; wu = a[6] + 0; judged = 1 }
		/^verdicts: none/ { judged = 0; none = 1 }
		END {
			v = judged ? sprintf("%d / %d / %d", wt, wf, wu) : "(no verdicts)"
			printf "| %s | %s | %d | %d | %d | %s | %s | %s |\n", ver, units, e, w, n, v, ice, wall
		}' "$s"
	done
} >"$table"
cat "$table"
exit $failed
