/* errptr-null-return, stand-in kind: a function that returns the result of
   calling the API through a pointer looked up by the API's name, with
   kallsyms_lookup_name("do_filp_open") or a hook framework's
   get_original("do_filp_open").  */
/* { dg-do compile } */

#include "kernel-min.h"

struct open_flags {
	int open_flag;
	umode_t mode;
	int acc_mode;
	int intent;
	int lookup_flags;
};

typedef struct file *(*do_filp_open_t)(int, struct filename *, const struct open_flags *);
typedef void __iomem *(*ioremap_t)(resource_size_t, unsigned long);

/* A hook framework's lookup of an original by name.  */
extern void *akfs_get_original(const char *name);
extern bool akfs_allowed(const char *path);

/* POSITIVE: kallsyms_lookup_name(), NULL when the lookup failed.  */
struct file *lk_open(int dfd, struct filename *name, const struct open_flags *op)
{
	do_filp_open_t fn = (do_filp_open_t)kallsyms_lookup_name("do_filp_open");

	if (!fn)
		return NULL;	/* { dg-error "'lk_open' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return fn(dfd, name, op);	/* { dg-bogus "errptr" } */
}
/* { dg-message "'lk_open' stands in for 'do_filp_open': it returns the result of calling 'do_filp_open' through a pointer looked up by name" "" 0 } */

/* POSITIVE: the framework's get_original(), the seed's shape.  */
struct file *fw_open(int dfd, struct filename *name, const struct open_flags *op)
{
	do_filp_open_t run = akfs_get_original("do_filp_open");
	struct file *file;

	if (unlikely(!try_module_get(THIS_MODULE)))
		return NULL;	/* { dg-error "'fw_open' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	file = run(dfd, name, op);
	module_put(THIS_MODULE);
	return file;	/* { dg-bogus "errptr" } */
}
/* { dg-message "'fw_open' stands in for 'do_filp_open': it returns the result of calling 'do_filp_open' through a pointer looked up by name" "" 0 } */

/* NEGATIVE: the first one, fixed.  */
struct file *lk_open_fixed(int dfd, struct filename *name, const struct open_flags *op)
{
	do_filp_open_t fn = (do_filp_open_t)kallsyms_lookup_name("do_filp_open");

	if (!fn)
		return ERR_PTR(-ENOSYS);	/* { dg-bogus "errptr" } */
	return fn(dfd, name, op);	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: ioremap() reports failure with NULL itself.  */
void __iomem *lk_ioremap(resource_size_t offset, unsigned long size)
{
	ioremap_t fn = akfs_get_original("ioremap");

	if (!fn)
		return NULL;	/* { dg-bogus "errptr" } */
	return fn(offset, size);
}

/* NEGATIVE: a name without a contract.  */
struct file *lk_shadow_open(int dfd, struct filename *name, const struct open_flags *op)
{
	do_filp_open_t fn = akfs_get_original("akfs_shadow_open");

	if (!fn || !akfs_allowed(name->name))
		return NULL;	/* { dg-bogus "errptr" } */
	return fn(dfd, name, op);
}

/* NEGATIVE: returns the looked-up pointer, not the result of calling it
   (and kallsyms_lookup_name() returns 0 when it finds nothing).  */
void *lk_find_open(void)
{
	return (void *)kallsyms_lookup_name("do_filp_open");	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: when the lookup fails, it fails with ERR_PTR() of a negative
   errno held in a variable.  */
struct file *lk_open_errno(int dfd, struct filename *name, const struct open_flags *op)
{
	do_filp_open_t fn = akfs_get_original("do_filp_open");
	long err = -ENOENT;

	if (!fn)
		return ERR_PTR(err);	/* { dg-bogus "errptr" } */
	return fn(dfd, name, op);
}
