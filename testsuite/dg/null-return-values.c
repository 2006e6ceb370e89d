/* errptr-null-return: which returned values are NULL.  Every function here
   is a hook of do_filp_open() (hook table at the end); the original is
   called through orig_do_filp_open.  Literal NULL, NULL through variables,
   gotos and PHIs, NULL known from a test, ERR_PTR(0); and what must stay
   silent: the original's result however it was tested, error pointers,
   values errptr knows nothing about (parameters, loads, calls without a
   contract).  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/null-return-values.rules" } */

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

struct akfs_open_cache {
	struct file *file;
	unsigned int fd;
};

#define assert_error(cond, ret)			\
	do {					\
		if (unlikely(!(cond)))		\
			return ret;		\
	} while (0)

static struct file *(*orig_do_filp_open)(int dfd, struct filename *pathname,
					 const struct open_flags *op);

extern bool akfs_allowed(const char *path);
extern int akfs_policy(const struct filename *name);
extern void akfs_report(struct file *file);
extern struct file *akfs_cache_lookup(struct filename *name);	/* no contract */
extern struct akfs_open_cache *akfs_cache;
extern struct file *akfs_last_file;

/* POSITIVE: literal NULL; the fix-it note proposes an error pointer.  */
static struct file *v_literal(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f;

	if (!try_module_get(THIS_MODULE))
		return NULL;	/* { dg-error "'v_literal' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	/* { dg-message "return an error pointer instead, e\.g\. 'ERR_PTR\(-E[A-Z]+\)'" "fix-it" .-1 } */
	f = orig_do_filp_open(dfd, name, op);
	module_put(THIS_MODULE);
	return f;	/* { dg-bogus "errptr" } */
}

/* POSITIVE: literal NULL inside a macro: reported at the macro's use.  */
static struct file *v_macro(int dfd, struct filename *name, const struct open_flags *op)
{
	assert_error(akfs_allowed(name->name), NULL);	/* { dg-error "'v_macro' returns NULL here, but it stands in for 'do_filp_open'" } */
	return orig_do_filp_open(dfd, name, op);	/* { dg-bogus "errptr" } */
}

/* POSITIVE: a variable initialised to NULL reaches the return by a goto.  */
static struct file *v_goto_out(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = NULL;	/* { dg-message "\(1\) NULL is assigned here" } */

	if (!try_module_get(THIS_MODULE))
		goto out;
	f = orig_do_filp_open(dfd, name, op);
	module_put(THIS_MODULE);
out:
	return f;	/* { dg-error "'v_goto_out' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
}

/* POSITIVE: NULL on one arm of an if/else (a PHI).  */
static struct file *v_phi(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f;

	if (akfs_policy(name) < 0)
		f = NULL;	/* { dg-message "\(1\) NULL is assigned here" } */
	else
		f = orig_do_filp_open(dfd, name, op);
	return f;	/* { dg-error "'v_phi' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
}

/* POSITIVE: NULL on one arm of ?:.  */
static struct file *v_ternary(int dfd, struct filename *name, const struct open_flags *op)
{
	return akfs_allowed(name->name) ? orig_do_filp_open(dfd, name, op) : NULL;	/* { dg-error "'v_ternary' returns NULL here, but it stands in for 'do_filp_open'" } */
}

/* NEGATIVE: the value of a call without a contract is unknown; after
   "if (!f)" it is NULL if the call ever returns NULL, which nothing says:
   possible, not proven, and null-return is an error.  */
static struct file *v_unknown_tested(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = akfs_cache_lookup(name);

	if (!f)
		return f;	/* { dg-bogus "errptr" } */
	akfs_report(f);
	return f;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: the same test after the original, which never returns NULL:
   the branch cannot be taken.  */
static struct file *v_original_tested(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = orig_do_filp_open(dfd, name, op);

	if (!f)	/* { dg-warning "this test misses the error \[errptr-null-check-on-err\]" } */
		return f;	/* { dg-bogus "errptr" } */
	return f;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: the same after filp_open(), an API that never returns NULL.  */
static struct file *v_api_tested(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = filp_open(name->name, op->open_flag, op->mode);

	if (!f)	/* { dg-warning "this test misses the error \[errptr-null-check-on-err\]" } */
		return f;	/* { dg-bogus "errptr" } */
	return f;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: IS_ERR_OR_NULL() guard on the original's result, the seed's
   "assert_goto(!IS_ERR_OR_NULL(file), out, )".  */
static struct file *v_or_null_original(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f;

	if (!try_module_get(THIS_MODULE))
		return ERR_PTR(-ENODEV);	/* { dg-bogus "errptr" } */
	f = orig_do_filp_open(dfd, name, op);
	if (IS_ERR_OR_NULL(f))
		goto out;
	akfs_report(f);
out:
	module_put(THIS_MODULE);
	return f;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: the same guard on an unknown value: NULL reaches the label only
   if the call ever returns NULL (the issue of hooks calling an original
   errptr cannot tie to the API).  */
static struct file *v_or_null_unknown(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = akfs_cache_lookup(name);

	if (IS_ERR_OR_NULL(f))
		goto out;
	akfs_report(f);
out:
	return f;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: the original's result, returned as it is.  */
static struct file *v_pass_through(int dfd, struct filename *name, const struct open_flags *op)
{
	return orig_do_filp_open(dfd, name, op);	/* { dg-bogus "errptr" } */
}

/* POSITIVE: ERR_PTR(0) is NULL (err-ptr-zero owns this case; null-return
   reports it when err-ptr-zero is off).  */
static struct file *v_err_ptr_zero(int dfd, struct filename *name, const struct open_flags *op)
{
	if (!akfs_allowed(name->name))
		return ERR_PTR(0);	/* { dg-warning "ERR_PTR\(0\) is NULL, but callers of 'do_filp_open' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
	return orig_do_filp_open(dfd, name, op);
}

/* POSITIVE: ERR_PTR(err) with err still 0 on the path to the label.  */
static struct file *v_err_ptr_unset(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f;
	int err = 0;

	f = orig_do_filp_open(dfd, name, op);
	if (IS_ERR(f))
		return f;	/* { dg-bogus "errptr" } */
	if (!akfs_allowed(name->name))
		goto deny;	/* err is never set */
	return f;	/* { dg-bogus "errptr" } */
deny:
	filp_close(f, NULL);
	return ERR_PTR(err);	/* { dg-warning "ERR_PTR\(\) of 'err', which is 0 here, is NULL, but callers of 'do_filp_open' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
}

/* NEGATIVE: ERR_PTR() of a negative errno, literal or tested.  */
static struct file *v_err_ptr_errno(int dfd, struct filename *name, const struct open_flags *op)
{
	int err = akfs_policy(name);

	if (err < 0)
		return ERR_PTR(err);	/* { dg-bogus "errptr" } */
	if (err > 1)
		return ERR_PTR(-ENOMEM);	/* { dg-bogus "errptr" } */
	return orig_do_filp_open(dfd, name, op);
}

/* NEGATIVE: loads: values errptr knows nothing about.  */
static struct file *v_load(int dfd, struct filename *name, const struct open_flags *op)
{
	if (akfs_policy(name) == 1)
		return READ_ONCE(akfs_last_file);	/* { dg-bogus "errptr" } */
	if (akfs_policy(name) == 2)
		return akfs_cache->file;	/* { dg-bogus "errptr" } */
	return orig_do_filp_open(dfd, name, op);
}

/* NEGATIVE: a parameter, returned by a helper that is no stand-in (its
   caller passes its result on untested); and the hook returning it.  */
static struct file *v_audit(struct file *f, int verdict)
{
	if (!IS_ERR(f) && verdict)
		akfs_report(f);
	return f;	/* { dg-bogus "errptr" } */
}

static struct file *v_param(int dfd, struct filename *name, const struct open_flags *op)
{
	return v_audit(orig_do_filp_open(dfd, name, op), akfs_policy(name));	/* { dg-bogus "errptr" } */
}

/* POSITIVE: the result of a call whose contract returns NULL (fget(), see
   null-return-values.rules).  */
static struct file *v_fget(int dfd, struct filename *name, const struct open_flags *op)
{
	if (akfs_cache && akfs_policy(name) == 3)
		return fget(akfs_cache->fd);	/* { dg-error "'v_fget' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return orig_do_filp_open(dfd, name, op);
}

/* POSITIVE: the result of a function of this file that returns NULL (the
   function itself is no stand-in: its caller does not test its result).  */
static struct file *cache_peek(struct filename *name)
{
	if (!akfs_cache)
		return NULL;	/* { dg-bogus "errptr" } */
	return akfs_cache->file;
}

static struct file *v_local_null(int dfd, struct filename *name, const struct open_flags *op)
{
	if (akfs_policy(name) == 4)
		return cache_peek(name);	/* { dg-error "'v_local_null' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return orig_do_filp_open(dfd, name, op);
}

struct ftrace_hook akfs_value_hooks[] = {
	{ "do_filp_open", v_literal, &orig_do_filp_open },
	{ "do_filp_open", v_macro, &orig_do_filp_open },
	{ "do_filp_open", v_goto_out, &orig_do_filp_open },
	{ "do_filp_open", v_phi, &orig_do_filp_open },
	{ "do_filp_open", v_ternary, &orig_do_filp_open },
	{ "do_filp_open", v_unknown_tested, &orig_do_filp_open },
	{ "do_filp_open", v_original_tested, &orig_do_filp_open },
	{ "do_filp_open", v_api_tested, &orig_do_filp_open },
	{ "do_filp_open", v_or_null_original, &orig_do_filp_open },
	{ "do_filp_open", v_or_null_unknown, &orig_do_filp_open },
	{ "do_filp_open", v_pass_through, &orig_do_filp_open },
	{ "do_filp_open", v_err_ptr_zero, &orig_do_filp_open },
	{ "do_filp_open", v_err_ptr_unset, &orig_do_filp_open },
	{ "do_filp_open", v_err_ptr_errno, &orig_do_filp_open },
	{ "do_filp_open", v_load, &orig_do_filp_open },
	{ "do_filp_open", v_param, &orig_do_filp_open },
	{ "do_filp_open", v_fget, &orig_do_filp_open },
	{ "do_filp_open", v_local_null, &orig_do_filp_open },
};
