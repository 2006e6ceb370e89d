/* errptr-null-return in a project that is not the kernel: libkv
   (examples/non-kernel/) spells the error-pointer convention kv_is_err(),
   kv_is_err_or_null(), kv_mk_err() and kv_ptr_errno(); the "api" line of
   its rules file tells errptr so, and its "func" and "member" lines give the
   contracts of kv_open() and of the backend hook kv_backend.open.  The code
   is the essential part of examples/non-kernel/ (kv.h, backend_mem.c,
   kvtool.c); the bundled kernel rules are left out, as that example's
   Makefile does.  */
/* { dg-do compile } */
/* errptr-mixed-use is off: it also reports the callers of lookup_store()
   below, rightly (they test only kv_is_err() and use the store), but its
   own tests are elsewhere; this file is about null-return.  */
/* { dg-options "-fplugin-arg-errptr-rules=examples/non-kernel/errptr.rules -fplugin-arg-errptr-no-default-rules -fplugin-arg-errptr-mixed-use=off" } */

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

/* ---- kv.h ---- */
#define KV_MAX_ERRNO	4095

static inline void *kv_mk_err(long err)
{
	return (void *)err;
}

static inline long kv_ptr_errno(const void *p)
{
	return (long)p;
}

static inline bool kv_is_err(const void *p)
{
	return (unsigned long)p >= (unsigned long)-KV_MAX_ERRNO;
}

static inline bool kv_is_err_or_null(const void *p)
{
	return !p || kv_is_err(p);
}

struct kv_store {
	const struct kv_backend *backend;
	const char *uri;
};

struct kv_backend {
	const char *scheme;
	struct kv_store *(*open)(const char *name, int flags);
	void (*close)(struct kv_store *s);
};

#define KV_CREATE	1

struct kv_store *kv_open(const char *uri, int flags);
extern void kv_free(struct kv_store *s);
extern bool kv_trace_enabled;
extern void kv_trace(const char *what, const char *uri);

/* ---- backends ---- */

/* POSITIVE: the seed bug of libkv: a backend's open() returns NULL, and
   kv_open() tests the hook's result only with kv_is_err().  */
static struct kv_store *mem_open(const char *name, int flags)
{
	struct kv_store *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;	/* { dg-error "'mem_open' returns NULL here, but it stands in for 'kv_backend.open', whose callers test the result only with kv_is_err\(\) \[errptr-null-return\]" } */
	return s;	/* { dg-bogus "errptr" } */
}
/* { dg-message "'mem_open' stands in for 'kv_backend.open': it is assigned to 'kv_backend.open'" "" 0 } */
/* { dg-message "'kv_backend.open' reports failure with kv_mk_err\(\), never NULL; callers test only kv_is_err\(\), e.g. 'kv_open' at kv.c:47" "" 0 } */

const struct kv_backend kv_mem_backend = {
	.scheme	= "mem",
	.open	= mem_open,
	.close	= kv_free,
};

/* NEGATIVE: the same backend, fixed: kv_mk_err() is libkv's ERR_PTR().  */
static struct kv_store *mem_open_fixed(const char *name, int flags)
{
	struct kv_store *s = calloc(1, sizeof(*s));

	if (!s)
		return kv_mk_err(-ENOMEM);	/* { dg-bogus "errptr" } */
	return s;	/* { dg-bogus "errptr" } */
}

const struct kv_backend kv_mem_fixed_backend = {
	.scheme	= "memfixed",
	.open	= mem_open_fixed,
	.close	= kv_free,
};

/* NEGATIVE: NULL only after kv_is_err_or_null() said it is not NULL: an
   error pointer or a store reaches the return, never NULL.  */
static struct kv_store *cache_open(const char *name, int flags)
{
	struct kv_store *s = kv_open(name, flags);

	if (kv_is_err_or_null(s))
		return s;	/* { dg-bogus "errptr" } */
	s->uri = name;
	return s;	/* { dg-bogus "errptr" } */
}

const struct kv_backend kv_cache_backend = {
	.scheme	= "cache",
	.open	= cache_open,
	.close	= kv_free,
};

/* ---- wrappers of kv_open() ---- */

/* POSITIVE: kv_open()'s prototype, returns kv_open()'s result: it stands in
   for kv_open(), whose callers test only kv_is_err().  */
struct kv_store *kv_open_traced(const char *uri, int flags)
{
	if (!uri)
		return NULL;	/* { dg-error "'kv_open_traced' returns NULL here, but it stands in for 'kv_open', whose callers test the result only with kv_is_err\(\) \[errptr-null-return\]" } */
	if (kv_trace_enabled)
		kv_trace("open", uri);
	return kv_open(uri, flags);	/* { dg-bogus "errptr" } */
}
/* { dg-message "'kv_open_traced' stands in for 'kv_open': it returns the result of calling 'kv_open' and has the same prototype" "" 0 } */

/* NEGATIVE: kvtool's open_store(): the wrapper done right.  */
struct kv_store *open_store(const char *uri, int flags)
{
	if (!*uri)
		return kv_mk_err(-EINVAL);	/* { dg-bogus "errptr" } */
	if (strcmp(uri, "-") == 0)
		uri = "mem:default";
	return kv_open(uri, flags);	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: calls kv_open() but has another prototype: a helper, not a
   replacement of kv_open(); its NULL is its own business.  */
struct kv_store *open_default_store(void)
{
	struct kv_store *s = kv_open("mem:default", KV_CREATE);

	if (kv_is_err(s))
		return NULL;	/* { dg-bogus "errptr" } */
	return s;
}

/* ---- the renamed tests and constructors themselves ---- */

/* POSITIVE: no rule and no hook: a static function that returns
   kv_mk_err() on one path, whose callers below test only kv_is_err().
   errptr sees the error pointer and the tests only because the "api" line
   names kv_mk_err() and kv_is_err().  */
static struct kv_store *lookup_store(const char *uri)
{
	if (!uri)
		return NULL;	/* { dg-warning "'lookup_store' returns NULL here, but its callers test the result only with kv_is_err\(\) \[errptr-local-null-return\]" } */
	if (strlen(uri) > 255)
		return kv_mk_err(-ENAMETOOLONG);
	return kv_open(uri, 0);	/* { dg-bogus "errptr" } */
}
/* { dg-message "'lookup_store' returns kv_mk_err\(\) on other paths and its callers test only kv_is_err\(\), e.g. 'kv_exists'" "" 0 } */

int kv_exists(const char *uri)
{
	struct kv_store *s = lookup_store(uri);

	if (kv_is_err(s))
		return kv_ptr_errno(s) == -ENOENT ? 0 : (int)kv_ptr_errno(s);
	if (!s->backend)	/* relies on s: a NULL from lookup_store() oopses here */
		return 0;
	kv_free(s);
	return 1;
}

int kv_touch(const char *uri)
{
	struct kv_store *s = lookup_store(uri);

	if (kv_is_err(s))
		return (int)kv_ptr_errno(s);
	kv_free(s);
	return 0;
}

/* NEGATIVE: the same shape, but one caller tests for NULL too: NULL is
   handled, nothing to report.  */
static struct kv_store *find_store(const char *uri)
{
	if (!uri)
		return NULL;	/* { dg-bogus "errptr" } */
	if (strlen(uri) > 255)
		return kv_mk_err(-ENAMETOOLONG);
	return kv_open(uri, 0);
}

int kv_find(const char *uri)
{
	struct kv_store *s = find_store(uri);

	if (kv_is_err_or_null(s))
		return -ENOENT;
	kv_free(s);
	return 0;
}
