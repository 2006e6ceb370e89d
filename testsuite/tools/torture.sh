#!/bin/sh
# torture.sh - compile the C corner cases of testsuite/torture/ with errptr at -O0 and -O2.
#
#   sh testsuite/tools/torture.sh [--cc CC] [--plugin PATH] [--slow] [-j N] [-v] [FILE.c ...]
#
# Each testsuite/torture/*.c is a dg test (testsuite/README.md): code that keeps the
# error-pointer contract, marked with dg-bogus "errptr" where errptr might go wrong, so
# the runner fails on any errptr diagnostic (dg-bogus and excess errors), on any ICE or
# compiler crash, and on a failing compile.  This script runs testsuite/run.sh over them
# twice: as the runner compiles (-O2), and at -O0 (through a compiler wrapper that
# replaces the runner's -O2; the tests' own dg-options still come after it).
#
# Files that contain the word "torture-slow" (blocks-20000.c: GCC itself needs ~20-60 s
# at -O2 for it, with or without errptr) run only with --slow (make torture).
# Prints the runner's output per level and "torture: N passed, N failed" over both;
# exit status 1 if anything failed.  The plugin defaults to $ERRPTR_PLUGIN, else
# plugin/errptr.so; make check runs the fast set through testsuite/tools/run.sh.
#
# Internal: torture.sh --cc-at OPT CC [ARGS...] runs CC with ARGS, -O2 replaced by OPT.

if [ "${1:-}" = --cc-at ]; then
	opt=$2
	shift 2
	cc=$1
	shift
	n=$#
	i=0
	while [ $i -lt $n ]; do
		a=$1
		shift
		i=$((i + 1))
		[ "$a" = -O2 ] && a=$opt
		set -- "$@" "$a"
	done
	# shellcheck disable=SC2086 # cc may be a command with arguments
	exec $cc "$@"
fi

LC_ALL=C
export LC_ALL
unset CDPATH
ROOT=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
SELF=$ROOT/testsuite/tools/torture.sh
CC=${CC:-gcc}
PLUGIN=${ERRPTR_PLUGIN:-$ROOT/plugin/errptr.so}
SLOW=0
RUNOPTS=
while [ $# -gt 0 ]; do
	case $1 in
	--cc) CC=$2; shift 2 ;;
	--plugin) PLUGIN=$2; shift 2 ;;
	--slow) SLOW=1; shift ;;
	-j) RUNOPTS="$RUNOPTS -j $2"; shift 2 ;;
	-j*) RUNOPTS="$RUNOPTS $1"; shift ;;
	-v) RUNOPTS="$RUNOPTS -v"; shift ;;
	-h | --help) sed -n '2,20p' "$0"; exit 0 ;;
	-*) echo "torture.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
case $PLUGIN in /*) ;; *) PLUGIN=$(pwd)/$PLUGIN ;; esac

files=
if [ $# -gt 0 ]; then
	for f in "$@"; do
		case $f in /*) ;; *) f=$(pwd)/$f ;; esac
		files="$files $f"
	done
else
	for f in "$ROOT"/testsuite/torture/*.c; do
		if [ "$SLOW" = 0 ] && grep -q 'torture-slow' "$f"; then
			echo "torture: $(basename "$f") skipped (slow; run with --slow, or make torture)"
			continue
		fi
		files="$files $f"
	done
fi
if [ -z "$files" ]; then
	echo "FAIL: torture: no torture tests found"
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/errptr-torture.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for opt in -O2 -O0; do
	start=$(date +%s)
	if [ $opt = -O2 ]; then
		cc=$CC
	else
		cc="sh $SELF --cc-at $opt $CC"
	fi
	# shellcheck disable=SC2086 # RUNOPTS and files are word lists
	sh "$ROOT/testsuite/run.sh" --cc "$cc" --plugin "$PLUGIN" $RUNOPTS $files >"$tmp/out" 2>&1
	sed -e '$d' -e "s/^\(PASS\|FAIL\): /\1: torture $opt: /" "$tmp/out"
	p=$(grep -c '^PASS:' "$tmp/out")
	f=$(grep -c '^FAIL:' "$tmp/out")
	echo "torture $opt: $p passed, $f failed ($(($(date +%s) - start)) s)"
	pass=$((pass + p))
	fail=$((fail + f))
done
echo "torture: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
