/* errptr-err-ptr-zero on functions of external linkage: one that reports
   failure with ERR_PTR() has that convention as its contract with callers
   elsewhere, who test the result with IS_ERR(): ERR_PTR(0) returned there
   is a NULL they take for an object.  Look-alikes that must stay silent:
   an exported function that also returns NULL of its own, one whose rule
   says its callers handle NULL (the "ERR_PTR(0) is no result" idiom), one
   a caller in this file tests for NULL, ERR_PTR() of a negative errno.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/err-ptr-zero-exported.rules -fplugin-arg-errptr-mixed-use=off" } */

#include "kernel-min.h"

struct obj {
	int id;
};

extern struct obj objs[16];
extern int obj_fill(struct obj *o);		/* 0 or -errno, errptr does not know */
extern struct obj *obj_find(int id);		/* nobody describes it */

/* POSITIVE: the shape, exported, nobody here calls it */
struct obj *x_create(int id)	/* { dg-message "'x_create' has external linkage and reports failure with ERR_PTR\(\): its callers follow that convention and test the result with IS_ERR\(\)" } */
{
	int ret = obj_fill(&objs[id]);

	if (ret <= 0)
		return ERR_PTR(ret);	/* { dg-warning "ERR_PTR\(\) of 'ret', which may be 0 here, is NULL, but callers of 'x_create' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
	return &objs[id];
}

/* POSITIVE: a literal ERR_PTR(0) beside real errors */
struct obj *x_literal(int id)
{
	if (id < 0)
		return ERR_PTR(-EINVAL);	/* { dg-bogus "errptr" } */
	if (id >= 16)
		return ERR_PTR(0);	/* { dg-warning "ERR_PTR\(0\) is NULL, but callers of 'x_literal' test the result only with IS_ERR\(\)" } */
	return &objs[id];
}

/* NEGATIVE: it returns NULL of its own too: its callers must handle NULL */
struct obj *x_also_null(int id)
{
	int ret;

	if (id < 0)
		return NULL;
	ret = obj_fill(&objs[id]);
	if (ret <= 0)
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	return &objs[id];
}

/* NEGATIVE: the tree's callers handle NULL (learned callers=is_err_or_null) */
struct obj *x_optional(int id)
{
	int ret = obj_fill(&objs[id]);

	if (ret <= 0)
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	return &objs[id];
}

/* NEGATIVE: a caller in this file tests the result for NULL and error */
struct obj *x_tested_here(int id)
{
	int ret = obj_fill(&objs[id]);

	if (ret <= 0)
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	return &objs[id];
}

int x_user(int id)
{
	struct obj *o = x_tested_here(id);

	if (IS_ERR_OR_NULL(o))
		return o ? PTR_ERR(o) : -ENOENT;
	return o->id;
}

/* NEGATIVE: ERR_PTR() of a negative errno only */
struct obj *x_negative(int id)
{
	int ret = obj_fill(&objs[id]);

	if (ret < 0)
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	return &objs[id];
}

/* NEGATIVE: static: its callers here decide (err-ptr-zero.c covers them) */
static struct obj *x_static(int id)
{
	int ret = obj_fill(&objs[id]);

	if (ret <= 0)
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	return &objs[id];
}

struct obj *(*x_static_user)(int) = x_static;
