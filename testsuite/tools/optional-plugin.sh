#!/bin/sh
# optional-plugin.sh - tools/errptr.mk, errptr made optional in a module Makefile, on real
# kbuild builds of testsuite/kbuild/optional-plugin/ (its Makefile includes errptr.mk and
# passes the module's errptr arguments in ccflags-$(ERRPTR_ON)):
#   - errptr not installed for the compiler, no KCFLAGS (a DKMS build on a user's
#     machine): the module builds, and neither -fplugin nor an errptr argument reaches
#     the compiler;
#   - errptr installed for the compiler: errptr.mk loads it (-fplugin=errptr) with the
#     module's arguments (its rules: the stand-in in opt_user.c is reported, as a warning);
#   - installed, and KCFLAGS loads errptr by another path (a CI job, docs/ci.md): no
#     "specified with different paths" error, the finding reported once;
#   - ERRPTR_ON=n leaves an installed errptr out; ERRPTR_ON=y insists on it;
#   - what errptr.mk replaces, "ccflags-y += -fplugin=errptr", breaks both ways: without
#     errptr installed, and with KCFLAGS naming the build tree's errptr; KCFLAGS with the
#     short name (-fplugin=errptr, an installed errptr) is the same file and no clash.
# (The runner's kbuild test of the same directory is the third way: errptr loaded by
# KCFLAGS alone, where it is not installed.)
# "Installed for the compiler" is GCC's own -B option: with CC="gcc -BDIR/" GCC takes
# DIR/plugin for its plugin directory (what "-print-file-name=plugin" prints, where
# -fplugin=errptr is looked up), so the test needs no root and leaves the compiler's
# real plugin directory alone.
. "$(dirname "$0")/lib.sh"
plugin_ok
kdir_ok

src=$top/testsuite/kbuild/optional-plugin
pdir=$(cd "$(dirname "$ERRPTR_PLUGIN")" && pwd)
major=$($CC -dumpversion | cut -d. -f1)
mkdir -p "$T/gcc-without/plugin" "$T/gcc-with/plugin"
ln -s "$pdir/errptr.so" "$pdir/errptr-gcc$major.so" "$T/gcc-with/plugin/"
WITHOUT="$CC -B$T/gcc-without/"
WITH="$CC -B$T/gcc-with/"

# mod NAME CC [MAKE-ARGS...]: copy the module to $T/NAME and build it with compiler CC;
# the output in $T/NAME/build.log, the exit status in $T/NAME.status
mod() {
	m_dir=$T/$1
	m_cc=$2
	shift 2
	rm -rf "$m_dir"
	mkdir -p "$m_dir"
	cp -RL "$src/." "$m_dir/"
	(
		unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
		# shellcheck disable=SC2086 # KBUILD_COMPAT is a list of make arguments
		make -C "$KDIR" M="$m_dir" CC="$m_cc" $KBUILD_COMPAT "$@" </dev/null
	) >"$m_dir/build.log" 2>&1
	echo $? >"$m_dir.status"
}
status() { cat "$T/$1.status"; }
# cmd NAME: the command line that compiled opt_user.c (kbuild's .opt_user.o.cmd)
cmd() { head -n 1 "$T/$1/.opt_user.o.cmd" 2>/dev/null; }
# findings NAME: how many times the stand-in in opt_user.c was reported as a warning
findings() {
	grep -c "opt_user\.c:[0-9]*:[0-9]*: warning: 'opt_connect_cached' returns NULL here, but it stands in for 'opt_connect'.*\[errptr-null-return\]" \
		"$T/$1/build.log"
}
# loads NAME: the -fplugin= options of errptr in opt_user.c's command line
loads() { cmd "$1" | tr ' ' '\n' | grep -c -e '^-fplugin=errptr$' -e '^-fplugin=.*/errptr\.so$'; }
show() { sed -n '1,25s/^/    /p' "$T/$1/build.log"; }

# ---- errptr not installed for the compiler, nothing in KCFLAGS
mod without "$WITHOUT"
if [ "$(status without)" = 0 ] && [ -f "$T/without/optmod.ko" ] && [ "$(findings without)" = 0 ] &&
	! grep -q '\[errptr-' "$T/without/build.log"; then
	pass "not installed: the module builds (optmod.ko), errptr says nothing"
else
	fail "not installed: exit status $(status without)"
	show without
fi
check "not installed: no -fplugin and no errptr argument on the compiler's command line" \
	sh -c "test -n \"\$1\" && ! printf '%s\n' \"\$1\" | grep -q -e '-fplugin'" sh "$(cmd without)"

# ---- errptr installed for the compiler
mod with "$WITH"
if [ "$(status with)" = 0 ] && [ "$(findings with)" = 1 ]; then
	pass "installed: errptr.mk loads errptr with the module's rules: the stand-in is reported (a warning, the build goes on)"
else
	fail "installed: exit status $(status with), $(findings with) findings (expected 0 and 1)"
	show with
fi
check "installed: -fplugin=errptr once, and the module's -fplugin-arg-errptr-rules=" \
	sh -c "test \"\$(printf '%s\n' \"\$1\" | tr ' ' '\n' | grep -c -x -e '-fplugin=errptr')\" = 1 &&
		printf '%s\n' \"\$1\" | grep -q -e '-fplugin-arg-errptr-rules=.*optional-plugin\.rules'" sh "$(cmd with)"

# ---- installed, and KCFLAGS loads errptr by another path (the build tree's)
mod both "$WITH" KCFLAGS="-fplugin=$ERRPTR_PLUGIN"
if [ "$(status both)" = 0 ] && [ "$(findings both)" = 1 ] && ! grep -q 'specified with different paths' "$T/both/build.log"; then
	pass "installed + KCFLAGS=-fplugin=$ERRPTR_PLUGIN: no clash, errptr loaded once, the finding reported once"
else
	fail "installed + KCFLAGS: exit status $(status both), $(findings both) findings"
	show both
fi
check "installed + KCFLAGS: opt_user.c compiled with one errptr plugin option, KCFLAGS' ($(loads both))" \
	sh -c "test '$(loads both)' = 1 && printf '%s\n' \"\$1\" | tr ' ' '\n' | grep -q -x -e '-fplugin=$ERRPTR_PLUGIN'" sh "$(cmd both)"

# ---- ERRPTR_ON on the command line
mod off "$WITH" ERRPTR_ON=n
check "ERRPTR_ON=n: an installed errptr is left out (exit $(status off), $(loads off) plugin options)" \
	sh -c "test '$(status off)' = 0 && test '$(loads off)' = 0 && test '$(findings off)' = 0"
mod insist "$WITHOUT" ERRPTR_ON=y
check "ERRPTR_ON=y: insists on errptr: not installed, the build fails saying so (exit $(status insist))" \
	sh -c "test '$(status insist)' != 0 && grep -q 'inaccessible plugin file.*errptr' '$T/insist/build.log'"

# ---- the one-line idiom errptr.mk replaces
src=$T/oneline-src
mkdir -p "$src"
cp "$top/testsuite/kbuild/optional-plugin/"*.c "$top/testsuite/kbuild/optional-plugin/"*.h "$src/"
printf 'obj-m := optmod.o\noptmod-y := opt_api.o opt_user.o\nccflags-y += -fplugin=errptr\n' >"$src/Makefile"
mod oneline-without "$WITHOUT"
check "'ccflags-y += -fplugin=errptr' without errptr installed: the module does not build (exit $(status oneline-without))" \
	sh -c "test '$(status oneline-without)' != 0 && grep -q 'inaccessible plugin file' '$T/oneline-without/build.log'"
mod oneline-both "$WITH" KCFLAGS="-fplugin=$ERRPTR_PLUGIN"
check "'ccflags-y += -fplugin=errptr' and KCFLAGS=-fplugin=PATH: 'specified with different paths' (exit $(status oneline-both))" \
	sh -c "test '$(status oneline-both)' != 0 && grep -q \"plugin .*errptr.* was specified with different paths\" '$T/oneline-both/build.log'"
mod oneline-short "$WITH" KCFLAGS=-fplugin=errptr
check "'ccflags-y += -fplugin=errptr' and KCFLAGS=-fplugin=errptr, installed: one file, no clash (exit $(status oneline-short))" \
	sh -c "test '$(status oneline-short)' = 0 && ! grep -q 'specified with different paths' '$T/oneline-short/build.log'"
finish
