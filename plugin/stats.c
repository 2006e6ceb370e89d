/*
 * stats.c - what errptr can say about the tests in a unit, for measuring
 * it on whole kernels (make validate): of the tests of pointers (every
 * condition that is a NULL test, an IS_ERR() or an IS_ERR_OR_NULL() test of
 * a pointer), how many test a value errptr traces to a source - a call
 * with a contract, a constant, ERR_PTR(), a function of this unit - rather
 * than a value it knows nothing about.  A recall proxy: a check can only
 * judge a test of a value it knows.  Written into the SARIF log's run
 * properties ("errptr/pointerTests", "errptr/tracedTests"); computed only
 * when a log is kept.  Not a check: it reports nothing.
 */
#include "stats.h"
#include "sarif.h"
#include "value.h"

static unsigned long tests, traced;

static void
stats_on_cond(function *fn, basic_block bb, gcond *cond)
{
	struct value_test t;
	if (!value_block_test(bb, &t, NULL) || TREE_CODE(t.root) != SSA_NAME ||
	    !POINTER_TYPE_P(TREE_TYPE(t.root)))
		return;
	tests++;
	if (VK_PROVEN(value_of_name(t.root, NULL)))
		traced++;
}

static void
stats_end_unit(void)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%lu", tests);
	sarif_property("pointerTests", buf);
	snprintf(buf, sizeof(buf), "%lu", traced);
	sarif_property("tracedTests", buf);
}

const struct check_hooks stats_hooks = {
	.on_cond = stats_on_cond,
	.end_unit = stats_end_unit,
};
