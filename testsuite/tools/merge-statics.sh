#!/bin/sh
# merge-statics: static functions are keyed by (source file, name): two files' statics of
# the same name stay apart, a unit's static wins over a global of that name, and statics
# get no rule of their own.
. "$(dirname "$0")/merge-lib.inc"
plugin_ok

# Compiled: x.c and y.c each have a static "lookup", stored into their own member.
cat >"$T/x.c" <<'C'
#include "kernel-min.h"
struct x;
struct xops { struct x *(*get)(int); };
static int v;
static struct x *lookup(int n) { if (n) return ERR_PTR(-ENOENT); return (struct x *)&v; }
const struct xops x_ops = { .get = lookup };
C
cat >"$T/y.c" <<'C'
#include "kernel-min.h"
struct x;
struct yops { struct x *(*get)(int); };
static int v;
static struct x *lookup(int n) { if (n) return NULL; return (struct x *)&v; }
const struct yops y_ops = { .get = lookup };
C
# z.c: a global "lookup" returning only valid pointers, and a member of it
cat >"$T/z.c" <<'C'
struct x;
struct zops { struct x *(*get)(int); };
static int v;
struct x *lookup(int n) { return (struct x *)&v; }
const struct zops z_ops = { .get = lookup };
C
for f in x y z; do
	check "learn $f.c" learn $f.c
done
check "merge" "$MERGE" -o "$T/out.rules" "$T/x.o" "$T/y.o" "$T/z.o"
check "x.c's static lookup: xops.get fails=err" \
	expect_rule "$T/out.rules" member xops.get "member xops.get fails=err"
check "y.c's static lookup: yops.get fails=null" \
	expect_rule "$T/out.rules" member yops.get "member yops.get fails=null"
check "the global lookup: zops.get fails=none" \
	expect_rule "$T/out.rules" member zops.get "member zops.get fails=none"
check "the one func rule for lookup is the global's" \
	expect_rule "$T/out.rules" func lookup "func lookup fails=none args=1 src=z.c:4"
check "exactly one" sh -c "test \$(grep -c '^func lookup ' '$T/out.rules') = 1"

# Records written by hand: in a.c, "wrap" returns what "helper" returns; a.c has a static
# helper (ERR_PTR), b.c a global helper (NULL), c.c's "wrap3" returns the global's.  Calls of
# a.c's helper are not counted for the global helper.
section a.o 'errptr-summary\t1\ta.c\nF\thelper\tstatic\ta.c:1\t0\tev\nF\twrap\tglobal\ta.c:5\t0\t-\thelper:nev\nC\thelper\tuser_a\ta.c:9\tis_err\n'
section b.o 'errptr-summary\t1\tb.c\nF\thelper\tglobal\tb.c:1\t0\tnv\nC\thelper\tuser_b\tb.c:7\tnull\n'
section c.o 'errptr-summary\t1\tc.c\nF\twrap3\tglobal\tc.c:2\t0\t-\thelper:nev\n'
check "merge the records" "$MERGE" -o "$T/rec.rules" "$T/a.o" "$T/b.o" "$T/c.o"
check "a unit's static wins over the global: wrap fails=err" \
	expect_rule "$T/rec.rules" func wrap "func wrap fails=err args=0"
check "elsewhere the global counts: wrap3 fails=null" \
	expect_rule "$T/rec.rules" func wrap3 "func wrap3 fails=null args=0"
check "calls of the static are not the global's" \
	has "$T/rec.rules" "^func helper fails=null callers=null args=0 caller=b\.c:7:user_b src=b\.c:1  # tests: is_err=0 null=1 both=0 none=0 returned=0$"
finish
