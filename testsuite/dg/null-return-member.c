/* errptr-null-return, stand-in kind: a function assigned to a struct member
   with a contract, file_system_type.mount (legacy_get_tree() in 6.1 tests
   its result only with IS_ERR()), in a designated initializer or by an
   assignment in code.  */
/* { dg-do compile } */

#include "kernel-min.h"

#define SB_RDONLY	1

struct myfs_opts {
	int uid;
	int gid;
};

extern int myfs_fill_super(struct super_block *sb, void *data, int silent);
extern bool myfs_device_ok(const char *dev_name);

/* POSITIVE: designated initializer; NULL when the allocation fails.  */
static struct dentry *myfs_mount(struct file_system_type *fs_type, int flags,
				 const char *dev_name, void *data)
{
	struct myfs_opts *opts = kzalloc(sizeof(*opts), GFP_KERNEL);

	if (!opts)
		return NULL;	/* { dg-error "'myfs_mount' returns NULL here, but it stands in for 'file_system_type.mount', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return mount_nodev(fs_type, flags, opts, myfs_fill_super);	/* { dg-bogus "errptr" } */
}
/* { dg-message "'myfs_mount' stands in for 'file_system_type.mount': it is assigned to 'file_system_type.mount'" "" 0 } */

static struct file_system_type myfs_type = {
	.owner		= THIS_MODULE,
	.name		= "myfs",
	.mount		= myfs_mount,
	.kill_sb	= kill_litter_super,
};

int myfs_init(void)
{
	return register_filesystem(&myfs_type);
}

/* POSITIVE: assigned in code.  */
static struct dentry *dynfs_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	if (!myfs_device_ok(dev_name))
		return NULL;	/* { dg-error "'dynfs_mount' returns NULL here, but it stands in for 'file_system_type.mount', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return mount_bdev(fs_type, flags, dev_name, data, myfs_fill_super);
}
/* { dg-message "'dynfs_mount' stands in for 'file_system_type.mount': it is assigned to 'file_system_type.mount'" "" 0 } */

static struct file_system_type dynfs_type = {
	.name		= "dynfs",
	.kill_sb	= kill_litter_super,
};

int dynfs_init(void)
{
	dynfs_type.mount = dynfs_mount;
	dynfs_type.owner = THIS_MODULE;
	return register_filesystem(&dynfs_type);
}

/* POSITIVE: assigned through a pointer.  */
static struct dentry *ptrfs_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	if (flags & SB_RDONLY)
		return NULL;	/* { dg-error "'ptrfs_mount' returns NULL here, but it stands in for 'file_system_type.mount', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return mount_nodev(fs_type, flags, data, myfs_fill_super);
}
/* { dg-message "'ptrfs_mount' stands in for 'file_system_type.mount': it is assigned to 'file_system_type.mount'" "" 0 } */

int ptrfs_setup(struct file_system_type *type)
{
	type->mount = ptrfs_mount;
	return register_filesystem(type);
}

/* NEGATIVE: fixed: an error pointer when the allocation fails.  */
static struct dentry *goodfs_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	struct myfs_opts *opts = kzalloc(sizeof(*opts), GFP_KERNEL);

	if (!opts)
		return ERR_PTR(-ENOMEM);	/* { dg-bogus "errptr" } */
	return mount_nodev(fs_type, flags, opts, myfs_fill_super);	/* { dg-bogus "errptr" } */
}

static struct file_system_type goodfs_type = {
	.owner		= THIS_MODULE,
	.name		= "goodfs",
	.mount		= goodfs_mount,
	.kill_sb	= kill_litter_super,
};

int goodfs_init(void)
{
	return register_filesystem(&goodfs_type);
}

/* NEGATIVE: a member of the same name and type in another struct, which has
   no contract.  */
struct akfs_backend {
	const char *name;
	struct dentry *(*mount)(struct file_system_type *, int, const char *, void *);
};

static struct dentry *backend_mount(struct file_system_type *fs_type, int flags,
				    const char *dev_name, void *data)
{
	if (!dev_name)
		return NULL;	/* { dg-bogus "errptr" } */
	return mount_nodev(fs_type, flags, data, myfs_fill_super);
}

struct akfs_backend akfs_default_backend = {
	.name	= "default",
	.mount	= backend_mount,
};

/* NEGATIVE: mount's prototype, but not assigned to any member: a helper
   that the module's own code calls and checks.  */
struct dentry *akfs_try_mount(struct file_system_type *fs_type, int flags,
			      const char *dev_name, void *data)
{
	if (!dev_name)
		return NULL;	/* { dg-bogus "errptr" } */
	return mount_nodev(fs_type, flags, data, myfs_fill_super);
}
