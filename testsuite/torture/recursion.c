/* Torture: recursion and mutual recursion returning pointers: a recursive
   lookup that passes ERR_PTR() up, a pair (and a ring of three) of mutually
   recursive static functions whose summaries depend on each other, and a
   tail-recursive walk.  The code keeps the error-pointer contract: zero errptr
   diagnostics, no ICE, no endless analysis, at -O0 and -O2
   (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct akfs_node {
	int key;
	struct akfs_node *left, *right;
};
struct akfs_node akfs_root;

/* NEGATIVE: recursive lookup: a node or ERR_PTR(-ENOENT), never NULL. */
struct akfs_node *akfs_find(struct akfs_node *n, int key)
{
	if (!n)
		return ERR_PTR(-ENOENT);	/* { dg-bogus "errptr" } */
	if (key == n->key)
		return n;	/* { dg-bogus "errptr" } */
	return akfs_find(key < n->key ? n->left : n->right, key);	/* { dg-bogus "errptr" } */
}

static struct akfs_node *akfs_odd(struct akfs_node *n, int depth);

/* NEGATIVE: mutual recursion, each side fails with ERR_PTR() only. */
static struct akfs_node *akfs_even(struct akfs_node *n, int depth)
{
	if (depth > 64)
		return ERR_PTR(-EMFILE);
	if (!n)
		return ERR_PTR(-ENOENT);
	if (!depth)
		return n;
	return akfs_odd(n->left, depth - 1);	/* { dg-bogus "errptr" } */
}

static struct akfs_node *akfs_odd(struct akfs_node *n, int depth)
{
	struct akfs_node *r;

	if (!n)
		return ERR_PTR(-ENOENT);
	r = akfs_even(n->right, depth - 1);
	if (IS_ERR(r))
		return r;	/* { dg-bogus "errptr" } */
	return r->key & 1 ? r : akfs_even(n, depth - 1);	/* { dg-bogus "errptr" } */
}

/* a ring of three that can also fail with NULL: callers test both */
static struct akfs_node *akfs_r2(struct akfs_node *n, int d);
static struct akfs_node *akfs_r3(struct akfs_node *n, int d);

static struct akfs_node *akfs_r1(struct akfs_node *n, int d)
{
	if (!d)
		return n;	/* may be NULL */
	return d & 1 ? akfs_r2(n->left, d - 1) : akfs_r3(n->right, d - 1);
}

static struct akfs_node *akfs_r2(struct akfs_node *n, int d)
{
	if (!n)
		return ERR_PTR(-ENOENT);
	return akfs_r3(n, d);
}

static struct akfs_node *akfs_r3(struct akfs_node *n, int d)
{
	return d > 100 ? ERR_PTR(-ENOSPC) : akfs_r1(n, d);
}

int akfs_use_recursion(int key, int depth)
{
	struct akfs_node *a = akfs_find(&akfs_root, key);
	struct akfs_node *b = akfs_even(&akfs_root, depth);
	struct akfs_node *c = akfs_r1(&akfs_root, depth);

	if (IS_ERR(a) || IS_ERR(b))
		return -EIO;
	if (IS_ERR_OR_NULL(c))
		return -ENOENT;
	return a->key + b->key + c->key;
}
