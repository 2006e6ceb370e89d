/* errptr-null-return: stand-ins whose API may itself return NULL, or whose
   callers handle NULL, may return NULL too.  Only a stand-in of an API that
   never returns NULL (fails=err) and whose callers test only IS_ERR()
   (callers=is_err) is reported.  The contracts are in
   null-return-api-null.rules.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/null-return-api-null.rules" } */

#include "kernel-min.h"

struct akfs_profile;
struct akfs_token;
struct akfs_policy;

struct ftrace_hook {
	const char *name;
	void *function;
	void *original;
};

extern struct akfs_profile *akfs_find_profile(const char *name);
extern struct akfs_token *akfs_get_token(int id);
extern struct akfs_policy *akfs_open_policy(const char *path);

static void *(*orig___kmalloc)(size_t size, gfp_t flags);
static void __iomem *(*orig_ioremap)(resource_size_t offset, unsigned long size);
static void __iomem *(*orig_of_iomap)(struct device_node *node, int index);
static struct dentry *(*orig_d_hash_and_lookup)(struct dentry *dir, struct qstr *name);
static struct akfs_profile *(*orig_akfs_find_profile)(const char *name);
static struct akfs_token *(*orig_akfs_get_token)(int id);
static struct akfs_policy *(*orig_akfs_open_policy)(const char *path);

extern bool akfs_allowed(const char *path);
extern bool akfs_watching(const struct dentry *dir);

/* NEGATIVE: fails=null (__kmalloc, ioremap, of_iomap).  */
static void *h_kmalloc(size_t size, gfp_t flags)
{
	if (size > (1UL << 20))
		return NULL;	/* { dg-bogus "errptr" } */
	return orig___kmalloc(size, flags);
}

static void __iomem *h_ioremap(resource_size_t offset, unsigned long size)
{
	if (!size)
		return NULL;	/* { dg-bogus "errptr" } */
	return orig_ioremap(offset, size);
}

static void __iomem *h_of_iomap(struct device_node *node, int index)
{
	if (!node)
		return NULL;	/* { dg-bogus "errptr" } */
	return orig_of_iomap(node, index);
}

/* NEGATIVE: fails=both callers=is_err_or_null.  */
static struct dentry *h_d_hash_and_lookup(struct dentry *dir, struct qstr *name)
{
	if (!akfs_watching(dir))
		return NULL;	/* { dg-bogus "errptr" } */
	return orig_d_hash_and_lookup(dir, name);
}

/* NEGATIVE: fails=err, but callers=is_err_or_null.  */
static struct akfs_profile *h_find_profile(const char *name)
{
	if (!akfs_allowed(name))
		return NULL;	/* { dg-bogus "errptr" } */
	return orig_akfs_find_profile(name);
}

/* NEGATIVE: fails=both: NULL is one of the API's own failures.  */
static struct akfs_token *h_get_token(int id)
{
	if (id < 0)
		return NULL;	/* { dg-bogus "errptr" } */
	return orig_akfs_get_token(id);
}

/* POSITIVE, for contrast: fails=err callers=is_err.  */
static struct akfs_policy *h_open_policy(const char *path)
{
	if (!akfs_allowed(path))
		return NULL;	/* { dg-error "'h_open_policy' returns NULL here, but it stands in for 'akfs_open_policy', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return orig_akfs_open_policy(path);
}
/* { dg-message "'akfs_open_policy' reports failure with ERR_PTR\(\), never NULL; callers test only IS_ERR\(\), e\.g\. 'akfs_load_policy' at security/akfs/policy\.c:42" "" 0 } */

struct ftrace_hook akfs_api_hooks[] = {
	{ "__kmalloc", h_kmalloc, &orig___kmalloc },
	{ "ioremap", h_ioremap, &orig_ioremap },
	{ "of_iomap", h_of_iomap, &orig_of_iomap },
	{ "d_hash_and_lookup", h_d_hash_and_lookup, &orig_d_hash_and_lookup },
	{ "akfs_find_profile", h_find_profile, &orig_akfs_find_profile },
	{ "akfs_get_token", h_get_token, &orig_akfs_get_token },
	{ "akfs_open_policy", h_open_policy, &orig_akfs_open_policy },
};
