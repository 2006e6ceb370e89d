/* Torture: function attributes on pointer-returning functions and the
   functions around them: returns_nonnull, malloc (also malloc (deallocator)),
   alloc_size, nonnull, warn_unused_result, noreturn, cold/hot, pure/const,
   always_inline/noinline, noclone, weak, alias, section, visibility, and
   __attribute__((optimize)).  The code keeps the error-pointer contract: zero
   errptr diagnostics, no ICE, at -O0 and -O2 (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];

void akfs_free(void *p);
void *akfs_alloc(size_t n) __attribute__((malloc, malloc(akfs_free, 1), alloc_size(1)));
__attribute__((noreturn, cold)) void akfs_panic(const char *why);

/* NEGATIVE: returns_nonnull: a valid object or ERR_PTR(), never NULL. */
__attribute__((returns_nonnull, warn_unused_result, hot))
struct akfs_obj *akfs_nonnull(int n)
{
	if (n < 0)
		return ERR_PTR(-EINVAL);	/* { dg-bogus "errptr" } */
	return &akfs_objs[n & 3];	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: malloc-like: NULL on failure, and its callers test for NULL. */
__attribute__((malloc, alloc_size(1), __noinline__, noclone))
static void *akfs_zalloc(size_t n)
{
	void *p = akfs_alloc(n);

	if (!p)
		return NULL;	/* { dg-bogus "errptr" } */
	__builtin_memset(p, 0, n);
	return p;
}

__attribute__((pure, nonnull(1)))
static int akfs_key(const struct akfs_obj *o)
{
	return o->id;
}

__attribute__((always_inline)) static inline struct akfs_obj *akfs_inl(int n)
{
	if (n > 3)
		akfs_panic("akfs: bad index");
	return &akfs_objs[n];
}

__attribute__((weak, section(".text.akfs"), visibility("hidden")))
struct akfs_obj *akfs_weak(int n)
{
	return n ? akfs_inl(n & 3) : ERR_PTR(-ENOENT);	/* { dg-bogus "errptr" } */
}

struct akfs_obj *akfs_alias(int n)
	__attribute__((alias("akfs_nonnull"), returns_nonnull, warn_unused_result, hot));

__attribute__((optimize("O1"), cold))
struct akfs_obj *akfs_optimized(int n)
{
	struct akfs_obj *o = akfs_zalloc(sizeof(*o));

	if (!o)
		return ERR_PTR(-ENOMEM);	/* { dg-bogus "errptr" } */
	o->id = n;
	return o;
}

int akfs_use_attributes(int n)
{
	struct akfs_obj *a = akfs_nonnull(n);
	struct akfs_obj *b = akfs_weak(n);
	struct akfs_obj *c = akfs_alias(n);
	struct akfs_obj *d = akfs_optimized(n);

	if (IS_ERR(a) || IS_ERR(b) || IS_ERR(c) || IS_ERR(d))
		return -EIO;
	return akfs_key(a) + akfs_key(b) + akfs_key(c) + akfs_key(d);
}
