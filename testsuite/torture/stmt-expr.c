/* Torture: statement expressions ({ ... }) yielding pointers: nested, with
   local labels (__label__), with early returns inside, as macro results (the
   kernel's kthread_run() and class_create() shapes), and a statement
   expression whose value is ERR_PTR().  The code keeps the error-pointer
   contract: zero errptr diagnostics, no ICE, at -O0 and -O2
   (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];
struct akfs_obj *akfs_get(int n);	/* fails with ERR_PTR() */
int akfs_thread(void *data);

#define akfs_get_or(n, err) ({						\
	__label__ done;							\
	struct akfs_obj *__p = akfs_get(n);				\
	if (IS_ERR(__p)) {						\
		__p = ERR_PTR(err);					\
		goto done;						\
	}								\
	({ struct akfs_obj *__q = __p; __q; });				\
done:									\
	__p;								\
})

/* NEGATIVE: values of nested statement expressions, never NULL. */
struct akfs_obj *akfs_stmt_expr(int n)
{
	struct akfs_obj *p = akfs_get_or(n, -ENOENT);

	if (IS_ERR(p))
		return ({ struct akfs_obj *e = p; e; });	/* { dg-bogus "errptr" } */
	p = ({
		struct akfs_obj *t = akfs_get_or(n + 1, -EAGAIN);
		if (IS_ERR(t))
			return t;	/* { dg-bogus "errptr" } */
		t;
	});
	return ({ n > 2 ? p : ({ ERR_PTR(-EINVAL); }); });	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: the kernel's own statement-expression macros. */
static struct task_struct *akfs_start(void *data)
{
	struct task_struct *t = kthread_run(akfs_thread, data, "akfs/%d", 1);

	return t;	/* { dg-bogus "errptr" } */
}

static struct class *akfs_class(void)
{
	return class_create(THIS_MODULE, "akfs");	/* { dg-bogus "errptr" } */
}

int akfs_use_stmt_expr(void *data, int n)
{
	struct akfs_obj *p = akfs_stmt_expr(n);
	struct task_struct *t = akfs_start(data);
	struct class *c = akfs_class();

	if (IS_ERR(p) || IS_ERR(t) || IS_ERR(c))
		return -EIO;
	return p->id;
}
