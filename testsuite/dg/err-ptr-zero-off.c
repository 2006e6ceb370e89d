/* errptr-err-ptr-zero=off: the ERR_PTR(0) of a stand-in is then reported by
   null-return, at the return, with the ERR_PTR() as the origin of the NULL
   (with err-ptr-zero on, only err-ptr-zero reports it: err-ptr-zero.c).  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/err-ptr-zero.rules -fplugin-arg-errptr-err-ptr-zero=off" } */

#include "kernel-min.h"

struct open_flags {
	int open_flag;
	umode_t mode;
};

struct ftrace_hook {
	const char *name;
	void *function;
	void *original;
};

static struct file *(*orig_do_filp_open)(int dfd, struct filename *pathname,
					 const struct open_flags *op);
extern int akfs_permission(const char *path);	/* 1 allowed, 0 denied, -errno */

static struct file *akfs_do_filp_open(int dfd, struct filename *name,
				      const struct open_flags *op)
{
	int ret = akfs_permission(name->name);

	if (ret <= 0)
		return ERR_PTR(ret);	/* { dg-error "'akfs_do_filp_open' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	/* { dg-message "ERR_PTR\(\) of a value that may be 0 is NULL" "origin" .-1 } */
	/* { dg-bogus "errptr-err-ptr-zero" "off" .-2 } */
	return orig_do_filp_open(dfd, name, op);
}

struct ftrace_hook akfs_hooks[] = {
	{ "do_filp_open", akfs_do_filp_open, &orig_do_filp_open },
};
