#!/bin/sh
# kernel-version: errptr reads which kernel a unit is compiled against from the kernel
# build tree the unit includes (plugin/kernel.c), for real Debian kernel headers of two
# versions: the seed module is built against each installed linux-headers-*-amd64 tree
# (Debian 12: 6.1, and 6.12 from bookworm-security, which make deps installs), and the
# version errptr names (-fplugin-arg-errptr-verbose, the SARIF log's errptr/kernel) is
# that tree's include/config/kernel.release; the seed is rejected against each, and
# -fplugin-arg-errptr-kernel=X.Y overrides what the tree says.
. "$(dirname "$0")/lib.sh"

trees=
for d in /usr/src/linux-headers-*-amd64; do
	case $d in *-cloud-amd64 | *-rt-amd64) continue ;; esac
	[ -f "$d/Makefile" ] && [ -f "$d/include/config/kernel.release" ] && trees="$trees $d"
done
n=$(echo $trees | wc -w)
if [ "$n" -lt 2 ]; then
	echo "SKIP: $test_name: headers of two kernels are needed, found $n:$trees (make deps installs them on Debian 12)"
	finish
fi

build() {	# build KDIR OUT [ARGS]: the seed hook against KDIR, its diagnostics into OUT
	kd=$1 out=$2
	shift 2
	rm -rf "$T/mod"
	mkdir -p "$T/mod" "$T/sarif"
	cp "$top"/examples/seed-hook/*.c "$top"/examples/seed-hook/*.h "$top"/examples/seed-hook/Makefile "$T/mod/"
	make -C "$kd" M="$T/mod" CC="$CC" $(sh "$top/testsuite/kbuild-compat.sh" "$CC" "$kd" "$T") \
		KCFLAGS="-fplugin=$ERRPTR_PLUGIN -fplugin-arg-errptr-verbose -fplugin-arg-errptr-sarif=$T/sarif/%p.sarif $*" \
		>"$out" 2>&1
	return 0
}

for kd in $trees; do
	release=$(cat "$kd/include/config/kernel.release")
	build "$kd" "$T/out"
	check "$release: the version is read from $kd" \
		grep -q "errptr: compiled against Linux $release ($kd/include/config/kernel.release)" "$T/out"
	check "$release: the SARIF log says it" \
		grep -q "\"errptr/kernel\":\"$release\"" $(ls "$T"/sarif/file_hook.c.*.sarif)
	check "$release: the seed's 'return NULL' is rejected" \
		grep -q "file_hook.c:55:9: error: 'akfs_hook_do_filp_open' returns NULL here, but it stands in for 'do_filp_open'" "$T/out"
	build "$kd" "$T/out" -fplugin-arg-errptr-kernel=5.4
	check "$release: -fplugin-arg-errptr-kernel=5.4 overrides the tree" \
		grep -q "errptr: compiled against Linux 5.4 (-fplugin-arg-errptr-kernel=5.4)" "$T/out"
done
finish
