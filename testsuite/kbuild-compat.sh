#!/bin/sh
# kbuild-compat.sh CC KDIR DIR - the make arguments that let CC build external modules
# against the kernel build directory KDIR when the kernel was configured with another
# GCC that has features CC lacks; printed on one line (nothing when none is needed).
#
# The kernel's configuration records what its compiler can do (CONFIG_CC_HAS_*, and
# options that need a compiler flag); a module built with an older GCC of the same
# release (Debian 13's gcc-13 against 6.12 configured with gcc-14, testing's gcc-15
# against 7.2 configured with gcc-16, Debian 12's gcc-11 against 6.1 with gcc-12) gets
# flags and attributes it rejects.  None of them changes what errptr sees:
#  - a flag in kbuild's Makefiles: the CONFIG_ variable set empty on make's command line,
#    so kbuild takes its other branch (-ftrivial-auto-var-init only initialises stack
#    variables; -fmin-function-alignment, GCC 14, gives way to -falign-functions);
#  - an attribute behind a macro of compiler_types.h: the macro made empty again in
#    DIR/kbuild-compat.h, which KCPPFLAGS includes after compiler_types.h
#    (__counted_by_ptr, GCC 16's counted_by on a pointer member, Linux 7.x).
# testsuite/run.sh and testsuite/tools/lib.sh pass these arguments to every kbuild make.
cc=$1 kdir=$2 dir=$3
cfg=$kdir/.config
[ -f "$cfg" ] || exit 0
has() { grep -q "^CONFIG_$1=y" "$cfg"; }
flag_ok() { $cc -Werror "$1" -x c -c -o /dev/null /dev/null >/dev/null 2>&1; }
code_ok() { printf '%s\n' "$1" | $cc -Werror -x c -c -o /dev/null - >/dev/null 2>&1; }

args=
has INIT_STACK_ALL_ZERO && ! flag_ok -ftrivial-auto-var-init=zero &&
	args="$args CONFIG_INIT_STACK_ALL_ZERO="
has INIT_STACK_ALL_PATTERN && ! flag_ok -ftrivial-auto-var-init=pattern &&
	args="$args CONFIG_INIT_STACK_ALL_PATTERN="
has CC_HAS_MIN_FUNCTION_ALIGNMENT && ! flag_ok -fmin-function-alignment=16 &&
	args="$args CONFIG_CC_HAS_MIN_FUNCTION_ALIGNMENT="

header=
if has CC_HAS_COUNTED_BY_PTR &&
	! code_ok 'struct s { int n; int *p __attribute__((__counted_by__(n))); };'; then
	header="$header#undef __counted_by_ptr
#define __counted_by_ptr(member)
"
fi
if [ -n "$header" ] && [ -n "$dir" ]; then
	{
		echo "/* testsuite/kbuild-compat.sh: $cc lacks what $kdir was configured with */"
		printf '%s' "$header"
	} >"$dir/kbuild-compat.h" && args="$args KCPPFLAGS=-include$dir/kbuild-compat.h"
fi
echo $args
