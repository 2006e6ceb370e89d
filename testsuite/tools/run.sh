#!/bin/sh
# run.sh - run the tests of errptr's SARIF output and of tools/errptr-gate.
#
#   sh testsuite/tools/run.sh [--cc CC] [--plugin PATH] [--kdir DIR] [--gate PATH] [TEST.sh...]
#
# Without TEST arguments it runs every testsuite/tools/*.sh but itself and lib.sh.  Each
# test prints PASS:/FAIL: lines; this prints them all and closes with "N passed, N failed".
# Exit status 0 when nothing failed.  Defaults: see lib.sh (plugin/errptr.so of this tree,
# gcc, the kernel headers testsuite/run.sh finds, the gate built from tools/gate/errptr-gate.c).
here=$(cd "$(dirname "$0")" && pwd)
while [ $# -gt 0 ]; do
	case $1 in
	--cc) CC=$2; export CC; shift 2 ;;
	--plugin) ERRPTR_PLUGIN=$2; export ERRPTR_PLUGIN; shift 2 ;;
	--kdir) KDIR=$2; export KDIR; shift 2 ;;
	--gate) ERRPTR_GATE=$2; export ERRPTR_GATE; shift 2 ;;
	-h|--help) sed -n '2,9p' "$0"; exit 0 ;;
	-*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
if [ $# = 0 ]; then
	set -- $(cd "$here" && ls *.sh | grep -v -x -e run.sh -e lib.sh)
fi
out=$(mktemp "${TMPDIR:-/tmp}/errptr-tools-run.XXXXXX") || exit 2
one=$out.one
trap 'rm -f "$out" "$one"' EXIT
for t in "$@"; do
	case $t in */*) path=$t ;; *) path=$here/$t ;; esac
	sh "$path" >"$one" 2>&1
	status=$?
	# a test that failed without saying FAIL (a crash of the script) still fails
	if [ "$status" != 0 ] && ! grep -q '^FAIL:' "$one"; then
		echo "FAIL: $(basename "$path" .sh): exited with status $status" >>"$one"
	fi
	cat "$one"
	cat "$one" >>"$out"
done
pass=$(grep -c '^PASS:' "$out")
fail=$(grep -c '^FAIL:' "$out")
echo "$pass passed, $fail failed"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
