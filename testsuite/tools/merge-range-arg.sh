#!/bin/sh
# merge-range-arg: a function whose every failure return is past a "too large" test of one
# integer argument (gpiochip_get_desc(): "if (hwnum >= gdev->ngpio) return ERR_PTR(-EINVAL);")
# gets range_arg=K; one with other failures, a constant bound, a lower-bound test, a returned
# callee's failures, or definitions that disagree does not.
. "$(dirname "$0")/merge-lib.inc"
plugin_ok

cat >"$T/a.c" <<'C'
#include "kernel-min.h"
struct d { int live; };
struct g { unsigned int n; unsigned int base; struct d descs[8]; };
extern struct d *elsewhere(struct g *g, unsigned int i);
struct d *get_desc(struct g *g, unsigned int i)
{
	if (i >= g->n)
		return ERR_PTR(-EINVAL);
	return &g->descs[i];
}
/* "n < i" spelt the other way, and the second argument of three */
struct d *get_desc3(struct g *g, int flags, unsigned int i)
{
	if (g->n <= i)
		return NULL;
	return &g->descs[i];
}
struct d *get_or_gone(struct g *g, unsigned int i)
{
	if (!g->descs[0].live)
		return ERR_PTR(-ENODEV);
	if (i >= g->n)
		return ERR_PTR(-EINVAL);
	return &g->descs[i];
}
struct d *get_min(struct g *g, unsigned int i)
{
	if (i < g->base)
		return ERR_PTR(-EINVAL);
	return &g->descs[i];
}
struct d *get_or_pass(struct g *g, unsigned int i)
{
	if (i >= g->n)
		return ERR_PTR(-EINVAL);
	if (i == 7)
		return elsewhere(g, i);
	return &g->descs[i];
}
/* a constant bound */
struct d *get_first8(struct g *g, unsigned int i)
{
	if (i >= 8)
		return ERR_PTR(-EINVAL);
	return &g->descs[i];
}
/* defined again in b.c without the bound */
struct d *twice(struct g *g, unsigned int i)
{
	if (i >= g->n)
		return ERR_PTR(-EINVAL);
	return &g->descs[i];
}
C
cat >"$T/b.c" <<'C'
#include "kernel-min.h"
struct d { int live; };
struct g { unsigned int n; unsigned int base; struct d descs[8]; };
struct d *elsewhere(struct g *g, unsigned int i)
{
	return g->n ? &g->descs[i] : ERR_PTR(-ENOENT);
}
struct d *twice(struct g *g, unsigned int i)
{
	if (!g->n)
		return ERR_PTR(-EINVAL);
	return &g->descs[i];
}
C
check "learn a.c" learn a.c
check "learn b.c" learn b.c
check "merge" "$MERGE" -o "$T/out.rules" "$T/a.o" "$T/b.o"
check "the index test: range_arg=2" \
	expect_rule "$T/out.rules" func get_desc "func get_desc fails=err args=2 range_arg=2"
check "'n <= i', the third argument, a NULL: range_arg=3" \
	expect_rule "$T/out.rules" func get_desc3 "func get_desc3 fails=null args=3 range_arg=3"
check "the others have rules" sh -c "grep -q '^func get_or_gone fails=err' '$T/out.rules' &&
	grep -q '^func get_min fails=err' '$T/out.rules' && grep -q '^func get_or_pass fails=err' '$T/out.rules' &&
	grep -q '^func twice fails=err' '$T/out.rules' && grep -q '^func get_first8 fails=err' '$T/out.rules'"
check "another failure: no range_arg" hasnt "$T/out.rules" '^func get_or_gone .*range_arg'
check "a constant bound: no range_arg" hasnt "$T/out.rules" '^func get_first8 .*range_arg'
check "a lower bound: no range_arg" hasnt "$T/out.rules" '^func get_min .*range_arg'
check "a returned callee's failures: no range_arg" hasnt "$T/out.rules" '^func get_or_pass .*range_arg'
check "definitions that disagree: no range_arg" hasnt "$T/out.rules" '^func twice .*range_arg'
mkdir -p "$T/rd"
cp "$T/out.rules" "$T/rd/learned.rules"
echo 'int main_unused;' >"$T/empty.c"
check "the plugin reads the rules without error" \
	$CC -fplugin="$ERRPTR_PLUGIN" -fplugin-arg-errptr-rules-dir="$T/rd" -c "$T/empty.c" -o /dev/null
finish
