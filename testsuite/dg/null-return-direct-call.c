/* errptr-null-return, stand-in kind: a function with the API's prototype
   that returns the API's result (a wrapper installed in the API's place,
   e.g. by a patching mechanism errptr cannot see).  Stronger evidence
   decides: a function stored into a member whose contract lets callers take
   NULL is that member's, not the API's (net/ipv4/udp_offload.c's
   udp4_ufo_fragment() returns skb_segment()'s result, with its prototype,
   as a gso_segment callback).  And such a wrapper's NULL that only comes
   from another call is not proven to reach the API's callers.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/null-return-direct-call.rules" } */

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

/* POSITIVE: do_filp_open's prototype, returns what do_filp_open returned.  */
struct file *akfs_guarded_open(int dfd, struct filename *name, const struct open_flags *op)
{
	if (!akfs_allowed(name->name))
		return NULL;	/* { dg-error "'akfs_guarded_open' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return do_filp_open(dfd, name, op);	/* { dg-bogus "errptr" } */
}
/* { dg-message "'akfs_guarded_open' stands in for 'do_filp_open': it returns the result of calling 'do_filp_open' and has the same prototype" "" 0 } */

/* POSITIVE: filp_open's prototype; the result goes through a variable.  */
struct file *akfs_fopen(const char *path, int flags, umode_t mode)
{
	struct file *f;

	if (!path)
		return NULL;	/* { dg-error "'akfs_fopen' returns NULL here, but it stands in for 'filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	f = filp_open(path, flags, mode);
	if (!IS_ERR(f))
		akfs_report(f);
	return f;	/* { dg-bogus "errptr" } */
}
/* { dg-message "'akfs_fopen' stands in for 'filp_open': it returns the result of calling 'filp_open' and has the same prototype" "" 0 } */

/* POSITIVE: devm_ioremap_resource's prototype.  */
void __iomem *akfs_map_res(struct device *dev, const struct resource *res)
{
	if (res->end < res->start)
		return NULL;	/* { dg-error "'akfs_map_res' returns NULL here, but it stands in for 'devm_ioremap_resource', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return devm_ioremap_resource(dev, res);
}

/* NEGATIVE: the first wrapper, fixed.  */
struct file *akfs_guarded_open_fixed(int dfd, struct filename *name, const struct open_flags *op)
{
	if (!akfs_allowed(name->name))
		return ERR_PTR(-EACCES);	/* { dg-bogus "errptr" } */
	return do_filp_open(dfd, name, op);	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: calls filp_open and returns its result, but has another
   prototype: a helper of the module, not a replacement of filp_open.  */
struct file *akfs_open_config(const char *path)
{
	if (!path)
		return NULL;	/* { dg-bogus "errptr" } */
	return filp_open(path, O_RDONLY, 0);
}

/* NEGATIVE: do_filp_open's prototype, calls do_filp_open, but does not
   return its result: a probe that only tells whether the open works.  */
struct file *akfs_probe_open(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = do_filp_open(dfd, name, op);

	if (!IS_ERR(f))
		filp_close(f, NULL);
	return NULL;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: do_filp_open's prototype, but returns another API's result.  */
struct file *akfs_reopen(int dfd, struct filename *name, const struct open_flags *op)
{
	if (dfd != AT_FDCWD)
		return NULL;	/* { dg-bogus "errptr" } */
	return file_open_name(name, O_RDONLY, 0);
}

/* NEGATIVE: ioremap() reports failure with NULL itself.  */
void __iomem *akfs_map(resource_size_t offset, unsigned long size)
{
	if (!size)
		return NULL;	/* { dg-bogus "errptr" } */
	return ioremap(offset, size);
}

/* NEGATIVE: the NULL test follows do_filp_open, which never returns NULL:
   the branch cannot be taken.  */
struct file *akfs_checked_open(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = do_filp_open(dfd, name, op);

	if (IS_ERR_OR_NULL(f))
		return f;	/* { dg-bogus "errptr" } */
	akfs_report(f);
	return f;	/* { dg-bogus "errptr" } */
}

/* Callbacks: a member whose callers handle NULL, and one nobody describes. */
struct akfs_open_ops {
	struct file *(*open)(int dfd, struct filename *name, const struct open_flags *op);
};
struct akfs_plain_ops {
	struct file *(*open)(int dfd, struct filename *name, const struct open_flags *op);
};
extern struct file *akfs_cached(struct filename *name);

/* NEGATIVE: stored into akfs_open_ops.open (fails=both: its callers take
   NULL), though it has do_filp_open's prototype and returns its result.  */
static struct file *akfs_cb_open(int dfd, struct filename *name, const struct open_flags *op)
{
	if (dfd != AT_FDCWD)
		return NULL;	/* { dg-bogus "errptr" } */
	return do_filp_open(dfd, name, op);
}
const struct akfs_open_ops akfs_ops = { .open = akfs_cb_open };

/* POSITIVE: the look-alike, stored into a member nobody describes: the
   literal NULL breaks do_filp_open's callers.  */
static struct file *akfs_plain_open(int dfd, struct filename *name, const struct open_flags *op)
{
	if (!akfs_allowed(name->name))
		return NULL;	/* { dg-error "'akfs_plain_open' returns NULL here, but it stands in for 'do_filp_open'" } */
	return do_filp_open(dfd, name, op);
}
const struct akfs_plain_ops akfs_plain = { .open = akfs_plain_open };

/* NEGATIVE: the wrapper's NULL only comes from another call (a cache that
   may be empty): not a NULL written there, and nothing but the prototype
   says the wrapper replaces do_filp_open.  */
struct file *akfs_cached_open(int dfd, struct filename *name, const struct open_flags *op)
{
	if (dfd != AT_FDCWD)
		return akfs_cached(name);	/* { dg-bogus "errptr" } */
	return do_filp_open(dfd, name, op);
}
