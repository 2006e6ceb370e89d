#!/bin/sh
# merge-wrappers: errptr-merge resolves what wrappers return across files, to a fixed point.
. "$(dirname "$0")/merge-lib.inc"
plugin_ok

# a.c returns what b.c's inner() returns; b.c's inner returns ERR_PTR or a valid pointer.
cat >"$T/a.c" <<'C'
#include "kernel-min.h"
struct x;
extern struct x *inner(void);
extern struct x *unknown_api(void);
extern struct x *ping(int n);
struct x *wrap(void) { return inner(); }
struct x *opaque(void) { return unknown_api(); }	/* nobody defines it: unknown */
/* only the valid pointers of inner() get through; NULL of its own */
struct x *filtered(void)
{
	struct x *p = inner();
	if (IS_ERR(p))
		return NULL;
	return p;
}
/* two allocators' results meet in one variable, tested once: the test holds
   for both (block/bio-integrity.c, bio_integrity_alloc()) */
extern struct x *pool_get(void);
extern struct x *heap_get(void);
struct x *joined(int k)
{
	struct x *p;
	if (k)
		p = pool_get();
	else
		p = heap_get();
	if (!p)
		return ERR_PTR(-ENOMEM);
	return p;
}
/* ping and pong return each other's result: a cycle across files */
struct x *pong(int n) { if (n > 100) return ERR_PTR(-EINVAL); return ping(n + 1); }
C
cat >"$T/b.c" <<'C'
#include "kernel-min.h"
struct x;
extern struct x *pong(int n);
static int y;
struct x *inner(void) { if (y) return ERR_PTR(-ENOENT); return (struct x *)&y; }
struct x *ping(int n) { if (!n) return (struct x *)&y; return pong(n); }
struct x *pool_get(void) { return y ? (struct x *)&y : NULL; }
struct x *heap_get(void) { return y > 1 ? (struct x *)&y : NULL; }
C
# two hops: c.c -> a.c -> b.c
cat >"$T/c.c" <<'C'
struct x;
extern struct x *wrap(void);
struct x *wrap2(void) { return wrap(); }
C
check "learn a.c" learn a.c
check "learn c.c" learn c.c
check "learn b.c" learn b.c
check "merge" "$MERGE" -o "$T/out.rules" "$T/a.o" "$T/b.o" "$T/c.o"
check "wrap gets inner's ERR_PTR from the other file: fails=err" \
	expect_rule "$T/out.rules" func wrap "func wrap fails=err args=0"
check "wrap2, two hops over three files" expect_rule "$T/out.rules" func wrap2 "func wrap2 fails=err"
check "inner itself" expect_rule "$T/out.rules" func inner "func inner fails=err args=0"
check "the definition's place is src=" has "$T/out.rules" "^func inner .* src=b\.c:5( |$)"
check "a callee without any summary adds nothing: no rule for opaque" \
	hasnt "$T/out.rules" '^func opaque '
check "only the allowed kinds pass: filtered fails=null, not both" \
	expect_rule "$T/out.rules" func filtered "func filtered fails=null"
check "a test of a PHI of two calls holds for both: joined fails=err, not both" \
	expect_rule "$T/out.rules" func joined "func joined fails=err args=1"
check "a cycle terminates, with the kinds of both: ping fails=err" \
	expect_rule "$T/out.rules" func ping "func ping fails=err args=1"
check "pong fails=err" expect_rule "$T/out.rules" func pong "func pong fails=err args=1"

# the order of the inputs changes nothing
check "merge, inputs reversed" "$MERGE" -o "$T/rev.rules" "$T/c.o" "$T/b.o" "$T/a.o"
check "same rules whatever the order" sh -c "grep -v '^#' '$T/out.rules' >'$T/1'; grep -v '^#' '$T/rev.rules' >'$T/2'; cmp '$T/1' '$T/2'"
# rules are sorted by name, one per line, and the plugin's parser takes them
check "sorted" sh -c "grep -v '^#' '$T/out.rules' | awk '{print \$1, \$2}' >'$T/names'; LC_ALL=C sort -c '$T/names'"
mkdir -p "$T/rd"
cp "$T/out.rules" "$T/rd/learned.rules"
echo 'int main_unused;' >"$T/empty.c"
check "the plugin reads the rules without error" \
	$CC -fplugin="$ERRPTR_PLUGIN" -fplugin-arg-errptr-rules-dir="$T/rd" -c "$T/empty.c" -o /dev/null
finish
