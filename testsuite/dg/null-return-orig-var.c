/* errptr-null-return, stand-in kind: a function that returns the result of
   calling the API through a pointer variable named after it
   (orig_do_filp_open, akfs_orig_do_filp_open, ...), the usual way hook code
   keeps the original.  */
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
extern void akfs_report(struct file *file);

static struct file *(*orig_do_filp_open)(int dfd, struct filename *pathname,
					 const struct open_flags *op);
static unsigned long akfs_orig_do_filp_open __read_mostly;
static void __iomem *(*orig_ioremap)(resource_size_t offset, unsigned long size);

/* Where a hook framework would store the originals.  */
void akfs_set_originals(void *open, unsigned long open_addr, void *map)
{
	orig_do_filp_open = open;
	WRITE_ONCE(akfs_orig_do_filp_open, open_addr);
	orig_ioremap = map;
}

/* POSITIVE: called through orig_do_filp_open.  */
struct file *akfs_open_hook(int dfd, struct filename *name, const struct open_flags *op)
{
	if (!akfs_allowed(name->name))
		return NULL;	/* { dg-error "'akfs_open_hook' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return orig_do_filp_open(dfd, name, op);	/* { dg-bogus "errptr" } */
}
/* { dg-message "'akfs_open_hook' stands in for 'do_filp_open': it returns the result of calling 'do_filp_open' through 'orig_do_filp_open'" "" 0 } */

/* POSITIVE: the seed's shape: the original's address is an integer variable
   named after the API, cast to a local function pointer; the result goes
   through IS_ERR_OR_NULL() and a label.  */
struct file *akfs_hook_open(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *(*run)(int, struct filename *, const struct open_flags *) =
		(void *)READ_ONCE(akfs_orig_do_filp_open);
	struct file *file = NULL;

	if (!try_module_get(THIS_MODULE))
		return NULL;	/* { dg-error "'akfs_hook_open' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */

	file = run(dfd, name, op);
	if (IS_ERR_OR_NULL(file))
		goto out;
	akfs_report(file);
out:
	module_put(THIS_MODULE);
	return file;	/* { dg-bogus "errptr" "the original's result, never NULL" } */
}
/* { dg-message "'akfs_hook_open' stands in for 'do_filp_open': it returns the result of calling 'do_filp_open' through '[a-z_]+'" "" 0 } */

/* NEGATIVE: the first hook, fixed.  */
struct file *akfs_open_hook_fixed(int dfd, struct filename *name, const struct open_flags *op)
{
	if (!akfs_allowed(name->name))
		return ERR_PTR(-EACCES);	/* { dg-bogus "errptr" } */
	return orig_do_filp_open(dfd, name, op);	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: a NULL test of the original's result: the original never
   returns NULL, so the branch cannot be taken.  */
struct file *akfs_open_hook_paranoid(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = orig_do_filp_open(dfd, name, op);

	if (!f)
		return f;	/* { dg-bogus "errptr" } */
	if (!IS_ERR(f))
		akfs_report(f);
	return f;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: ioremap() reports failure with NULL itself.  */
void __iomem *akfs_ioremap_hook(resource_size_t offset, unsigned long size)
{
	if (!orig_ioremap)
		return NULL;	/* { dg-bogus "errptr" } */
	return orig_ioremap(offset, size);
}

/* NEGATIVE: calls the original but does not return its result.  */
struct file *akfs_selftest_open(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = orig_do_filp_open(dfd, name, op);

	if (!IS_ERR(f))
		filp_close(f, NULL);
	return NULL;	/* { dg-bogus "errptr" } */
}
