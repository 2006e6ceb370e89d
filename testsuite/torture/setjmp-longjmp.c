/* Torture: setjmp()/longjmp() (and __builtin_setjmp/__builtin_longjmp) around
   pointer-returning code: abnormal edges into the setjmp receiver, values
   that change between setjmp and longjmp (volatile).  The code keeps the
   error-pointer contract: zero errptr diagnostics, no ICE, at -O0 and -O2
   (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include "kernel-min.h"

/* <setjmp.h> clashes with kernel-min.h (__always_inline): declare what is used;
   GCC knows setjmp by its name (returns twice). */
typedef struct akfs_jmp_buf_tag { long regs[8]; int mask_saved; unsigned long mask[16]; } jmp_buf[1];
extern int setjmp(jmp_buf env) __attribute__((__returns_twice__));
extern void longjmp(jmp_buf env, int val) __attribute__((__noreturn__));

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];
/* may longjmp(env, -errno) */
static void akfs_may_throw(jmp_buf env, int n)
{
	if (n < 0)
		longjmp(env, n);
}

/* NEGATIVE: a longjmp'd error becomes ERR_PTR(), never NULL. */
struct akfs_obj *akfs_guarded(int n)
{
	jmp_buf env;
	struct akfs_obj *volatile res = &akfs_objs[0];
	int err;

	err = setjmp(env);
	if (err)
		return ERR_PTR(err < 0 ? err : -EIO);	/* { dg-bogus "errptr" } */
	akfs_may_throw(env, n);
	res = &akfs_objs[n & 3];
	return res;	/* { dg-bogus "errptr" } */
}

static void *akfs_buf[5];
extern int akfs_deep_work(int n);

/* NEGATIVE: the builtin pair (nonlocal goto of GCC's own). */
static struct akfs_obj *akfs_builtin_guarded(int n)
{
	if (__builtin_setjmp(akfs_buf))
		return ERR_PTR(-EINTR);	/* { dg-bogus "errptr" } */
	if (akfs_deep_work(n) < 0)
		__builtin_longjmp(akfs_buf, 1);
	return &akfs_objs[1];
}

int akfs_use_guarded(int n)
{
	struct akfs_obj *a = akfs_guarded(n);
	struct akfs_obj *b = akfs_builtin_guarded(n);

	if (IS_ERR(a))
		return (int)PTR_ERR(a);
	if (IS_ERR(b))
		return (int)PTR_ERR(b);
	return a->id + b->id;
}
