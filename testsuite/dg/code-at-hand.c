/* The code at hand beats knowledge from elsewhere: a learned contract of a
   function - from another kernel version, where it failed with ERR_PTR()
   only - never turns the function's own "return NULL;" into an error
   (fs/afs/security.c afs_request_key_rcu() returns NULL in 6.12; the rule
   learned from 6.1 said fails=err callers=is_err), and a rule of a function
   defined here gives way when this file's callers test its result for NULL.
   A hand-written rule about a function defined here, with callers that
   trust it, still decides.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules-dir=${srcdir}/code-at-hand" } */

#include "kernel-min.h"

struct key;
struct afs_cell {
	struct key *anonymous_key;
	int flags;
};

extern struct key *key_get(struct key *key);

/* NEGATIVE: the 6.12 body, judged against the 6.1 learned rule.  */
struct key *afs_request_key_rcu(struct afs_cell *cell)
{
	if (!cell->anonymous_key)
		return NULL;	/* { dg-bogus "errptr" } */
	return key_get(cell->anonymous_key);
}

int afs_check_permit_rcu(struct afs_cell *cell)
{
	struct key *key = afs_request_key_rcu(cell);

	if (IS_ERR_OR_NULL(key))
		return -EAGAIN;
	return 0;
}

/* NEGATIVE: the same with ERR_PTR() on another path.  */
struct key *afs_lookup_key(struct afs_cell *cell)
{
	if (cell->flags < 0)
		return ERR_PTR(-EINVAL);
	if (!cell->anonymous_key)
		return NULL;	/* { dg-bogus "errptr" } */
	return key_get(cell->anonymous_key);
}

/* POSITIVE: a hand-written promise (fails=err callers=is_err) about a
   function defined here, whose callers here trust it.  */
struct key *afs_get_token(struct afs_cell *cell)
{
	if (cell->flags < 0)
		return ERR_PTR(-EINVAL);
	if (!cell->anonymous_key)
		return NULL;	/* { dg-error "'afs_get_token' returns NULL here, but it stands in for 'afs_get_token', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return key_get(cell->anonymous_key);
}

int afs_use_token(struct afs_cell *cell)
{
	struct key *key = afs_get_token(cell);

	if (IS_ERR(key))
		return PTR_ERR(key);
	return key ? 0 : -ENOENT;
}
