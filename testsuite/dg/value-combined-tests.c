/* Conditions that combine tests with && and ||: GCC turns "if (!a || !b)"
   into "_1 = a == 0; _2 = b == 0; _3 = _1 | _2; if (_3 != 0)", and on the
   false edge both a and b are non-NULL; "if (x && x != -ENOENT)" into
   "_3 = _1 & _2" whose true edge has x non-zero.  Regressions:
   kernel/trace/trace_eprobe.c new_eprobe_trigger() (mixed-use at its
   caller), net/ipv6/calipso.c calipso_opt_insert() (err-ptr-zero).  The
   look-alikes keep a NULL or a 0 through: "&&" where "||" would be needed,
   a conjunct that allows 0.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/value-loops.rules" } */

#include "kernel-min.h"

struct ct_trigger {
	int flags;
	void *data;
};

static int ct_find_slot[4];
/* 0, -ENOENT or another -errno */
static int ct_find(int id)
{
	if (id < 0)
		return -EINVAL;
	if (!ct_find_slot[id & 3])
		return -ENOENT;
	return 0;
}
extern int ct_setup(struct ct_trigger *t);
static struct ct_trigger ct_table[4];

/* "if (!t || !d) goto error;": t is not NULL past it */
static struct ct_trigger *ct_new_both_tested(void)
{
	struct ct_trigger *t = kzalloc(sizeof(*t), GFP_KERNEL);
	void *d = kzalloc(16, GFP_KERNEL);
	int ret;

	if (!t || !d) {
		ret = -ENOMEM;
		goto error;
	}
	t->data = d;
	ret = ct_setup(t);
	if (ret)
		goto error;
	return t;
error:
	kfree(d);
	kfree(t);
	return ERR_PTR(ret);
}

int ct_both_user(void)
{
	struct ct_trigger *t = ct_new_both_tested();

	return IS_ERR_OR_NULL(t) ? -ENOMEM : t->flags;
}

/* NEGATIVE: the callee returns an error pointer or a valid one */
int n_or_of_null_tests(void)
{
	struct ct_trigger *t = ct_new_both_tested();

	if (IS_ERR(t))		/* { dg-bogus "errptr" } */
		return PTR_ERR(t);
	t->flags = 1;
	return 0;
}

/* "if (!t && !d)": t may still be NULL past it, and is returned */
static struct ct_trigger *ct_new_one_tested(void)
{
	struct ct_trigger *t = kzalloc(sizeof(*t), GFP_KERNEL);
	void *d = kzalloc(16, GFP_KERNEL);

	if (!t && !d)
		return ERR_PTR(-ENOMEM);
	if (t)
		t->data = d;
	return t;
}

int ct_other_user(void)
{
	struct ct_trigger *t = ct_new_one_tested();

	return IS_ERR_OR_NULL(t) ? -ENOMEM : t->flags;
}

/* POSITIVE: NULL comes through the "&&" and this caller tests IS_ERR() only */
int p_and_of_null_tests(void)
{
	struct ct_trigger *t = ct_new_one_tested();

	if (IS_ERR(t))		/* { dg-warning "'ct_new_one_tested' may also return NULL.*\[errptr-mixed-use\]" } */
		return PTR_ERR(t);
	t->flags = 1;
	return 0;
}

/* "if (ret && ret != -ENOENT)": ret is not 0 inside */
static struct ct_trigger *ct_insert(int id)
{
	int ret = ct_find(id);

	if (ret && ret != -ENOENT)
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	return &ct_table[id & 3];
}

/* "if (ret <= 0 && id < 4)": ret may be 0 inside */
static struct ct_trigger *ct_insert_or(int id)
{
	int ret = ct_find(id);

	if (ret <= 0 && id < 4)
		return ERR_PTR(ret);	/* { dg-warning "ERR_PTR\(\) of 'ret', which may be 0 here, is NULL.*\[errptr-err-ptr-zero\]" } */
	return &ct_table[id & 3];
}

int ct_users(int id)
{
	struct ct_trigger *a = ct_insert(id), *b;

	if (IS_ERR(a))
		return PTR_ERR(a);
	b = ct_insert_or(id);
	if (IS_ERR(b))
		return PTR_ERR(b);
	return a->flags + b->flags;
}
