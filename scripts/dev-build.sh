#!/bin/sh
# dev-build.sh OUTDIR [CC] - build the plugin into OUTDIR (objects, errptr-gccN.so and the
# errptr.so loader) without touching the tree's own build: for several people working on
# the same checkout at once.  Use -fplugin=OUTDIR/errptr.so; the bundled rules are found
# through the compiled-in path of this checkout's rules/.
set -e
out=${1:?usage: dev-build.sh OUTDIR [CC]}
cc=${2:-gcc}
top=$(cd "$(dirname "$0")/.." && pwd)
major=$($cc -dumpversion | cut -d. -f1)
cxx=g++-$major
command -v "$cxx" >/dev/null 2>&1 || cxx=g++
inc=$($cc -print-file-name=plugin)/include
version=$(cat "$top/VERSION")
mkdir -p "$out"
objs=
for src in "$top"/plugin/*.c "$top"/lib/*.c; do
	case $src in */loader.c) continue ;; esac
	obj=$out/$(basename "$(dirname "$src")")-$(basename "$src" .c).o
	if [ ! -e "$obj" ] || [ "$src" -nt "$obj" ] ||
	   [ -n "$(find "$top/plugin" "$top/lib" -name '*.h' -newer "$obj")" ]; then
		$cxx -x c++ -std=gnu++14 -fno-rtti -fno-exceptions -fPIC -O2 -g -Wall -Wno-unused-parameter \
			-I"$inc" -I"$top/lib" -DERRPTR_RULES_DIR="\"$top/rules\"" -DERRPTR_VERSION="\"$version\"" \
			-c "$src" -o "$obj"
	fi
	objs="$objs $obj"
done
$cxx -shared -nodefaultlibs -o "$out/errptr-gcc$major.so" $objs -lcdb -lc -lgcc
$cc -shared -fPIC -O2 -Wall -o "$out/errptr.so" "$top/plugin/loader.c" -ldl
