/* errptr-err-ptr-deref: a value that may be an error pointer (a call
   whose contract or body fails with ERR_PTR(), ERR_PTR() itself, a load
   of a location such a value was stored in) dereferenced or handed to a
   function that does not take an error pointer, with no test that stops
   it on the way: no test at all, a test whose error branch goes on
   (pr_err(), WARN_ON()), or a test after the use.  Look-alikes that must
   stay silent: a test that returns, a goto that skips the use, a use only
   the !IS_ERR() branch reaches, IS_ERR_OR_NULL(), PTR_ERR_OR_ZERO(), a
   flag set on the error path and tested before the use, callees that take
   error pointers (debugfs_remove(), a function of this file that tests
   its parameter, a void * cookie), results that need no test
   (callers=none), parameters and calls nobody describes, address
   arithmetic and comparisons, the shapes other checks report at the test
   (null-check-on-err, mixed-use), and a silenced site.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/err-ptr-deref.rules -fplugin-arg-errptr-err-ptr-deref=warning" } */

#include "kernel-min.h"

struct thing {
	int x;
	int lock;
	struct thing *next;
};

struct outer {
	int a;
	struct thing inner;
};

struct priv {
	struct thing *t;
};

extern struct thing *thing_get(int id);		/* ERR_PTR() on failure */
extern struct thing *thing_lookup(int id);	/* NULL or ERR_PTR() */
extern struct thing *thing_dir(int id);		/* results need no test */
extern struct thing *thing_plain(int id);	/* nobody describes it */
extern void thing_use(struct thing *t);
extern void thing_lock(int *lock);
extern void thing_cookie(void *data);
extern void thing_cleanup(struct thing *t);	/* takes an error pointer, nobody says so */

/* ---- POSITIVE -------------------------------------------------------------- */

/* the error branch only prints, then goes on (smatch's test case) */
int p_not_stopped(int id)
{
	struct thing *p = thing_get(id);	/* { dg-message "'thing_get\(\)' returns an error pointer on failure" } */

	if (IS_ERR(p))		/* { dg-message "'IS_ERR\(\)' is true here for the error pointer, but the path goes on to the use" } */
		pr_err("no thing\n");
	p->x = 1;		/* { dg-warning "'p' is dereferenced here, but it may be an error pointer from 'thing_get\(\)' \[errptr-err-ptr-deref\]" } */
	/* { dg-message "test 'p' with 'IS_ERR\(\)' before the use and stop on an error, e.g. 'return PTR_ERR\(p\);'" "fix" .-1 } */
	return 0;
}

/* no test at all */
int p_no_test(int id)
{
	return thing_get(id)->x;	/* { dg-warning "the pointer is dereferenced here, but it may be an error pointer from 'thing_get\(\)' \[errptr-err-ptr-deref\]" } */
	/* { dg-message "the pointer is dereferenced here, untested" "" .-1 } */
}

/* dereferenced before the test */
int p_before_test(int id)
{
	struct thing *o = thing_get(id);
	int x = o->x;		/* { dg-warning "'o' is dereferenced before its IS_ERR\(\) test, but it may be an error pointer from 'thing_get\(\)' \[errptr-err-ptr-deref\]" } */

	if (IS_ERR(o))		/* { dg-message "'o' is tested with IS_ERR\(\) only here, after the use" } */
		return PTR_ERR(o);
	return x;
}

/* the callee's body is in this file: its summary says ERR_PTR() */
static struct thing things[8];

static struct thing *local_get(int id)
{
	if (id < 0 || id >= 8)
		return ERR_PTR(-EINVAL);
	return &things[id];
}

int p_local_body(int id)
{
	struct thing *p = local_get(id);

	return p->x;		/* { dg-warning "'p' is dereferenced here, but it may be an error pointer from 'local_get\(\)'" } */
}

/* WARN_ON(IS_ERR(p)) warns and goes on */
int p_warn_on(int id)
{
	struct thing *p = thing_get(id);

	WARN_ON(IS_ERR(p));	/* { dg-message "'IS_ERR\(\)' is true here for the error pointer" } */
	return p->x;		/* { dg-warning "'p' is dereferenced here, but it may be an error pointer" } */
}

/* handed to kfree(), which takes NULL but not an error pointer */
void p_kfree(int id)
{
	struct thing *p = thing_get(id);

	kfree(p);		/* { dg-warning "'p' is passed to 'kfree', which does not accept an error pointer, but it may be one from 'thing_get\(\)'" } */
}

/* NEGATIVE: handed to a function of another file, which may take an error
   pointer as the getname() family's consumers and many cleanup functions do:
   not known to be a use */
void n_unknown_callee(int id)
{
	struct thing *p = thing_get(id);

	if (IS_ERR(p))
		pr_err("thing %d: %ld\n", id, PTR_ERR(p));
	thing_use(p);		/* { dg-bogus "errptr" } */
}

/* handed to a function of this file that dereferences it */
static int thing_val(struct thing *t)
{
	return t->x;
}

int p_local_callee(int id)
{
	struct thing *p = thing_get(id);

	if (IS_ERR(p))
		pr_err("thing %d: %ld\n", id, PTR_ERR(p));
	return thing_val(p);	/* { dg-warning "'p' is passed to 'thing_val', which does not accept an error pointer" } */
}

/* NEGATIVE: ERR_PTR() written as the argument: a sentinel the callee expects
   (fs/nfs/nfs42xattr.c: "nfs4_xattr_set_listcache(cache, ERR_PTR(-ESTALE))") */
static void thing_mark(struct thing *t, struct thing *state)
{
	t->next = state;
	if (state != ERR_PTR(-EAGAIN))
		state->lock = 1;
}

void n_sentinel(struct thing *t)
{
	thing_mark(t, ERR_PTR(-EAGAIN));	/* { dg-bogus "errptr" } */
}

/* the address of a member handed to a call: the callee dereferences */
void p_member_addr(int id)
{
	struct thing *p = thing_get(id);

	thing_lock(&p->lock);	/* { dg-warning "the address of a member of 'p' is passed to 'thing_lock' here, but 'p' may be an error pointer from 'thing_get\(\)'" } */
}

/* a location that holds the error pointer (memory.c follows the store) */
int p_stored(struct priv *pv, int id)
{
	pv->t = thing_get(id);
	return pv->t->x;	/* { dg-warning "dereferenced here, but it may be an error pointer from 'thing_get\(\)'" } */
}

/* ERR_PTR() itself: the default when nothing matched */
int p_err_ptr_default(int id)
{
	struct thing *p = ERR_PTR(-ENOENT);	/* { dg-message "an error pointer is made here" } */

	if (id >= 0 && id < 8)
		p = &things[id];
	return p->x;		/* { dg-warning "'p' is dereferenced here, but it may be an error pointer from an ERR_PTR\(\)" } */
}

/* ---- NEGATIVE -------------------------------------------------------------- */

/* the kernel's own shape: a test that returns */
int n_return(int id)
{
	struct thing *p = thing_get(id);

	if (IS_ERR(p))
		return PTR_ERR(p);
	p->x = 1;		/* { dg-bogus "errptr" } */
	return 0;
}

/* a goto past the use */
int n_goto_out(int id)
{
	struct thing *p = thing_get(id);
	int err = 0;

	if (IS_ERR(p)) {
		err = PTR_ERR(p);
		goto out;
	}
	p->x = 1;		/* { dg-bogus "errptr" } */
	thing_use(p);		/* { dg-bogus "errptr" } */
out:
	return err;
}

/* a use only the !IS_ERR() branch reaches */
void n_branch(int id)
{
	struct thing *p = thing_get(id);

	if (!IS_ERR(p))
		p->x = 1;	/* { dg-bogus "errptr" } */
	if (IS_ERR(p))
		return;
	thing_use(p);		/* { dg-bogus "errptr" } */
}

/* WARN_ON() whose error branch returns */
int n_warn_on_return(int id)
{
	struct thing *p = thing_get(id);

	if (WARN_ON(IS_ERR(p)))
		return -EINVAL;
	return p->x;		/* { dg-bogus "errptr" } */
}

/* IS_ERR_OR_NULL() and PTR_ERR_OR_ZERO() stop it too */
int n_or_null(int id)
{
	struct thing *p = thing_get(id);
	struct thing *q = thing_get(id + 1);
	int ret;

	if (IS_ERR_OR_NULL(p))
		return -ENOENT;
	ret = PTR_ERR_OR_ZERO(q);
	if (ret)
		return ret;
	return p->x + q->x;	/* { dg-bogus "errptr" } */
}

/* a flag set on the error path, tested before the use */
int n_flag(int id)
{
	struct thing *p = thing_get(id);
	int err = 0;

	if (IS_ERR(p))
		err = PTR_ERR(p);
	if (!err)
		p->x = 2;	/* { dg-bogus "errptr" } */
	return err;
}

/* the errno kept on the error paths of two branches, tested after they
   meet (fs/configfs/dir.c configfs_mkdir()) */
int n_flag_nested(int id, int a)
{
	struct thing *item;
	int ret = 0;

	if (a) {
		item = thing_get(id);
		if (!IS_ERR(item))
			thing_use(item);
		else
			ret = PTR_ERR(item);
	} else {
		item = thing_get(id + 1);
		if (IS_ERR(item))
			ret = PTR_ERR(item);
	}
	if (ret)
		return ret;
	return item->x;		/* { dg-bogus "errptr" } */
}

/* a cleanup label after a test: functions of other files that take an
   error pointer are many (cifs_put_tlink()) */
int n_cleanup_label(int id)
{
	struct thing *p = thing_get(id);
	int rc = 0;

	if (IS_ERR(p)) {
		rc = PTR_ERR(p);
		goto out;
	}
	thing_use(p);
out:
	thing_cleanup(p);	/* { dg-bogus "errptr" } */
	return rc;
}

/* the test's truth value stored and read back (fs/overlayfs/super.c) */
struct flags {
	bool tmpfile;
};

void n_stored_test(struct flags *f, int id)
{
	struct thing *p = thing_get(id);

	f->tmpfile = !IS_ERR(p);
	if (f->tmpfile)
		thing_use(p);	/* { dg-bogus "errptr" } */
}

/* a loop whose error exits through a flag the loop tests (while (!err)) */
int n_loop_flag(int id)
{
	struct thing *c = thing_get(id);
	int err = 0;

	if (IS_ERR(c))
		return PTR_ERR(c);
	while (!err) {
		struct thing *n = thing_get(c->x);	/* { dg-bogus "errptr" } */

		if (IS_ERR(n))
			err = PTR_ERR(n);
		else
			c = n;
	}
	return err;
}

/* a loop that takes a new value only when a kept errno says it is none
   (fs/overlayfs/export.c ovl_lookup_real()) */
struct thing *n_loop_retry(int id)
{
	struct thing *connected = thing_get(id), *this;
	int err = 0;

	if (IS_ERR(connected))
		return connected;
	while (!err) {
		thing_use(connected);		/* { dg-bogus "errptr" } */
		if (connected->x)		/* { dg-bogus "errptr" } */
			break;
		this = thing_get(id + 1);
		if (IS_ERR(this))
			err = PTR_ERR(this);
		if (err == -ECHILD) {
			this = thing_get(id + 2);
			err = PTR_ERR_OR_ZERO(this);
		}
		if (!err)
			connected = this;
	}
	if (err)
		return ERR_PTR(err);
	return connected;
}

/* a helper of this file that hands back its argument, error or not
   (fs/smb/client's cifs_get_tlink()): the error is the caller's */
static inline struct thing *thing_hold(struct thing *t)
{
	if (t && !IS_ERR(t))
		t->lock++;
	return t;
}

void n_pass_through(struct priv *pv)
{
	struct thing *t = thing_hold(pv->t);

	thing_use(t);		/* { dg-bogus "errptr" } */
}

/* callees that take an error pointer */
static void local_put(struct thing *t)
{
	if (IS_ERR_OR_NULL(t))
		return;
	t->x = 0;
}

void n_tolerant_callees(int id)
{
	struct thing *p = thing_get(id);

	debugfs_remove((struct dentry *)p);	/* { dg-bogus "errptr" } */
	local_put(p);				/* { dg-bogus "errptr" } */
	thing_cookie(p);			/* { dg-bogus "errptr" } */
}

/* results that need no test, values nobody describes */
int n_no_contract(struct thing *param, int id)
{
	struct thing *d = thing_dir(id);
	struct thing *u = thing_plain(id);

	thing_use(d);		/* { dg-bogus "errptr" } */
	return param->x + u->x;	/* { dg-bogus "errptr" } */
}

/* address arithmetic and comparisons are no uses */
struct outer *n_arith(int id, struct thing *other, struct outer **out)
{
	struct thing *p = thing_get(id);

	if (p == other)		/* { dg-bogus "errptr" } */
		return NULL;
	*out = container_of(p, struct outer, inner);	/* { dg-bogus "errptr" } */
	return *out;
}

/* a NULL-only test of an ERR_PTR() result: null-check-on-err's, at the test */
int n_null_check(int id)
{
	struct thing *p = thing_get(id);

	if (!p)			/* { dg-warning "errptr-null-check-on-err" } */
		return -ENOENT;
	return p->x;		/* { dg-bogus "errptr-err-ptr-deref" } */
}

/* a NULL test of a NULL-or-ERR_PTR() result: mixed-use's, at the test */
int n_mixed(int id)
{
	struct thing *p = thing_lookup(id);

	if (!p)			/* { dg-warning "errptr-mixed-use" } */
		return -ENOENT;
	return p->x;		/* { dg-bogus "errptr-err-ptr-deref" } */
}

/* silenced at the use */
int n_silenced(int id)
{
	struct thing *p = thing_get(id);

	return p->x;	/* errptr-ignore(err-ptr-deref): thing_get() cannot fail for ids < 8 here */
}

/* NEGATIVE: the error code compared: the author knows which errors the
   callee returns (kernel/trace/trace.c: "if (PTR_ERR(err) == -ENOMEM)
   return;", -ENOMEM get_tracing_log_err()'s only one) */
int n_error_code_compared(int id)
{
	struct thing *p = thing_get(id);

	if (PTR_ERR(p) == -ENOMEM)
		return -ENOMEM;
	return p->x;	/* { dg-bogus "errptr" } */
}

/* POSITIVE look-alike: the code compared after the use */
int p_error_code_late(int id)
{
	struct thing *p = thing_get(id);
	int x = p->x;	/* { dg-warning "'p' is dereferenced here, but it may be an error pointer from 'thing_get\(\)'" } */

	if (PTR_ERR(p) == -ENOMEM)
		return -ENOMEM;
	return x;
}

/* NEGATIVE: compared with the one error pointer the callee returns */
int n_error_pointer_compared(int id)
{
	struct thing *p = thing_get(id);

	if (p == ERR_PTR(-EINVAL))
		return -EINVAL;
	return p->x;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: a function of this file that tests its parameter first takes
   an error pointer, whatever the name list says of its prefix (clk_hw_:
   drivers/clk/clk.c clk_hw_create_clk(), chained to the lookups) */
static int clk_hw_chain(struct thing *t)
{
	if (IS_ERR_OR_NULL(t))
		return t ? PTR_ERR(t) : -ENOENT;
	return t->x;
}

int n_body_beats_list(int id)
{
	return clk_hw_chain(thing_get(id));	/* { dg-bogus "errptr" } */
}

/* POSITIVE look-alike: the same prefix, a body that dereferences */
static int clk_hw_peek(struct thing *t)
{
	return t->x;
}

int p_body_derefs(int id)
{
	struct thing *t = thing_get(id);

	return clk_hw_peek(t);	/* { dg-warning "'t' is passed to 'clk_hw_peek', which does not accept an error pointer" } */
}
