/* A learned rule is evidence from other bodies (another configuration's, an
   older errptr's); where the function's body is in the unit, the analysis of
   that body decides.  A hand-written rule is a promise and always decides.
   Regression: block/bio-integrity.c, bio_integrity_alloc() learned as
   fails=both, warned at its two IS_ERR()-only callers in the same file.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules-dir=${srcdir}/learned-vs-body" } */

#include "kernel-min.h"

struct akfs_payload {
	int flags;
};

extern void *akfs_pool_alloc(int n);

/* the body: NULL of the allocator becomes ERR_PTR(-ENOMEM) */
struct akfs_payload *akfs_alloc_payload(int n)
{
	struct akfs_payload *p = akfs_pool_alloc(n);

	if (!p)
		return ERR_PTR(-ENOMEM);
	p->flags = 0;
	return p;
}

/* NEGATIVE: the body here says ERR_PTR() only; the learned "both" gives way */
int n_learned_rule_body_here(int n)
{
	struct akfs_payload *p = akfs_alloc_payload(n);

	if (IS_ERR(p))		/* { dg-bogus "errptr" } */
		return PTR_ERR(p);
	p->flags |= 1;		/* { dg-bogus "errptr" } */
	return 0;
}

/* POSITIVE: no body here; the learned rule holds, and this caller tests one
   kind where the tree's callers test both */
extern struct akfs_payload *akfs_elsewhere_get(int n);

int p_learned_rule_no_body(int n)
{
	struct akfs_payload *p = akfs_elsewhere_get(n);

	if (IS_ERR(p))		/* { dg-warning "'akfs_elsewhere_get' may also return NULL, which this IS_ERR\(\) test lets through to the use at line 49 \[errptr-mixed-use\]" } */
		return PTR_ERR(p);
	p->flags |= 1;
	return 0;
}

/* POSITIVE: a hand-written rule wins over the body in the unit */
struct akfs_payload *akfs_promised_get(int n)
{
	struct akfs_payload *p = akfs_pool_alloc(n);

	return p ? p : ERR_PTR(-ENOMEM);
}

int p_hand_rule_body_here(int n)
{
	struct akfs_payload *p = akfs_promised_get(n);

	if (IS_ERR(p))		/* { dg-warning "'akfs_promised_get' may also return NULL" } */
		return PTR_ERR(p);
	p->flags |= 1;
	return 0;
}

/* NEGATIVE: a learned "both" whose callers across the tree test only
   IS_ERR() (ext4_read_block_bitmap(): NULL only for a flag its callers do
   not pass); this caller does as they do */
extern struct akfs_payload *akfs_bitmap_get(int n);

int n_learned_both_callers_is_err(int n)
{
	struct akfs_payload *p = akfs_bitmap_get(n);

	if (IS_ERR(p))		/* { dg-bogus "errptr" } */
		return PTR_ERR(p);
	p->flags |= 1;
	return 0;
}

/* NEGATIVE: a learned "both" whose callers across the tree disagree: which
   kind reaches a call depends on its arguments or context (ext4_bread()
   returns NULL only without EXT4_GET_BLOCKS_CREATE); not proven here */
extern struct akfs_payload *akfs_block_get(int n, int create);

int n_learned_both_callers_mixed(int n)
{
	struct akfs_payload *p = akfs_block_get(n, 1);

	if (IS_ERR(p))		/* { dg-bogus "errptr" } */
		return PTR_ERR(p);
	p->flags |= 1;
	return 0;
}

/* NEGATIVE: the same with no caller's test seen anywhere, and the NULL test
   that the learned "both" would call half a test (d_hash_and_lookup() in
   rpc_pipefs, which has no ->d_hash) */
extern struct akfs_payload *akfs_hash_lookup(int n, const char *name);

int n_learned_both_callers_unknown(int n)
{
	struct akfs_payload *p = akfs_hash_lookup(n, "x");

	if (!p)			/* { dg-bogus "errptr" } */
		return -ENOENT;
	p->flags |= 1;
	return 0;
}

/* NEGATIVE: the same through a function of this file that passes the
   result on (fs/ext4/namei.c ext4_append() around ext4_bread()): the NULL
   stays possible, not proven, in the wrapper's summary */
extern void akfs_journal(struct akfs_payload *p);

static struct akfs_payload *akfs_block_append(int n)
{
	struct akfs_payload *p = akfs_block_get(n, 1);

	if (IS_ERR(p))
		return p;
	akfs_journal(p);
	return p;
}

int n_learned_both_through_wrapper(int n)
{
	struct akfs_payload *p = akfs_block_append(n);

	if (IS_ERR(p))		/* { dg-bogus "errptr" } */
		return PTR_ERR(p);
	p->flags |= 1;
	return 0;
}

int akfs_block_append_user(int n)
{
	struct akfs_payload *p = akfs_block_append(n);

	return IS_ERR_OR_NULL(p) ? -ENOSPC : p->flags;
}

/* POSITIVE: the look-alike wrapper of a learned "both" the tree's callers
   confirm */
static struct akfs_payload *akfs_elsewhere_append(int n)
{
	struct akfs_payload *p = akfs_elsewhere_get(n);

	if (IS_ERR(p))
		return p;
	return p;
}

int p_learned_both_through_wrapper(int n)
{
	struct akfs_payload *p = akfs_elsewhere_append(n);

	if (IS_ERR(p))		/* { dg-warning "'akfs_elsewhere_append' may also return NULL.*\[errptr-mixed-use\]" } */
		return PTR_ERR(p);
	p->flags |= 1;
	return 0;
}

int akfs_elsewhere_append_user(int n)
{
	struct akfs_payload *p = akfs_elsewhere_append(n);

	return IS_ERR_OR_NULL(p) ? -ENOENT : p->flags;
}

/* POSITIVE (note): a learned "both" whose kinds are only possible at this
   call is still a function whose NULL is an ordinary value: 0 for it is the
   note errptr-ptr-err-or-zero, not the warning (fs/overlayfs/namei.c,
   ovl_get_redirect_xattr(), learned with callers=mixed) */
int p_learned_both_ptr_err(int n)
{
	struct akfs_payload *p = akfs_block_get(n, 0);

	if (IS_ERR_OR_NULL(p))
		return PTR_ERR(p);	/* { dg-message "yields 0, i\.e\. success \[errptr-ptr-err-or-zero\]" } */
	/* { dg-bogus "ptr-err-not-err" "not a warning" .-1 } */
	return p->flags;
}
