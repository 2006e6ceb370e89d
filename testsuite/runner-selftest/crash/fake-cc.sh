#!/bin/sh
# Runner self-test: a stand-in compiler that crashes, to prove the runner
# reports an internal compiler error or a compiler killed by a signal as FAIL.
src=
for a in "$@"; do
	case $a in
	*.c) src=$a ;;
	esac
done
case $src in
*/ice.c)
	echo "$src:5:1: error: about to crash [errptr-selftest]" >&2
	echo "$src:5:1: internal compiler error: in fake_pass, at fake.c:42" >&2
	exit 4
	;;
*/signal.c)
	exit 139
	;;
esac
exit 0
