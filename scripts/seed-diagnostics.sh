#!/bin/sh
# seed-diagnostics.sh - errptr's diagnostics of the seed example (examples/seed-hook/)
# against a kernel's headers, in a form that does not depend on how a GCC release draws
# them: one line per diagnostic (-fdiagnostics-plain-output, no caret lines), each path
# event a note of its own (-fdiagnostics-path-format=separate-events), fix-its as
# "fix-it:" lines (-fdiagnostics-parseable-fixits); file names without their directory.
# make check-compilers (scripts/check-compilers.sh) compares them between compilers.
#
#   sh scripts/seed-diagnostics.sh [--cc CC] [--plugin PATH] [--kdir DIR]
# Exit status: 0 when the build failed with an errptr error (the example is rejected).
top=$(cd "$(dirname "$0")/.." && pwd)
cc=${CC:-gcc}
plugin=$top/plugin/errptr.so
kdir=
while [ $# -gt 0 ]; do
	case $1 in
	--cc) cc=$2; shift 2 ;;
	--plugin) plugin=$2; shift 2 ;;
	--kdir) kdir=$2; shift 2 ;;
	*) echo "seed-diagnostics.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
[ -n "$kdir" ] || kdir=$(sh "$top/testsuite/run.sh" --print-kdir)
T=$(mktemp -d "${TMPDIR:-/tmp}/errptr-seed.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
cp -R "$top/examples/seed-hook" "$T/m"
(
	unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
	# shellcheck disable=SC2046 # make arguments, one per word
	LC_ALL=C make -C "$kdir" M="$T/m" CC="$cc" $(sh "$top/testsuite/kbuild-compat.sh" "$cc" "$kdir" "$T") KCFLAGS="-fplugin=$plugin \
-fdiagnostics-plain-output -fno-diagnostics-show-caret \
-fdiagnostics-path-format=separate-events -fdiagnostics-parseable-fixits" </dev/null
) >"$T/log" 2>&1
status=$?
# file names without the scratch directory or the module's own directory
awk -v dir="$T/m/" '
	/^fix-it:/ || /: (fatal error|error|warning|note): / {
		s = $0
		while ((p = index(s, dir)) > 0) s = substr(s, 1, p - 1) substr(s, p + length(dir))
		if (s ~ /^[^ :]*\/[^ :\/]*:[0-9]/) sub(/^[^ :]*\//, "", s)
		print s
	}' "$T/log"
[ "$status" != 0 ] && grep -q -E 'error: .*\[errptr-[a-z0-9-]+\]$' "$T/log"
