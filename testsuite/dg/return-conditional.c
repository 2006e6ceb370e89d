/* The arms of "return c ? a : b;" are one return statement, reached where the
   statement is: a NULL arm is a NULL the function returns for callers, not one
   selected by an argument (summarize.c, arms_guard_block()).  GCC 14 and before
   join the arms in a temporary and return it; GCC 15 assigns each arm to the
   returned value: the summary is the same.  With -fplugin-arg-errptr-verbose
   errptr says what each function may return.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-verbose" } */

#include "kernel-min.h"

struct rc_item {
	int val;
};

extern struct rc_item rc_items[16];

/* POSITIVE: NULL and an error pointer, both for callers.  */
struct rc_item *rc_cond(int id)	/* { dg-message "'rc_cond' may return NULL/0 ERR/negative valid/positive$" } */
{
	if (id > 4)
		return ERR_PTR(-ENOSPC);
	return id ? &rc_items[id] : NULL;
}

/* The same with the arms the other way round.  */
struct rc_item *rc_cond_swapped(int id)	/* { dg-message "'rc_cond_swapped' may return NULL/0 ERR/negative valid/positive$" } */
{
	if (id > 4)
		return ERR_PTR(-ENOSPC);
	return !id ? NULL : &rc_items[id];
}

/* NEGATIVE look-alike: two return statements, the NULL one selected by the
   argument (id == 0) that the error one does not need: NULL is only possible.  */
struct rc_item *rc_if(int id)	/* { dg-message "'rc_if' may return ERR/negative valid/positive unknown$" } */
{
	if (id > 4)
		return ERR_PTR(-ENOSPC);
	if (!id)
		return NULL;
	return &rc_items[id];
}
