// SPDX-License-Identifier: GPL-2.0
/*
 * errptr kbuild test: the caller-side checks against the real 6.1 headers,
 * where kzalloc(), IS_ERR(), kthread_run() and class_create() are the
 * kernel's own inlines and macros.  Never loaded: it only has to compile.
 */
#include <linux/module.h>
#include <linux/version.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/debugfs.h>
#include <linux/kthread.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/io.h>
#include <linux/clk.h>

struct ect_state {
	int count;
};

struct ect_priv {
	struct platform_device *pdev;
	struct ect_state *state;
	struct task_struct *task;
	struct class *cls;
	struct file *file;
	struct clk *clk;
	void __iomem *regs;
	struct dentry *dir;
};

static struct ect_priv ect;

/* POSITIVE: is-err-on-null.  */
static int ect_alloc_state(struct ect_priv *priv)
{
	struct ect_state *st = kzalloc(sizeof(*st), GFP_KERNEL);

	if (IS_ERR(st)) /* { dg-warning "IS_ERR\(\) does not catch the NULL that 'kzalloc' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(st);
	/* { dg-message "test for NULL instead: '!st'" .-2 } */
	st->count = 1;
	priv->state = st;
	return 0;
}

static int ect_map(struct ect_priv *priv)
{
	struct resource *res = platform_get_resource(priv->pdev, IORESOURCE_MEM, 0);
	void __iomem *regs;

	if (IS_ERR(res)) /* { dg-warning "the NULL that 'platform_get_resource' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(res);
	regs = devm_ioremap(&priv->pdev->dev, res->start, resource_size(res));
	if (IS_ERR(regs)) /* { dg-warning "the NULL that 'devm_ioremap' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(regs);
	priv->regs = regs;
	return 0;
}

/* POSITIVE: null-check-on-err.  */
static int ect_open(struct ect_priv *priv, const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0);

	if (!f) /* { dg-warning "'filp_open' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOENT;
	/* { dg-message "test it with 'IS_ERR\(f\)' instead" .-2 } */
	priv->file = f; /* { dg-message "the error pointer then flows on as if valid: it is stored here" } */
	return 0;
}

static int ect_thread(void *data)
{
	return 0;
}

static int ect_start(struct ect_priv *priv)
{
	struct task_struct *t = kthread_run(ect_thread, priv, "ect/%d", 0);

	if (!t) /* { dg-warning "'kthread_run' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOMEM;
	priv->task = t;
	return 0;
}

static int ect_class(struct ect_priv *priv)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)	/* class_create() lost its owner */
	struct class *cls = class_create("ect");
#else
	struct class *cls = class_create(THIS_MODULE, "ect");
#endif

	if (cls == NULL) /* { dg-warning "'class_create' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOMEM;
	priv->cls = cls;
	return 0;
}

static int ect_clock(struct ect_priv *priv)
{
	struct clk *clk = devm_clk_get(&priv->pdev->dev, "core");

	if (!clk) /* { dg-warning "'devm_clk_get' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENODEV;
	return clk_prepare_enable(clk); /* { dg-message "it is passed to 'clk_prepare_enable' here" } */
}

/* POSITIVE: unneeded-check (a note).  */
static int ect_debugfs(struct ect_priv *priv)
{
	struct dentry *dir = debugfs_create_dir("ect", NULL);

	if (IS_ERR_OR_NULL(dir)) /* { dg-message "the result of 'debugfs_create_dir' needs no check \[errptr-unneeded-check\]" } */
		return -ENOMEM;
	/* { dg-bogus "warning|errptr-null-check-on-err|errptr-is-err-on-null" .-2 } */
	priv->dir = dir;
	return 0;
}

/* NEGATIVE: the right tests.  */
static int ect_right(struct ect_priv *priv, const char *path, struct resource *res)
{
	struct ect_state *st = kzalloc(sizeof(*st), GFP_KERNEL);
	struct file *f;
	void __iomem *regs;
	struct task_struct *t;

	if (!st) /* { dg-bogus "errptr" } */
		return -ENOMEM;
	priv->state = st;

	f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f)) /* { dg-bogus "errptr" } */
		return PTR_ERR(f);
	if (!f) /* { dg-bogus "errptr" "redundant after IS_ERR(), harmless" } */
		return -ENOENT;
	priv->file = f;

	regs = devm_ioremap_resource(&priv->pdev->dev, res);
	if (IS_ERR(regs)) /* { dg-bogus "errptr" } */
		return PTR_ERR(regs);
	priv->regs = regs;

	t = kthread_run(ect_thread, priv, "ect-right"); /* { dg-bogus "errptr" } */
	if (IS_ERR(t)) /* { dg-bogus "errptr" } */
		return PTR_ERR(t);
	priv->task = t;
	return 0;
}

/* NEGATIVE: look-alikes.  */
static int ect_lookalikes(struct ect_priv *priv, struct file *param, const char *path)
{
	struct ect_state *st = kzalloc(sizeof(*st), GFP_KERNEL);
	struct file *f;

	if (!st || IS_ERR(st)) /* { dg-bogus "errptr" } */
		return -ENOMEM;
	kfree(st);
	if (IS_ERR(param)) /* { dg-bogus "errptr" "unknown kind" } */
		return PTR_ERR(param);
	if (!param) /* { dg-bogus "errptr" "unknown kind" } */
		return -EBADF;
	if (IS_ERR_OR_NULL(priv->file)) /* { dg-bogus "errptr" "a load" } */
		return -EBADF;
	f = filp_open(path, O_RDONLY, 0);
	if (!f) /* { dg-bogus "errptr" "PTR_ERR_OR_ZERO() handles the error next" } */
		return -ENOENT;
	return PTR_ERR_OR_ZERO(f);
}

static int __init ect_init(void)
{
	int err;

	err = ect_alloc_state(&ect) ?: ect_map(&ect) ?: ect_open(&ect, "/dev/null") ?:
	      ect_start(&ect) ?: ect_class(&ect) ?: ect_clock(&ect) ?: ect_debugfs(&ect) ?:
	      ect_right(&ect, "/dev/null", NULL) ?: ect_lookalikes(&ect, NULL, "/dev/null");
	return err;
}

static void __exit ect_exit(void)
{
}

module_init(ect_init);
module_exit(ect_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("errptr kbuild test: caller-side checks");
