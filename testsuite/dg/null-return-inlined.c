/* errptr-null-return: the error-pointer tests as the kernel writes them
   after inlining or by hand: likely()/unlikely(), IS_ERR_VALUE(), the open
   comparison with -MAX_ERRNO, __builtin_expect().  Every function is a hook
   of do_filp_open(); the original is called through orig_do_filp_open.  */
/* { dg-do compile } */

#include "kernel-min.h"

struct open_flags {
	int open_flag;
	umode_t mode;
	int acc_mode;
	int intent;
	int lookup_flags;
};

struct ftrace_hook {
	const char *name;
	void *function;
	void *original;
};

static struct file *(*orig_do_filp_open)(int dfd, struct filename *pathname,
					 const struct open_flags *op);

extern bool akfs_allowed(const char *path);
extern void akfs_report(struct file *file);
extern struct file *akfs_cache_lookup(struct filename *name);	/* no contract */

/* POSITIVE: unlikely() around the failing test.  */
static struct file *i_unlikely(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f;

	if (unlikely(!try_module_get(THIS_MODULE)))
		return NULL;	/* { dg-error "'i_unlikely' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	f = orig_do_filp_open(dfd, name, op);
	if (likely(!IS_ERR(f)))
		akfs_report(f);
	module_put(THIS_MODULE);
	return f;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: IS_ERR_VALUE() on an unknown value: only error pointers pass
   it, never NULL.  */
static struct file *i_is_err_value(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = akfs_cache_lookup(name);

	if (IS_ERR_VALUE((unsigned long)f))
		return f;	/* { dg-bogus "errptr" } */
	return orig_do_filp_open(dfd, name, op);
}

/* NEGATIVE: IS_ERR() written out by hand.  */
static struct file *i_open_coded_is_err(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = akfs_cache_lookup(name);

	if ((unsigned long)f >= (unsigned long)-MAX_ERRNO)
		return f;	/* { dg-bogus "errptr" } */
	return orig_do_filp_open(dfd, name, op);
}

/* NEGATIVE since the NULL of a value nothing is known about is only
   possible (null-return is an error: it reports what is proven); the test
   is still a NULL test: i_shapes_ptr_err() below.  */
static struct file *i_null_or_err_value(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = akfs_cache_lookup(name);

	if (!f || IS_ERR_VALUE((unsigned long)f))
		return f;	/* { dg-bogus "errptr" "an unknown value's NULL is possible, not proven" } */
	return orig_do_filp_open(dfd, name, op);
}

/* NEGATIVE (as above): IS_ERR_OR_NULL() written out by hand, with unlikely().  */
static struct file *i_open_coded_or_null(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = akfs_cache_lookup(name);

	if (unlikely(!f) || (unsigned long)f >= (unsigned long)-MAX_ERRNO)
		return f;	/* { dg-bogus "errptr" "an unknown value's NULL is possible, not proven" } */
	return orig_do_filp_open(dfd, name, op);
}

/* NEGATIVE: the same after the original, which never returns NULL.  */
static struct file *i_open_coded_original(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = orig_do_filp_open(dfd, name, op);

	if (unlikely(!f) || (unsigned long)f >= (unsigned long)-MAX_ERRNO)
		return f;	/* { dg-bogus "errptr" } */
	akfs_report(f);
	return f;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE (as above): __builtin_expect() as such.  */
static struct file *i_builtin_expect(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = akfs_cache_lookup(name);

	if (__builtin_expect(f == NULL, 0))
		return f;	/* { dg-bogus "errptr" "an unknown value's NULL is possible, not proven" } */
	return orig_do_filp_open(dfd, name, op);
}

/* NEGATIVE: likely(!IS_ERR()) then NULL-tested original: nothing is NULL.  */
static struct file *i_likely_original(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = orig_do_filp_open(dfd, name, op);

	if (likely(!IS_ERR(f)) && unlikely(!f))
		return f;	/* { dg-bogus "errptr" } */
	return f;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: PTR_ERR_OR_ZERO() and ERR_CAST() on the original's result.  */
static struct file *i_err_cast(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = orig_do_filp_open(dfd, name, op);

	if (PTR_ERR_OR_ZERO(f))
		return ERR_CAST(f);	/* { dg-bogus "errptr" } */
	akfs_report(f);
	return f;	/* { dg-bogus "errptr" } */
}

struct ftrace_hook akfs_inlined_hooks[] = {
	{ "do_filp_open", i_unlikely, &orig_do_filp_open },
	{ "do_filp_open", i_is_err_value, &orig_do_filp_open },
	{ "do_filp_open", i_open_coded_is_err, &orig_do_filp_open },
	{ "do_filp_open", i_null_or_err_value, &orig_do_filp_open },
	{ "do_filp_open", i_open_coded_or_null, &orig_do_filp_open },
	{ "do_filp_open", i_open_coded_original, &orig_do_filp_open },
	{ "do_filp_open", i_builtin_expect, &orig_do_filp_open },
	{ "do_filp_open", i_likely_original, &orig_do_filp_open },
	{ "do_filp_open", i_err_cast, &orig_do_filp_open },
};

/* POSITIVE: the shapes above are NULL tests: after each, PTR_ERR() of the
   value may be 0.  */
long i_shapes_ptr_err(struct filename *name, int shape)
{
	struct file *f = akfs_cache_lookup(name);

	if (shape == 0 && (!f || IS_ERR_VALUE((unsigned long)f)))
		return PTR_ERR(f);	/* { dg-warning "of a pointer that may be NULL yields 0, i.e. success .errptr-ptr-err-not-err." } */
	if (shape == 1 && (unlikely(!f) || (unsigned long)f >= (unsigned long)-MAX_ERRNO))
		return PTR_ERR(f);	/* { dg-warning "errptr-ptr-err-not-err" } */
	if (shape == 2 && __builtin_expect(f == NULL, 0))
		return PTR_ERR(f);	/* { dg-warning "errptr-ptr-err-not-err" } */
	return 0;
}
