/* Torture: long chains of __builtin_expect (likely/unlikely nested 64 deep, in
   conditions, around ERR_PTR() and IS_ERR(), __builtin_expect_with_probability)
   on the way to a returned pointer.  The code keeps the error-pointer
   contract: zero errptr diagnostics, no ICE, at -O0 and -O2
   (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];
struct akfs_obj *akfs_get(int n);	/* fails with ERR_PTR() */

#define E1(x) __builtin_expect(!!(x), 1)
#define E2(x) E1(E1(x))
#define E4(x) E2(E2(x))
#define E8(x) E4(E4(x))
#define E16(x) E8(E8(x))
#define E32(x) E16(E16(x))
#define E64(x) E32(E32(x))
#define U64(x) __builtin_expect(E64(x), 0)

/* NEGATIVE: the result of a chain of expects is still tested right. */
struct akfs_obj *akfs_expect_chain(int n)
{
	struct akfs_obj *p = akfs_get(n);

	if (U64(IS_ERR(p)))
		return p;	/* { dg-bogus "errptr" } */
	if (E64(n > 3) && likely(unlikely(likely(p->id))))
		return ERR_PTR(__builtin_expect(-EINVAL, -EINVAL));	/* { dg-bogus "errptr" } */
	if (__builtin_expect_with_probability(n == 2, 1, 0.9))
		p = (struct akfs_obj *)__builtin_expect((long)&akfs_objs[2], 1);
	return p;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: a pointer carried through __builtin_expect() in a loop. */
static struct akfs_obj *akfs_expect_loop(int n)
{
	struct akfs_obj *p = ERR_PTR(-ENOENT);

	for (int i = 0; E8(i < n); i++) {
		struct akfs_obj *q = akfs_get(i);
		if (U64(!IS_ERR(q)))
			p = q;
	}
	return p;	/* { dg-bogus "errptr" } */
}

int akfs_use_expect(int n)
{
	struct akfs_obj *p = akfs_expect_chain(n);
	struct akfs_obj *q = akfs_expect_loop(n);

	if (unlikely(IS_ERR(p)) || unlikely(IS_ERR(q)))
		return -EIO;
	return p->id + q->id;
}
