/* -fplugin-arg-errptr-verbose: what each function may return, in words
   that agree with what the checks report.  A NULL that only some
   arguments get is still returned (null-return reports it when the
   function stands in for an API); a void function returns nothing, so
   nothing is said of it.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-verbose" } */

#include "kernel-min.h"

struct file *do_filp_open(int dfd, struct filename *pathname, const struct open_flags *op);
extern int hook_enabled;
extern void hook_log(const char *what);

/* The NULL is there only when a caller passes dfd == -2 (a guard on an
   integer argument): not proven for every caller, but returned.  */
static struct file *fh_do_filp_open(int dfd, struct filename *pathname, /* { dg-message "errptr: 'fh_do_filp_open' may return NULL/0 ERR/negative valid/positive" } */
				    const struct open_flags *op)
{
	/* { dg-bogus "may return.*unknown" .-3 } */
	if (!pathname)
		return ERR_PTR(-EINVAL);
	if (dfd == -2)
		return NULL; /* { dg-error "'fh_do_filp_open' returns NULL here, but it stands in for 'do_filp_open'" } */
	return do_filp_open(dfd, pathname, op);
}

/* NEGATIVE: a void function: no "may return" at all.  */
static void fh_log(const char *what) /* { dg-bogus "may return" } */
{
	if (hook_enabled)
		hook_log(what);
}

struct fh_hook {
	const char *name;
	void *func;
};

struct fh_hook fh_hooks[] = {
	{ "do_filp_open", fh_do_filp_open },
	{ "hook_log", fh_log },
};
