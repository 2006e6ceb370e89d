// SPDX-License-Identifier: GPL-2.0
/*
 * errptr_memory.c - a platform driver and module init that keep API results
 * where real drivers keep them: in the driver's private struct, in array
 * slots filled in a loop, in a nested struct, in the module's globals and
 * statics.  errptr follows the value from the store to the load that tests
 * it, as it does for locals; a call that gets the struct in between, or a
 * store through another pointer of the same type, makes it unknown.
 * Built against the real kernel headers with no errptr argument but -fplugin.
 */
#include <linux/err.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#define MEM_NBASE 3

struct mem_eint {
	void __iomem *base[MEM_NBASE];
	unsigned int nbase;
};

struct mem_priv {
	void __iomem *regs;
	void __iomem *base[MEM_NBASE];
	struct mem_eint *eint;
	struct workqueue_struct *wq;
	int irq;
};

static struct workqueue_struct *mem_wq;

/* A helper that gets the whole struct: it may set any of its fields. */
static noinline void mem_setup(struct mem_priv *priv)
{
	priv->irq = -1;
}

/* BUG: devm_platform_ioremap_resource() fails with ERR_PTR(), never NULL. */
static int mem_probe_regs(struct platform_device *pdev, struct mem_priv *priv)
{
	priv->regs = devm_platform_ioremap_resource(pdev, 0);
	if (!priv->regs)	/* { dg-warning "'devm_platform_ioremap_resource' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOMEM;
	priv->irq = platform_get_irq(pdev, 0);
	return priv->irq < 0 ? priv->irq : 0;
}

/* BUG: the same for each slot of an array, filled in a loop. */
static int mem_probe_bases(struct platform_device *pdev, struct mem_priv *priv)
{
	int i;

	for (i = 0; i < MEM_NBASE; i++) {
		priv->base[i] = devm_platform_ioremap_resource(pdev, i + 1);
		if (!priv->base[i])	/* { dg-warning "this test misses the error \[errptr-null-check-on-err\]" } */
			return -ENOMEM;
	}
	return 0;
}

/* BUG: nested, hw->eint->base[j]. */
static int mem_probe_eint(struct platform_device *pdev, struct mem_priv *priv)
{
	unsigned int j;

	for (j = 0; j < priv->eint->nbase; j++) {
		priv->eint->base[j] = devm_platform_ioremap_resource(pdev, j + 4);
		if (!priv->eint->base[j])	/* { dg-warning "this test misses the error \[errptr-null-check-on-err\]" } */
			return -ENOMEM;
	}
	return 0;
}

/* FINE: tested with IS_ERR(). */
static int mem_probe_regs_ok(struct platform_device *pdev, struct mem_priv *priv)
{
	priv->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->regs))	/* { dg-bogus "errptr" } */
		return PTR_ERR(priv->regs);	/* { dg-bogus "errptr" } */
	return 0;
}

/* UNKNOWN: a helper gets priv between the store and the test. */
static int mem_probe_helper(struct platform_device *pdev, struct mem_priv *priv)
{
	priv->regs = devm_platform_ioremap_resource(pdev, 0);
	mem_setup(priv);
	if (!priv->regs)	/* { dg-bogus "errptr" } */
		return -ENOMEM;
	return 0;
}

static int mem_probe(struct platform_device *pdev)
{
	struct mem_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	ret = mem_probe_regs(pdev, priv);
	if (!ret)
		ret = mem_probe_bases(pdev, priv);
	if (!ret && priv->eint)
		ret = mem_probe_eint(pdev, priv);
	if (!ret)
		ret = mem_probe_regs_ok(pdev, priv);
	if (!ret)
		ret = mem_probe_helper(pdev, priv);
	/* BUG: alloc_workqueue() fails with NULL, never ERR_PTR(). */
	priv->wq = alloc_workqueue("errptr-mem", 0, 0);
	if (IS_ERR(priv->wq))	/* { dg-warning "IS_ERR\(\) does not catch the NULL that 'alloc_workqueue' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(priv->wq);
	platform_set_drvdata(pdev, priv);
	return ret;
}

static struct platform_driver mem_driver = {
	.probe = mem_probe,
	.driver = { .name = "errptr-memory" },
};

static int __init mem_init(void)
{
	int ret;

	/* BUG: the module's static workqueue. */
	mem_wq = alloc_workqueue("errptr-mem-init", 0, 0);
	if (IS_ERR(mem_wq))	/* { dg-warning "errptr-is-err-on-null" } */
		return PTR_ERR(mem_wq);
	ret = platform_driver_register(&mem_driver);
	if (ret)
		destroy_workqueue(mem_wq);
	return ret;
}

static void __exit mem_exit(void)
{
	platform_driver_unregister(&mem_driver);
	destroy_workqueue(mem_wq);
}

module_init(mem_init);
module_exit(mem_exit);
MODULE_LICENSE("GPL");
