/* errptr-ptr-err-not-err: PTR_ERR() of a pointer that may be NULL yields 0,
   which the caller takes for success; PTR_ERR() of a pointer that cannot be
   an error pointer is 0 or junk.  Positives: IS_ERR_OR_NULL() (plain, in
   unlikely(), inverted, as two tests), "if (!p)", NULL from a contract, an
   inverted IS_ERR() test, the errno kept for a goto.  Look-alikes that must
   stay silent: PTR_ERR() after IS_ERR(), of an unknown value, computed before
   the test, only printed or compared with an errno, the fixes ("p ? PTR_ERR(p)
   : -ENOMEM", PTR_ERR_OR_ZERO()), ERR_CAST(), IS_ERR_OR_NULL() of an API that
   never returns NULL, and a site silenced with errptr-ignore.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/ptr-err-not-err.rules" } */

#include "kernel-min.h"

struct thing {
	int id;
	struct thing *next;
};

extern struct thing *thing_find(int id);		/* no contract: unknown */
extern struct thing *thing_get_optional(int id);	/* fails=both (rules) */
extern struct thing *thing_open(int id);		/* fails=err (rules) */
extern struct thing *thing_open_null(int id);	/* fails=null (rules) */
extern void thing_use(struct thing *t);
extern void thing_put(struct thing *t);

/* POSITIVE: the shape of the bug.  */
int p_or_null(int id)
{
	struct thing *t = thing_find(id);

	if (IS_ERR_OR_NULL(t))	/* { dg-message "'t' may be NULL when this test holds" } */
		return PTR_ERR(t);	/* { dg-warning "PTR_ERR\(\) of a pointer that may be NULL yields 0, i\.e\. success \[errptr-ptr-err-not-err\]" } */
	/* { dg-message "'t \? PTR_ERR\(t\) : -ENOMEM'.*'PTR_ERR_OR_ZERO\(t\)'" "fix" .-1 } */
	thing_use(t);
	return 0;
}

/* POSITIVE: in unlikely(), the errno kept in a variable for a goto.  */
int p_or_null_goto(int id)
{
	struct thing *t = thing_find(id);
	int ret = 0;

	if (unlikely(IS_ERR_OR_NULL(t))) {
		ret = PTR_ERR(t);	/* { dg-warning "may be NULL yields 0.*\[errptr-ptr-err-not-err\]" } */
		goto out;
	}
	thing_use(t);
	thing_put(t);
out:
	return ret;
}

/* POSITIVE: the test inverted; the PTR_ERR() is where it fails.  */
int p_or_null_else(int id)
{
	struct thing *t = thing_find(id);

	if (!IS_ERR_OR_NULL(t))	/* { dg-message "'t' may be NULL when this test fails" } */
		return 0;
	return PTR_ERR(t);	/* { dg-warning "may be NULL yields 0.*\[errptr-ptr-err-not-err\]" } */
}

/* POSITIVE: IS_ERR_OR_NULL() written as two tests joining at one return.  */
int p_two_tests(int id)
{
	struct thing *t = thing_find(id);

	if (!t || IS_ERR(t))	/* { dg-message "'t' may be NULL after this test" } */
		return PTR_ERR(t);	/* { dg-warning "may be NULL yields 0.*\[errptr-ptr-err-not-err\]" } */
	thing_use(t);
	return 0;
}

/* POSITIVE: "if (!p)": it is NULL, PTR_ERR() is 0.  */
int p_not(int id)
{
	struct thing *t = thing_find(id);

	if (!t)	/* { dg-message "'t' is NULL when this test holds" } */
		return PTR_ERR(t);	/* { dg-warning "PTR_ERR\(\) of a pointer that may be NULL yields 0, i\.e\. success \[errptr-ptr-err-not-err\]" } */
	/* { dg-message "'t' is NULL here: return an error code instead" "fix" .-1 } */
	thing_use(t);
	return 0;
}

/* POSITIVE (note, errptr-ptr-err-or-zero): an API whose NULL is an ordinary
   value ("absent": fails=both), both kinds handled together: 0 for NULL is
   most likely meant (fs/overlayfs/namei.c, ovl_get_redirect_xattr()); the
   note asks to say so with PTR_ERR_OR_ZERO().  */
int p_contract(int id)
{
	struct thing *t = thing_get_optional(id);	/* { dg-message "'thing_get_optional' may return NULL" } */

	if (IS_ERR_OR_NULL(t))
		return PTR_ERR(t);	/* { dg-message "PTR_ERR\(\) of a pointer that may be NULL yields 0, i\.e\. success \[errptr-ptr-err-or-zero\]" } */
	/* { dg-message "NULL is one of the values 'thing_get_optional' returns besides error pointers, not a failure: if 0 is meant for it, say so with 'PTR_ERR_OR_ZERO\(t\)'" "fix" .-1 } */
	/* { dg-bogus "ptr-err-not-err" "not a warning" .-2 } */
	thing_use(t);
	return 0;
}

/* POSITIVE (note): the same, tested as "valid, else" (fs/ceph/dir.c,
   ceph_handle_notrace_create()).  */
int p_contract_else(int id)
{
	struct thing *t = thing_get_optional(id);

	if (t && !IS_ERR(t)) {
		thing_use(t);
		return -EEXIST;
	}
	return PTR_ERR(t);	/* { dg-message "PTR_ERR.*\[errptr-ptr-err-or-zero\]" } */
}

/* POSITIVE (warning): the same API, but only its NULL gets here: PTR_ERR()
   is always 0, no error pointer it could be meant for.  */
int p_contract_null_only(int id)
{
	struct thing *t = thing_get_optional(id);

	if (!t)
		return PTR_ERR(t);	/* { dg-warning "may be NULL yields 0.*\[errptr-ptr-err-not-err\]" } */
	if (IS_ERR(t))
		return -EIO;
	thing_use(t);
	return 0;
}

/* POSITIVE (warning): an API whose NULL is a failure: not the idiom.  */
int p_contract_null_fails(int id)
{
	struct thing *t = thing_open_null(id);

	if (IS_ERR_OR_NULL(t))
		return PTR_ERR(t);	/* { dg-warning "may be NULL yields 0.*\[errptr-ptr-err-not-err\]" } */
	thing_use(t);
	return 0;
}

/* POSITIVE: an inverted IS_ERR() test: t is NULL or valid here.  */
int p_inverted(int id)
{
	struct thing *t = thing_find(id);

	if (!IS_ERR(t))	/* { dg-message "'t' is not an error pointer when this test holds" } */
		return PTR_ERR(t);	/* { dg-warning "PTR_ERR\(\) of a pointer that is not an error pointer here \[errptr-ptr-err-not-err\]" } */
	return 0;
}

/* POSITIVE: a pointer to an object is no error pointer.  */
static struct thing p_static_thing;
long p_address(void)
{
	struct thing *t = &p_static_thing;

	return PTR_ERR(t);	/* { dg-warning "not an error pointer here \[errptr-ptr-err-not-err\]" } */
	/* { dg-message "test with 'IS_ERR\(\)' first" "note" .-1 } */
}

/* NEGATIVE: after IS_ERR().  */
int n_is_err(int id)
{
	struct thing *t = thing_find(id);

	if (IS_ERR(t))
		return PTR_ERR(t);	/* { dg-bogus "errptr" } */
	thing_use(t);
	return 0;
}

/* NEGATIVE: the fix: NULL gets its own errno.  */
int n_fixed(int id)
{
	struct thing *t = thing_find(id);

	if (IS_ERR_OR_NULL(t))
		return t ? PTR_ERR(t) : -ENOMEM;	/* { dg-bogus "errptr" } */
	thing_use(t);
	return 0;
}

/* NEGATIVE: the other fix: 0 is meant for NULL.  */
int n_or_zero(int id)
{
	struct thing *t = thing_find(id);

	if (IS_ERR_OR_NULL(t))
		return PTR_ERR_OR_ZERO(t);	/* { dg-bogus "errptr" } */
	thing_use(t);
	return 0;
}

/* NEGATIVE: PTR_ERR() of a value errptr knows nothing about.  */
long n_unknown(struct thing *t)
{
	return PTR_ERR(t);	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: computed before the test, used only when it is an error.  */
int n_hoisted(int id)
{
	struct thing *t = thing_get_optional(id);
	int err = PTR_ERR(t);	/* { dg-bogus "errptr" } */

	if (IS_ERR(t))
		return err;
	if (t)
		thing_use(t);
	return 0;
}

/* NEGATIVE: only printed (a variadic argument) or compared with an errno.  */
int n_printed(int id)
{
	struct thing *t = thing_find(id);

	if (IS_ERR_OR_NULL(t)) {
		pr_err("no thing %d: %ld\n", id, PTR_ERR(t));	/* { dg-bogus "errptr" } */
		if (PTR_ERR(t) == -ENOENT)	/* { dg-bogus "errptr" } */
			return 0;
		return -ENODEV;
	}
	thing_use(t);
	return 0;
}

/* NEGATIVE: ERR_CAST() passes an error on as a pointer.  */
struct thing *n_err_cast(int id)
{
	struct thing *t = thing_find(id);

	if (IS_ERR(t))
		return ERR_CAST(t);	/* { dg-bogus "errptr" } */
	return t->next;
}

/* NEGATIVE: IS_ERR_OR_NULL() of an API that never returns NULL: it can
   only be an error pointer here.  */
int n_never_null(int id)
{
	struct thing *t = thing_open(id);

	if (IS_ERR_OR_NULL(t))
		return PTR_ERR(t);	/* { dg-bogus "errptr" } */
	thing_use(t);
	return 0;
}

/* NEGATIVE: deliberate, and marked so.  */
int n_silenced(int id)
{
	struct thing *t = thing_find(id);

	if (IS_ERR_OR_NULL(t))
		return PTR_ERR(t);	/* errptr-ignore(ptr-err-not-err): NULL is "nothing to do" */ /* { dg-bogus "errptr" } */
	thing_use(t);
	return 0;
}

/* NEGATIVE: the 0 is seen to: "PTR_ERR(p) ?: -ENOENT" (kernel/module/main.c
   resolve_symbol_wait) and "if (!err) err = -E".  */
int n_elvis(int id)
{
	struct thing *t = thing_find(id);

	if (IS_ERR_OR_NULL(t))
		return PTR_ERR(t) ?: -ENOENT;	/* { dg-bogus "errptr" } */
	thing_use(t);
	return 0;
}

int n_zero_replaced(int id)
{
	struct thing *t = thing_find(id);
	int err;

	if (IS_ERR_OR_NULL(t)) {
		err = PTR_ERR(t);	/* { dg-bogus "errptr" } */
		if (!err)
			err = -ENOENT;
		return err;
	}
	thing_use(t);
	return 0;
}

/* POSITIVE: the look-alike: compared with an errno, not with 0, so a NULL
   still returns 0 */
int p_compared_not_zero(int id)
{
	struct thing *t = thing_find(id);
	int err;

	if (IS_ERR_OR_NULL(t)) {
		err = PTR_ERR(t);	/* { dg-warning "PTR_ERR" } */
		if (err == -EAGAIN)
			err = -EBUSY;
		return err;
	}
	thing_use(t);
	return 0;
}

/* NEGATIVE: a contract says no error pointer, but the code tests for one
   right after computing PTR_ERR() (mm/migrate.c: follow_page() returns one
   only for some flags) */
int n_contract_says_never(int id)
{
	struct thing *t = thing_open_null(id);
	int err;

	err = PTR_ERR(t);	/* { dg-bogus "errptr" } */
	if (IS_ERR(t))
		return err;
	if (!t)
		return -ENOENT;
	thing_use(t);
	return 0;
}
