/* Values kept in memory - a driver's private struct, a module's globals and
   statics, a local struct, array slots, nested pointers - are followed from
   the store to the load that tests them (memory.c), as locals are; a
   statement between that may write the location makes them unknown.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fno-strict-aliasing -fplugin-arg-errptr-rules=$srcdir/value-memory.rules" } */

#include "kernel-min.h"

struct platform_device;
struct workqueue_struct;
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index);
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
extern void mtk_setup(void *priv);
extern void mtk_log(const char *what);

#define NBASE 4

struct mtk_eint {
	void __iomem *base[NBASE];
	int nbase;
};

struct mtk_pinctrl {
	void __iomem *regs;
	void __iomem *base[NBASE];
	struct mtk_eint *eint;
	int irq;
	void *buf;
};

static struct workqueue_struct *mtk_wq;
struct workqueue_struct *mtk_shared_wq;

/* POSITIVE: a field of the driver's private struct, tested for NULL. */
int mtk_probe_regs(struct platform_device *pdev, struct mtk_pinctrl *hw)
{
	hw->regs = devm_platform_ioremap_resource(pdev, 0);
	if (!hw->regs)	/* { dg-warning "'devm_platform_ioremap_resource' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOMEM;
	return 0;
}

/* NEGATIVE: the same, tested with IS_ERR(). */
int mtk_probe_regs_ok(struct platform_device *pdev, struct mtk_pinctrl *hw)
{
	hw->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(hw->regs))	/* { dg-bogus "errptr" } */
		return PTR_ERR(hw->regs);	/* { dg-bogus "errptr" } */
	return 0;
}

/* POSITIVE: another field stored in between does not write this one. */
int mtk_probe_other_field(struct platform_device *pdev, struct mtk_pinctrl *hw)
{
	hw->regs = devm_platform_ioremap_resource(pdev, 0);
	hw->irq = 5;
	if (!hw->regs)	/* { dg-warning "this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOMEM;
	return 0;
}

/* NEGATIVE: a helper gets the struct between the store and the test: it
   may have replaced the field. */
int mtk_probe_helper(struct platform_device *pdev, struct mtk_pinctrl *hw)
{
	hw->regs = devm_platform_ioremap_resource(pdev, 0);
	mtk_setup(hw);
	if (!hw->regs)	/* { dg-bogus "errptr" } */
		return -ENOMEM;
	return 0;
}

/* NEGATIVE: a store through another pointer to the same struct type may
   be a store to this field. */
int mtk_probe_alias(struct platform_device *pdev, struct mtk_pinctrl *hw,
		    struct mtk_pinctrl *other)
{
	hw->regs = devm_platform_ioremap_resource(pdev, 0);
	other->regs = NULL;
	if (!hw->regs)	/* { dg-bogus "errptr" } */
		return -ENOMEM;
	return 0;
}

/* NEGATIVE: an asm that clobbers memory in between. */
int mtk_probe_asm(struct platform_device *pdev, struct mtk_pinctrl *hw)
{
	hw->regs = devm_platform_ioremap_resource(pdev, 0);
	__asm__ __volatile__("" : : : "memory");
	if (!hw->regs)	/* { dg-bogus "errptr" } */
		return -ENOMEM;
	return 0;
}

/* POSITIVE: array slots filled in a loop, each tested in its iteration. */
int mtk_probe_bases(struct platform_device *pdev, struct mtk_pinctrl *hw)
{
	int i;

	for (i = 0; i < NBASE; i++) {
		hw->base[i] = devm_platform_ioremap_resource(pdev, i);
		if (!hw->base[i])	/* { dg-warning "this test misses the error \[errptr-null-check-on-err\]" } */
			return -ENOMEM;
	}
	return 0;
}

/* NEGATIVE: another slot is tested. */
int mtk_probe_bases_other(struct platform_device *pdev, struct mtk_pinctrl *hw, int j)
{
	int i;

	for (i = 0; i < NBASE; i++) {
		hw->base[i] = devm_platform_ioremap_resource(pdev, i);
		if (!hw->base[j])	/* { dg-bogus "errptr" } */
			return -ENOMEM;
	}
	return 0;
}

/* POSITIVE: nested: hw->eint->base[j]. */
int mtk_eint_probe(struct platform_device *pdev, struct mtk_pinctrl *hw)
{
	int j;

	for (j = 0; j < hw->eint->nbase; j++) {
		hw->eint->base[j] = devm_platform_ioremap_resource(pdev, j);
		if (!hw->eint->base[j])	/* { dg-warning "this test misses the error \[errptr-null-check-on-err\]" } */
			return -ENOMEM;
	}
	return 0;
}

/* NEGATIVE: the loop's stores reach the test only round the back edge: a
   store before the loop, a test inside it after the body stored again. */
int mtk_probe_loop(struct platform_device *pdev, struct mtk_pinctrl *hw, int n)
{
	int i;

	hw->regs = devm_platform_ioremap_resource(pdev, 0);
	for (i = 0; i < n; i++) {
		if (!hw->regs)	/* { dg-bogus "errptr" } */
			return -ENOMEM;
		hw->regs = hw->base[i];
	}
	return 0;
}

/* POSITIVE: a module's static workqueue, tested with IS_ERR(). */
static int __init mtk_init(void)
{
	mtk_wq = alloc_workqueue("mtk", 0, 0);
	if (IS_ERR(mtk_wq))	/* { dg-warning "IS_ERR\(\) does not catch the NULL that 'alloc_workqueue' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(mtk_wq);
	return 0;
}
int (*mtk_initcall)(void) = mtk_init;	/* module_init(mtk_init) */

/* POSITIVE: an extern global, through READ_ONCE() and WRITE_ONCE(). */
int mtk_init_shared(void)
{
	WRITE_ONCE(mtk_shared_wq, alloc_workqueue("mtk-shared", 0, 0));
	if (IS_ERR(READ_ONCE(mtk_shared_wq)))	/* { dg-warning "errptr-is-err-on-null" } */
		return -ENOMEM;
	return 0;
}

/* NEGATIVE: a call in between may change the global. */
int mtk_init_shared_call(void)
{
	mtk_shared_wq = alloc_workqueue("mtk-shared", 0, 0);
	mtk_log("allocated");
	if (IS_ERR(mtk_shared_wq))	/* { dg-bogus "errptr" } */
		return -ENOMEM;
	return 0;
}

/* POSITIVE: a function-local static. */
struct workqueue_struct *mtk_get_wq(void)
{
	static struct workqueue_struct *wq;

	wq = alloc_workqueue("mtk-get", 0, 0);
	if (IS_ERR(wq))	/* { dg-warning "errptr-is-err-on-null" } */
		return NULL;
	return wq;
}

/* POSITIVE: a field of a local struct; PTR_ERR() of the NULL it tested. */
struct mtk_req {
	void *buf;
	int len;
};

extern int mtk_send(struct mtk_req *req);

int mtk_request(int len)
{
	struct mtk_req req;

	req.len = len;
	req.buf = kzalloc(len, GFP_KERNEL);
	if (!req.buf)
		return PTR_ERR(req.buf);	/* { dg-warning "errptr-ptr-err-not-err" } */
	return mtk_send(&req);
}

/* NEGATIVE: the same with the right error code. */
int mtk_request_ok(int len)
{
	struct mtk_req req;

	req.len = len;
	req.buf = kzalloc(len, GFP_KERNEL);
	if (!req.buf)
		return -ENOMEM;	/* { dg-bogus "errptr" } */
	return mtk_send(&req);
}

/* POSITIVE: a store on every path into the join: the load after it has the
   value of either. */
int mtk_probe_join(struct platform_device *pdev, struct mtk_pinctrl *hw, int which)
{
	if (which)
		hw->regs = devm_platform_ioremap_resource(pdev, 1);
	else
		hw->regs = devm_platform_ioremap_resource(pdev, 0);
	if (!hw->regs)	/* { dg-warning "this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOMEM;
	return 0;
}

/* NEGATIVE: one path stores NULL: the NULL test is needed. */
int mtk_probe_join_null(struct platform_device *pdev, struct mtk_pinctrl *hw, int which)
{
	if (which)
		hw->regs = devm_platform_ioremap_resource(pdev, 1);
	else
		hw->regs = NULL;
	if (!hw->regs)	/* { dg-bogus "errptr" } */
		return -ENOMEM;
	return 0;
}

/* NEGATIVE: one path stores nothing: whatever was there before. */
int mtk_probe_join_partial(struct platform_device *pdev, struct mtk_pinctrl *hw, int which)
{
	if (which)
		hw->regs = devm_platform_ioremap_resource(pdev, 1);
	if (!hw->regs)	/* { dg-bogus "errptr" } */
		return -ENOMEM;
	return 0;
}
