/* Torture: C11 _Generic choosing between pointer-returning functions (the
   call goes to the function _Generic selects), _Generic around ERR_PTR() and
   IS_ERR(), and __builtin_choose_expr / __builtin_types_compatible_p.  The
   code keeps the error-pointer contract: zero errptr diagnostics, no ICE, at
   -O0 and -O2 (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];
struct akfs_obj *akfs_by_int(int n);		/* fail with ERR_PTR() */
struct akfs_obj *akfs_by_name(const char *name);

#define akfs_lookup(k) _Generic((k),			\
	int: akfs_by_int,				\
	char *: akfs_by_name,				\
	const char *: akfs_by_name)(k)

#define akfs_err(e) _Generic((e), int: ERR_PTR((long)(e)), long: ERR_PTR(e))

/* NEGATIVE: results of the selected functions, never NULL. */
struct akfs_obj *akfs_generic(int n, const char *name)
{
	struct akfs_obj *a = akfs_lookup(n);
	struct akfs_obj *b;

	if (_Generic(a, struct akfs_obj *: IS_ERR(a), default: 1))
		return a;	/* { dg-bogus "errptr" } */
	b = akfs_lookup(name);
	if (IS_ERR(b))
		return akfs_err(-ENOENT);	/* { dg-bogus "errptr" } */
	return __builtin_choose_expr(__builtin_types_compatible_p(__typeof__(b), struct akfs_obj *),
				     b, a);	/* { dg-bogus "errptr" } */
}

int akfs_use_generic(int n, const char *name)
{
	struct akfs_obj *p = akfs_generic(n, name);

	return IS_ERR(p) ? (int)PTR_ERR(p) : p->id;
}
