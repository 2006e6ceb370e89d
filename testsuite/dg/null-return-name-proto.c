/* errptr-null-return, stand-in kind: a function whose name contains the
   API's name and whose prototype is the API's (installed at run time
   through a pointer errptr cannot see).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct open_flags {
	int open_flag;
	umode_t mode;
	int acc_mode;
	int intent;
	int lookup_flags;
};

extern bool akfs_allowed(const char *path);
extern struct file *akfs_vault_open(struct filename *name, int flags, umode_t mode);
extern struct file *akfs_cached_file(void);
extern void __iomem *akfs_window(struct device *dev, const struct resource *res);

/* POSITIVE: do_filp_open.  */
struct file *akfs_do_filp_open(int dfd, struct filename *pathname, const struct open_flags *op)
{
	if (!akfs_allowed(pathname->name))
		return NULL;	/* { dg-error "'akfs_do_filp_open' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return akfs_vault_open(pathname, op->open_flag, op->mode);
}
/* { dg-message "'akfs_do_filp_open' stands in for 'do_filp_open': its name contains 'do_filp_open' and its prototype matches" "" 0 } */

/* POSITIVE: filp_open.  */
struct file *my_filp_open(const char *path, int flags, umode_t mode)
{
	if (!akfs_allowed(path))
		return NULL;	/* { dg-error "'my_filp_open' returns NULL here, but it stands in for 'filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return akfs_cached_file();
}

/* POSITIVE: the name contains both 'do_filp_open' and 'filp_open'; the
   prototype is do_filp_open's.  */
struct file *shadow_do_filp_open(int dfd, struct filename *pathname, const struct open_flags *op)
{
	if (dfd != AT_FDCWD)
		return NULL;	/* { dg-error "'shadow_do_filp_open' returns NULL here, but it stands in for 'do_filp_open'" } */
	/* { dg-bogus "stands in for 'filp_open'" "not the shorter name" .-1 } */
	return akfs_vault_open(pathname, op->open_flag, op->mode);
}

/* POSITIVE: devm_ioremap_resource.  */
void __iomem *akfs_devm_ioremap_resource(struct device *dev, const struct resource *res)
{
	if (!res)
		return NULL;	/* { dg-error "'akfs_devm_ioremap_resource' returns NULL here, but it stands in for 'devm_ioremap_resource', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return akfs_window(dev, res);
}

/* NEGATIVE: the first one, fixed.  */
struct file *akfs_do_filp_open_fixed(int dfd, struct filename *pathname, const struct open_flags *op)
{
	if (!akfs_allowed(pathname->name))
		return ERR_PTR(-EACCES);	/* { dg-bogus "errptr" } */
	return akfs_vault_open(pathname, op->open_flag, op->mode);
}

/* NEGATIVE: the name contains do_filp_open, the prototype is another.  */
struct file *akfs_do_filp_open_cached(void)
{
	if (!akfs_allowed("/"))
		return NULL;	/* { dg-bogus "errptr" } */
	return akfs_cached_file();
}

const char *do_filp_open_name(const struct filename *pathname)
{
	if (!pathname)
		return NULL;	/* { dg-bogus "errptr" } */
	return pathname->name;
}

/* NEGATIVE: as many parameters as do_filp_open (and filp_open, whose name
   it contains too), of other types.  */
struct file *do_filp_open_slow(int dfd, const char *path, unsigned int flags)
{
	if (!akfs_allowed(path))
		return NULL;	/* { dg-bogus "errptr" } */
	return akfs_cached_file();
}

/* NEGATIVE: ioremap() reports failure with NULL itself.  */
void __iomem *akfs_ioremap(resource_size_t offset, unsigned long size)
{
	if (!size)
		return NULL;	/* { dg-bogus "errptr" } */
	return ioremap(offset, size);
}
