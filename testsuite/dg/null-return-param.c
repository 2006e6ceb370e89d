/* null-return and the caller's own NULL: a function that hands back a NULL
   parameter ("if (IS_ERR_OR_NULL(dentry)) return dentry;") makes no NULL of
   its own; whoever passed NULL gets it back.  Regression: fs/debugfs/inode.c
   debugfs_rename() was an error-level false alarm.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/null-return-param.rules" } */

#include "kernel-min.h"

struct dentry {
	int flags;
};

extern struct dentry *np_lookup(const char *name);
extern struct dentry *np_alloc(const char *name);	/* fails=null (.rules) */
extern int np_move(struct dentry *d, const char *name);

/* NEGATIVE: the parameter, passed back after IS_ERR_OR_NULL() */
struct dentry *np_rename(struct dentry *old, const char *name)
{
	if (IS_ERR_OR_NULL(old))
		return old;		/* { dg-bogus "errptr" } */
	if (np_move(old, name))
		return ERR_PTR(-EINVAL);
	return old;
}

/* POSITIVE: the same, with a NULL of its own on another path */
struct dentry *np_rename_null(struct dentry *old, const char *name)
{
	if (!old)
		return old;		/* { dg-bogus "errptr" } */
	if (np_move(old, name))
		return NULL;		/* { dg-error "'np_rename_null' returns NULL here" } */
	return old;
}

/* NEGATIVE: a NULL that a call made, not the caller's - but a call nothing
   is known about: the NULL is possible, not proven (null-return is an
   error).  With a contract it is reported: np_rename_alloc(). */
struct dentry *np_rename_lookup(struct dentry *old, const char *name)
{
	struct dentry *d = np_lookup(name);

	if (!d)
		return d;		/* { dg-bogus "errptr" } */
	if (np_move(old, name))
		return ERR_PTR(-EINVAL);
	return d;
}

/* POSITIVE: the same with a call that fails with NULL */
struct dentry *np_rename_alloc(struct dentry *old, const char *name)
{
	struct dentry *d = np_alloc(name);

	if (!d)
		return d;		/* { dg-error "'np_rename_alloc' returns NULL here" } */
	if (np_move(old, name))
		return ERR_PTR(-EINVAL);
	return d;
}
