/*
 * callers.c - how this file's calls of each function test its result,
 * counted for every callee, declared or defined here (written by
 * summarize.c through facts.h).  Data for checks, not a contract: callers
 * agreeing with each other proves nothing about the callee (see
 * docs/inference.md).
 */
#include "callers.h"
#include "facts.h"
#include "errapi.h"
#include "names.h"

static bool
has_body_here(tree decl)
{
	struct cgraph_node *node = cgraph_node::get(decl);
	return node && node->has_gimple_body_p();
}

/* ---- how this file's calls test each callee's result ------------------- */
struct callee_tests {
	tree decl;		/* first: the hash key */
	unsigned calls;		/* calls whose pointer result is kept */
	unsigned is_err_only, null_only, both, untested;
	location_t first_test;
};

static htab_t callee_tests_set;
static struct callee_tests **callee_tests_order;
static size_t ncallee_tests, callee_tests_cap;

void
callers_note_test(tree callee, bool is_err, bool null_test, location_t loc)
{
	if (!callee)
		return;
	if (!callee_tests_set)
		callee_tests_set = htab_create(64, decl_entry_hash, decl_entry_eq, NULL);
	void **slot = htab_find_slot(callee_tests_set, &callee, INSERT);
	struct callee_tests *ct = (struct callee_tests *)*slot;
	if (!ct) {
		ct = XCNEW(struct callee_tests);
		ct->decl = callee;
		*slot = ct;
		if (ncallee_tests == callee_tests_cap) {
			callee_tests_cap = callee_tests_cap ? 2 * callee_tests_cap : 32;
			callee_tests_order =
				XRESIZEVEC(struct callee_tests *, callee_tests_order, callee_tests_cap);
		}
		callee_tests_order[ncallee_tests++] = ct;
	}
	ct->calls++;
	if (is_err && null_test)
		ct->both++;
	else if (is_err)
		ct->is_err_only++;
	else if (null_test)
		ct->null_only++;
	else
		ct->untested++;
	if ((is_err || null_test) && ct->first_test == UNKNOWN_LOCATION)
		ct->first_test = loc;
}

enum callers_kind
callers_tested_as(tree decl, unsigned *ntested)
{
	if (ntested)
		*ntested = 0;
	if (!callee_tests_set || !decl)
		return CALLERS_UNKNOWN;
	const struct callee_tests *ct =
		(const struct callee_tests *)htab_find(callee_tests_set, &decl);
	if (!ct)
		return CALLERS_UNKNOWN;
	unsigned tested = ct->is_err_only + ct->null_only + ct->both;
	if (ntested)
		*ntested = tested;
	if (tested < 2)
		return CALLERS_UNKNOWN;
	if (ct->is_err_only == tested)
		return CALLERS_IS_ERR;
	if (ct->null_only == tested)
		return CALLERS_NULL;
	if (ct->both == tested)
		return CALLERS_IS_ERR_OR_NULL;
	return CALLERS_MIXED;
}

/* -fplugin-arg-errptr-verbose: what the callers of each function declared
 * but not defined here, and without a rule, agree on. */
void
callers_explain(void)
{
	for (size_t i = 0; i < ncallee_tests; i++) {
		const struct callee_tests *ct = callee_tests_order[i];
		if (has_body_here(ct->decl) ||
		    (DECL_NAME(ct->decl) && contract_for_function(decl_name(ct->decl))))
			continue;
		unsigned n;
		enum callers_kind k = callers_tested_as(ct->decl, &n);
		char is_err[160];
		const char *how = NULL;
		if (k == CALLERS_IS_ERR || k == CALLERS_IS_ERR_OR_NULL) {
			snprintf(is_err, sizeof(is_err), "%s with %s()",
				 k == CALLERS_IS_ERR ? "only" : "for NULL and", api_name(API_IS_ERR));
			how = is_err;
		} else if (k == CALLERS_NULL) {
			how = "only for NULL";
		} else if (k == CALLERS_MIXED) {
			how = "in different ways";
		}
		if (!how)
			continue;
		char buf[1024];
		snprintf(buf, sizeof(buf),
			 "errptr: the %u tested calls of '%s' in this file test its result %s "
			 "(no rule; not taken as a contract)", n, decl_name(ct->decl), how);
		inform(DECL_SOURCE_LOCATION(ct->decl), "%s", buf);
	}
}
