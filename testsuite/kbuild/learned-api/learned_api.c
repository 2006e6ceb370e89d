// SPDX-License-Identifier: GPL-2.0
/*
 * learned_api.c - APIs errptr knows only from the contracts it learned from
 * Linux 6.1 itself (rules/learned/linux.rules: no hand-written rule names
 * them), used wrongly and rightly.  Built with no errptr argument but -fplugin.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/module.h>

/* Declared: kbuild warns about a global function without a prototype
 * (-Wmissing-prototypes, on by default since Linux 6.8). */
int learned_bad_inode(struct super_block *sb);
struct inode *learned_good_inode(struct super_block *sb);
int learned_bad_dentry(struct dentry *parent);
int learned_good_dentry(struct dentry *parent);

/* alloc_anon_inode() fails with ERR_PTR(), never NULL (learned from
 * fs/libfs.c and its callers in fs/aio.c and others). */
int learned_bad_inode(struct super_block *sb)
{
	struct inode *inode = alloc_anon_inode(sb);

	if (!inode)	/* { dg-warning "'alloc_anon_inode' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOMEM;
	inode->i_mode = 0600;
	iput(inode);
	return 0;
}

struct inode *learned_good_inode(struct super_block *sb)
{
	struct inode *inode = alloc_anon_inode(sb);

	if (IS_ERR(inode))	/* { dg-bogus "errptr" } */
		return inode;
	inode->i_mode = 0600;
	return inode;
}

/* d_alloc_name() fails with NULL, never ERR_PTR() (learned from fs/dcache.c
 * and the callers in fs/configfs, fs/debugfs and others). */
int learned_bad_dentry(struct dentry *parent)
{
	struct dentry *d = d_alloc_name(parent, "errptr");

	if (IS_ERR(d))	/* { dg-warning "IS_ERR\(\) does not catch the NULL that 'd_alloc_name' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(d);
	dput(d);
	return 0;
}

int learned_good_dentry(struct dentry *parent)
{
	struct dentry *d = d_alloc_name(parent, "errptr");

	if (!d)	/* { dg-bogus "errptr" } */
		return -ENOMEM;
	dput(d);
	return 0;
}

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("errptr test: APIs known from learned contracts only");
