/* Torture: K&R (old-style) function definitions returning pointers: no
   prototype, default argument promotions, implicit int parameters are not
   used (an error in GCC 14), a K&R definition after a prototype, and a call
   through an unprototyped declaration.  The code keeps the error-pointer
   contract: zero errptr diagnostics, no ICE, at -O0 and -O2
   (testsuite/tools/torture.sh).  */
/* { dg-do compile } */
/* { dg-options "-std=gnu17" } */

#include "kernel-min.h"

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];
struct akfs_obj *akfs_get();	/* unprototyped: fails with ERR_PTR() */

/* NEGATIVE: old-style definition, char and short promoted. */
struct akfs_obj *
akfs_knr(c, s, name)
	char c;
	short s;
	const char *name;
{
	if (!name || c < 0)
		return ERR_PTR(-EINVAL);	/* { dg-bogus "errptr" } */
	if (s > 3)
		return akfs_get(s);	/* { dg-bogus "errptr" } */
	return &akfs_objs[s & 3];	/* { dg-bogus "errptr" } */
}

static struct akfs_obj *akfs_knr_proto(int n, struct akfs_obj *fallback);

/* NEGATIVE: K&R definition of a function with a prototype in scope. */
static struct akfs_obj *
akfs_knr_proto(n, fallback)
	int n;
	struct akfs_obj *fallback;
{
	struct akfs_obj *o = akfs_get(n);

	return IS_ERR(o) ? fallback : o;	/* { dg-bogus "errptr" } */
}

int akfs_use_knr(int n)
{
	struct akfs_obj *a = akfs_knr('a', (short)n, "x");
	struct akfs_obj *b = akfs_knr_proto(n, ERR_PTR(-ENOENT));

	if (IS_ERR(a) || IS_ERR(b))
		return -EIO;
	return a->id + b->id;
}
