/* Values through memory reach every check that reads values, not only the
   NULL and IS_ERR() tests of value-memory.c: mixed-use, unneeded-check,
   ptr-err-or-zero and err-ptr-zero on results kept in a driver's private
   struct, each with a look-alike whose store is overwritten or unknown.
   Contracts: value-memory-checks.rules.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fno-strict-aliasing -fplugin-arg-errptr-rules=${srcdir}/value-memory-checks.rules" } */

#include "kernel-min.h"

struct mtk_priv {
	struct gpio_desc *reset;
	struct dentry *dir;
	void *buf;
	int n;
	struct file *file;
};

extern void mtk_setup(struct mtk_priv *priv);
extern int mtk_fill(struct mtk_priv *priv);
extern void mtk_log(const char *what);

/* POSITIVE (mixed-use): NULL or an error pointer kept in priv, tested with
   IS_ERR() only, then passed on. */
int mtk_gpio(struct device *dev, struct mtk_priv *priv)
{
	priv->reset = devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_LOW);
	if (IS_ERR(priv->reset))	/* { dg-warning "'devm_gpiod_get_optional' may also return NULL, which this IS_ERR\(\) test lets through to the use at line 30 \[errptr-mixed-use\]" } */
		return PTR_ERR(priv->reset);
	return desc_to_gpio(priv->reset);	/* { dg-message "'priv->reset' is passed to 'desc_to_gpio' here, which does not accept NULL" } */
}

/* NEGATIVE: a helper that gets priv may have replaced the field. */
int mtk_gpio_helper(struct device *dev, struct mtk_priv *priv)
{
	priv->reset = devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_LOW);
	mtk_setup(priv);
	if (IS_ERR(priv->reset))	/* { dg-bogus "errptr" } */
		return PTR_ERR(priv->reset);
	return desc_to_gpio(priv->reset);
}

/* POSITIVE (unneeded-check, a note): a debugfs directory kept in priv. */
int mtk_debugfs(struct mtk_priv *priv)
{
	priv->dir = debugfs_create_dir("mtk", NULL);
	if (!priv->dir)	/* { dg-message "the result of 'debugfs_create_dir' needs no check \[errptr-unneeded-check\]" } */
		return -ENOMEM;
	/* { dg-bogus "errptr-null-check-on-err" .-2 } */
	return 0;
}

/* NEGATIVE: the field was overwritten with something else before the test. */
int mtk_debugfs_other(struct mtk_priv *priv, struct dentry *parent)
{
	priv->dir = debugfs_create_dir("mtk", NULL);
	priv->dir = parent;
	if (!priv->dir)	/* { dg-bogus "errptr" } */
		return -ENOMEM;
	return 0;
}

/* POSITIVE (ptr-err-or-zero, a note): an absent GPIO kept in priv returns 0. */
int mtk_gpio_or_null(struct device *dev, struct mtk_priv *priv)
{
	priv->reset = devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_LOW);
	if (IS_ERR_OR_NULL(priv->reset))
		return PTR_ERR(priv->reset);	/* { dg-message "PTR_ERR\(\) of a pointer that may be NULL yields 0, i\.e\. success \[errptr-ptr-err-or-zero\]" } */
	return 0;
}

/* NEGATIVE: tested with IS_ERR() only: PTR_ERR() of a real error. */
int mtk_gpio_err_only(struct device *dev, struct mtk_priv *priv)
{
	priv->reset = devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_LOW);
	if (IS_ERR(priv->reset))
		return PTR_ERR(priv->reset);	/* { dg-bogus "errptr" } */
	return 0;
}

/* POSITIVE (err-ptr-zero): a count kept in priv, 0 included, as ERR_PTR(). */
static void *mtk_get_buf(struct mtk_priv *priv)
{
	priv->n = mtk_fill(priv);	/* { dg-message "'priv->n' is the result of 'mtk_fill\(\)'" } */
	if (priv->n <= 0)	/* { dg-message "'priv->n' may be 0 when this test holds" } */
		return ERR_PTR(priv->n);	/* { dg-warning "ERR_PTR\(\) of 'priv->n', which may be 0 here, is NULL, but callers of 'mtk_get_buf' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
	return priv->buf;
}

/* NEGATIVE: only negative counts become error pointers. */
static void *mtk_get_buf_neg(struct mtk_priv *priv)
{
	priv->n = mtk_fill(priv);
	if (priv->n < 0)
		return ERR_PTR(priv->n);	/* { dg-bogus "errptr" } */
	return priv->buf;
}

int mtk_use_bufs(struct mtk_priv *priv)
{
	void *a = mtk_get_buf(priv);
	if (IS_ERR(a))
		return PTR_ERR(a);
	void *b = mtk_get_buf_neg(priv);
	if (IS_ERR(b))
		return PTR_ERR(b);
	return 0;
}

/* POSITIVE (the return side): the error replaced by NULL in priv, and
   priv->file returned to a caller that tests only IS_ERR(). */
static struct file *mtk_open_cached(struct mtk_priv *priv, const char *path)
{
	priv->file = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(priv->file))
		priv->file = NULL;
	return priv->file;	/* { dg-message "'mtk_open_cached' returns NULL here, never an error pointer" } */
}

/* NEGATIVE: the error pointer itself returned from priv. */
static struct file *mtk_open_cached_err(struct mtk_priv *priv, const char *path)
{
	priv->file = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(priv->file))
		mtk_log("no file");
	return priv->file;
}

int mtk_files(struct mtk_priv *priv)
{
	struct file *f = mtk_open_cached(priv, "x");
	if (IS_ERR(f))	/* { dg-warning "IS_ERR\(\) does not catch the NULL that 'mtk_open_cached' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(f);
	f = mtk_open_cached_err(priv, "y");
	if (IS_ERR(f))	/* { dg-bogus "errptr" } */
		return PTR_ERR(f);
	return 0;
}
