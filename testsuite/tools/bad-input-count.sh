#!/bin/sh
# bad-input-count.sh - every bad input gives exactly ONE error line.
#
#   sh testsuite/tools/bad-input-count.sh [--cc CC] [--plugin PATH] [FILE.c ...]
#
# The dg runner (testsuite/run.sh) checks that a bad-input test prints the expected
# error and no other error (excess errors), but a dg-error consumes every line its
# regex matches, so the same line printed twice would pass there.  This script compiles
# each testsuite/dg/bad-input-*.c (default: all of them) exactly as the runner does,
# with its dg-options, and checks:
#   - exactly one line containing "error:" in the output (any kind: cc1, gcc, located)
#   - exit status 1: the compile fails, and not by a signal (>= 128)
#   - no "internal compiler error"
# Prints PASS:/FAIL: per test and "bad-input-count: N passed, N failed"; exit status 1 if
# any failed.  The plugin defaults to $ERRPTR_PLUGIN (testsuite/tools/run.sh sets it), else
# plugin/errptr.so of this tree; make check runs this through testsuite/tools/run.sh.

LC_ALL=C LANG=C LC_MESSAGES=C
export LC_ALL LANG LC_MESSAGES
unset CDPATH

ROOT=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
CC=${CC:-gcc}
PLUGIN=${ERRPTR_PLUGIN:-$ROOT/plugin/errptr.so}
while [ $# -gt 0 ]; do
	case $1 in
	--cc) CC=$2; shift 2 ;;
	--plugin) PLUGIN=$2; shift 2 ;;
	-h | --help) sed -n '2,14p' "$0"; exit 0 ;;
	-*) echo "bad-input-count.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
case $PLUGIN in /*) ;; *) PLUGIN=$(pwd)/$PLUGIN ;; esac
files=
for f in "$@"; do
	case $f in /*) ;; *) f=$(pwd)/$f ;; esac
	files="$files $f"
done
cd "$ROOT" || exit 2
[ -z "$files" ] && files=$(ls testsuite/dg/bad-input-*.c 2>/dev/null)
if [ ! -f "$PLUGIN" ]; then
	echo "FAIL: bad-input-count: plugin $PLUGIN not found (run make first)"
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/errptr-badin.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for f in $files; do
	case $f in "$ROOT"/*) f=${f#"$ROOT"/} ;; esac
	srcdir=$(dirname "$f")
	# the last dg-options "..." of the file, ${srcdir} replaced as the runner does
	opts=$(sed -n 's/.*{[ 	]*dg-options[ 	]*"\([^"]*\)".*/\1/p' "$f" | tail -n 1 |
		sed -e "s|\${srcdir}|$srcdir|g" -e "s|\$srcdir|$srcdir|g")
	# shellcheck disable=SC2086 # CC and the options are word lists
	$CC -fplugin="$PLUGIN" -O2 -fdiagnostics-plain-output -fno-diagnostics-show-caret \
		-I testsuite/include -c "$f" -o /dev/null $opts >"$tmp/log" 2>&1 </dev/null
	status=$?
	nerr=$(grep -c 'error:' "$tmp/log")
	why=
	if grep -q 'internal compiler error' "$tmp/log"; then
		why="internal compiler error"
	elif [ "$status" -ge 128 ]; then
		why="compiler killed by signal $((status - 128))"
	elif [ "$status" -ne 1 ]; then
		why="exit status $status, expected 1"
	fi
	if [ "$nerr" -ne 1 ]; then
		why="${why:+$why; }$nerr error lines, expected exactly 1"
	fi
	if [ -z "$why" ]; then
		echo "PASS: bad-input-count: $f: one error line, exit status 1: $(grep 'error:' "$tmp/log")"
		pass=$((pass + 1))
	else
		echo "FAIL: bad-input-count: $f: $why"
		sed 's/^/    | /' "$tmp/log" | head -n 10
		fail=$((fail + 1))
	fi
done
echo "bad-input-count: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
