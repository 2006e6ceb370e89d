/*
 * resolve.c - every function's kinds, to a fixed point: its own proven kinds plus, for
 * each external call whose result it returns, kinds(callee) & allowed (a callee that no
 * summary defines adds "unknown"); then each member's kinds, the union of the kinds of
 * the functions stored into it.  Kinds only grow, so cycles end.
 */
#include "merge.h"

#include <stdlib.h>

static uint32_t
resolve(uint32_t unit, uint32_t name)
{
	uint32_t f = map_get(&fn_map, KEY(unit, name));
	return f != NONE ? f : map_get(&fn_map, KEY(GLOBAL, name));
}


void
resolve_kinds(void)
{
	/* callees of every returned entry, and the reverse edges */
	uint32_t *ndeps = die_calloc(fns.n + 1, sizeof(*ndeps));
	for (size_t i = 0; i < rets.n; i++) {
		struct ret *e = &rets.a[i];
		if (!e->resolved) {
			e->callee = resolve(e->unit, e->callee);
			e->resolved = true;
		}
		if (e->callee != NONE)
			ndeps[e->callee]++;
	}
	uint32_t total = 0;
	for (size_t f = 0; f < fns.n; f++) {
		fns.a[f].deps = total;
		total += ndeps[f];
		fns.a[f].ndeps = 0;
	}
	uint32_t *deps = die_calloc(total + 1, sizeof(*deps));
	for (size_t f = 0; f < fns.n; f++)
		for (uint32_t r = fns.a[f].rets; r != NONE; r = rets.a[r].next)
			if (rets.a[r].callee != NONE) {
				struct fn *g = &fns.a[rets.a[r].callee];
				deps[g->deps + g->ndeps++] = f;
			}
	/* worklist to the fixed point: kinds only grow, three bits each */
	uint32_t *work = die_calloc(fns.n + 1, sizeof(*work));
	size_t head = 0, count = 0;
	for (size_t f = 0; f < fns.n; f++) {
		fns.a[f].kinds = fns.a[f].own;
		fns.a[f].queued = true;
		work[count++] = f;
	}
	while (count) {
		uint32_t f = work[head];
		head = (head + 1) % (fns.n + 1);
		count--;
		struct fn *p = &fns.a[f];
		p->queued = false;
		uint8_t k = p->own;
		for (uint32_t r = p->rets; r != NONE; r = rets.a[r].next)
			if (rets.a[r].callee != NONE)
				k |= fns.a[rets.a[r].callee].kinds & (rets.a[r].allowed | SUMMARY_UNKNOWN);
			else
				k |= SUMMARY_UNKNOWN;	/* a callee no summary defines */
		if (k == p->kinds)
			continue;
		p->kinds = k;
		for (uint32_t i = 0; i < p->ndeps; i++) {
			uint32_t g = deps[p->deps + i];
			if (!fns.a[g].queued) {
				fns.a[g].queued = true;
				work[(head + count) % (fns.n + 1)] = g;
				count++;
			}
		}
	}
	free(work);
	free(deps);
	free(ndeps);

	for (size_t m = 0; m < members.n; m++) {
		for (uint32_t s = members.a[m].stores; s != NONE; s = stores.a[s].next) {
			struct store *p = &stores.a[s];
			uint32_t f = p->resolved ? p->fn : map_get(&fn_map, KEY(GLOBAL, p->fn));
			if (f != NONE)
				members.a[m].kinds |= fns.a[f].kinds;
		}
	}
}
