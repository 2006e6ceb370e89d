/* errptr-null-return with -fplugin-arg-errptr-null-return=warning: the same
   finding, as a warning; the compile succeeds.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-null-return=warning" } */

#include "kernel-min.h"

struct open_flags {
	int open_flag;
	umode_t mode;
	int acc_mode;
	int intent;
	int lookup_flags;
};

struct ftrace_hook {
	const char *name;
	void *function;
	void *original;
};

static struct file *(*orig_do_filp_open)(int dfd, struct filename *pathname,
					 const struct open_flags *op);

/* POSITIVE, as a warning.  */
static struct file *hook_open(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *file;

	if (!try_module_get(THIS_MODULE))
		return NULL;	/* { dg-warning "'hook_open' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	file = orig_do_filp_open(dfd, name, op);
	module_put(THIS_MODULE);
	return file;	/* { dg-bogus "errptr" } */
}
/* { dg-message "'hook_open' stands in for 'do_filp_open': it is paired with \"do_filp_open\" in the hook table 'akfs_hooks'" "" 0 } */

/* NEGATIVE: fixed.  */
static struct file *hook_open_fixed(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *file;

	if (!try_module_get(THIS_MODULE))
		return ERR_PTR(-ENODEV);	/* { dg-bogus "errptr" } */
	file = orig_do_filp_open(dfd, name, op);
	module_put(THIS_MODULE);
	return file;	/* { dg-bogus "errptr" } */
}

struct ftrace_hook akfs_hooks[] = {
	{ "do_filp_open", hook_open, &orig_do_filp_open },
};

struct ftrace_hook akfs_fixed_hooks[] = {
	{ "do_filp_open", hook_open_fixed, &orig_do_filp_open },
};
