#!/bin/sh
# merge-callers: errptr-merge counts how callers test each callee's result (per distinct
# call site), gives callers= and a sample caller=.
. "$(dirname "$0")/merge-lib.inc"
plugin_ok

# get_both: a range test, not a flag, so both kinds stay proven ("if (n) return
# ERR_PTR()" would make the error pointer one only some arguments get, docs/checks.md)
cat >"$T/api.c" <<'C'
#include "kernel-min.h"
struct x;
static int y;
struct x *get_err(int n) { if (n) return ERR_PTR(-EINVAL); return (struct x *)&y; }
struct x *get_null(int n) { if (n) return NULL; return (struct x *)&y; }
struct x *get_both(int n) { if (n > 1) return NULL; if (n < 0) return ERR_PTR(-EINVAL); return (struct x *)&y; }
struct x *get_mixed(int n) { if (n) return ERR_PTR(-EINVAL); return (struct x *)&y; }
struct x *get_plain(int n) { return (struct x *)&y; }
C
cat >"$T/users.c" <<'C'
#include "kernel-min.h"
struct x;
extern struct x *get_err(int n);
extern struct x *get_null(int n);
extern struct x *get_both(int n);
extern struct x *get_mixed(int n);
extern struct x *get_plain(int n);
extern void use(struct x *p);

int u_err1(int n) { struct x *p = get_err(n); if (IS_ERR(p)) return PTR_ERR(p); use(p); return 0; }
int u_err2(int n) { struct x *p = get_err(n); if (IS_ERR(p)) return PTR_ERR(p); use(p); return 0; }
struct x *u_err3(int n) { return get_err(n); }
int u_null1(int n) { struct x *p = get_null(n); if (!p) return -ENOMEM; use(p); return 0; }
int u_both1(int n) { struct x *p = get_both(n); if (IS_ERR_OR_NULL(p)) return -EINVAL; use(p); return 0; }
int u_mixed1(int n) { struct x *p = get_mixed(n); if (!p) return -ENOMEM; use(p); return 0; }
int u_mixed2(int n) { struct x *p = get_mixed(n); if (IS_ERR(p)) return PTR_ERR(p); use(p); return 0; }
void u_plain(int n) { use(get_plain(n)); }
C
check "learn api.c" learn api.c
check "learn users.c" learn users.c
check "merge" "$MERGE" -o "$T/out.rules" "$T/api.o" "$T/users.o"
check "IS_ERR-only callers: callers=is_err" \
	expect_rule "$T/out.rules" func get_err "func get_err fails=err callers=is_err args=1"
check "the sample caller is an IS_ERR site" \
	has "$T/out.rules" "^func get_err .* caller=users\.c:10:u_err1 "
check "counts: two IS_ERR sites, one passed on" \
	has "$T/out.rules" "^func get_err .*# tests: is_err=2 null=0 both=0 none=0 returned=1$"
check "NULL-only callers: callers=null" \
	expect_rule "$T/out.rules" func get_null "func get_null fails=null callers=null"
check "IS_ERR_OR_NULL callers: callers=is_err_or_null" \
	expect_rule "$T/out.rules" func get_both "func get_both fails=both callers=is_err_or_null"
check "callers that disagree: callers=mixed" \
	expect_rule "$T/out.rules" func get_mixed "func get_mixed fails=err callers=mixed"
check "mixed: counts of both kinds" \
	has "$T/out.rules" "^func get_mixed .*# tests: is_err=1 null=1 both=0 none=0 returned=0$"
check "no testing caller: no callers=, fails=none, the untested call counted" \
	has "$T/out.rules" "^func get_plain fails=none args=1 caller=users\.c:[0-9]+:u_plain src=api\.c:8  # tests: is_err=0 null=0 both=0 none=1 returned=0$"

# The same call site seen in two objects (a header's inline function, or one source file
# compiled twice) is one call site.
cp "$T/users.c" "$T/users2.c"
check "learn users2.c" learn users2.c
cp "$T/users.o" "$T/copy.o"	# the same object twice under another name
check "merge with a copy" "$MERGE" -o "$T/dup.rules" "$T/api.o" "$T/users.o" "$T/copy.o"
check "an object read twice counts once" \
	has "$T/dup.rules" "^func get_err .*# tests: is_err=2 null=0 both=0 none=0 returned=1$"
check "merge with another file" "$MERGE" -o "$T/two.rules" "$T/api.o" "$T/users.o" "$T/users2.o"
check "another file's call sites count too" \
	has "$T/two.rules" "^func get_err .*# tests: is_err=4 null=0 both=0 none=0 returned=2$"
check "and the sample stays the smallest site" \
	has "$T/two.rules" "^func get_err .* caller=users\.c:10:u_err1 "
finish
