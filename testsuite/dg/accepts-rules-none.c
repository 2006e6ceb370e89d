/* The look-alike of accepts-rules.c: the same calls without the accepts=
   rules.  A function of another file that nobody describes may take an
   error pointer: no finding.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/accepts-rules-none.rules -fplugin-arg-errptr-err-ptr-deref=warning" } */

#include "kernel-min.h"

struct obj {
	int x;
};

extern struct obj *obj_get(int id);
extern void obj_free(struct obj *o);
extern void obj_unmap(struct obj *o);

void n_free(int id)
{
	struct obj *o = obj_get(id);
	obj_free(o);		/* { dg-bogus "errptr" } */
	obj_unmap(o);		/* { dg-bogus "errptr" } */
}
