/* null-return on a function that is the API itself (its own contract): the
   evidence is weak, only a "return NULL;" written there is reported.  A NULL
   that flows from a callee hangs on its arguments: include/linux/reset.h
   devm_reset_control_get_exclusive() returns __devm_reset_control_get(...,
   optional=false), NULL only for optional=true - an error-level false alarm
   of the first validation, which failed 11 objects of drivers/i2c and spi.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/null-return-definition.rules" } */

#include "kernel-min.h"

struct nd_ctl {
	int id;
};

extern struct nd_ctl *__nd_get(int id, bool optional);

/* NEGATIVE: the callee's NULL, for a flag this wrapper does not pass */
static inline struct nd_ctl *nd_get_exclusive(int id)
{
	return __nd_get(id, false);	/* { dg-bogus "errptr" } */
}

/* POSITIVE: "return NULL;" in the API's own body contradicts its contract */
struct nd_ctl *nd_get_broken(int id)
{
	if (id < 0)
		return NULL;		/* { dg-error "'nd_get_broken' returns NULL here, but it stands in for 'nd_get_broken'" } */
	return __nd_get(id, false);
}

int nd_use(int id)
{
	struct nd_ctl *c = nd_get_exclusive(id);

	if (IS_ERR(c))
		return PTR_ERR(c);
	return c->id;
}
