/* Inference of calls through struct members, seen by errptr-null-return: a
   hook of do_filp_open() hands the open to a backend through the module's
   own ops table; the backend returns NULL, so the hook does too.  Without
   the member -> function inference the backend's result is unknown and
   the hook's return is not reported.  Contract: infer-ops-null-return.rules.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/infer-ops-null-return.rules" } */

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
static open_fn real_open;

extern bool akfs_allowed(const char *path);

/* the module's backends: one ops type, filled only here */
struct akfs_backend_ops {
	struct file *(*open)(int dfd, struct filename *name, const struct open_flags *op);
};

struct akfs_backend {
	const char *name;
	const struct akfs_backend_ops *ops;
};

static struct akfs_backend *backend;

/* POSITIVE: the hook, before the backend in the file: it returns what the
   backend's open returns, NULL included.  */
static struct file *hook_open(int dfd, struct filename *name, const struct open_flags *op)
{
	return backend->ops->open(dfd, name, op);	/* { dg-error "'hook_open' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
}
/* { dg-message "'vault_open' may return NULL" "" 46 } */

/* the backend: refuses with NULL (the bug), and otherwise returns what
   the original returns, through real_open, which the hook table fills with
   do_filp_open()'s address: it stands in for do_filp_open() too.  */
static struct file *vault_open(int dfd, struct filename *name, const struct open_flags *op)
{
	if (!akfs_allowed(name->name))
		return NULL;	/* { dg-error "'vault_open' returns NULL here, but it stands in for 'do_filp_open'" } */
	return real_open(dfd, name, op);	/* { dg-message "'vault_open' stands in for 'do_filp_open': it returns the result of calling 'do_filp_open' through 'real_open'" } */
}

static const struct akfs_backend_ops vault_ops = {
	.open = vault_open,
};

static struct akfs_backend vault_backend = {
	.name	= "vault",
	.ops	= &vault_ops,
};

void akfs_use_vault(void)
{
	backend = &vault_backend;
}

/* NEGATIVE: the same shape through a second ops type whose only backend
   refuses with an error pointer.  */
struct akfs_fixed_ops {
	struct file *(*open)(int dfd, struct filename *name, const struct open_flags *op);
};

static const struct akfs_fixed_ops *fixed;

static struct file *hook_open_fixed(int dfd, struct filename *name, const struct open_flags *op)
{
	return fixed->open(dfd, name, op);	/* { dg-bogus "errptr" } */
}

static struct file *fixed_open(int dfd, struct filename *name, const struct open_flags *op)
{
	if (!akfs_allowed(name->name))
		return ERR_PTR(-EACCES);
	return real_open(dfd, name, op);
}

static const struct akfs_fixed_ops fixed_ops = { .open = fixed_open };

void akfs_use_fixed(void)
{
	fixed = &fixed_ops;
}

struct ftrace_hook akfs_hooks[] = {
	{ "do_filp_open", hook_open, &real_open },
};

struct ftrace_hook akfs_hooks_fixed[] = {
	{ "do_filp_open", hook_open_fixed, &real_open },
};
