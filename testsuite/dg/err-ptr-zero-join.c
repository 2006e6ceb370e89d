/* errptr-err-ptr-zero at a join: "out: if (dst) return dst; return
   ERR_PTR(err);" where err and dst meet at the label.  The 0 of err that
   comes in along an edge counts only if the value dst has on that edge can
   pass the test: net/ipv6/icmp.c icmpv6_route_lookup() reaches its label
   with err 0 only right after "dst = dst2", dst2 a lookup result nothing
   shows to be NULL.  dst a PHI or a variable whose address is taken (then
   its value on the edge is what the last store wrote).  Still reported: a
   0 on an edge where dst is NULL for sure or may be NULL by a contract
   (kmalloc), and the same shapes with dst unknown but err 0 on an edge
   where dst is not tested.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-mixed-use=off" } */

#include "kernel-min.h"

struct route {
	int users;
};

extern int route_decode(struct route *r);		/* 0 or -errno */
extern int route_lookup(struct route **out);		/* 0 or -errno, fills *out */
extern struct route *route_relookup(struct route *r);	/* nothing known */
extern void route_put(struct route *r);

/* NEGATIVE: icmpv6_route_lookup(): dst's address is taken.  */
static struct route *n_icmp(struct route *orig)
{
	struct route *dst = orig, *dst2;
	int err;

	err = route_lookup(&dst);
	if (err)
		return ERR_PTR(err);
	err = route_decode(dst);
	if (err)
		goto relookup_failed;
	err = route_lookup(&dst2);
	if (err)
		goto relookup_failed;
	dst2 = route_relookup(dst2);
	if (!IS_ERR(dst2)) {
		route_put(dst);
		dst = dst2;
	} else {
		err = PTR_ERR(dst2);
		goto relookup_failed;
	}
relookup_failed:
	if (dst)
		return dst;
	return ERR_PTR(err); /* { dg-bogus "errptr" } */
}

/* NEGATIVE: the same with dst a plain variable (a PHI at the label).  */
static struct route *n_phi(struct route *orig, struct route *other)
{
	struct route *dst = orig;
	int err;

	err = route_decode(dst);
	if (err)
		goto out;
	dst = route_relookup(other);
out:
	if (dst)
		return dst;
	return ERR_PTR(err); /* { dg-bogus "errptr" } */
}

/* POSITIVE: on the edge where err is 0, dst is NULL for sure.  */
static struct route *p_null(struct route *orig, int fast)
{
	struct route *dst = orig;
	int err;

	err = route_decode(dst);
	if (err)
		goto out;
	if (fast)
		dst = NULL;
out:
	if (dst)
		return dst;
	return ERR_PTR(err); /* { dg-warning "ERR_PTR\(\) of 'err', which may be 0 here, is NULL, but callers of 'p_null' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
}

/* POSITIVE: kmalloc() may return NULL where err is 0.  */
static struct route *p_alloc(struct route *orig)
{
	struct route *dst = orig;
	int err;

	err = route_decode(dst);
	if (err)
		goto out;
	dst = kmalloc(sizeof(*dst), GFP_KERNEL);
out:
	if (dst)
		return dst;
	return ERR_PTR(err); /* { dg-warning "ERR_PTR\(\) of 'err', which may be 0 here, is NULL, but callers of 'p_alloc' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
}

/* POSITIVE: the address-taken shape, with a NULL stored on the 0 edge.  */
static struct route *p_stored_null(struct route *orig, int fast)
{
	struct route *dst = orig;
	int err;

	err = route_lookup(&dst);
	if (err)
		goto out;
	dst = NULL;
out:
	if (dst)
		return dst;
	return ERR_PTR(err); /* { dg-warning "ERR_PTR\(\) of 'err', which may be 0 here, is NULL, but callers of 'p_stored_null' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
}

/* POSITIVE: the test is of err's own value, not of another: unknown dst
   plays no part.  */
static struct route *p_own_test(struct route *orig, struct route *other)
{
	struct route *dst = orig;
	int err;

	err = route_decode(dst);
	if (err)
		goto out;
	dst = route_relookup(other);
out:
	if (err <= 0)
		return ERR_PTR(err); /* { dg-warning "ERR_PTR\(\) of 'err', which may be 0 here, is NULL, but callers of 'p_own_test' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
	return dst;
}

int route_users(struct route *r, struct route *o, int f)
{
	struct route *a = n_icmp(r), *b = n_phi(r, o), *c = p_null(r, f), *d = p_alloc(r);
	struct route *e = p_stored_null(r, f), *g = p_own_test(r, o);

	if (IS_ERR(a) || IS_ERR(b) || IS_ERR(c) || IS_ERR(d) || IS_ERR(e) || IS_ERR(g))
		return -EINVAL;
	return a->users + b->users + c->users + d->users + e->users + g->users;
}
