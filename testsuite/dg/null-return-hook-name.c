/* errptr-null-return, stand-in kind: a hook table pairs the API's name, as a
   string, with the hook: { "do_filp_open", hook, &original }.  This is the
   seed's shape (the akfs_trace framework, examples/seed-hook/).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct open_flags {
	int open_flag;
	umode_t mode;
	int acc_mode;
	int intent;
	int lookup_flags;
};

struct ftrace_hook {
	const char *name;
	void *function;
	void *original;
};

typedef struct file *(*open_fn)(int, struct filename *, const struct open_flags *);
typedef struct file *(*fopen_fn)(const char *, int, umode_t);
typedef void __iomem *(*map_res_fn)(struct device *, const struct resource *);
typedef void __iomem *(*map_fn)(resource_size_t, unsigned long);
typedef struct file *(*legacy_fn)(const char *);

static open_fn real_open;
static open_fn real_open_fixed;
static fopen_fn real_fopen;
static map_res_fn real_map_res;
static map_fn real_map;
static legacy_fn real_legacy;

extern bool akfs_allowed(const char *path);
extern const char *akfs_event_name(int event);
extern void akfs_report(struct file *file);

/* POSITIVE: the seed: NULL when the module is going away.  */
static struct file *hook_open(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *file;

	if (!try_module_get(THIS_MODULE))
		return NULL;	/* { dg-error "'hook_open' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */

	file = real_open(dfd, name, op);
	if (!IS_ERR(file))
		akfs_report(file);
	module_put(THIS_MODULE);
	return file;	/* { dg-bogus "errptr" } */
}

/* POSITIVE: filp_open's stand-in refusing a path.  */
static struct file *hook_fopen(const char *path, int flags, umode_t mode)
{
	if (!akfs_allowed(path))
		return NULL;	/* { dg-error "'hook_fopen' returns NULL here, but it stands in for 'filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return real_fopen(path, flags, mode);	/* { dg-bogus "errptr" } */
}

/* POSITIVE: devm_ioremap_resource's stand-in.  */
static void __iomem *hook_map_res(struct device *dev, const struct resource *res)
{
	if (res->end < res->start)
		return NULL;	/* { dg-error "'hook_map_res' returns NULL here, but it stands in for 'devm_ioremap_resource', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return real_map_res(dev, res);
}

/* NEGATIVE: ioremap() itself reports failure with NULL; so may its stand-in.  */
static void __iomem *hook_map(resource_size_t offset, unsigned long size)
{
	if (size > (1UL << 30))
		return NULL;	/* { dg-bogus "errptr" } */
	return real_map(offset, size);
}

/* NEGATIVE: a name without a contract.  */
static struct file *hook_legacy(const char *path)
{
	if (!akfs_allowed(path))
		return NULL;	/* { dg-bogus "errptr" } */
	return real_legacy(path);
}

/* { dg-message "'hook_open' stands in for 'do_filp_open': it is paired with \"do_filp_open\" in the hook table 'akfs_file_hooks'" "" 0 } */
/* { dg-message "'hook_fopen' stands in for 'filp_open': it is paired with \"filp_open\" in the hook table 'akfs_file_hooks'" "" 0 } */
/* { dg-message "'hook_map_res' stands in for 'devm_ioremap_resource': it is paired with \"devm_ioremap_resource\" in the hook table 'akfs_file_hooks'" "" 0 } */
struct ftrace_hook akfs_file_hooks[] = {
	{ "do_filp_open", hook_open, &real_open },
	{ "filp_open", hook_fopen, &real_fopen },
	{ "devm_ioremap_resource", hook_map_res, &real_map_res },
	{ "ioremap", hook_map, &real_map },
	{ "akfs_legacy_open", hook_legacy, &real_legacy },
};

/* NEGATIVE: the seed, fixed; in a second table, as a module with several
   hook sets has.  */
static struct file *hook_open_fixed(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *file;

	if (!try_module_get(THIS_MODULE))
		return ERR_PTR(-ENODEV);	/* { dg-bogus "errptr" } */

	file = real_open_fixed(dfd, name, op);
	module_put(THIS_MODULE);
	return file;	/* { dg-bogus "errptr" } */
}

struct ftrace_hook akfs_fixed_hooks[] = {
	{ .name = "do_filp_open", .function = hook_open_fixed, .original = &real_open_fixed },
};

/* NEGATIVE: a table that names the API but pairs it with a function that
   does not take its place (a different prototype): a trace-event table.  */
struct akfs_trace_event {
	const char *func;
	const char *(*describe)(int event);
};

static const char *describe_open(int event)
{
	if (event < 0)
		return NULL;	/* { dg-bogus "errptr" } */
	return akfs_event_name(event);
}

struct akfs_trace_event akfs_events[] = {
	{ "do_filp_open", describe_open },
};
