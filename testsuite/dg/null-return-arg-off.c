/* errptr-null-return with -fplugin-arg-errptr-null-return=off: nothing is
   reported, not even the seed.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-null-return=off" } */
/* { dg-bogus "errptr|stands in for|NULL comes from" "nothing anywhere, notes included" 0 } */

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

/* Would be POSITIVE: the check is off.  */
static struct file *hook_open(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *file;

	if (!try_module_get(THIS_MODULE))
		return NULL;	/* { dg-bogus "errptr" "the check is off" } */
	file = orig_do_filp_open(dfd, name, op);
	module_put(THIS_MODULE);
	return file;	/* { dg-bogus "errptr" } */
}

struct ftrace_hook akfs_hooks[] = {
	{ "do_filp_open", hook_open, &orig_do_filp_open },
};
