/* errptr-null-return: the fix-it's errno comes from the path to the
   "return NULL;".  After a failed allocation - a NULL test of the result of
   a call that fails with NULL: kzalloc() by its rule, or a function of this
   file that returns NULL or a valid pointer - it is -ENOMEM, what a kernel
   developer returns there; elsewhere the example stays -EINVAL.  */
/* { dg-do compile } */

#include "kernel-min.h"

struct hook_ctx {
	int refs;
};

extern struct hook_ctx ctx_table[16];

/* a function of this file that fails with NULL */
static struct hook_ctx *ctx_get(int dfd)
{
	if (dfd < 0 || dfd >= 16)
		return NULL;
	ctx_table[dfd].refs++;
	return &ctx_table[dfd];
}

static struct file *hook_do_filp_open(int dfd, struct filename *pathname,
				      const struct open_flags *op)
{
	struct hook_ctx *ctx;
	void *buf = kzalloc(64, GFP_KERNEL);

	/* POSITIVE: after a failed kzalloc(): -ENOMEM */
	if (!buf)
		return NULL; /* { dg-error "returns NULL here, but it stands in for 'do_filp_open'" } */
	/* { dg-message "return an error pointer instead, e.g. 'ERR_PTR\(-ENOMEM\)'" .-1 } */
	kfree(buf);
	/* POSITIVE: after a failed try_module_get(), no allocation: -EINVAL */
	if (!try_module_get(THIS_MODULE))
		return NULL; /* { dg-error "returns NULL here, but it stands in for 'do_filp_open'" } */
	/* { dg-message "return an error pointer instead, e.g. 'ERR_PTR\(-EINVAL\)'" .-1 } */
	/* { dg-bogus "ENOMEM" .-2 } */
	/* POSITIVE: after a failed ctx_get(), a function of this file that
	   fails with NULL: -ENOMEM (a mechanism, not a list of allocators) */
	ctx = ctx_get(dfd);
	if (ctx == NULL) {
		module_put(THIS_MODULE);
		return NULL; /* { dg-error "returns NULL here, but it stands in for 'do_filp_open'" } */
		/* { dg-message "return an error pointer instead, e.g. 'ERR_PTR\(-ENOMEM\)'" .-1 } */
	}
	return do_filp_open(dfd, pathname, op);
}

struct fh_hook {
	const char *name;
	void *func;
};

struct fh_hook fh_hooks[] = {
	{ "do_filp_open", hook_do_filp_open },
};
