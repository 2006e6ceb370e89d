/* Inference through this file's own functions: wrappers of wrappers pass
   on their callee's contract (summaries, callees analysed first), and a
   call through an ops table reaches a function with a rule.  Tested
   through errptr-mixed-use; where errptr-null-return blames the wrapper
   instead, mixed-use stays quiet.  Contracts: infer-wrappers.rules.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/infer-wrappers.rules" } */

#include "kernel-min.h"

struct akfs_item {
	int val;
};

extern struct akfs_item *akfs_ext_lookup(int id);	/* NULL or ERR_PTR() */

/* ---- a wrapper of a wrapper of an optional getter ----------------------- */
static struct gpio_desc *get_reset(struct device *dev)
{
	return devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_LOW);
}

static struct gpio_desc *board_reset_gpio(struct device *dev)
{
	return get_reset(dev);	/* { dg-bogus "errptr" } */
}

/* POSITIVE */
int board_reset_line(struct device *dev)
{
	struct gpio_desc *g = board_reset_gpio(dev);	/* { dg-message "\(1\) 'board_reset_gpio' may return NULL or an error pointer" } */

	if (IS_ERR(g))		/* { dg-warning "'board_reset_gpio' may also return NULL, which this IS_ERR\(\) test lets through to the use at line 35 \[errptr-mixed-use\]" } */
		return PTR_ERR(g);
	return desc_to_gpio(g);
}
/* { dg-message "'board_reset_gpio' returns NULL here" "" 25 } */

/* NEGATIVE: handles both */
int board_has_reset(struct device *dev)
{
	struct gpio_desc *g = board_reset_gpio(dev);

	if (IS_ERR_OR_NULL(g))	/* { dg-bogus "errptr" } */
		return 0;
	return desc_to_gpio(g) >= 0;
}

/* ---- a wrapper whose every caller tests only IS_ERR() -------------------
   null-return reports the wrapper's NULL (its callers in this file are its
   contract); the same mistake is not reported again at the callers.  */
struct akfs_rule {
	int action;
};

extern struct akfs_rule *akfs_rule_find(const char *path);

static struct akfs_rule *rule_get(const char *path)
{
	if (!path)
		return NULL;	/* { dg-warning "'rule_get' returns NULL here, but its callers test the result only with IS_ERR\(\) \[errptr-local-null-return\]" } */
	if (strlen(path) > 255)
		return ERR_PTR(-ENAMETOOLONG);
	return akfs_rule_find(path);
}

int rule_action(const char *path)
{
	struct akfs_rule *r = rule_get(path);

	if (IS_ERR(r))		/* { dg-bogus "mixed-use" } */
		return PTR_ERR(r);
	return r->action;
}

int rule_denies(const char *path)
{
	struct akfs_rule *r = rule_get(path);

	if (IS_ERR(r))		/* { dg-bogus "mixed-use" } */
		return 1;
	return r->action == 0;
}

/* ---- an ops table holding an API with a rule ---------------------------- */
struct akfs_lookup_ops {
	struct akfs_item *(*lookup)(int id);
};

static const struct akfs_lookup_ops ext_ops = {
	.lookup = akfs_ext_lookup,	/* { dg-bogus "errptr" } */
};

const struct akfs_lookup_ops *akfs_lookups(void)
{
	return &ext_ops;
}

/* POSITIVE */
int lookup_value(const struct akfs_lookup_ops *ops, int id)
{
	struct akfs_item *it = ops->lookup(id);

	if (!it)		/* { dg-warning "'akfs_lookup_ops.lookup' may also return an error pointer, which this NULL test lets through to the use at line 106" } */
		return -ENOENT;
	return it->val;
}
