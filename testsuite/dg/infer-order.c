/* Inference and GCC's order: GCC analyses callees before callers only along
   direct calls, so a function that calls through an ops table may come
   before the functions in the table.  pass.c postpones it (and its direct
   callers) until those are analysed; -fplugin-arg-errptr-verbose says so.
   Cycles through ops tables end like recursion: the function already being
   analysed counts as unknown.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-verbose" } */

#include "kernel-min.h"

struct akfs_item {
	int val;
	struct akfs_item *next;
};

extern struct akfs_item akfs_items[16];

struct akfs_dev_ops {
	struct akfs_item *(*probe)(int id);
};

/* a wrapper of the ops call ... */
static struct akfs_item *dev_probe(const struct akfs_dev_ops *ops, int id)	/* { dg-message "errptr: 'dev_probe' is analysed after 'real_probe', which it calls through 'akfs_dev_ops.probe'" } */
{
	return ops->probe(id);
}

/* ... and its callers, which wait for it */
int dev_first(const struct akfs_dev_ops *ops)	/* { dg-message "errptr: 'dev_first' is analysed after 'dev_probe', which it calls" } */
{
	struct akfs_item *it = dev_probe(ops, 0);

	if (IS_ERR(it))		/* { dg-warning "'dev_probe' may also return NULL, which this IS_ERR\(\) test lets through to the use at line 36 \[errptr-mixed-use\]" } */
		return PTR_ERR(it);
	return it->val;
}

/* a second caller handles both: the callers disagree, so the wrapper's NULL
   is its contract, not a bug of the wrapper */
int dev_second(const struct akfs_dev_ops *ops)
{
	struct akfs_item *it = dev_probe(ops, 1);

	if (IS_ERR_OR_NULL(it))	/* { dg-bogus "mixed-use" } */
		return -ENODEV;
	return it->val;
}

static struct akfs_item *real_probe(int id)
{
	if (id < 0)
		return ERR_PTR(-EINVAL);
	return id < 16 ? &akfs_items[id] : NULL;
}

const struct akfs_dev_ops akfs_real_ops = { .probe = real_probe };

/* ---- a cycle through an ops table --------------------------------------- */
struct akfs_walk_ops {
	struct akfs_item *(*even)(struct akfs_item *n, int depth);
	struct akfs_item *(*odd)(struct akfs_item *n, int depth);
};

static const struct akfs_walk_ops *walk;

static struct akfs_item *walk_even(struct akfs_item *n, int depth)
{
	struct akfs_item *r;

	if (!n)
		return NULL;
	if (depth > 8)
		return ERR_PTR(-EINVAL);
	r = walk->odd(n->next, depth + 1);
	if (IS_ERR(r))
		return r;
	return n;
}

static struct akfs_item *walk_odd(struct akfs_item *n, int depth)
{
	struct akfs_item *r = walk->even(n, depth + 1);

	if (IS_ERR(r))		/* { dg-warning "'akfs_walk_ops.even' may also return NULL, which this IS_ERR\(\) test lets through to the use at line 87" } */
		return r;
	r->val++;
	return r;
}

static const struct akfs_walk_ops walk_ops = { .even = walk_even, .odd = walk_odd };

struct akfs_item *akfs_walk(struct akfs_item *n)
{
	walk = &walk_ops;
	return walk_even(n, 0);
}

/* a function that calls itself through a table */
struct akfs_self_ops {
	struct akfs_item *(*again)(struct akfs_item *n, int depth);
};

static struct akfs_item *again(struct akfs_item *n, int depth);
static const struct akfs_self_ops self_ops = { .again = again };

static struct akfs_item *again(struct akfs_item *n, int depth)
{
	return depth ? self_ops.again(n, depth - 1) : n;	/* { dg-bogus "errptr" } */
}

struct akfs_item *akfs_again(struct akfs_item *n)
{
	return again(n, 3);
}
