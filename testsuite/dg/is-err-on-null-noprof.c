/* Allocators under memory-allocation profiling (Linux 6.10 on): the API X is a
   macro for alloc_hooks(X_noprof(...)), and since 7.x X_noprof may itself be a
   macro for _X_noprof(..., token).  A call to X_noprof or _X_noprof without a
   contract of its own has X's contract (contracts.c), and the report names X,
   as the source does.  Rules: is-err-on-null.rules (kzalloc fails with NULL,
   filp_open with ERR_PTR()).  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/is-err-on-null.rules" } */

#include "kernel-min.h"

struct noprof_item {
	int val;
};

extern void *kzalloc_noprof(size_t size, gfp_t flags);
extern void *_kzalloc_noprof(size_t size, gfp_t flags, unsigned long token);
extern void *nocontract_noprof(size_t size, gfp_t flags);	/* no rule for nocontract */
extern void *__kzalloc_noprof(size_t size, gfp_t flags);	/* not the 7.x form */
#define alloc_hooks(call) ({ void *_r = (call); _r; })
#define kzalloc_p(size, flags) alloc_hooks(kzalloc_noprof(size, flags))
#define kzalloc_t(size, flags) alloc_hooks(_kzalloc_noprof(size, flags, 7UL))

/* POSITIVE: X_noprof has X's contract, and the report says X.  */
int noprof_bad(struct noprof_item **out)
{
	struct noprof_item *it = kzalloc_p(sizeof(*it), GFP_KERNEL);

	if (IS_ERR(it))	/* { dg-warning "IS_ERR\(\) does not catch the NULL that 'kzalloc' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(it);
	*out = it;
	return 0;
}

/* POSITIVE: so has _X_noprof (Linux 7.x, one more argument).  */
int noprof_token_bad(struct noprof_item **out)
{
	struct noprof_item *it = kzalloc_t(sizeof(*it), GFP_KERNEL);

	if (IS_ERR(it))	/* { dg-warning "IS_ERR\(\) does not catch the NULL that 'kzalloc' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(it);
	*out = it;
	return 0;
}

/* NEGATIVE: the right test.  */
int noprof_good(struct noprof_item **out)
{
	struct noprof_item *it = kzalloc_p(sizeof(*it), GFP_KERNEL);

	if (!it)	/* { dg-bogus "errptr" } */
		return -ENOMEM;
	*out = it;
	return 0;
}

/* NEGATIVE: a _noprof function whose stem has no contract is unknown.  */
int noprof_unknown(struct noprof_item **out)
{
	struct noprof_item *it = nocontract_noprof(sizeof(*it), GFP_KERNEL);

	if (IS_ERR(it))	/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	*out = it;
	return 0;
}

/* NEGATIVE: "__X_noprof" is not the alias form: unknown.  */
int noprof_double_underscore(struct noprof_item **out)
{
	struct noprof_item *it = __kzalloc_noprof(sizeof(*it), GFP_KERNEL);

	if (IS_ERR(it))	/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	*out = it;
	return 0;
}
