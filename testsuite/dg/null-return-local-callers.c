/* errptr-null-return, stand-in kind: a function of this module (static)
   that reports failure with ERR_PTR() and whose callers in this file all test
   its result only with IS_ERR(): NULL from it passes their tests as a valid
   pointer.  */
/* { dg-do compile } */

#include "kernel-min.h"

#define PATH_MAX	4096

struct akfs_rule {
	int action;
	int mode;
};

extern struct akfs_rule *akfs_rule_find(const char *path);
extern struct akfs_rule akfs_default_rule;
extern void akfs_log(const char *what, const struct akfs_rule *rule);

/* POSITIVE: two callers, both test only IS_ERR().  */
static struct akfs_rule *rule_lookup(const char *path)
{
	if (!path)
		return NULL;	/* { dg-warning "'rule_lookup' returns NULL here, but its callers test the result only with IS_ERR\(\) \[errptr-local-null-return\]" } */
	if (strlen(path) >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	return akfs_rule_find(path);	/* { dg-bogus "errptr" } */
}
/* { dg-message "'rule_lookup' returns ERR_PTR\(\) on other paths and its callers test only IS_ERR\(\), e.g. 'akfs_check_exec'" "" 0 } */

int akfs_check_exec(const char *path)
{
	struct akfs_rule *r = rule_lookup(path);

	if (IS_ERR(r))
		return PTR_ERR(r);
	return r->action;
}

int akfs_check_write(const char *path)
{
	struct akfs_rule *r = rule_lookup(path);

	if (IS_ERR(r))
		return PTR_ERR(r);
	return (r->mode & 2) ? -EACCES : 0;
}

/* NEGATIVE (a known miss): NULL through a variable.  Callers' evidence is
   weak, and on the kernel such NULLs hang on state the callers set up (afs
   afs_vl_lookup_addrs(), btrfs btrfs_new_extent_direct(): 0 true of 4), so
   only a "return NULL;" written at the return is reported on it.  */
static struct akfs_rule *rule_default(int mode)
{
	struct akfs_rule *r = NULL;	/* { dg-bogus "errptr" } */

	if (mode < 0)
		return ERR_PTR(-EINVAL);
	if (mode == 0)
		r = &akfs_default_rule;
	return r;	/* { dg-bogus "errptr" } */
}

int akfs_default_action(int mode)
{
	struct akfs_rule *r = rule_default(mode);

	if (unlikely(IS_ERR(r)))
		return PTR_ERR(r);
	return r->action;
}

/* NEGATIVE: the callers disagree: one also handles NULL.  */
static struct akfs_rule *rule_lookup_mixed(const char *path)
{
	if (!path)
		return NULL;	/* { dg-bogus "errptr" } */
	if (strlen(path) >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	return akfs_rule_find(path);
}

int akfs_mixed_a(const char *path)
{
	struct akfs_rule *r = rule_lookup_mixed(path);

	if (IS_ERR(r))	/* { dg-warning "may also return NULL, which this IS_ERR\(\) test lets through .*\[errptr-mixed-use\]" } */
		return PTR_ERR(r);
	return r->action;
}

int akfs_mixed_b(const char *path)
{
	struct akfs_rule *r = rule_lookup_mixed(path);

	if (IS_ERR_OR_NULL(r))
		return -ENOENT;
	return r->action;
}

/* NEGATIVE: the caller tests for NULL after IS_ERR().  */
static struct akfs_rule *rule_lookup_checked(const char *path)
{
	if (!path)
		return NULL;	/* { dg-bogus "errptr" } */
	if (strlen(path) >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	return akfs_rule_find(path);
}

int akfs_checked(const char *path)
{
	struct akfs_rule *r = rule_lookup_checked(path);

	if (IS_ERR(r))
		return PTR_ERR(r);
	if (!r)
		return 0;
	return r->action;
}

/* NEGATIVE: the caller tests only for NULL (and the function never returns
   an error pointer).  */
static struct akfs_rule *rule_peek(const char *path)
{
	if (!path)
		return NULL;	/* { dg-bogus "errptr" } */
	return akfs_rule_find(path);
}

int akfs_peek(const char *path)
{
	struct akfs_rule *r = rule_peek(path);

	if (!r)
		return 0;
	return r->mode;
}

/* NEGATIVE: not static: callers in other files are unknown.  */
struct akfs_rule *akfs_rule_lookup_global(const char *path)
{
	if (!path)
		return NULL;	/* { dg-bogus "errptr" } */
	if (strlen(path) >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	return akfs_rule_find(path);
}

int akfs_check_global(const char *path)
{
	struct akfs_rule *r = akfs_rule_lookup_global(path);

	if (IS_ERR(r))	/* { dg-warning "may also return NULL, which this IS_ERR\(\) test lets through .*\[errptr-mixed-use\]" } */
		return PTR_ERR(r);
	return r->action;
}

/* NEGATIVE: static, but its address escapes into an ops table: it has
   callers this file does not show.  */
static struct akfs_rule *rule_lookup_escaping(const char *path)
{
	if (!path)
		return NULL;	/* { dg-bogus "errptr" } */
	if (strlen(path) >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	return akfs_rule_find(path);
}

struct akfs_rule_ops {
	struct akfs_rule *(*lookup)(const char *path);
};

struct akfs_rule_ops akfs_rule_ops = {
	.lookup = rule_lookup_escaping,
};

int akfs_check_escaping(const char *path)
{
	struct akfs_rule *r = rule_lookup_escaping(path);

	if (IS_ERR(r))	/* { dg-warning "may also return NULL, which this IS_ERR\(\) test lets through .*\[errptr-mixed-use\]" } */
		return PTR_ERR(r);
	return r->action;
}

/* NEGATIVE: the first one, fixed.  */
static struct akfs_rule *rule_lookup_fixed(const char *path)
{
	if (!path)
		return ERR_PTR(-EINVAL);	/* { dg-bogus "errptr" } */
	if (strlen(path) >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	return akfs_rule_find(path);
}

int akfs_check_fixed(const char *path)
{
	struct akfs_rule *r = rule_lookup_fixed(path);

	if (IS_ERR(r))
		return PTR_ERR(r);
	return r->action;
}

/* POSITIVE: one caller, IS_ERR() spelled with unlikely(); "return NULL;"
   written at the return.  */
static struct akfs_rule *rule_by_mode(int mode)
{
	if (mode < 0)
		return ERR_PTR(-EINVAL);
	if (mode > 0)
		return NULL;	/* { dg-warning "'rule_by_mode' returns NULL here, but its callers test the result only with IS_ERR\(\) \[errptr-local-null-return\]" } */
	return &akfs_default_rule;
}

int akfs_mode_action(int mode)
{
	struct akfs_rule *r = rule_by_mode(mode);

	if (unlikely(IS_ERR(r)))
		return PTR_ERR(r);
	return r->action;
}
