/*
 * value.h - what each pointer (or errno integer) may hold, per function
 * (value.c).  One function at a time: pass.c opens the analysis of a body
 * with value_begin_function() and closes it with value_end_function();
 * every query in between is about that body (cfun).
 *
 * Reads: the convention (errapi.h), what calls return (callee.h), the
 * summaries of functions already analysed (summaries.h).  Writes nothing
 * but its own per-function memo.
 */
#ifndef ERRPTR_VALUE_H
#define ERRPTR_VALUE_H

#include "errapi.h"
#include "origin.h"

void value_begin_function(function *fn);
void value_end_function(void);

/* The value an SSA name's definition produces (memoised), unrefined. */
unsigned value_of_name(tree name, struct origin *why);
/* The value of OP where it is used in BB: refined by the tests on the way. */
unsigned value_at_block(tree op, basic_block bb, struct origin *why);
/* The value of OP flowing along edge E (a PHI argument); LOC is where the
 * argument was assigned. */
unsigned value_on_edge(tree op, edge e, location_t loc, struct origin *why);
/* What CALL returns, at the call. */
unsigned value_of_call(gimple *call, struct origin *why);

/* The test the condition ending BB makes, if any. */
bool value_block_test(basic_block bb, struct value_test *t, location_t *loc);
/* The only edge into BB that is not a back edge (a loop's header entered
 * from one place), or NULL; with ROOT, the only one on which ROOT can be
 * of a kind in WANT. */
edge value_entry_edge(basic_block bb, tree root, unsigned want);
/* One step up the dominator tree from BB: its immediate dominator, and in
 * *E the edge every path into BB takes (its only incoming edge, or a loop
 * header's only entry; that edge comes from the dominator), else NULL. */
basic_block value_step_up(basic_block bb, edge *e);
/* T through copies and conversions. */
tree value_strip_copies(tree t);
/* Does taking E show an ordering of two integers, "LO < HI" or "LO <= HI"
 * (operands through value_strip_copies())? */
bool value_edge_orders(edge e, tree *lo, tree *hi);
/* How the edge E into a join fares, on the way from the join to BB (which
 * it dominates), against tests of values other than SELF that meet there:
 * their values on E pass them, pass them only if something unknown does,
 * or cannot pass them. */
enum join_edge { JOIN_PASSES, JOIN_UNPROVEN, JOIN_BLOCKED };
enum join_edge value_join_edge(edge e, basic_block bb, tree self);

/* The call the value VAL comes from - through copies, casts, ?:, ERR_CAST()
 * and PHIs - whose own value has the kinds WANTED asks for: for a check to
 * name the API involved. */
gimple *value_source_call(tree val, bool (*wanted)(unsigned mask));
/* The nearest test on ROOT that must hold (*HOLDS) or fail to reach BB and
 * lets a value of a kind in WANT through, none in AVOID (and narrows it):
 * where a check's diagnostic path says "this test let it through". */
bool value_nearest_test(function *fn, tree root, basic_block bb, unsigned want, unsigned avoid,
			location_t *loc, unsigned *allowed_out, bool *holds);

/* The PTR_ERR() or ERR_CAST() of ROOT on the ERR side of the IS_ERR()-like
 * test ending BB ("if (IS_ERR(p)) return PTR_ERR(p);"), or NULL: a fix that
 * lets NULL take that side must change it too (PTR_ERR(NULL) is 0). */
gimple *value_errno_use_on_err_side(function *fn, basic_block bb, tree root);
/* When the test ending BB is an IS_ERR()-shaped test of ROOT (IS_ERR(), or
 * IS_ERR_OR_NULL() negated), the edge of its ERR side (ERR true) or of its
 * other side; else NULL. */
edge value_test_side(basic_block bb, tree root, bool err);

#endif /* ERRPTR_VALUE_H */
