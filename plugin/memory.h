/*
 * memory.h - values that live in memory: what a load of a struct field, a
 * global, a static, an array slot or an address-taken local reads
 * (memory.c).  Part of the value analysis of one function (value.h opens
 * and closes it with the function).
 */
#ifndef ERRPTR_MEMORY_H
#define ERRPTR_MEMORY_H

#include "compat.h"

/* Is STMT a load errptr follows ("_5 = priv_3->regs;", "_7 = wq;",
 * "_9 = READ_ONCE(hw->base[j])", "_4 = priv_2->n;"): a pointer or an
 * integer read from memory into an SSA name? */
bool memory_load_p(const gimple *stmt);

/* What the load defining NAME reads, when it is known:
 *   - the value the last store to the same location wrote on every path
 *     to the load (an SSA name or a constant), *STORE that store;
 *   - else an earlier load of the same location that every path to this
 *     one passes with nothing in between that may write the location: the
 *     same value (*STORE NULL);
 *   - else NULL_TREE: anything may be there.
 * A statement between that may write the location (a store through a
 * pointer that may alias it, a call that may write it, an asm), a join of
 * paths or a loop's back edge make it unknown. */
tree memory_source(tree name, gimple **store);

/* An integer or truth value read from memory ("if (ofs->tmpfile)"): the
 * SSA name the last store to the location on every path wrote, else
 * NULL_TREE (not memoised; for tests of a stored truth value). */
tree memory_truth_source(tree name);

/* The join case: when the paths to the load meet (a PHI of memory states)
 * and on each of them the last write of the location is a store, their
 * number, and each stored value in VALUES, the edge into the join it comes
 * along in EDGES, its store in STORES (at most MAX); else 0. */
int memory_join_sources(tree name, tree *values, edge *edges, gimple **stores, int max);

/* When the value analysis of a function begins and ends (value.c). */
void memory_begin_function(void);
void memory_end_function(void);

#endif /* ERRPTR_MEMORY_H */
