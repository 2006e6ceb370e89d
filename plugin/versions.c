/*
 * versions.c - which of an API's contracts holds for the kernel at hand.
 *
 * Kernel APIs change their failure convention between releases:
 * __filemap_get_folio() returned NULL in 6.1 and returns ERR_PTR() since
 * 6.4; lock_rename() and jbd2_journal_init_inode() changed too.  A rule says
 * which kernels it holds for:
 *
 *   written rules: since=X.Y and until=X.Y, both ends included; a rule
 *     without them holds for every kernel (and for code built against none);
 *   learned rules: versions=X.Y,... - the kernels they were learned from,
 *     among those the learned file or index was learned from ("kernels"
 *     line).  Most contracts hold in all of them and take one line.
 *
 * For the unit's kernel V (kernel.h; 0 when it is built against none):
 *   - V is a learned kernel: its contract;
 *   - V lies between two learned kernels: what both agree on; where they
 *     disagree, the kinds either gives are possible, not proven, and the
 *     callers' convention unknown, so that no finding rests on them;
 *   - V is older or newer than every learned kernel, or none: the nearest
 *     one's contract, proven only if it held in every learned kernel, else
 *     its failure kinds are only possible.
 * A contract made here (the middle and the outside cases) is kept for the
 * rest of the unit.
 */
#include "versions.h"
#include "kernel.h"

static bool
holds_in(const struct contract *c, unsigned v)
{
	for (int i = 0; i < c->nheld_in; i++)
		if (c->held_in[i] == v)
			return true;
	return false;
}

/* The contract of SET that held in kernel V. */
static const struct contract *
held_in(struct contract *const *set, int n, unsigned v)
{
	for (int i = 0; i < n; i++)
		if (holds_in(set[i], v))
			return set[i];
	return NULL;
}

const char *
versions_text(const unsigned *v, int n)
{
	if (!n)
		return NULL;
	char buf[256] = "";
	for (int i = 0; i < n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof(buf) - len, "%s%u.%u",
			 i == 0 ? "" : i == n - 1 ? " and " : ", ", v[i] >> 8, v[i] & 255);
	}
	return xstrdup(buf);
}

/* A copy of C whose failure kinds in UNSURE are possible, not proven, its
 * callers' convention CALLERS, its kernels described by TEXT. */
static const struct contract *
weakened(const struct contract *c, enum fail_kind fails, unsigned unsure,
	 enum callers_kind callers, const char *text)
{
	struct contract *w = XNEW(struct contract);
	*w = *c;
	w->fails = fails;
	w->unsure_kinds = unsure & (VK_NULL | VK_ERR);
	w->callers = callers;
	w->versions = text;
	return w;
}

static enum fail_kind
fails_of_mask(unsigned m)
{
	if ((m & VK_NULL) && (m & VK_ERR))
		return FAILS_BOTH;
	return (m & VK_NULL) ? FAILS_NULL : (m & VK_ERR) ? FAILS_ERR : FAILS_NONE;
}

/* Two kernels' contracts A (older) and B for a kernel between them. */
static const struct contract *
between(const struct contract *a, const struct contract *b, unsigned va, unsigned vb)
{
	if (!a || !b || a == b)
		return a ? a : b;
	unsigned ma = fails_to_mask(a->fails), mb = fails_to_mask(b->fails);
	if (a->fails == b->fails && a->callers == b->callers)
		return a;
	unsigned kernels[2] = { va, vb };
	char *text = concat(versions_text(kernels, 2), " (they disagree)", NULL);
	return weakened(a, fails_of_mask(VK_PROVEN(ma | mb)), VK_PROVEN(ma ^ mb),
			a->callers == b->callers ? a->callers : CALLERS_UNKNOWN, text);
}

const struct contract *
versions_choose_learned(struct contract *const *set, int n)
{
	if (n <= 0)
		return NULL;
	const struct contract *first = set[0];
	const unsigned *k = first->learned_from;
	int nk = first->nlearned_from;
	if (!nk || !first->nheld_in)
		return first;	/* a file of one kernel */
	unsigned v = kernel_version();
	int lo = -1, hi = -1;
	for (int i = 0; i < nk; i++) {
		if (v && k[i] == v)
			return held_in(set, n, v);
		if (v && k[i] < v)
			lo = i;
		else if (v && k[i] > v && hi < 0)
			hi = i;
	}
	if (lo >= 0 && hi >= 0)
		return between(held_in(set, n, k[lo]), held_in(set, n, k[hi]), k[lo], k[hi]);
	/* outside every learned kernel (or no kernel): the nearest one's */
	unsigned near = hi >= 0 ? k[hi] : k[nk - 1];
	const struct contract *c = held_in(set, n, near);
	if (!c || c->nheld_in == nk)
		return c;
	/* Its failure kinds that every learned kernel's contract has are
	 * proven, the others possible; the callers' convention only where all
	 * agree ("__root_device_register fails=err", callers=is_err in 6.1,
	 * mixed in 6.12: an error pointer either way).  A kernel without a
	 * contract of the name proves nothing. */
	unsigned common = fails_to_mask(c->fails);
	bool same_callers = true;
	for (int i = 0; i < nk; i++) {
		const struct contract *o = held_in(set, n, k[i]);
		if (!o) {
			common = 0;
			same_callers = false;
			break;
		}
		common &= fails_to_mask(o->fails);
		same_callers &= o->callers == c->callers;
	}
	return weakened(c, c->fails, fails_to_mask(c->fails) & ~common,
			same_callers ? c->callers : CALLERS_UNKNOWN,
			concat(c->versions ? c->versions : "", " (not in every kernel learned)",
			       NULL));
}

const struct contract *
versions_choose_written(struct contract *const *set, int n)
{
	unsigned v = kernel_version();
	for (int i = 0; i < n; i++) {
		const struct contract *c = set[i];
		if (!v ? (!c->since && !c->until)
		       : ((!c->since || c->since <= v) && (!c->until || v <= c->until)))
			return c;
	}
	return NULL;
}

bool
versions_overlap(const struct contract *a, const struct contract *b)
{
	if (a->nheld_in || b->nheld_in) {
		for (int i = 0; i < a->nheld_in; i++)
			if (holds_in(b, a->held_in[i]))
				return true;
		return !a->nheld_in || !b->nheld_in;	/* one of them holds in all */
	}
	unsigned a_lo = a->since, a_hi = a->until ? a->until : ~0u;
	unsigned b_lo = b->since, b_hi = b->until ? b->until : ~0u;
	return a_lo <= b_hi && b_lo <= a_hi;
}
