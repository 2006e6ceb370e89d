/* Torture: variadic functions returning pointers: va_arg of pointers (also
   ERR_PTR() values passed through ...), va_copy, a va_list handed on, and a
   variadic macro around ERR_PTR().  The code keeps the error-pointer contract:
   zero errptr diagnostics, no ICE, at -O0 and -O2 (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include <stdarg.h>
#include "kernel-min.h"

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];

/* NEGATIVE: the first argument that is not an error, else ERR_PTR(). */
static struct akfs_obj *akfs_vfirst(int n, va_list ap)
{
	struct akfs_obj *err = ERR_PTR(-ENOENT);

	for (int i = 0; i < n; i++) {
		struct akfs_obj *o = va_arg(ap, struct akfs_obj *);
		if (!o)
			continue;
		if (!IS_ERR(o))
			return o;	/* { dg-bogus "errptr" } */
		err = o;
	}
	return err;	/* { dg-bogus "errptr" } */
}

struct akfs_obj *akfs_first(int n, ...)
{
	va_list ap, again;
	struct akfs_obj *o;

	va_start(ap, n);
	va_copy(again, ap);
	o = akfs_vfirst(n, ap);
	if (IS_ERR(o) && n > 1)
		o = akfs_vfirst(n - 1, again);
	va_end(again);
	va_end(ap);
	return o;	/* { dg-bogus "errptr" } */
}

#define akfs_fail(fmt, ...) ({ pr_err(fmt, ##__VA_ARGS__); ERR_PTR(-EIO); })

/* NEGATIVE: a printf-like variadic function returning ERR_PTR() via a macro. */
__printf(2, 3) struct akfs_obj *akfs_logged(int n, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = va_arg(ap, int);
	va_end(ap);
	if (len < 0)
		return akfs_fail("akfs: %s %d\n", fmt, len);	/* { dg-bogus "errptr" } */
	return &akfs_objs[n & 3];
}

int akfs_use_variadic(int n)
{
	struct akfs_obj *a = akfs_first(3, (struct akfs_obj *)NULL, ERR_PTR(-EAGAIN), &akfs_objs[1]);
	struct akfs_obj *b = akfs_logged(n, "%d", n);

	if (IS_ERR(a) || IS_ERR(b))
		return -EIO;
	return a->id + b->id;
}
