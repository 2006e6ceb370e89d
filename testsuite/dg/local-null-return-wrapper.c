/* errptr-local-null-return for a wrapper of an ERR_PTR API: a static
   function that returns the API's result, and NULL on a path of its own;
   its callers here follow the API's convention and test only IS_ERR(),
   also when they keep the result in a struct field.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-errptr-rules=$srcdir/value-memory.rules" } */

#include "kernel-min.h"

struct platform_device;
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index);

extern void mtk_note(void __iomem *base);

struct mtk {
	void __iomem *base[4];
	int nbase;
};

/* POSITIVE */
static void __iomem *mtk_map(struct platform_device *pdev, struct mtk *hw, int i)
{
	if (i >= hw->nbase)
		return NULL;	/* { dg-warning "'mtk_map' returns NULL here, but its callers test the result only with IS_ERR\(\) \[errptr-local-null-return\]" } */
	return devm_platform_ioremap_resource(pdev, i);
}

int mtk_probe(struct platform_device *pdev, struct mtk *hw)
{
	void __iomem *base = mtk_map(pdev, hw, 0);

	if (IS_ERR(base))
		return PTR_ERR(base);
	writel(1, base);
	hw->base[1] = mtk_map(pdev, hw, 1);
	if (IS_ERR(hw->base[1]))
		return PTR_ERR(hw->base[1]);
	return 0;
}

/* NEGATIVE: the same wrapper, its callers test for NULL too.  */
static void __iomem *mtk_map2(struct platform_device *pdev, struct mtk *hw, int i)
{
	if (i >= hw->nbase)
		return NULL;	/* { dg-bogus "errptr" } */
	return devm_platform_ioremap_resource(pdev, i);
}

int mtk_probe2(struct platform_device *pdev, struct mtk *hw)
{
	void __iomem *base = mtk_map2(pdev, hw, 0);

	if (IS_ERR_OR_NULL(base))
		return -ENODEV;
	writel(1, base);
	hw->base[2] = mtk_map2(pdev, hw, 2);
	if (!hw->base[2] || IS_ERR(hw->base[2]))
		return -ENODEV;
	return 0;
}

/* NEGATIVE: the error pointers are its own, nobody dereferences: this
   file's callers alone are weak evidence.  */
static void __iomem *mtk_pick(struct mtk *hw, int i)
{
	if (i < 0)
		return ERR_PTR(-EINVAL);
	if (i >= hw->nbase)
		return NULL;	/* { dg-bogus "errptr" } */
	return hw->base[i];
}

int mtk_use(struct mtk *hw, int i)
{
	void __iomem *base = mtk_pick(hw, i);

	if (IS_ERR(base))
		return PTR_ERR(base);
	mtk_note(base);	/* of another file: may take NULL (do_mount() takes copy_mount_string()'s) */
	return 0;
}

/* NEGATIVE: a wrapper of an ERR_PTR API whose NULL means "none" and whose
   callers hand it on without dereferencing (fs/namespace.c
   copy_mount_string(), fs/ext4/xattr.c ext4_xattr_get_block()): this file's
   callers are no evidence that NULL breaks them.  */
static void __iomem *mtk_map_opt(struct platform_device *pdev, struct mtk *hw, int i)
{
	if (!hw->nbase)
		return NULL;	/* { dg-bogus "errptr" } */
	return devm_platform_ioremap_resource(pdev, i);
}

int mtk_probe_opt(struct platform_device *pdev, struct mtk *hw)
{
	void __iomem *base = mtk_map_opt(pdev, hw, 0);

	if (IS_ERR(base))
		return PTR_ERR(base);
	mtk_note(base);
	return 0;
}
