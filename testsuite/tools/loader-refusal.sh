#!/bin/sh
# loader-refusal.sh - the loader plugin/errptr.so refuses, in one line and with a failed
# compile, a build of errptr it cannot run: one for another GCC (its version is read from
# the file, "errptr-built-for-gcc=X.Y.Z", before dlopen() could fail on a renamed GCC
# symbol), a damaged one, a missing one.  The build for another GCC is taken from
# plugin/errptr-gccM.so when one was built (make CC=gcc-M), and is always also made by
# rewriting the version in a copy of this GCC's build.
. "$(dirname "$0")/lib.sh"
plugin_ok

pdir=$(dirname "$ERRPTR_PLUGIN")
version=$($CC -dumpfullversion 2>/dev/null || $CC -dumpversion)
major=${version%%.*}
own=$pdir/errptr-gcc$major.so
printf 'int unit(int x)\n{\n\treturn x + 1;\n}\n' >"$T/unit.c"

# refused WHAT BUILD REGEX: the loader beside BUILD (copied as errptr-gcc$major.so, or
# none when BUILD is "-") refuses: status != 0, one line on stderr matching REGEX, no
# second line of GCC's.
refused() {
	what=$1 build=$2 regex=$3
	rm -rf "$T/p" && mkdir "$T/p" && cp "$ERRPTR_PLUGIN" "$T/p/errptr.so" || return
	[ "$build" = - ] || cp "$build" "$T/p/errptr-gcc$major.so" || return
	(cd "$T" && $CC -fplugin="$T/p/errptr.so" -O2 -c unit.c -o unit.o) >"$T/out" 2>"$T/err"
	status=$?
	lines=$(wc -l <"$T/err")
	if [ "$status" != 0 ] && [ "$lines" = 1 ] && grep -q -E "$regex" "$T/err"; then
		pass "$what: one line, '$(cat "$T/err")'"
	else
		fail "$what: status $status, $lines lines on stderr (want 1 matching '$regex'):"
		sed 's/^/  /' "$T/err"
	fi
}

if [ ! -f "$own" ]; then
	fail "no $own beside the loader (make CC=$CC)"
	finish
fi
check "$own names the GCC it was built for: errptr-built-for-gcc=$version" \
	grep -q -a "errptr-built-for-gcc=$version" "$own"

# this GCC's build with another version written into it (same length: 13.3.0 -> 99.9.9)
other_version=$(echo "$version" | tr 0-8 9-9)
[ "$other_version" = "$version" ] && other_version=$(echo "$version" | tr 9 8)
"$PY" - "$own" "$T/other.so" "$version" "$other_version" <<'PY'
import sys
src, dst, old, new = sys.argv[1:5]
data = open(src, "rb").read()
key = b"errptr-built-for-gcc="
assert data.count(key + old.encode() + b"\0") == 1
open(dst, "wb").write(data.replace(key + old.encode() + b"\0", key + new.encode() + b"\0"))
PY
refused "a build for GCC $other_version loaded into GCC $version" "$T/other.so" \
	"^cc1: error: errptr: .*errptr-gcc$major\.so was built for GCC $other_version and cannot run in GCC $version; rebuild it with 'make CC=gcc-$major'"

# the real builds for the other GCC majors made in this tree
for b in "$pdir"/errptr-gcc*.so; do
	[ -f "$b" ] || continue
	m=$(basename "$b" .so)
	m=${m#errptr-gcc}
	[ "$m" = "$major" ] && continue
	bv=$(grep -a -o 'errptr-built-for-gcc=[0-9.]*' "$b" | head -n 1)
	bv=${bv#errptr-built-for-gcc=}
	[ -n "$bv" ] || continue
	refused "errptr-gcc$m.so (built for GCC $bv) loaded into GCC $version" "$b" \
		"was built for GCC $bv and cannot run in GCC $version"
done

: >"$T/empty.so"
refused "a damaged build (an empty file)" "$T/empty.so" \
	"^cc1: error: errptr: cannot load .*errptr-gcc$major\.so .*rebuild it with 'make CC=gcc-$major'"
refused "no build for GCC $version" - \
	"^cc1: error: errptr: no build of errptr for GCC $version: .*errptr-gcc$major\.so is missing"
finish
