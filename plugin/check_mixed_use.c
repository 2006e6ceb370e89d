/*
 * check_mixed_use.c - a result that may be NULL or an error pointer, used
 * after a test for one kind only.
 *
 * Some functions report two different things: devm_gpiod_get_optional()
 * returns NULL when the device has no such GPIO (it is optional: not an
 * error) and ERR_PTR() when the lookup failed; lookup functions return
 * NULL for "not found" and ERR_PTR() for "could not look".  A caller that
 * tests one kind lets the other through:
 *
 *	reset = devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_LOW);
 *	if (IS_ERR(reset))		<- NULL (no reset line) passes
 *		return PTR_ERR(reset);
 *	desc_to_gpio(reset);		<- NULL dereference on boards without one
 *
 * and the mirror image, "if (!p) return -ENOENT; p->x" when p may be an
 * error pointer.  A source "may return both" is a call whose contract says
 * fails=both, a function of this file whose summary returns both, or a
 * call through an ops table that members.c resolves to such functions.  It
 * is reported when, at a use of the value - a dereference, the address of
 * a member handed to a call, or passing it to a function that does not
 * take that kind - the kind the test let through is proven (never for
 * values nothing is known about) and the value may still be valid (the
 * code believes it is).  Uses that are fine: both kinds handled on the
 * way (IS_ERR_OR_NULL(), or both tests), the convention's own helpers,
 * functions that take NULL (the consumer APIs of optional GPIOs, clocks
 * and resets; kfree() and friends: uses.c's list), functions of this file
 * that test the parameter before they use it (found while analysing them,
 * callees first), storing the value, and returning it to the caller.  A
 * function of another file that nobody has described may well take NULL
 * (many kernel APIs do: a NULL parent, a NULL ACL, a NULL mount type), so
 * handing it NULL is not reported; handing it an error pointer is, unless
 * the source's rule says callers=null (its callers across the tree test
 * only for NULL: the error pointer is what flows on).  A learned fails=both
 * is an upper bound over every call in the tree: value.c proves its kinds
 * only when the tree's callers test for both (callers=is_err_or_null).
 *
 * The warning is put at the test, not at the use: the test is what is
 * wrong (it handles half of the contract), it is where the fix goes, and
 * several uses after one test are one mistake, one warning.  The path shows
 * the call, the test and the first use it lets the value reach.
 *
 * Cost: one pass over the statements; per pointer use, one value query
 * (memoised per name) and one walk up the dominator tree.
 */
#include "check.h"
#include "callee.h"
#include "members.h"
#include "report.h"
#include "standin.h"
#include "uses.h"
#include "value.h"

/* ---- the check ---------------------------------------------------------- */
struct candidate {
	tree root;
	gimple *source;		/* the call */
	basic_block test_bb;
	location_t test_loc;
	struct use use;		/* the first use the test lets the value reach */
	location_t use_loc;
	unsigned slip;		/* VK_NULL or VK_ERR */
};

struct scan {
	function *fn;
	struct candidate *cands;
	size_t ncands, cap;
};

/* The nearest test on the way to BB that removed HANDLED from ROOT's kinds;
 * it must have let SLIP and valid pointers through (it took the value for
 * good), else the use is not this bug. */
static bool
find_test(tree root, basic_block bb, unsigned handled, unsigned slip, basic_block *test_bb,
	  location_t *test_loc)
{
	basic_block entry = ENTRY_BLOCK_PTR_FOR_FN(cfun);

	for (int steps = 0; bb && bb != entry && steps < 512; steps++) {
		if (single_pred_p(bb)) {
			edge e = single_pred_edge(bb);
			struct value_test t;
			location_t loc;
			if ((e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)) &&
			    value_block_test(e->src, &t, &loc) && t.root == root) {
				unsigned allowed = (e->flags & EDGE_TRUE_VALUE) ? t.kinds
										: (~t.kinds & VK_KINDS);
				if (!(allowed & handled)) {
					if (!(allowed & slip) || !(allowed & VK_VALID) ||
					    loc == UNKNOWN_LOCATION)
						return false;
					*test_bb = e->src;
					*test_loc = loc;
					return true;
				}
			}
		}
		bb = get_immediate_dominator(CDI_DOMINATORS, bb);
	}
	return false;
}

static void
add_candidate(struct scan *sc, const struct candidate *c)
{
	for (size_t i = 0; i < sc->ncands; i++) {
		struct candidate *o = &sc->cands[i];
		if (o->root == c->root && o->test_bb == c->test_bb) {
			if (location_before(c->use_loc, o->use_loc))
				*o = *c;
			return;
		}
	}
	if (sc->ncands == sc->cap) {
		sc->cap = sc->cap ? 2 * sc->cap : 8;
		sc->cands = XRESIZEVEC(struct candidate, sc->cands, sc->cap);
	}
	sc->cands[sc->ncands++] = *c;
}

/* Does the contract of the call DEF say that the kind SLIP routinely
 * flows on from it?  callers=is_err on a fails=both function: its callers
 * across the tree test only IS_ERR(), NULL is the "none" value that
 * consumer APIs take (devm_gpiod_get_optional(), devm_clk_get()). */
static bool
slip_is_routine(const gimple *def, unsigned slip)
{
	tree callee = gimple_call_fndecl(def);
	if (!callee || !DECL_NAME(callee))
		return false;
	const struct contract *c = contract_for_function(IDENTIFIER_POINTER(DECL_NAME(callee)));
	if (!c)
		return false;
	return (slip == VK_NULL && c->callers == CALLERS_IS_ERR) ||
	       (slip == VK_ERR && c->callers == CALLERS_NULL);
}

static void
on_use(const struct use *u, void *data)
{
	struct scan *sc = (struct scan *)data;
	tree root = value_root(u->op);

	if (!root || TREE_CODE(root) != SSA_NAME)
		return;
	unsigned known = VK_NULL | VK_ERR;
	unsigned accepts = u->kind == USE_ARG ? uses_call_accepts(u->stmt, u->argno, &known) : 0;
	if ((accepts & (VK_NULL | VK_ERR)) == (VK_NULL | VK_ERR) || SSA_NAME_IS_DEFAULT_DEF(root))
		return;
	gimple *def = SSA_NAME_DEF_STMT(root);
	if (!def || !is_gimple_call(def) || api_of_call(def) != API_NONE)
		return;
	unsigned dm = value_of_name(root, NULL);
	if (!(VK_PROVEN(dm) & VK_NULL) || !(VK_PROVEN(dm) & VK_ERR))
		return;
	basic_block bb = gimple_bb(u->stmt);
	location_t use_loc = gimple_location(u->stmt);
	if (!bb || use_loc == UNKNOWN_LOCATION)
		return;
	unsigned um = value_at_block(u->op, bb, NULL);
	if (!(VK_POSSIBLE(um) & VK_VALID))
		return;		/* the code knows it is not a valid pointer here */
	unsigned slip, handled;
	if ((VK_PROVEN(um) & VK_NULL) && !(VK_POSSIBLE(um) & VK_ERR)) {
		slip = VK_NULL;
		handled = VK_ERR;
	} else if ((VK_PROVEN(um) & VK_ERR) && !(VK_POSSIBLE(um) & VK_NULL)) {
		slip = VK_ERR;
		handled = VK_NULL;
	} else {
		return;		/* untested, or both handled */
	}
	if (accepts & slip)
		return;
	/* (A learned "may return both" is an upper bound: value.c leaves the
	 * kinds the tree's callers do not test only possible, so it gets
	 * here only when they test for both.  Hand-written rules - the
	 * optional getters: NULL is "none" - are promises and warn.) */
	bool routine = slip_is_routine(def, slip);
	/* Passed to a function nobody told us about.  NULL is an ordinary
	 * argument of many kernel APIs ("no parent" for tracefs and debugfs,
	 * "no ACL" for set_cached_acl(), "no type" for do_mount()): not this
	 * bug unless the callee is known to use it.  An error pointer is an
	 * argument of almost none: a bug unless that kind is what the
	 * source's callers routinely pass on. */
	if (!(known & slip) && (slip == VK_NULL || routine))
		return;
	struct candidate c;
	memset(&c, 0, sizeof(c));
	if (!find_test(root, bb, handled, slip, &c.test_bb, &c.test_loc))
		return;
	c.root = root;
	c.source = def;
	c.use = *u;
	c.use_loc = use_loc;
	c.slip = slip;
	add_candidate(sc, &c);
}

/* ---- the report ------------------------------------------------------
 * Reports wait until every function is analysed: when the two kinds come
 * from a function of this file that null-return will blame for its NULL
 * (its callers here all test only IS_ERR(), or it stands in for an API
 * whose callers do), that is the one mistake to report, not its callers'
 * tests.  Only that needs the whole unit; everything else is kept as text
 * and locations. */
#define MAX_SOURCES 8

struct pending {
	location_t test_loc, call_loc, use_loc;
	tree fndecl;			/* the function holding test and use */
	tree sources[MAX_SOURCES];	/* this file's functions the kinds come from */
	int nsources;
	const struct contract *rule;	/* or the rule they come from */
	char *src;			/* "'devm_gpiod_get_optional'", "this call" */
	char *member;			/* "foo_ops.get" for a call through a member */
	char *ptr;			/* "'reset'", "the pointer" */
	char *callee;			/* the function a USE_ARG/USE_MEMBER_ADDR passes it to */
	/* the failure side's PTR_ERR()/ERR_CAST() of the value, which an
	 * IS_ERR_OR_NULL() test makes 0/NULL for NULL: "PTR_ERR", or NULL */
	const char *errno_use;
	enum use_kind kind;
	unsigned slip;
};

static struct pending *pending;
static size_t npending, pending_cap;

static char *
quoted(const char *name, const char *otherwise)
{
	return name ? concat("'", name, "'", NULL) : xstrdup(otherwise);
}

static void
keep_candidate(struct scan *sc, const struct candidate *c)
{
	struct pending p;
	memset(&p, 0, sizeof(p));
	p.test_loc = c->test_loc;
	p.call_loc = gimple_location(c->source);
	p.use_loc = c->use_loc;
	p.fndecl = sc->fn->decl;
	if (gimple *eu = value_errno_use_on_err_side(sc->fn, c->test_bb, c->root))
		p.errno_use = api_name(api_of_call(eu));
	p.kind = c->use.kind;
	p.slip = c->slip;
	p.ptr = quoted(value_or_root_name(c->use.op, c->root), "the pointer");
	tree used_by = is_gimple_call(c->use.stmt) ? gimple_call_fndecl(c->use.stmt) : NULL_TREE;
	p.callee = xstrdup(call_written_name(gimple_location(c->use.stmt), decl_name(used_by)));

	const gimple *call = c->source;
	tree callee = gimple_call_fndecl(call);
	const char *name = NULL;
	if (callee && DECL_NAME(callee)) {
		name = call_written_name(gimple_location(call), IDENTIFIER_POINTER(DECL_NAME(callee)));
		const struct contract *rule = callee_contract(callee);
		if (rule && rule->fails != FAILS_UNKNOWN)
			p.rule = rule;
		else
			p.sources[p.nsources++] = callee;
	} else if (!callee) {
		int n = members_call_targets(call, p.sources, MAX_SOURCES, &name);
		if (name) {
			p.member = xstrdup(name);
			p.nsources = n;
		} else {
			const char *via;
			const struct contract *rule = callee_indirect_contract(call, &via);
			if (rule) {
				name = rule->name;
				p.rule = rule;
			}
		}
	}
	p.src = quoted(name, "this call");

	if (npending == pending_cap) {
		pending_cap = pending_cap ? 2 * pending_cap : 16;
		pending = XRESIZEVEC(struct pending, pending, pending_cap);
	}
	pending[npending++] = p;
}

/* "line 42", or "FILE:42" when the use is in another file than the test. */
static const char *
use_place(location_t use, location_t test, char *buf, size_t size)
{
	expanded_location xu = expand_location(user_location(use));
	expanded_location xt = expand_location(user_location(test));
	if (xu.file && xt.file && strcmp(xu.file, xt.file) != 0)
		snprintf(buf, size, "%s:%d", xu.file, xu.line);
	else
		snprintf(buf, size, "line %d", xu.line);
	return buf;
}

/* Will null-return report the NULL that F returns (so that the callers'
 * tests are not the mistake)? */
static bool
null_return_blames(tree f)
{
	const struct fn_summary *s = summary_find(f);
	struct standin st;
	return check_severity[CHECK_NULL_RETURN] != SEV_OFF && s && s->null_returns &&
	       standin_find(s, contract_callers_break_on_null, &st);
}

/* Notes on why the source may return both kinds. */
static void
explain_source(struct report *r, const struct pending *p)
{
	if (p->rule) {
		char origin[512];
		if (p->rule->rule_file)
			report_note(r, UNKNOWN_LOCATION,
				    "%s returns NULL or an error pointer (rule fails=both, %s)",
				    p->src, contract_origin_text(p->rule, origin, sizeof(origin)));
		return;
	}
	if (p->member) {
		if (p->nsources == 1)
			report_note(r, DECL_SOURCE_LOCATION(p->sources[0]),
				    "'%s' is the only function this file stores in '%s', and it "
				    "returns NULL or an error pointer", decl_name(p->sources[0]), p->member);
		else
			report_note(r, UNKNOWN_LOCATION,
				    "the %d functions this file stores in '%s' return NULL or an error "
				    "pointer", p->nsources, p->member);
		return;
	}
	if (p->nsources == 1) {
		const struct fn_summary *s = summary_find(p->sources[0]);
		if (s && s->null_returns)
			report_note(r, s->null_returns->loc, "%s returns NULL here", p->src);
	}
}

static void
report_pending(const struct pending *p)
{
	for (int i = 0; i < p->nsources; i++)
		if (null_return_blames(p->sources[i]))
			return;

	char place[300];
	const char *is_err = api_name(API_IS_ERR);
	const char *is_err_or_null = api_name(API_IS_ERR_OR_NULL);
	tree fndecl = p->fndecl;

	use_place(p->use_loc, p->test_loc, place, sizeof(place));
	struct report *r;
	if (p->slip == VK_NULL)
		r = report_begin(CHECK_MIXED_USE, p->test_loc,
				 "%s may also return NULL, which this %s() test lets through to the use at %s",
				 p->src, is_err, place);
	else
		r = report_begin(CHECK_MIXED_USE, p->test_loc,
				 "%s may also return an error pointer, which this NULL test lets through "
				 "to the use at %s", p->src, place);
	if (!r)
		return;

	report_event(r, p->call_loc, fndecl, "%s may return NULL or an error pointer", p->src);
	if (p->slip == VK_NULL)
		report_event(r, p->test_loc, fndecl, "%s() is false for NULL: NULL goes on as if valid",
			     is_err);
	else
		report_event(r, p->test_loc, fndecl,
			     "a NULL test is false for an error pointer: it goes on as if valid");
	const char *kind = p->slip == VK_NULL ? "NULL" : "an error pointer";
	switch (p->kind) {
	case USE_DEREF:
		report_event(r, p->use_loc, fndecl, "%s is dereferenced here while it may be %s",
			     p->ptr, kind);
		break;
	case USE_MEMBER_ADDR:
		report_event(r, p->use_loc, fndecl,
			     "the address of a member of %s is passed to '%s' here while %s may be %s",
			     p->ptr, p->callee, p->ptr, kind);
		break;
	case USE_ARG:
		report_event(r, p->use_loc, fndecl, "%s is passed to '%s' here, which does not accept %s",
			     p->ptr, p->callee, kind);
		break;
	}
	if (report_emit(r)) {
		explain_source(r, p);
		if (p->slip == VK_NULL && p->errno_use)
			/* "if (IS_ERR_OR_NULL(p)) return PTR_ERR(p);" returns 0
			 * for NULL: ptr-err-not-err's next finding */
			report_note(r, p->test_loc,
				    "if NULL is a failure here, test with '%s()' and give NULL an "
				    "error code of its own where %s() is taken (%s() of NULL is %s); "
				    "if it means \"absent\", test %s for NULL before using it",
				    is_err_or_null, p->errno_use, p->errno_use,
				    strcmp(p->errno_use, api_name(API_PTR_ERR)) == 0 ? "0" : "NULL",
				    p->ptr);
		else if (p->slip == VK_NULL)
			report_note(r, p->test_loc,
				    "if NULL is a failure here, test with '%s()'; if it means \"absent\", "
				    "test %s for NULL before using it", is_err_or_null, p->ptr);
		else
			report_note(r, p->test_loc, "test with '%s()', or add an '%s()' test before the use",
				    is_err_or_null, is_err);
	}
	report_end(r);
}

static int
compare_pending(const void *a, const void *b)
{
	const struct pending *x = (const struct pending *)a, *y = (const struct pending *)b;
	expanded_location xa = expand_location(user_location(x->test_loc));
	expanded_location xb = expand_location(user_location(y->test_loc));
	int c = strcmp(xa.file ? xa.file : "", xb.file ? xb.file : "");
	if (c)
		return c;
	if (xa.line != xb.line)
		return xa.line < xb.line ? -1 : 1;
	return xa.column < xb.column ? -1 : xa.column > xb.column;
}

/* End of the unit: every function analysed, every caller known. */
static void
report_all(void)
{
	if (npending > 1)
		qsort(pending, npending, sizeof(*pending), compare_pending);
	for (size_t i = 0; i < npending; i++) {
		report_pending(&pending[i]);
		free(pending[i].src);
		free(pending[i].member);
		free(pending[i].ptr);
		free(pending[i].callee);
	}
	npending = 0;
}

/* The function being scanned. */
static struct scan cur;

static void
mixed_use_begin(function *fn)
{
	memset(&cur, 0, sizeof(cur));
	cur.fn = fn;
}

static void
mixed_use_on_stmt(function *fn, gimple *stmt)
{
	if (check_severity[CHECK_MIXED_USE] != SEV_OFF && !is_gimple_debug(stmt))
		uses_in_stmt(stmt, on_use, &cur);
}

static void
mixed_use_end(function *fn)
{
	if (check_severity[CHECK_MIXED_USE] != SEV_OFF) {
		for (size_t i = 0; i < cur.ncands; i++)
			keep_candidate(&cur, &cur.cands[i]);
	}
	XDELETEVEC(cur.cands);
	memset(&cur, 0, sizeof(cur));
}

const struct check_hooks mixed_use_hooks = {
	.begin_function = mixed_use_begin,
	.on_stmt = mixed_use_on_stmt,
	.end_function = mixed_use_end,
	.end_unit = report_all,
};
