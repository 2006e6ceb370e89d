#!/bin/sh
# verdicts.sh - a validation report held against the judged findings of that kernel.
#
#   sh scripts/verdicts.sh VERDICTS REPORT
#
# REPORT is make validate's report.txt (errptr-gate --list: "file:line:col: level:
# message [errptr-tag]").  VERDICTS is the judged findings of the same kernel
# (docs/verdicts/linux-X.Y.txt), one per line, '#' starts a comment:
#
#   FILE:LINE TAG VERDICT CAUSE...
#
# VERDICT is true (the bug, or the fact a note states), intended (the finding is right,
# the code means it: nothing to fix) or false (a false alarm; CAUSE says why).  A finding
# is matched by file, line and tag.  Prints the counts by level and verdict, the warnings'
# true rate, and which findings are new (unjudged) and which judged ones are gone; writes
# nothing.  Exit status 0, 2 on bad input (a line of VERDICTS that is not of that form:
# named with its line number).
set -eu
[ $# -eq 2 ] || { echo "usage: $0 VERDICTS REPORT" >&2; exit 2; }
verdicts=$1
report=$2
[ -r "$report" ] || { echo "verdicts: $report: cannot read" >&2; exit 2; }
[ -r "$verdicts" ] || { echo "verdicts: $verdicts: cannot read" >&2; exit 2; }

LC_ALL=C awk -v vfile="$verdicts" '
BEGIN {
	while ((r = getline line < vfile) > 0) {
		ln++
		sub(/#.*/, "", line)
		if (line ~ /^[ \t]*$/)
			continue
		n = split(line, f, /[ \t]+/)
		if (f[1] == "") { for (i = 1; i < n; i++) f[i] = f[i + 1]; n-- }
		if (n < 3 || f[1] !~ /^[^:]+:[0-9]+$/ || f[2] !~ /^errptr-[a-z-]+$/ ||
		    (f[3] != "true" && f[3] != "intended" && f[3] != "false")) {
			printf "verdicts: %s:%d: not \"FILE:LINE TAG true|intended|false CAUSE\"\n", vfile, ln > "/dev/stderr"
			bad = 1
			exit 2
		}
		if (f[3] == "false" && n < 4) {
			printf "verdicts: %s:%d: a false alarm without its cause\n", vfile, ln > "/dev/stderr"
			bad = 1
			exit 2
		}
		key = f[1] " " f[2]
		verdict[key] = f[3]
		order[++nv] = key
	}
	if (r < 0) { printf "verdicts: %s: cannot read\n", vfile > "/dev/stderr"; bad = 1; exit 2 }
}
/: (error|warning|note): .* \[errptr-[a-z-]+\]$/ {
	if (!match($0, /^[^:]+:[0-9]+:/))
		next
	where = substr($0, 1, RLENGTH - 1)
	level = $0; sub(/^[^:]+:[0-9]+:[0-9]+: /, "", level); sub(/:.*/, "", level)
	tag = $0; sub(/.*\[/, "", tag); sub(/\]$/, "", tag)
	key = where " " tag
	if (key in seen)
		next
	seen[key] = 1
	total[level]++
	if (key in verdict) {
		count[level, verdict[key]]++
	} else {
		unjudged[++nu] = $0
		count[level, "unjudged"]++
	}
}
END {
	if (bad)
		exit 2
	printf "verdicts (%s):\n", vfile
	split("error warning note", levels, " ")
	for (i = 1; i <= 3; i++) {
		l = levels[i]
		printf "  %ss: %d: %d true, %d intended, %d false alarms, %d unjudged\n", l, total[l] + 0,
		       count[l, "true"], count[l, "intended"], count[l, "false"], count[l, "unjudged"]
	}
	j = total["warning"] - count["warning", "unjudged"]
	if (j > 0)
		printf "  warnings true (true or intended, of the judged): %d of %d (%.1f%%)\n",
		       count["warning", "true"] + count["warning", "intended"], j,
		       100 * (count["warning", "true"] + count["warning", "intended"]) / j
	printf "  new, not judged yet: %d\n", nu
	for (i = 1; i <= nu; i++)
		print "    " unjudged[i]
	ng = 0
	for (i = 1; i <= nv; i++)
		if (!(order[i] in seen))
			gone[++ng] = order[i] " (" verdict[order[i]] ")"
	printf "  judged before, gone now: %d\n", ng
	for (i = 1; i <= ng; i++)
		print "    " gone[i]
}' "$report"
