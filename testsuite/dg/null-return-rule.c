/* errptr-null-return, stand-in kind: a rule says so.  The rules file
   null-return-rule.rules (next to this file) declares two contracts of the
   module's own API and the stand-ins errptr cannot find by itself:
     line 7  standin akfs_open_replacement for=do_filp_open
     line 9  standin akfs_vault_open_fast for=akfs_vault_open
   A function that is itself an API with a contract stands in for it too
   ("it is the definition of").  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/null-return-rule.rules" } */

#include "kernel-min.h"

struct open_flags {
	int open_flag;
	umode_t mode;
	int acc_mode;
	int intent;
	int lookup_flags;
};

struct akfs_vault {
	int refs;
	struct file *backing;
};

extern bool akfs_allowed(const char *path);
extern struct file *akfs_private_open(struct filename *name, int flags);
extern struct akfs_vault *akfs_vault_cache_get(const char *name);
extern struct akfs_vault *akfs_vault_lookup(const char *name);
extern struct akfs_vault *akfs_vault_create(const char *name, int flags);

/* POSITIVE: "standin akfs_open_replacement for=do_filp_open".  */
struct file *akfs_open_replacement(int dfd, struct filename *name, const struct open_flags *op)
{
	if (!akfs_allowed(name->name))
		return NULL;	/* { dg-error "'akfs_open_replacement' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return akfs_private_open(name, op->open_flag);
}
/* { dg-message "'akfs_open_replacement' stands in for 'do_filp_open': a rule says so \([^)]*null-return-rule\.rules:7\)" "" 0 } */

/* POSITIVE: "func akfs_vault_open fails=err callers=is_err": its definition
   must not return NULL.  */
struct akfs_vault *akfs_vault_open(const char *name, int flags)
{
	struct akfs_vault *v = akfs_vault_cache_get(name);

	if (IS_ERR(v))
		return v;
	if (v)
		return v;
	if (flags < 0)
		return NULL;	/* { dg-error "'akfs_vault_open' returns NULL here, but it stands in for 'akfs_vault_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return akfs_vault_create(name, flags);
}
/* { dg-message "'akfs_vault_open' stands in for 'akfs_vault_open': it is the definition of 'akfs_vault_open'" "" 0 } */
/* { dg-message "'akfs_vault_open' reports failure with ERR_PTR\(\), never NULL; callers test only IS_ERR\(\), e\.g\. 'akfs_vault_check' at security/akfs/vault\.c:120" "" 0 } */

/* POSITIVE: "standin akfs_vault_open_fast for=akfs_vault_open".  */
struct akfs_vault *akfs_vault_open_fast(const char *name, int flags)
{
	if (!name)
		return NULL;	/* { dg-error "'akfs_vault_open_fast' returns NULL here, but it stands in for 'akfs_vault_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return akfs_vault_create(name, flags);
}
/* { dg-message "'akfs_vault_open_fast' stands in for 'akfs_vault_open': a rule says so \([^)]*null-return-rule\.rules:9\)" "" 0 } */

/* NEGATIVE: the same function as akfs_open_replacement, no rule names it.  */
struct file *akfs_open_other(int dfd, struct filename *name, const struct open_flags *op)
{
	if (!akfs_allowed(name->name))
		return NULL;	/* { dg-bogus "errptr" } */
	return akfs_private_open(name, op->open_flag);
}

/* NEGATIVE: "standin akfs_map_regs for=ioremap": ioremap() reports failure
   with NULL itself.  */
void __iomem *akfs_map_regs(resource_size_t offset, unsigned long size)
{
	if (!size)
		return NULL;	/* { dg-bogus "errptr" } */
	return ioremap(offset, size);
}

/* NEGATIVE: "standin akfs_vault_lookup_hook for=akfs_vault_lookup", whose
   rule says fails=both callers=is_err_or_null.  */
struct akfs_vault *akfs_vault_lookup_hook(const char *name)
{
	if (!name)
		return NULL;	/* { dg-bogus "errptr" } */
	return akfs_vault_lookup(name);
}

/* NEGATIVE: the rule "standin akfs_absent_hook for=do_filp_open" names a
   function this file does not define: nothing to say, no error.  */
