/* errptr-mixed-use and kinds that only some arguments get: a function of
   this file that returns NULL and an error pointer, one of them only when
   an integer parameter (a flag, a mode) says so.  Callers that pass other
   values never see that kind.  Regressions from Linux 6.1: mm/ksm.c
   get_ksm_page() (ERR_PTR(-EBUSY) only for GET_KSM_PAGE_TRYLOCK),
   mm/mempolicy.c mpol_new() (NULL only for MPOL_DEFAULT).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct kg_page {
	int count;
};

extern struct kg_page *kg_lookup(int id);
extern int kg_trylock(struct kg_page *p);
extern struct kg_page *kg_alloc(void);
extern int kg_busy(void);

enum kg_lock { KG_NOLOCK, KG_LOCK, KG_TRYLOCK };

/* NULL when gone; ERR_PTR(-EBUSY) only for KG_TRYLOCK */
static struct kg_page *kg_get_page(int id, enum kg_lock lock_it)
{
	struct kg_page *p = kg_lookup(id);

	if (!p)
		return NULL;
	if (lock_it == KG_TRYLOCK) {
		if (!kg_trylock(p))
			return ERR_PTR(-EBUSY);
	}
	return p;
}

/* NEGATIVE: KG_NOLOCK never gets the error pointer */
int n_ksm_nolock(int id)
{
	struct kg_page *p = kg_get_page(id, KG_NOLOCK);

	if (!p)			/* { dg-bogus "errptr" } */
		return -ENOENT;
	return p->count;
}

/* ERR_PTR() on failure; NULL only for mode 0, "nothing to do" */
static struct kg_page *kg_policy_new(unsigned short mode, int n)
{
	struct kg_page *p;

	if (mode == 0) {
		if (n)
			return ERR_PTR(-EINVAL);
		return NULL;	/* { dg-bogus "errptr" } */
	}
	p = kg_alloc();
	if (!p)
		return ERR_PTR(-ENOMEM);
	p->count = n;
	return p;
}

/* NEGATIVE: mode 1 never gets NULL */
int n_policy_mode(int n)
{
	struct kg_page *p = kg_policy_new(1, n);

	if (IS_ERR(p))		/* { dg-bogus "errptr" } */
		return PTR_ERR(p);
	return p->count;
}

/* the look-alike: the NULL hangs on the state of the world, not on an argument */
struct kg_page *kg_get_any(int id, enum kg_lock lock_it)
{
	struct kg_page *p = kg_lookup(id);

	if (kg_busy())
		return NULL;
	if (!p)
		return ERR_PTR(-ENOENT);
	return p;
}

/* POSITIVE: whatever the caller passes, NULL may come back */
int p_state_null(int id)
{
	struct kg_page *p = kg_get_any(id, KG_NOLOCK);

	if (IS_ERR(p))		/* { dg-warning "'kg_get_any' may also return NULL, which this IS_ERR\(\) test lets through to the use at line 92 \[errptr-mixed-use\]" } */
		return PTR_ERR(p);
	return p->count;
}

/* POSITIVE: both kinds hang on the flag: nothing to tell them apart */
struct kg_page *kg_get_flagged(int id, int flags)
{
	struct kg_page *p = kg_lookup(id);

	if (flags & 1)
		return NULL;
	if (flags & 2)
		return ERR_PTR(-EAGAIN);
	return p;
}

int p_both_guarded(int id, int flags)
{
	struct kg_page *p = kg_get_flagged(id, flags);

	if (IS_ERR(p))		/* { dg-warning "'kg_get_flagged' may also return NULL" } */
		return PTR_ERR(p);
	return p->count;
}

/* A NULL with no site of its own: the variable starts NULL and every path
   that leaves it so sets err < 0 (net/ipv6/addrconf.c ipv6_add_addr()); the
   analysis does not relate err and p, so the NULL is possible, not proven */
extern int kg_register(struct kg_page *p);

struct kg_page *kg_add(int id)
{
	struct kg_page *p = NULL;
	int err = 0;

	if (id < 0) {
		err = -EINVAL;
		goto out;
	}
	p = kg_alloc();
	if (!p) {
		err = -ENOMEM;
		goto out;
	}
	err = kg_register(p);
out:
	if (err < 0)
		p = ERR_PTR(err);
	return p;
}

/* NEGATIVE */
int n_correlated_null(int id)
{
	struct kg_page *p = kg_add(id);

	if (IS_ERR(p))		/* { dg-bogus "errptr" } */
		return PTR_ERR(p);
	return p->count;
}

/* the look-alike with a NULL of its own: "return NULL;" */
struct kg_page *kg_add_or_none(int id)
{
	struct kg_page *p;

	if (id < 0)
		return ERR_PTR(-EINVAL);
	if (kg_busy())
		return NULL;
	p = kg_alloc();
	return p ? p : ERR_PTR(-ENOMEM);
}

/* POSITIVE */
int p_own_null(int id)
{
	struct kg_page *p = kg_add_or_none(id);

	if (IS_ERR(p))		/* { dg-warning "'kg_add_or_none' may also return NULL" } */
		return PTR_ERR(p);
	return p->count;
}

/* The flag test sits on the only way a NULL reaches the return, past a join
   (fs/ext4/namei.c __ext4_read_dirblock(): a hole is NULL for DIRENT
   blocks, -EFSCORRUPTED for INDEX ones) */
enum kg_type { KG_EITHER, KG_DIRENT, KG_INDEX };
extern struct kg_page *kg_read(int block);
extern void kg_report(int block);

struct kg_page *kg_read_dirblock(int block, enum kg_type type)
{
	struct kg_page *p;

	if (block < 0)
		return ERR_PTR(-EINVAL);
	p = kg_read(block);
	if (IS_ERR(p))
		return p;
	if (!p) {
		if (type == KG_INDEX) {
			kg_report(block);
			return ERR_PTR(-EIO);
		}
	}
	if (!p)
		return NULL;
	return p;
}

/* NEGATIVE */
int n_index_block(int block)
{
	struct kg_page *p = kg_read_dirblock(block, KG_EITHER);

	if (IS_ERR(p))		/* { dg-bogus "errptr" } */
		return PTR_ERR(p);
	return p->count;
}

/* A pointer constant in the error range is a sentinel, compared with ==,
   not an error pointer (net/sched/sch_htb.c HTB_DIRECT) */
#define KG_DIRECT ((struct kg_page *)-1L)

struct kg_page *kg_classify(int id)
{
	if (id == 7)
		return KG_DIRECT;
	if (kg_busy())
		return NULL;
	return kg_lookup(id);
}

/* NEGATIVE */
int n_sentinel(int id)
{
	struct kg_page *p = kg_classify(id);

	if (p == KG_DIRECT)
		return 1;
	if (!p)			/* { dg-bogus "errptr" } */
		return -ENOENT;
	return p->count;
}

/* ---- an optional pointer parameter selects the kind ----------------------
   kernel/trace/trace_events_hist.c create_target_field_var(): NULL only
   when a subsys_name is given and does not match; the work goes on without
   one.  (A defensive "if (!p) return NULL;" is no such choice:
   null-return-local-callers.c.)  */
extern const char *kg_system_name;

static struct kg_page *kg_make(int id)
{
	struct kg_page *p = kg_alloc();

	if (!p)
		return ERR_PTR(-ENOMEM);
	p->count = id;
	return p;
}

static struct kg_page *kg_target(const char *system, int id)
{
	if (system) {
		if (kg_busy())
			return NULL;
	}
	return kg_make(id);
}

/* NEGATIVE: no system given: the NULL is not for this caller */
int n_target_no_system(int id)
{
	struct kg_page *p = kg_target(NULL, id);

	if (IS_ERR(p))		/* { dg-bogus "errptr" } */
		return PTR_ERR(p);
	return p->count;
}

int kg_target_user(int id)
{
	struct kg_page *p = kg_target("sched", id);

	return IS_ERR_OR_NULL(p) ? -ENOENT : p->count;
}

/* the look-alike: NULL hangs on a global, which no caller chooses */
static struct kg_page *kg_target_global(int id)
{
	if (kg_system_name) {
		if (kg_busy())
			return NULL;
	}
	return kg_make(id);
}

/* POSITIVE */
int p_target_global(int id)
{
	struct kg_page *p = kg_target_global(id);

	if (IS_ERR(p))		/* { dg-warning "'kg_target_global' may also return NULL.*\[errptr-mixed-use\]" } */
		return PTR_ERR(p);
	return p->count;
}

int kg_target_global_user(int id)
{
	struct kg_page *p = kg_target_global(id);

	return IS_ERR_OR_NULL(p) ? -ENOENT : p->count;
}
