/* accepts= in a project's rules: what a function takes in its pointer
   arguments.  Handing a value that may be an error pointer to a function
   whose rule says it does not take one is a use (err-ptr-deref); to one
   that takes it, none.  A NAME* rule covers every function it begins, the
   longest prefix wins, a full name beats a prefix, and a rule may give
   fails= and accepts= together.  Without the rules file nothing is known
   of these functions (the look-alike: accepts-rules-none.c).  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/accepts-rules.rules -fplugin-arg-errptr-err-ptr-deref=warning" } */

#include "kernel-min.h"

struct obj {
	int x;
};

extern struct obj *obj_get(int id);
extern void obj_release(struct obj *o);
extern void obj_free(struct obj *o);
extern void obj_unmap(struct obj *o);
extern void obj_put_loose(struct obj *o);
extern void obj_put_strict(struct obj *o);
extern struct obj *obj_drop(struct obj *o);

/* POSITIVE: accepts=null by name */
void p_free(int id)
{
	struct obj *o = obj_get(id);
	obj_free(o);		/* { dg-warning "'o' is passed to 'obj_free', which does not accept an error pointer" } */
}

/* POSITIVE: accepts=null by the prefix obj_* */
void p_prefix(int id)
{
	struct obj *o = obj_get(id);
	obj_unmap(o);		/* { dg-warning "'o' is passed to 'obj_unmap', which does not accept an error pointer" } */
}

/* POSITIVE: a full name (accepts=none) beats the longer prefix obj_put_* */
void p_full_name(int id)
{
	struct obj *o = obj_get(id);
	obj_put_strict(o);	/* { dg-warning "'o' is passed to 'obj_put_strict', which does not accept an error pointer" } */
}

/* NEGATIVE: accepts=both by name */
void n_release(int id)
{
	struct obj *o = obj_get(id);
	obj_release(o);		/* { dg-bogus "errptr" } */
}

/* NEGATIVE: the longest prefix, obj_put_* (both), beats obj_* (null) */
void n_longest_prefix(int id)
{
	struct obj *o = obj_get(id);
	obj_put_loose(o);	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: fails= and accepts=both on one line */
void n_both_keys(int id)
{
	struct obj *o = obj_get(id);
	obj_drop(o);		/* { dg-bogus "errptr" } */
}
