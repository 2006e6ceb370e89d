/* errptr-null-return, stand-in kind: a hook table pairs the API's address
   with the hook: { &do_filp_open, hook, &saved }, as text-patching hook
   frameworks write it (with or without '&', with or without a cast).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct open_flags {
	int open_flag;
	umode_t mode;
	int acc_mode;
	int intent;
	int lookup_flags;
};

struct text_patch {
	void *target;		/* the function patched */
	void *replacement;	/* where its calls go */
	void **saved;		/* a trampoline to the original */
};

typedef struct file *(*open_fn)(int, struct filename *, const struct open_flags *);
typedef struct file *(*fopen_fn)(const char *, int, umode_t);
typedef void __iomem *(*map_res_fn)(struct device *, const struct resource *);
typedef void __iomem *(*map_fn)(resource_size_t, unsigned long);
typedef void __iomem *(*of_map_fn)(struct device_node *, int);

static void *saved_open, *saved_open_fixed, *saved_fopen, *saved_map_res;
static void *saved_map, *saved_of_map;

extern bool akfs_allowed(const char *path);
extern bool akfs_quarantined(const struct filename *name);

/* POSITIVE: paired with &do_filp_open.  */
static struct file *patch_open(int dfd, struct filename *name, const struct open_flags *op)
{
	if (akfs_quarantined(name))
		return NULL;	/* { dg-error "'patch_open' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return ((open_fn)saved_open)(dfd, name, op);	/* { dg-bogus "errptr" } */
}

/* POSITIVE: paired with filp_open, without '&'.  */
static struct file *patch_fopen(const char *path, int flags, umode_t mode)
{
	fopen_fn orig = saved_fopen;

	if (!akfs_allowed(path))
		return NULL;	/* { dg-error "'patch_fopen' returns NULL here, but it stands in for 'filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return orig(path, flags, mode);
}

/* POSITIVE: paired with (void *)devm_ioremap_resource.  */
static void __iomem *patch_map_res(struct device *dev, const struct resource *res)
{
	if (!res)
		return NULL;	/* { dg-error "'patch_map_res' returns NULL here, but it stands in for 'devm_ioremap_resource', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return ((map_res_fn)saved_map_res)(dev, res);
}

/* NEGATIVE: the first hook, fixed.  */
static struct file *patch_open_fixed(int dfd, struct filename *name, const struct open_flags *op)
{
	if (akfs_quarantined(name))
		return ERR_PTR(-EACCES);	/* { dg-bogus "errptr" } */
	return ((open_fn)saved_open_fixed)(dfd, name, op);	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: ioremap() and of_iomap() report failure with NULL themselves.  */
static void __iomem *patch_map(resource_size_t offset, unsigned long size)
{
	if (!size)
		return NULL;	/* { dg-bogus "errptr" } */
	return ((map_fn)saved_map)(offset, size);
}

static void __iomem *patch_of_map(struct device_node *node, int index)
{
	if (index < 0)
		return NULL;	/* { dg-bogus "errptr" } */
	return ((of_map_fn)saved_of_map)(node, index);
}

/* { dg-message "'patch_open' stands in for 'do_filp_open': it is paired with 'do_filp_open' in the hook table 'akfs_patches'" "" 0 } */
/* { dg-message "'patch_fopen' stands in for 'filp_open': it is paired with 'filp_open' in the hook table 'akfs_patches'" "" 0 } */
/* { dg-message "'patch_map_res' stands in for 'devm_ioremap_resource': it is paired with 'devm_ioremap_resource' in the hook table 'akfs_patches'" "" 0 } */
struct text_patch akfs_patches[] = {
	{ &do_filp_open, patch_open, &saved_open },
	{ filp_open, patch_fopen, &saved_fopen },
	{ (void *)devm_ioremap_resource, patch_map_res, &saved_map_res },
	{ &ioremap, patch_map, &saved_map },
	{ &of_iomap, patch_of_map, &saved_of_map },
};

struct text_patch akfs_fixed_patches[] = {
	{ .target = do_filp_open, .replacement = patch_open_fixed, .saved = &saved_open_fixed },
};
