/* Values across loops: a pointer tested before a loop ("retry:" entered
   once, re-entered by gotos) keeps what the test proved in the loop; a back
   edge brings nothing new.  Regression: fs/dcache.c d_alloc_parallel()
   ("if (unlikely(!new)) return ERR_PTR(-ENOMEM); retry: ... goto retry;
   ... return new;") was summarised as returning NULL.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/value-loops.rules" } */

#include "kernel-min.h"

struct vl_node {
	int seq;
	struct vl_node *next;
};

extern struct vl_node *vl_alloc(int n);
extern int vl_seq(void);
extern int vl_busy(struct vl_node *d);

/* NEGATIVE: tested before "retry:", two gotos back */
struct vl_node *vl_parallel(int n)
{
	struct vl_node *new = vl_alloc(n);
	int seq;

	if (unlikely(!new))
		return ERR_PTR(-ENOMEM);
retry:
	seq = vl_seq();
	if (seq & 1)
		goto retry;
	if (vl_busy(new))
		goto retry;
	return new;		/* { dg-bogus "errptr" } */
}

/* NEGATIVE: tested before a list walk that may return early */
struct vl_node *vl_for_each(int n, struct vl_node *head)
{
	struct vl_node *new = vl_alloc(n);
	struct vl_node *d;

	if (!new)
		return ERR_PTR(-ENOMEM);
	for (d = head; d; d = d->next) {
		if (d->seq == n)
			return d;	/* { dg-bogus "errptr" } */
	}
	return new;		/* { dg-bogus "errptr" } */
}

/* POSITIVE: the look-alike without the test: NULL goes round the loop and out */
struct vl_node *vl_untested(int n)
{
	struct vl_node *new = vl_alloc(n);

retry:
	if (vl_seq() & 1)
		goto retry;
	return new;		/* { dg-error "'vl_untested' returns NULL here" } */
}

/* POSITIVE: the test is inside the loop and one way round skips it */
struct vl_node *vl_tested_inside(int n, int strict)
{
	struct vl_node *new = vl_alloc(n);

retry:
	if (strict && !new)
		return ERR_PTR(-ENOMEM);
	if (vl_seq() & 1)
		goto retry;
	return new;		/* { dg-error "'vl_tested_inside' returns NULL here" } */
}
