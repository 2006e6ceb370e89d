/* The arms of "return c ? a : b;" are one return statement, reached where the
   statement is: a NULL arm is a NULL the function returns for its callers, not
   one only some arguments get (summarize.c, arms_guard_block()).  GCC 14 and
   before join the arms in a temporary and return that; GCC 15 assigns each arm
   to the returned value: the summary must be the same.  Seen through the calls
   through a member that holds the function (errptr-mixed-use), as in
   infer-ops.c.  */
/* { dg-do compile } */

#include "kernel-min.h"

struct rc_item {
	int val;
};

extern struct rc_item rc_items[16];

struct rc_cond_ops {
	struct rc_item *(*lookup)(int id);
};
struct rc_swapped_ops {
	struct rc_item *(*lookup)(int id);
};
struct rc_if_ops {
	struct rc_item *(*lookup)(int id);
};

/* NULL and an error pointer, both for its callers.  */
static struct rc_item *rc_cond(int id)
{
	if (id > 4)
		return ERR_PTR(-ENOSPC);
	return id ? &rc_items[id] : NULL;
}

/* The same with the arms the other way round.  */
static struct rc_item *rc_swapped(int id)
{
	if (id > 4)
		return ERR_PTR(-ENOSPC);
	return !id ? NULL : &rc_items[id];
}

/* Two return statements, NULL only for the argument 0, which the error
   pointer does not need: NULL is only possible for its callers.  */
static struct rc_item *rc_if(int id)
{
	if (id > 4)
		return ERR_PTR(-ENOSPC);
	if (!id)
		return NULL;
	return &rc_items[id];
}

const struct rc_cond_ops rc_cond_table = { .lookup = rc_cond };
const struct rc_swapped_ops rc_swapped_table = { .lookup = rc_swapped };
const struct rc_if_ops rc_if_table = { .lookup = rc_if };

/* POSITIVE */
int rc_cond_value(const struct rc_cond_ops *c, int id)
{
	struct rc_item *it = c->lookup(id);

	if (!it)	/* { dg-warning "'rc_cond_ops.lookup' may also return an error pointer, which this NULL test lets through to the use at line 66 \[errptr-mixed-use\]" } */
		return 0;
	return it->val;
}
/* { dg-message "'rc_cond' is the only function this file stores in 'rc_cond_ops.lookup', and it returns NULL or an error pointer" "" 29 } */

/* POSITIVE */
int rc_swapped_value(const struct rc_swapped_ops *c, int id)
{
	struct rc_item *it = c->lookup(id);

	if (!it)	/* { dg-warning "'rc_swapped_ops.lookup' may also return an error pointer \[errptr-mixed-use\]|'rc_swapped_ops.lookup' may also return an error pointer, which this NULL test lets through" } */
		return 0;
	return it->val;
}

/* NEGATIVE look-alike: the same test of rc_if().  */
int rc_if_value(const struct rc_if_ops *c, int id)
{
	struct rc_item *it = c->lookup(id);

	if (!it)	/* { dg-bogus "errptr-mixed-use" } */
		return 0;
	return it->val;
}
