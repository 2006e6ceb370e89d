#!/bin/sh
# kernel-config.sh - configure a kernel build directory the way "make rules" and
# "make validate" build the kernel: x86_64 allmodconfig without KASAN, UBSAN, KCOV, GCOV,
# debug info, GCC plugins and CONFIG_WERROR (instrumentation and debug info only cost
# time; other GCC plugins are not ours to load; -Werror would stop a build on a warning
# of gcc's that has nothing to do with errptr).
#
# usage: scripts/kernel-config.sh KSRC OUT KCC LOG [HOSTCC]
# HOSTCC (default KCC) builds kbuild's host programs (fixdep, conf): give the plain
# compiler when KCC runs errptr (make rules: a learn-only compile makes no program).
# Exits non-zero, with one line on stderr, when a step fails or an option survives.
set -u
[ $# -eq 4 ] || [ $# -eq 5 ] || { echo "usage: $0 KSRC OUT KCC LOG [HOSTCC]" >&2; exit 2; }
ksrc=$1 out=$2 kcc=$3 log=$4 hostcc=${5:-$3}
{
	make -C "$ksrc" O="$out" CC="$kcc" HOSTCC="$hostcc" allmodconfig &&
	"$ksrc/scripts/config" --file "$out/.config" \
		-d KASAN -d UBSAN -d KCOV -d GCOV_KERNEL -d GCC_PLUGINS -d WERROR \
		-d DEBUG_INFO -d DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT -d DEBUG_INFO_DWARF4 \
		-d DEBUG_INFO_DWARF5 -d DEBUG_INFO_BTF -e DEBUG_INFO_NONE &&
	make -C "$ksrc" O="$out" CC="$kcc" HOSTCC="$hostcc" olddefconfig
} >"$log" 2>&1 || { echo "kernel-config: configuration of $out failed; see $log" >&2; exit 1; }
for opt in KASAN UBSAN KCOV GCOV_KERNEL GCC_PLUGINS WERROR DEBUG_INFO; do
	if grep -q "^CONFIG_$opt=y" "$out/.config"; then
		echo "kernel-config: CONFIG_$opt is still set in $out/.config after olddefconfig; see $log" >&2
		exit 1
	fi
done
