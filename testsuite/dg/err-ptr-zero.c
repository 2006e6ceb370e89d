/* errptr-err-ptr-zero: ERR_PTR(x) where x may be 0 (the result is NULL) or
   positive (no error pointer), returned to callers that test the result only
   with IS_ERR().  Callers are known from this file (static functions whose
   every caller tests only IS_ERR()) or from a contract (a function with a
   rule, a hook of do_filp_open()).  Look-alikes that must stay silent:
   ERR_PTR() of a negative errno or of an unknown value, the deliberate
   ERR_PTR(0)-is-NULL of code whose callers handle NULL (fs/namei.c's
   lookup_dcache()), callers that test IS_ERR_OR_NULL(), an ERR_PTR() that
   is not returned, ERR_PTR(PTR_ERR(p))
   (ptr-err-not-err's), and a silenced site.  For a stand-in the ERR_PTR(0)
   is this check's: null-return stays silent there.  Functions of external
   linkage: err-ptr-zero-exported.c.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/err-ptr-zero.rules -fplugin-arg-errptr-mixed-use=off" } */
/* mixed-use is off: it reports the same NULLs again at thing_users(), the
   caller side of the bugs this file reports at the ERR_PTR() calls.  */

#include "kernel-min.h"

struct thing {
	int id;
	int users;
	void *err;
};

extern struct thing things[16];
extern int thing_fill(struct thing *t);		/* 0 or -errno, errptr does not know */
extern int thing_count(struct thing *t);	/* >= 0 or -errno */
extern struct thing *thing_find(int id);
extern void thing_use(struct thing *t);

/* ---- callers known from this file ---------------------------------------- */

/* POSITIVE: the kernel shape: 0 from a call meaning success, tested
   "<= 0".  */
static struct thing *z_le(int id)
{
	int ret = thing_fill(&things[id]);	/* { dg-message "'ret' is the result of 'thing_fill\(\)'" } */

	if (ret <= 0)	/* { dg-message "'ret' may be 0 when this test holds" } */
		return ERR_PTR(ret);	/* { dg-warning "ERR_PTR\(\) of 'ret', which may be 0 here, is NULL, but callers of 'z_le' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
	/* { dg-message "test for failure with 'ret < 0'" "fix" .-1 } */
	return &things[id];
}
/* { dg-message "every caller of 'z_le' in this file tests its result only with IS_ERR\(\)" "" 0 } */

/* POSITIVE: "if (!ret)": it is 0.  */
static struct thing *z_not(int id)
{
	int ret = thing_count(&things[id]);

	if (!ret)	/* { dg-message "'ret' is 0 when this test holds" } */
		return ERR_PTR(ret);	/* { dg-warning "ERR_PTR\(\) of 'ret', which is 0 here, is NULL, but callers of 'z_not' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
	if (ret < 0)
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	return &things[ret];
}

/* POSITIVE: the error code is never set on the path to the label.  */
static struct thing *z_unset(int id)
{
	int err = 0;	/* { dg-message "'err' is 0 here" } */

	if (id < 0 || id >= 16) {
		err = -EINVAL;
		goto out;
	}
	if (things[id].users > 8)
		goto out;	/* forgot err = -EBUSY */
	return &things[id];
out:
	return ERR_PTR(err);	/* { dg-warning "ERR_PTR\(\) of 'err', which may be 0 here, is NULL, but callers of 'z_unset' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
}

/* POSITIVE: a literal 0.  */
static struct thing *z_literal(int id)
{
	if (id < 0)
		return ERR_PTR(-EINVAL);	/* { dg-bogus "errptr" } */
	if (id >= 16)
		return ERR_PTR(0);	/* { dg-warning "ERR_PTR\(0\) is NULL, but callers of 'z_literal' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
	return &things[id];
}

/* POSITIVE: a missing minus: ERR_PTR(ENOMEM) is no error pointer.  */
static struct thing *z_positive_literal(int id)
{
	if (id < 0)
		return ERR_PTR(ENOMEM);	/* { dg-warning "ERR_PTR\(12\) is not an error pointer, and callers of 'z_positive_literal' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
	/* { dg-message "did you mean 'ERR_PTR\(-12\)'" "fix" .-1 } */
	if (id >= 16)
		return ERR_PTR(-ENOENT);
	return &things[id];
}

/* POSITIVE: a count used as an errno: after the tests it is positive.  */
static struct thing *z_positive(int id)
{
	int n = thing_count(&things[id]);

	if (n < 0)
		return ERR_PTR(n);	/* { dg-bogus "errptr" } */
	if (n > 0)	/* { dg-message "'n' is positive when this test holds" } */
		return ERR_PTR(n);	/* { dg-warning "ERR_PTR\(\) of 'n', which is positive here, is not an error pointer, and callers of 'z_positive' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
	/* { dg-message "ERR_PTR\(\) takes a negative errno" "fix" .-1 } */
	return &things[id];
}

/* POSITIVE: negatives handled first, what is left is 0 or positive.  */
static struct thing *z_ge(int id)
{
	int n = thing_count(&things[id]);

	if (n < 0)
		return ERR_PTR(n);	/* { dg-bogus "errptr" } */
	if (n < 16)
		return &things[n];
	return ERR_PTR(n);	/* { dg-warning "ERR_PTR\(\) of 'n', which may be 0 here, is NULL.*\[errptr-err-ptr-zero\]" } */
}

/* NEGATIVE: "if (ret < 0)", a negative errno, an unknown value, and
   "if (ret)" of an unknown 0/-errno.  */
static struct thing *n_errno(int id)
{
	int ret = thing_fill(&things[id]);

	if (ret < 0)
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	ret = thing_fill(&things[id + 1]);
	if (ret)
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	if (!things[id].users)
		return ERR_PTR(-ENOMEM);	/* { dg-bogus "errptr" } */
	if (things[id].users > 8)
		return ERR_PTR(thing_count(&things[id]));	/* { dg-bogus "errptr" } */
	return &things[id];
}

/* NEGATIVE: ERR_PTR(PTR_ERR(p)) after IS_ERR(p).  */
static struct thing *n_pass_on(int id)
{
	struct thing *t = thing_find(id);

	if (IS_ERR(t))
		return ERR_PTR(PTR_ERR(t));	/* { dg-bogus "errptr" } */
	return t;
}

/* NEGATIVE: the ERR_PTR() is stored, not returned.  */
static struct thing *n_stored(int id)
{
	int ret = thing_fill(&things[id]);

	if (ret <= 0)
		things[id].err = ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	return &things[id];
}

/* NEGATIVE: deliberate, and marked so.  */
static struct thing *n_silenced(int id)
{
	int ret = thing_fill(&things[id]);

	if (ret <= 0)	/* errptr-ignore(err-ptr-zero): thing_fill() > 0 here */
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	return &things[id];
}

int thing_users(int id)
{
	struct thing *t;
	int n = 0;

	t = z_le(id);
	if (IS_ERR(t))
		return PTR_ERR(t);
	n += t->users;
	t = z_not(id);
	if (IS_ERR(t))
		return PTR_ERR(t);
	n += t->users;
	t = z_unset(id);
	if (IS_ERR(t))
		return PTR_ERR(t);
	n += t->users;
	t = z_literal(id);
	if (IS_ERR(t))
		return PTR_ERR(t);
	n += t->users;
	t = z_positive_literal(id);
	if (IS_ERR(t))
		return PTR_ERR(t);
	n += t->users;
	t = z_positive(id);
	if (IS_ERR(t))
		return PTR_ERR(t);
	n += t->users;
	t = z_ge(id);
	if (IS_ERR(t))
		return PTR_ERR(t);
	n += t->users;
	t = n_errno(id);
	if (IS_ERR(t))
		return PTR_ERR(t);
	n += t->users;
	t = n_pass_on(id);
	if (IS_ERR(t))
		return PTR_ERR(t);
	n += t->users;
	t = n_stored(id);
	if (IS_ERR(t))
		return PTR_ERR(t);
	n += t->users;
	t = n_silenced(id);
	if (IS_ERR(t))
		return PTR_ERR(t);
	return n + t->users;
}

/* NEGATIVE: fs/namei.c's lookup_dcache(): ERR_PTR(0) is NULL on purpose,
   "not in the cache", and every caller tests for NULL first.  */
struct qstr;
extern struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name);
extern int d_revalidate(struct dentry *dentry, unsigned int flags);
extern void d_invalidate(struct dentry *dentry);
extern void dput(struct dentry *dentry);
extern struct dentry *d_alloc_lookup(struct dentry *base, const struct qstr *name);

static struct dentry *lookup_dcache(const struct qstr *name, struct dentry *dir,
				    unsigned int flags)
{
	struct dentry *dentry = d_lookup(dir, name);
	if (dentry) {
		int error = d_revalidate(dentry, flags);
		if (unlikely(error <= 0)) {
			if (!error)
				d_invalidate(dentry);
			dput(dentry);
			return ERR_PTR(error);	/* { dg-bogus "errptr" } */
		}
	}
	return dentry;
}

struct dentry *lookup_one_qstr_excl(const struct qstr *name, struct dentry *base,
				    unsigned int flags)
{
	struct dentry *dentry = lookup_dcache(name, base, flags);

	if (dentry)
		return dentry;
	return d_alloc_lookup(base, name);
}

/* NEGATIVE: the callers handle NULL with IS_ERR_OR_NULL().  */
static struct thing *n_or_null_callers(int id)
{
	int ret = thing_fill(&things[id]);

	if (ret <= 0)
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	return &things[id];
}

int thing_try(int id)
{
	struct thing *t = n_or_null_callers(id);

	if (IS_ERR_OR_NULL(t))
		return t ? PTR_ERR(t) : 0;
	return t->users;
}

/* POSITIVE: not static: callers in other files follow the ERR_PTR()
   convention it reports failure with (err-ptr-zero-exported.c).  */
struct thing *thing_get_global(int id)
{
	int ret = thing_fill(&things[id]);

	if (ret <= 0)
		return ERR_PTR(ret);	/* { dg-warning "callers of 'thing_get_global' test the result only with IS_ERR\(\)" } */
	return &things[id];
}

int thing_global_users(int id)
{
	struct thing *t = thing_get_global(id);

	if (IS_ERR(t))
		return PTR_ERR(t);
	return t->users;
}

/* ---- callers known from a contract ----------------------------------------- */

/* POSITIVE: the definition of an API whose callers test only IS_ERR().  */
struct thing *thing_acquire(int id)
{
	int ret = thing_fill(&things[id]);

	if (ret <= 0)
		return ERR_PTR(ret);	/* { dg-warning "ERR_PTR\(\) of 'ret', which may be 0 here, is NULL, but callers of 'thing_acquire' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
	/* { dg-message "callers of 'thing_acquire' test its result only with IS_ERR\(\), e\.g\. 'thing_probe' at drivers/thing/core\.c:120" "" .-1 } */
	return &things[id];
}

/* NEGATIVE: an API whose callers handle NULL (callers=is_err_or_null).  */
struct thing *thing_lookup_cached(int id)
{
	int ret = thing_fill(&things[id]);

	if (ret <= 0)
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	return &things[id];
}

/* POSITIVE: a hook of do_filp_open(): reported once, by err-ptr-zero, not
   also by null-return.  */
struct open_flags {
	int open_flag;
	umode_t mode;
};

struct ftrace_hook {
	const char *name;
	void *function;
	void *original;
};

static struct file *(*orig_do_filp_open)(int dfd, struct filename *pathname,
					 const struct open_flags *op);
extern int akfs_permission(const char *path);	/* 1 allowed, 0 denied, -errno */

static struct file *akfs_do_filp_open(int dfd, struct filename *name,
				      const struct open_flags *op)
{
	int ret = akfs_permission(name->name);

	if (ret <= 0)
		return ERR_PTR(ret);	/* { dg-warning "ERR_PTR\(\) of 'ret', which may be 0 here, is NULL, but callers of 'do_filp_open' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
	/* { dg-bogus "errptr-null-return" "one diagnostic" .-1 } */
	/* { dg-message "'akfs_do_filp_open' stands in for 'do_filp_open': it is paired with \"do_filp_open\" in the hook table 'akfs_hooks'" "" 0 } */
	return orig_do_filp_open(dfd, name, op);
}

struct ftrace_hook akfs_hooks[] = {
	{ "do_filp_open", akfs_do_filp_open, &orig_do_filp_open },
};

/* ---- the errno taken before the test -----------------------------------
   fs/ecryptfs/main.c ecryptfs_mount(): "rc = PTR_ERR(inode); if
   (IS_ERR(inode)) goto out_free;" and, at the label, "return ERR_PTR(rc);":
   the test of the pointer says what rc is on the way there.  */
extern struct thing *thing_acquire(int id);	/* fails=err (rules) */

/* NEGATIVE */
static struct thing *z_hoisted(int id)
{
	struct thing *t;
	int rc = -EINVAL;

	if (id > 15)
		goto out;
	t = thing_acquire(id);
	rc = PTR_ERR(t);
	if (IS_ERR(t))
		goto out;
	rc = -ENOMEM;
	if (!t->users)
		goto out;
	return t;
out:
	return ERR_PTR(rc);	/* { dg-bogus "errptr" } */
}

/* POSITIVE: the look-alike with the test inverted: rc is the valid
   pointer's bits, "positive" for the convention */
static struct thing *z_hoisted_inverted(int id)
{
	struct thing *t;
	int rc = -EINVAL;

	if (id > 15)
		goto out;
	t = thing_acquire(id);
	rc = PTR_ERR(t);
	if (!IS_ERR(t))
		goto out;
	return &things[0];
out:
	return ERR_PTR(rc);	/* { dg-warning "ERR_PTR\(\) of 'rc', which may be positive here.*\[errptr-err-ptr-zero\]" } */
}

int thing_hoisted_users(int id)
{
	struct thing *t = z_hoisted(id);

	if (IS_ERR(t))
		return PTR_ERR(t);
	t = z_hoisted_inverted(id);
	if (IS_ERR(t))
		return PTR_ERR(t);
	return t->users;
}
