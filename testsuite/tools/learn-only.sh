#!/bin/sh
# learn-only: -fplugin-arg-errptr-learn-only writes the section the learn mode writes,
# byte for byte, and compiles nothing else: no function is defined in the object, no
# variable that points to code, and the data that points to none is kept; with -g and
# GCC's internal checks (-fchecking) too.  errptr-merge learns the same rules from it.
# (The kbuild module build with ccache and distcc: ccache-distcc.sh; the kernel's fs/:
# make bench.)
. "$(dirname "$0")/merge-lib.inc"
plugin_ok

cat >"$T/a.c" <<'C'
#include "kernel-min.h"
struct obj { int n; };
struct ops { struct obj *(*get)(int); };
static struct obj pool[4];
struct obj *a_find(int n) { if (n < 0) return ERR_PTR(-EINVAL); if (n > 3) return NULL; return &pool[n]; }
static struct obj *a_get(int n) { return a_find(n); }
const struct ops a_ops = { .get = a_get };
const struct ops *const a_ops_ptr = &a_ops;	/* points to code through a_ops */
const char a_license[] __attribute__((used, section(".modinfo"))) = "license=GPL";
const int a_table[3] = { 1, 2, 3 };
int a_user(void) { struct obj *o = a_find(1); if (IS_ERR(o)) return PTR_ERR(o); return o->n; }
C
# learn-only, then learn: the same file's two objects
learn_only() {
	src=$1
	shift
	(cd "$T" && $CC -fplugin="$ERRPTR_PLUGIN" -fplugin-arg-errptr-learn-only \
		-fplugin-arg-errptr-rules-dir="$T/norules" -O2 -I"$top/testsuite/include" \
		-c "$src" -o "${src%.c}.only.o" "$@")
}
section_of() { objcopy --dump-section .discard.errptr="$2" "$1" "$T/junk.o"; }
defined() { nm "$1" | awk '$2 ~ /^[TtDdRrBb]$/ { print $3 }' | sort | tr '\n' ' '; }

for g in "" "-g -fchecking"; do
	with=${g:+ with $g}
	check "learn$with" learn a.c $g
	check "learn-only$with" learn_only a.c $g
	section_of "$T/a.o" "$T/a.learn.sec" && section_of "$T/a.only.o" "$T/a.only.sec"
	check "learn-only$with: the section is the learn mode's, byte for byte" \
		cmp "$T/a.learn.sec" "$T/a.only.sec"
	check "learn-only$with: a_find's summary and a_user's call are in it" \
		sh -c "grep -q '^F	a_find	global	' $T/a.only.sec && grep -q '^C	a_find	a_user	' $T/a.only.sec"
	got=$(defined "$T/a.only.o")
	check "learn-only$with: only the data without code pointers is defined ($got)" \
		test "$got" = "a_license a_table "
	got=$(defined "$T/a.o")
	check "learn$with (the look-alike): functions and ops tables are defined ($got)" \
		test "$got" = "a_find a_get a_license a_ops a_ops_ptr a_table a_user pool "
done
check "merge of the learn-only object" "$MERGE" -o "$T/only.rules" "$T/a.only.o"
check "merge of the learn object" "$MERGE" -o "$T/learn.rules" "$T/a.o"
check "the same rules" sh -c "grep -v '^#' $T/only.rules >$T/only.r && grep -v '^#' $T/learn.rules >$T/learn.r &&
	cmp $T/only.r $T/learn.r"
check "a rule for a_find" expect_rule "$T/only.rules" func a_find "func a_find fails=both"
check "learn-only takes no value: an error" \
	sh -c "! $CC -fplugin=$ERRPTR_PLUGIN -fplugin-arg-errptr-learn-only=yes -c -x c /dev/null -o $T/x.o"
finish
