/* Torture: GNU C nested functions returning pointers, using the enclosing
   function's variables, called directly and through a pointer (trampoline).
   The code keeps the error-pointer contract: zero errptr diagnostics, no ICE,
   at -O0 and -O2 (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];
extern void akfs_each(int n, struct akfs_obj *(*fn)(int));

/* NEGATIVE: the nested function fails with ERR_PTR(); the outer one too. */
struct akfs_obj *akfs_outer(int limit)
{
	int seen = 0;
	struct akfs_obj *last = ERR_PTR(-ENOENT);

	struct akfs_obj *inner(int i)
	{
		seen++;
		if (i >= limit)
			return ERR_PTR(-EINVAL);	/* { dg-bogus "errptr" } */
		last = &akfs_objs[i & 3];
		return last;	/* { dg-bogus "errptr" } */
	}

	struct akfs_obj *o = inner(0);
	if (IS_ERR(o))
		return o;
	akfs_each(limit, inner);	/* takes its address: a trampoline */
	return seen ? last : ERR_PTR(-ENODATA);	/* { dg-bogus "errptr" } */
}

int akfs_use_outer(int limit)
{
	struct akfs_obj *o = akfs_outer(limit);

	return IS_ERR(o) ? (int)PTR_ERR(o) : o->id;
}
