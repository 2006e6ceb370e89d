#!/bin/sh
# check-compilers.sh - the release check, "make check-compilers": "make check CC=gcc-N"
# for each GCC errptr supports beyond Debian 12's, each in a fresh root of the Debian
# release that ships it, with that release's own kernel headers, made by the
# fresh-machine-check tool on a clone of the committed HEAD.  Then the seed example's
# diagnostics (scripts/seed-diagnostics.sh) in each, compared with the first.
#
#   sh scripts/check-compilers.sh [-t TOOL] [-o OUTDIR] [SUITE:N ...]
#     SUITE:N  a Debian release and a GCC major (default: trixie:13 trixie:14 forky:15
#              forky:16; Debian 12's GCC 11 and 12 are what "make check" and CI run)
#     TOOL     fresh-machine-check (default: ../shared/tools/fresh-machine-check beside
#              the tree, or $FRESH_MACHINE_CHECK)
#     OUTDIR   the full log of each run, gcc-N-SUITE.log (default: build/check-compilers)
# Prints one line per compiler; exit status 0 when every one ended "N passed, 0 failed"
# and rejected the seed example with the same diagnostics.  Needs root (the tool does).
top=$(cd "$(dirname "$0")/.." && pwd)
tool=${FRESH_MACHINE_CHECK:-$top/../shared/tools/fresh-machine-check}
out=$top/build/check-compilers
while getopts t:o: opt; do
	case $opt in
	t) tool=$OPTARG ;;
	o) out=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- trixie:13 trixie:14 forky:15 forky:16
if [ ! -x "$tool" ]; then
	echo "check-compilers: no fresh-machine-check tool at $tool (set FRESH_MACHINE_CHECK or -t)" >&2
	exit 2
fi
mkdir -p "$out" || exit 2
# The tool refuses a git worktree and tests what is committed: a plain clone of HEAD.
if [ -n "$(git -C "$top" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
	echo "check-compilers: note: uncommitted changes are not tested (the clone holds HEAD, $(git -C "$top" log -1 --format=%h))"
fi
rm -rf "$out/clone"
git clone -q "$top" "$out/clone" || exit 2

bad=0
first=
for sc in "$@"; do
	suite=${sc%%:*}
	n=${sc#*:}
	log=$out/gcc-$n-$suite.log
	start=$(date +%s)
	# inside: make check, then what the summary line needs, marked with "@@ "
	SUITE=$suite "$tool" "$out/clone" -- "make check CC=gcc-$n >/root/check.log 2>&1; rc=\$?; \
cat /root/check.log; echo \"@@ rc \$rc\"; \
echo \"@@ gcc \$(gcc-$n -dumpfullversion)\"; \
kd=\$(sh testsuite/run.sh --print-kdir); echo \"@@ kernel \$(make -s -C \$kd kernelversion 2>/dev/null || basename \$kd)\"; \
sh scripts/seed-diagnostics.sh --cc gcc-$n --kdir \$kd >/root/seed.txt; echo \"@@ seed-rc \$?\"; \
sed 's/^/@@seed /' /root/seed.txt" >"$log" 2>&1
	secs=$(($(date +%s) - start))
	total=$(grep -E '^total: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	rc=$(sed -n 's/^@@ rc //p' "$log")
	version=$(sed -n 's/^@@ gcc //p' "$log")
	kernel=$(sed -n 's/^@@ kernel //p' "$log")
	sed -n 's/^@@seed //p' "$log" >"$out/seed-gcc-$n.txt"
	seed_rc=$(sed -n 's/^@@ seed-rc //p' "$log")
	if [ "$seed_rc" != 0 ]; then
		seed="seed example NOT rejected"
	elif [ -z "$first" ]; then
		first=$n
		seed="seed example rejected ($(grep -c . "$out/seed-gcc-$n.txt") diagnostic lines)"
	elif cmp -s "$out/seed-gcc-$first.txt" "$out/seed-gcc-$n.txt"; then
		seed="seed example rejected, same diagnostics as gcc-$first"
	else
		seed="seed example rejected, diagnostics DIFFER from gcc-$first ($out/seed-gcc-$n.txt)"
	fi
	case "$rc:$total:$seed" in
	"0:total: "*" passed, 0 failed:"*"DIFFER"*) ok=FAIL ;;
	"0:total: "*" passed, 0 failed:seed example rejected"*) ok=ok ;;
	*) ok=FAIL ;;
	esac
	[ "$ok" = ok ] || bad=$((bad + 1))
	printf '%-4s gcc-%s %-8s (Debian %s, Linux %s): %s; %s [%ds, %s]\n' "$ok" "$n" \
		"${version:-?}" "$suite" "${kernel:-?}" "${total:-no total line (status ${rc:-?})}" \
		"$seed" "$secs" "$log"
done
[ "$bad" = 0 ]
