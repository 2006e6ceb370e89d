#!/bin/sh
# merge-guarded: a kind that only some values of an argument reach is possible, not proven,
# so the learned rule leaves it out (mm/ksm.c get_ksm_page(): ERR_PTR(-EBUSY) only for
# GET_KSM_PAGE_TRYLOCK); the look-alike that is not one - a function that returns a
# constant at once for a flag ("if (flags & MSG_PROBE) return NULL;") and then goes on to
# its normal work - keeps the failures of that work: net/ipv4/ip_output.c ip_make_skb()
# was learned as fails=null, and udp_sendmsg()'s "err = PTR_ERR(skb); if
# (!IS_ERR_OR_NULL(skb))" then reported.
. "$(dirname "$0")/merge-lib.inc"
plugin_ok

cat >"$T/a.c" <<'C'
#include "kernel-min.h"
struct s { int len; };
extern int setup(int len);
extern struct s *build(int len);
extern struct s *lookup(int id);
extern int trylock(struct s *p);

/* NULL for a probe, at once; then error pointers, and NULL when build()
   has nothing (as __ip_make_skb() may) */
struct s *make_skb(int len, unsigned int flags)
{
	struct s *skb;
	int err;

	if (flags & 0x10)
		return NULL;
	err = setup(len);
	if (err < 0)
		return ERR_PTR(err);
	skb = build(len);
	if (!skb)
		return NULL;
	return skb;
}

/* the same, with the probe's NULL the only one: the error pointers are the
   normal failure, the NULL only a flag's (left out: the callers that pass
   no flag never see it) */
struct s *make_only(int len, unsigned int flags)
{
	int err;

	if (flags & 0x10)
		return NULL;
	err = setup(len);
	if (err < 0)
		return ERR_PTR(err);
	return (struct s *)__builtin_malloc(len) ?: ERR_PTR(-ENOMEM);
}

/* the same, with some cleanup before the probe's NULL (ip6_make_skb():
   "dst_release(&rt->dst); return NULL;") */
extern void release(int len);
struct s *make_skb6(int len, unsigned int flags)
{
	struct s *skb;
	int err;

	if (flags & 0x10) {
		release(len);
		return NULL;
	}
	err = setup(len);
	if (err < 0)
		return ERR_PTR(err);
	skb = build(len);
	if (!skb)
		return NULL;
	return skb;
}

/* NULL when gone; ERR_PTR(-EBUSY) only when asked to trylock */
struct s *get_page(int id, int lock_it)
{
	struct s *p = lookup(id);

	if (!p)
		return NULL;
	if (lock_it == 2) {
		if (!trylock(p))
			return ERR_PTR(-EBUSY);
	}
	return p;
}
C
check "learn" learn a.c
check "merge" "$MERGE" -o "$T/out.rules" "$T/a.o"
check "past a flag's early return, the error pointers are proven: fails=both" \
	expect_rule "$T/out.rules" func make_skb "func make_skb fails=both"
check "and after a cleanup call on the way to that return: fails=both" \
	expect_rule "$T/out.rules" func make_skb6 "func make_skb6 fails=both"
check "and with the flag's NULL the only one, the error pointers stay: fails=err" \
	expect_rule "$T/out.rules" func make_only "func make_only fails=err"
check "the look-alike: an error pointer only one argument value gets is left out: fails=null" \
	expect_rule "$T/out.rules" func get_page "func get_page fails=null"
finish
