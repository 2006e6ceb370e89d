/* errptr-null-check-on-err and an index the caller bounds: a callee that
   fails only for a too large index (its error return is past "if (hwnum >=
   gdev->ngpio)", or its rule says range_arg=K) called with an index the
   caller has bounded itself does not give the error, whether or not the
   two bounds are the same (drivers/gpio: for_each_gpio_desc() bounds by
   gc->ngpio, gpiochip_get_desc() checks gc->gpiodev->ngpio).  Unbounded
   calls, a constant bound, a bound on another argument, a lower bound and
   a callee with other failures are still reported.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/null-check-on-err-index.rules" } */

#include "kernel-min.h"

struct desc {
	unsigned long flags;
};

struct gdev {
	unsigned int ngpio;
	bool live;
	struct desc descs[64];
};

struct chip {
	struct gdev *gpiodev;
	unsigned int ngpio;
	unsigned int base;
};

/* Fails only for an index out of range: its body is in this file.  */
struct desc *local_desc(struct chip *gc, unsigned int hwnum)
{
	struct gdev *gdev = gc->gpiodev;

	if (hwnum >= gdev->ngpio)
		return ERR_PTR(-EINVAL);
	return &gdev->descs[hwnum];
}

/* Fails for a too large index, and for a missing device.  */
struct desc *local_desc_or_gone(struct chip *gc, unsigned int hwnum)
{
	struct gdev *gdev = gc->gpiodev;

	if (!gdev->live)
		return ERR_PTR(-ENODEV);
	if (hwnum >= gdev->ngpio)
		return ERR_PTR(-EINVAL);
	return &gdev->descs[hwnum];
}

/* Fails when the index is too small.  */
struct desc *local_desc_min(struct chip *gc, unsigned int hwnum)
{
	struct gdev *gdev = gc->gpiodev;

	if (hwnum < gc->base)
		return ERR_PTR(-EINVAL);
	return &gdev->descs[hwnum];
}

extern struct desc *chip_desc(struct chip *gc, unsigned int hwnum);
extern struct desc *chip_lookup(struct chip *gc, unsigned int hwnum);

#define for_each_desc(gc, desc, get)					\
	for (unsigned int __i = 0;					\
	     __i < gc->ngpio && (desc = get(gc, __i));			\
	     __i++)

/* NEGATIVE: the gpiolib loop, over the local body and over the rule.  */
int neg_loop_local(struct chip *gc)
{
	struct desc *desc;
	int n = 0;

	for_each_desc(gc, desc, local_desc) /* { dg-bogus "errptr" } */
		n += desc->flags & 1;
	return n;
}

int neg_loop_rule(struct chip *gc)
{
	struct desc *desc;
	int n = 0;

	for_each_desc(gc, desc, chip_desc) /* { dg-bogus "errptr" } */
		n += desc->flags & 1;
	return n;
}

/* NEGATIVE: bounded by a test before the call, "<=" spelt the other way.  */
int neg_checked_first(struct chip *gc, unsigned int i)
{
	struct desc *desc;

	if (gc->ngpio <= i)
		return -EINVAL;
	desc = chip_desc(gc, i);
	if (!desc) /* { dg-bogus "errptr" } */
		return -ENODEV;
	return desc->flags & 1;
}

/* POSITIVE: no bound on the index.  */
int pos_unbounded(struct chip *gc, unsigned int i)
{
	struct desc *desc = chip_desc(gc, i);

	if (!desc) /* { dg-warning "'chip_desc' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENODEV;
	return desc->flags & 1;
}

/* POSITIVE: a constant bound (the callee's is not known to be one).  */
int pos_constant_bound(struct chip *gc, unsigned int i)
{
	struct desc *desc;

	if (i >= 64)
		return -EINVAL;
	desc = chip_desc(gc, i);
	if (!desc) /* { dg-warning "'chip_desc' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENODEV;
	return desc->flags & 1;
}

/* POSITIVE: the bound is on another value than the index passed.  */
int pos_other_bound(struct chip *gc, unsigned int i, unsigned int j)
{
	struct desc *desc;

	if (j >= gc->ngpio)
		return -EINVAL;
	desc = local_desc(gc, i);
	if (!desc) /* { dg-warning "'local_desc' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENODEV;
	return desc->flags & 1;
}

/* POSITIVE: the callee fails for other reasons too (its rule, its body).  */
int pos_other_failures_rule(struct chip *gc)
{
	struct desc *desc;
	int n = 0;

	for_each_desc(gc, desc, chip_lookup) /* { dg-warning "'chip_lookup' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		n += desc->flags & 1;
	return n;
}

int pos_other_failures_body(struct chip *gc)
{
	struct desc *desc;
	int n = 0;

	for_each_desc(gc, desc, local_desc_or_gone) /* { dg-warning "'local_desc_or_gone' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		n += desc->flags & 1;
	return n;
}

/* POSITIVE: the callee fails for a too small index; the loop bounds it
   above only.  */
int pos_lower_bound(struct chip *gc)
{
	struct desc *desc;
	int n = 0;

	for_each_desc(gc, desc, local_desc_min) /* { dg-warning "'local_desc_min' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		n += desc->flags & 1;
	return n;
}
