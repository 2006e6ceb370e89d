/* errptr-null-check-on-err: a NULL test of a value that fails with
   ERR_PTR() and is never NULL; and errptr-unneeded-check (a note): a test
   of a result that needs none.  The contracts are in
   null-check-on-err.rules: filp_open, kthread_create_on_node (kthread_run),
   __class_create (class_create), devm_ioremap_resource and devm_clk_get
   fail with ERR_PTR(); kzalloc with NULL; devm_gpiod_get_optional with
   both; debugfs_create_dir and debugfs_create_file need no check.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/null-check-on-err.rules" } */

#include "kernel-min.h"

struct regs {
	int ctrl;
	int status;
};

struct priv {
	struct device *dev;
	struct task_struct *task;
	struct class *cls;
	struct regs *regs;
	struct clk *clk;
	struct file *file;
	struct dentry *dir;
};

extern struct file *file_lookup_nocontract(int fd);	/* no contract: unknown */
extern struct file *global_file;
extern const struct file_operations errptr_fops;

/* POSITIVE: the example, with the whole report.  */
int pos_filp_open(const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0); /* { dg-message "\(1\) 'filp_open' returns an error pointer on failure" } */
	if (!f) /* { dg-warning "'filp_open' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOENT;
	/* { dg-message "\(2\) an error pointer is not NULL: it passes this test" .-2 } */
	/* { dg-message "'filp_open' reports failure with ERR_PTR\(\), never NULL" .-3 } */
	/* { dg-message "test it with 'IS_ERR\(f\)' instead, and pass on 'PTR_ERR\(f\)'" .-4 } */
	fput(f); /* { dg-message "the error pointer then flows on as if valid: it is passed to 'fput' here" } */
	return 0;
}

/* POSITIVE: kthread_run() (a macro around kthread_create_on_node(); its
   own IS_ERR() does not handle the error for the caller).  */
static int worker(void *data)
{
	return 0;
}

int pos_kthread_run(struct priv *priv)
{
	struct task_struct *t = kthread_run(worker, priv, "errptr/%d", 0);
	if (!t) /* { dg-warning "'kthread_run' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOMEM;
	/* { dg-message "'kthread_run' \(it expands to 'kthread_create_on_node'\) reports failure with ERR_PTR\(\)" .-2 } */
	/* { dg-bogus "'kthread_create_on_node' returns" .-3 } */
	priv->task = t; /* { dg-message "flows on as if valid: it is stored here" } */
	return 0;
}

/* POSITIVE: class_create() (a macro around __class_create()), returned.  */
struct class *pos_class_create(void)
{
	struct class *cls = class_create(THIS_MODULE, "errptr");
	if (cls == NULL) /* { dg-warning "'class_create' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return NULL;
	return cls; /* { dg-message "flows on as if valid: it is returned here" } */
}

/* POSITIVE: devm_ioremap_resource(), dereferenced.  */
int pos_devm_ioremap_resource(struct priv *priv, struct resource *res)
{
	struct regs *regs = devm_ioremap_resource(priv->dev, res);
	if (unlikely(!regs)) /* { dg-warning "'devm_ioremap_resource' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOMEM;
	regs->ctrl = 1; /* { dg-message "flows on as if valid: it is dereferenced here" } */
	priv->regs = regs;
	return 0;
}

/* POSITIVE: devm_clk_get(), tested "if (clk)".  */
int pos_devm_clk_get(struct priv *priv)
{
	struct clk *clk = devm_clk_get(priv->dev, "core");
	if (clk) /* { dg-warning "'devm_clk_get' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return clk_prepare_enable(clk); /* { dg-message "it is passed to 'clk_prepare_enable' here" } */
	return -ENODEV;
}

/* POSITIVE: a function of this file that returns ERR_PTR() or a valid
   pointer, never NULL.  */
static noinline struct regs *regs_alloc(int ctrl)
{
	struct regs *r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return ERR_PTR(-ENOMEM);
	r->ctrl = ctrl;
	return r;
}

int pos_local(struct priv *priv)
{
	struct regs *r = regs_alloc(1);
	if (!r) /* { dg-warning "'regs_alloc' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOMEM;
	priv->regs = r;
	return 0;
}

/* POSITIVE: an IS_ERR() that does not stop the error does not cover the
   NULL test after it.  */
int pos_is_err_not_handled(struct priv *priv, const char *path)
{
	struct file *f = filp_open(path, O_RDWR, 0);
	if (IS_ERR(f))
		pr_err("errptr: cannot open %s\n", path);
	if (!f) /* { dg-warning "\[errptr-null-check-on-err\]" } */
		return -ENOENT;
	priv->file = f;
	return 0;
}

/* ------------------------------------------------------------------ */

/* NEGATIVE: IS_ERR() of the ERR_PTR() APIs.  */
int neg_is_err(struct priv *priv, const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f)) /* { dg-bogus "errptr" } */
		return PTR_ERR(f);
	priv->file = f;
	struct clk *clk = devm_clk_get(priv->dev, NULL);
	if (IS_ERR(clk)) /* { dg-bogus "errptr" } */
		return PTR_ERR(clk);
	priv->clk = clk;
	return 0;
}

/* NEGATIVE: a NULL test of an API that fails with NULL.  */
int neg_kzalloc(struct priv *priv)
{
	struct regs *r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r) /* { dg-bogus "errptr" } */
		return -ENOMEM;
	priv->regs = r;
	return 0;
}

/* NEGATIVE: IS_ERR_OR_NULL() (or a NULL test) of a fails=both API.  */
int neg_gpiod_optional(struct priv *priv)
{
	struct gpio_desc *reset = devm_gpiod_get_optional(priv->dev, "reset", GPIOD_OUT_LOW);
	if (IS_ERR_OR_NULL(reset)) /* { dg-bogus "errptr" } */
		return PTR_ERR_OR_ZERO(reset);
	gpiod_set_value(reset, 1);
	return 0;
}

/* NEGATIVE: the error was handled by an IS_ERR() before the NULL test
   (redundant but harmless), before it in the same condition, or right
   after it on the not-NULL side.  */
int neg_after_is_err(struct priv *priv, const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	if (!f) /* { dg-bogus "errptr" } */
		return -ENOENT;
	priv->file = f;
	return 0;
}

int neg_inside_not_is_err(struct priv *priv, const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	if (!IS_ERR(f)) {
		if (!f) /* { dg-bogus "errptr" } */
			return -ENOENT;
		priv->file = f;
	}
	return 0;
}

int neg_is_err_or_null_test(struct priv *priv, const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f) || !f) /* { dg-bogus "errptr" } */
		return -ENOENT;
	priv->file = f;
	return 0;
}

int neg_null_or_is_err(struct priv *priv, const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	if (!f || IS_ERR(f)) /* { dg-bogus "errptr" } */
		return -ENOENT;
	priv->file = f;
	return 0;
}

int neg_is_err_or_null(struct priv *priv, const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR_OR_NULL(f)) /* { dg-bogus "errptr" } */
		return -ENOENT;
	priv->file = f;
	return 0;
}

/* NEGATIVE: PTR_ERR_OR_ZERO() handles the error after a redundant NULL
   test.  */
int neg_ptr_err_or_zero(struct priv *priv, struct resource *res)
{
	struct regs *regs = devm_ioremap_resource(priv->dev, res);
	if (!regs) /* { dg-bogus "errptr" } */
		return -ENOMEM;
	return PTR_ERR_OR_ZERO(regs);
}

/* NEGATIVE: values whose kinds are unknown.  */
int neg_parameter(struct file *f)
{
	if (!f) /* { dg-bogus "errptr" } */
		return -EBADF;
	fput(f);
	return 0;
}

int neg_load(struct priv *priv)
{
	if (!priv->file) /* { dg-bogus "errptr" } */
		return -EBADF;
	if (!global_file) /* { dg-bogus "errptr" } */
		return -EBADF;
	fput(global_file);
	return 0;
}

int neg_no_contract(int fd)
{
	struct file *f = file_lookup_nocontract(fd);
	if (!f) /* { dg-bogus "errptr" } */
		return -EBADF;
	fput(f);
	return 0;
}

/* NEGATIVE: the tested value was reassigned, or may be NULL on a path.  */
int neg_reassigned(struct priv *priv, const char *path)
{
	void *p = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(p))
		return PTR_ERR(p);
	fput(p);
	p = kzalloc(sizeof(struct regs), GFP_KERNEL);
	if (!p) /* { dg-bogus "errptr" } */
		return -ENOMEM;
	priv->regs = p;
	return 0;
}

int neg_maybe_null(struct priv *priv, const char *path)
{
	struct file *f = NULL;
	if (path)
		f = filp_open(path, O_RDONLY, 0);
	if (!f) /* { dg-bogus "errptr" } */
		return 0;
	if (IS_ERR(f))
		return PTR_ERR(f);
	priv->file = f;
	return 0;
}

int neg_error_to_null(struct priv *priv, const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f))
		f = NULL;
	if (!f) /* { dg-bogus "errptr" } */
		return -ENOENT;
	priv->file = f;
	return 0;
}

/* NEGATIVE: a stub of a configuration that only returns an error pointer
   (as under "#ifndef CONFIG_FOO"): the real function decides.  */
static noinline struct regs *regs_stub(int ctrl)
{
	return ERR_PTR(-ENODEV);
}

int neg_stub(struct priv *priv)
{
	struct regs *r = regs_stub(0);
	if (!r) /* { dg-bogus "errptr" } */
		return -ENOMEM;
	priv->regs = r;
	return 0;
}

/* NEGATIVE: helpers like those of headers test their parameter.  */
static inline bool file_ok(const struct file *f)
{
	return f != NULL && !IS_ERR(f); /* { dg-bogus "errptr" } */
}

int neg_helper(struct priv *priv, const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	if (!file_ok(f))
		return -ENOENT;
	priv->file = f;
	return 0;
}

/* ---- unneeded-check: a note, never a warning ---------------------- */
int unneeded_debugfs(struct priv *priv)
{
	struct dentry *dir = debugfs_create_dir("errptr", NULL);
	if (!dir) /* { dg-message "the result of 'debugfs_create_dir' needs no check \[errptr-unneeded-check\]" } */
		return -ENOMEM;
	/* { dg-bogus "errptr-null-check-on-err" .-2 } */
	/* { dg-message "callers need not test its result" .-3 } */
	priv->dir = dir;
	struct dentry *file = debugfs_create_file("state", 0444, dir, priv, &errptr_fops);
	if (IS_ERR(file)) /* { dg-message "the result of 'debugfs_create_file' needs no check \[errptr-unneeded-check\]" } */
		return PTR_ERR(file);
	struct dentry *sub = debugfs_create_dir("sub", dir);
	if (IS_ERR_OR_NULL(sub)) /* { dg-message "the result of 'debugfs_create_dir' needs no check \[errptr-unneeded-check\]" } */
		return -ENOMEM;
	return 0;
}

void unneeded_unchecked(struct priv *priv)
{
	priv->dir = debugfs_create_dir("errptr", NULL); /* { dg-bogus "errptr" } */
	debugfs_create_file("state", 0444, priv->dir, priv, &errptr_fops); /* { dg-bogus "errptr" } */
}

/* NEGATIVE: a zero test of PTR_ERR() in the IS_ERR() branch tests the errno,
   only an error pointer can be there (fs/ext4/inode.c: ext4_std_error(sb,
   PTR_ERR(handle)) expands to "if (PTR_ERR(handle)) ...") */
extern void report_errno(int err);
int neg_errno_tested_in_error_branch(const char *name)
{
	struct file *f = filp_open(name, 0, 0);

	if (IS_ERR(f)) {
		if (PTR_ERR(f))		/* { dg-bogus "errptr" } */
			report_errno(PTR_ERR(f));
		return -EIO;
	}
	return 0;
}

/* POSITIVE: the look-alike before any IS_ERR(): PTR_ERR(f) != 0 is f != NULL */
int pos_errno_tested_first(const char *name)
{
	struct file *f = filp_open(name, 0, 0);

	if (!PTR_ERR(f))	/* { dg-warning "this test misses the error" } */
		return -ENOENT;
	return 0;
}

/* POSITIVE: the NULL test written as a comparison: the fix-it replaces the
   whole test and names the variable ("NULL != f" is "!IS_ERR(f)").  */
int pos_compare_null_first(const char *name)
{
	struct file *f = filp_open(name, 0, 0);

	if (NULL != f) { /* { dg-warning "this test misses the error" } */
		/* { dg-message "test it with '!IS_ERR\(f\)' instead, and pass on 'PTR_ERR\(f\)'" .-1 } */
		fput(f);
		return 0;
	}
	return -ENOENT;
}

int pos_compare_eq_null(const char *name)
{
	struct file *f = filp_open(name, 0, 0);

	if (f == NULL) /* { dg-warning "this test misses the error" } */
		return -ENOENT;
	/* { dg-message "test it with 'IS_ERR\(f\)' instead, and pass on 'PTR_ERR\(f\)'" .-2 } */
	fput(f);
	return 0;
}

/* POSITIVE: a test written in a shape the fix-it does not know: no
   fix-it, and the note still names the variable.  */
int pos_compare_more(const char *name)
{
	struct file *f = filp_open(name, 0, 0);

	if ((f) == NULL) /* { dg-warning "this test misses the error" } */
		return -ENOENT;
	/* { dg-message "test it with 'IS_ERR\(f\)' instead, and pass on 'PTR_ERR\(f\)'" .-2 } */
	fput(f);
	return 0;
}

/* POSITIVE, the look-alike of kthread_run(): the call written as the
   argument of a macro is named as written, not after the macro.  */
#define CHECKED_OPEN(call)	(call)
int pos_call_in_macro_arg(const char *name)
{
	struct file *f = CHECKED_OPEN(filp_open(name, 0, 0));

	if (!f) /* { dg-warning "'filp_open' returns ERR_PTR\(\) on failure" } */
		return -ENOENT;
	/* { dg-bogus "CHECKED_OPEN" .-2 } */
	fput(f);
	return 0;
}

/* POSITIVE, a look-alike of the kernel's dev_info(): the call in the
   macro's arguments gets the location of the macro's own call (_log_info
   in log_info's body); it is named as written, file_mode.  */
extern void _log_info(const char *fmt, ...);
extern int file_mode(struct file *f);
#define log_wrap(_p_func, fmt, ...) ({ _p_func(fmt, ##__VA_ARGS__); })
#define log_info(fmt, ...) log_wrap(_log_info, fmt, ##__VA_ARGS__)
int pos_use_in_log_macro(const char *name)
{
	struct file *f = filp_open(name, 0, 0);

	if (!f) /* { dg-warning "'filp_open' returns ERR_PTR\(\) on failure" } */
		return -ENOENT;
	log_info("%d", file_mode(f)); /* { dg-message "it is passed to 'file_mode' here" } */
	/* { dg-bogus "'log_info'" .-1 } */
	return 0;
}
