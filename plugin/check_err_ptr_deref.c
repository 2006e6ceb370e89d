/*
 * check_err_ptr_deref.c - a value that may be an error pointer, used as
 * an object with no test that stops it on the way.
 *
 *	p = get_thing();		<- ERR_PTR() on failure
 *	if (IS_ERR(p))
 *		pr_err("no thing\n");	<- ...and goes on
 *	p->x = 1;			<- dereference of an error pointer
 *
 *	return get_thing()->x;		<- no test at all
 *
 *	x = o->x;			<- dereferenced before the test
 *	if (IS_ERR(o))
 *		return PTR_ERR(o);
 *
 * Reported at the use - a load or store through the pointer, the address
 * of a member handed to a call, the pointer handed to a function that does
 * not take an error pointer (uses.h: kfree() and most of the kernel do
 * not; debugfs_*(), IS_ERR()-tolerant *_put() functions and this file's
 * functions that test the parameter first do) - when value analysis proves
 * the value an error pointer on some path to the use: a call whose
 * contract or summary says it fails with ERR_PTR(), ERR_PTR() itself, a
 * load of a location such a value was stored in.  Only proven kinds: a
 * parameter, a call nobody describes, a learned "may return both" whose
 * callers do not test for errors stay silent.  The path is followed back
 * from the use to the value's definition along edges on which the error
 * pointer is still proven and which no test of another value at a join
 * blocks ("out: if (!err) p->x" with err set on the error path); it names
 * the source, the test that let the error through without stopping (the
 * WARN_ON(IS_ERR(p)) or pr_err() idiom) or says there is none, and the
 * use.  A later IS_ERR() test of the same value makes it "used before the
 * test", with the test as a note.
 *
 * Silent: results documented to need no test (callers=none: debugfs),
 * values a test stopped on every path (refined by value.c), and what other
 * checks report at the test: a NULL-only test of an ERR_PTR() result
 * (null-check-on-err) and a one-kind test of a NULL-or-ERR_PTR result
 * (mixed-use).  One warning per source: its first use.
 *
 * Cost: per pointer use, one (memoised) value query; per reported use,
 * one walk back to the definition.
 */
#include "check.h"
#include "callee.h"
#include "report.h"
#include "uses.h"
#include "value.h"

/* Is OP, through conversions, the result of an ERR_PTR() call? */
static bool
written_err_ptr(tree op)
{
	for (int depth = 0; depth < 4 && op && TREE_CODE(op) == SSA_NAME &&
			    !SSA_NAME_IS_DEFAULT_DEF(op); depth++) {
		gimple *def = SSA_NAME_DEF_STMT(op);
		if (is_gimple_call(def))
			return api_of_call(def) == API_ERR_PTR;
		if (!is_gimple_assign(def) || !CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)))
			return false;
		op = gimple_assign_rhs1(def);
	}
	return false;
}

#define MAX_WALK 1024

static bool
err_proven(unsigned m)
{
	return (VK_PROVEN(m) & VK_ERR) != 0;
}

/* The path from the definition of ROOT to the use in USE_BB. */
struct witness {
	location_t test_loc;	/* the nearest test of ROOT that let the error through */
	unsigned test_allowed;	/* the kinds it let through */
	bool null_test;		/* a test on the way ruled out NULL only */
	/* the other side of that test goes straight to where the error
	 * branch comes back ("if (IS_ERR(p)) pr_err(...); use(p);"), rather
	 * than doing the work the error branch skips (a cleanup label) */
	bool falls_through;
};

/* Does BB end in a condition on integers that is no test of ROOT ("if
 * (ret)", "while (!err)")? */
static bool
other_integer_test(basic_block bb, tree root)
{
	gimple *last = errptr_last_stmt(bb);
	if (!last || gimple_code(last) != GIMPLE_COND)
		return false;
	struct value_test t;
	if (value_block_test(bb, &t, NULL) && t.root == root)
		return false;
	tree lhs = gimple_cond_lhs(last);
	return lhs && INTEGRAL_TYPE_P(TREE_TYPE(lhs));
}

/* Is a name that may hold the kept errno of V ("err = PTR_ERR(p);",
 * "err = PTR_ERR_OR_ZERO(p);") still alive past a join, or stored? */
static bool
kept(tree lhs, int depth)
{
	imm_use_iterator it;
	use_operand_p use;
	if (!lhs || TREE_CODE(lhs) != SSA_NAME || depth > 2)
		return false;
	FOR_EACH_IMM_USE_FAST(use, it, lhs) {
		gimple *u = USE_STMT(use);
		if (gimple_code(u) == GIMPLE_PHI || gimple_store_p(u))
			return true;
		/* "err = PTR_ERR(p)" with an int err: a conversion first */
		if (is_gimple_assign(u) && CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(u)) &&
		    kept(gimple_assign_lhs(u), depth + 1))
			return true;
	}
	return false;
}

/* Does the code keep the errno of V (or of a value V's PHIs merge) for a
 * later test? */
static bool
errno_kept(tree v, int depth)
{
	imm_use_iterator it;
	use_operand_p use;
	if (!v || TREE_CODE(v) != SSA_NAME || depth > 4)
		return false;
	tree r = value_root(v);		/* "connected = this;" */
	if (r && r != v && TREE_CODE(r) == SSA_NAME && errno_kept(r, depth + 1))
		return true;
	if (!SSA_NAME_IS_DEFAULT_DEF(v))
		if (gphi *phi = dyn_cast<gphi *>(SSA_NAME_DEF_STMT(v)))
			for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
				tree a = gimple_phi_arg_def(phi, i);
				if (a != v && errno_kept(a, depth + 1))
					return true;
			}
	FOR_EACH_IMM_USE_FAST(use, it, v) {
		gimple *g = USE_STMT(use);
		if (!is_gimple_call(g) || gimple_call_num_args(g) != 1)
			continue;
		enum api_fn api = api_of_call(g);
		if ((api == API_PTR_ERR || api == API_PTR_ERR_OR_ZERO) && kept(gimple_call_lhs(g), 0))
			return true;
	}
	return false;
}

/* Walk back from USE_BB to ROOT's definition along edges where ROOT is
 * still proven an error pointer and that no test of another value at a
 * join blocks.  Code that keeps the errno of the value (or of a PHI's
 * argument) past a join ("ret = PTR_ERR(item);") and an integer test on
 * the way to the use ("if (ret) goto out;", a loop's "while (!err)") may
 * well be the test that stops it: no witness. */
static bool
find_witness(tree root, basic_block use_bb, struct witness *w)
{
	gimple *def = SSA_NAME_DEF_STMT(root);
	basic_block def_bb = gimple_bb(def);
	basic_block entry = ENTRY_BLOCK_PTR_FOR_FN(cfun);
	bool int_test = false;

	memset(w, 0, sizeof(*w));
	w->test_loc = UNKNOWN_LOCATION;
	auto_sbitmap visited(last_basic_block_for_fn(cfun));
	bitmap_clear(visited);
	edge test_other = NULL;
	basic_block cur = use_bb;
	for (int steps = 0; cur && cur != def_bb && cur != entry; steps++) {
		bitmap_set_bit(visited, cur->index);
		if (cur != use_bb && other_integer_test(cur, root))
			int_test = true;
		if (steps >= MAX_WALK)
			return false;
		edge chosen = NULL;
		if (single_pred_p(cur)) {
			chosen = single_pred_edge(cur);
		} else {
			edge e;
			edge_iterator ei;
			FOR_EACH_EDGE(e, ei, cur->preds) {
				if (dominated_by_p(CDI_DOMINATORS, e->src, cur))
					continue;	/* a back edge */
				if (!err_proven(value_on_edge(root, e, UNKNOWN_LOCATION, NULL)))
					continue;
				if (value_join_edge(e, use_bb, root) != JOIN_PASSES)
					continue;
				chosen = e;
				break;
			}
		}
		if (!chosen)
			return false;
		struct value_test t;
		location_t l = UNKNOWN_LOCATION;
		if ((chosen->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)) &&
		    value_block_test(chosen->src, &t, &l) && t.root == root) {
			unsigned allowed = (chosen->flags & EDGE_TRUE_VALUE) ? t.kinds
									     : (~t.kinds & VK_KINDS);
			if (!(allowed & VK_ERR))
				return false;
			if (allowed & VK_VALID) {
				if (!(allowed & VK_NULL))
					w->null_test = true;
			} else if (w->test_loc == UNKNOWN_LOCATION && l != UNKNOWN_LOCATION) {
				w->test_loc = l;
				w->test_allowed = allowed;
				test_other = EDGE_SUCC(chosen->src, 0) == chosen && EDGE_COUNT(chosen->src->succs) == 2
					     ? EDGE_SUCC(chosen->src, 1) : EDGE_SUCC(chosen->src, 0);
			}
		}
		cur = chosen->src;
	}
	if (cur != def_bb)
		return false;
	if (test_other && bitmap_bit_p(visited, test_other->dest->index))
		w->falls_through = true;
	gphi *phi = dyn_cast<gphi *>(def);
	if (phi && def_bb != use_bb && other_integer_test(def_bb, root))
		int_test = true;	/* a loop's "while (!err)" */
	if (int_test && errno_kept(root, 0))
		return false;
	/* a PHI: one of its error-pointer arguments must come in along an
	 * edge no other value's test blocks ("while (!err) { ... use(p) ...
	 * p = next; }" with err set where next is an error) */
	if (phi) {
		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
			edge e = gimple_phi_arg_edge(phi, i);
			tree a = gimple_phi_arg_def(phi, i);
			if (err_proven(value_on_edge(a, e, UNKNOWN_LOCATION, NULL)) &&
			    value_join_edge(e, use_bb, root) == JOIN_PASSES)
				return true;
		}
		return false;
	}
	return true;
}

/* A test of ROOT for an error (IS_ERR(), IS_ERR_OR_NULL()) after the use
 * in USE_BB: in a block the use dominates, the nearest by location. */
static bool
later_test(tree root, basic_block use_bb, location_t use_loc, location_t *loc)
{
	basic_block bb;
	bool found = false;
	expanded_location best = { NULL, 0, 0, NULL, false };
	expanded_location xu = expand_location(user_location(use_loc));
	FOR_EACH_BB_FN(bb, cfun) {
		struct value_test t;
		location_t l;
		if (!value_block_test(bb, &t, &l) || t.root != root || l == UNKNOWN_LOCATION)
			continue;
		if (!(t.kinds & VK_ERR) || (t.kinds & VK_VALID))
			continue;	/* not IS_ERR() nor IS_ERR_OR_NULL() */
		if (!dominated_by_p(CDI_DOMINATORS, bb, use_bb))
			continue;
		expanded_location xl = expand_location(user_location(l));
		if (xl.file && xu.file && strcmp(xl.file, xu.file) == 0 &&
		    (xl.line < xu.line || (xl.line == xu.line && xl.column < xu.column)))
			continue;
		if (!found || xl.line < best.line || (xl.line == best.line && xl.column < best.column)) {
			best = xl;
			*loc = l;
			found = true;
		}
	}
	return found;
}

/* ---- candidates: the first use of each source ---------------------------- */
struct candidate {
	const void *key;	/* the source call, or the root */
	tree root;
	gimple *source;		/* the call the error pointer comes from, or NULL */
	struct use use;
	location_t use_loc;
	struct witness w;
};

static struct {
	function *fn;
	struct candidate *c;
	size_t n, cap;
} cur;

static void
add_candidate(const struct candidate *c)
{
	for (size_t i = 0; i < cur.n; i++) {
		if (cur.c[i].key == c->key) {
			if (location_before(c->use_loc, cur.c[i].use_loc))
				cur.c[i] = *c;
			return;
		}
	}
	if (cur.n == cur.cap) {
		cur.cap = cur.cap ? 2 * cur.cap : 8;
		cur.c = XRESIZEVEC(struct candidate, cur.c, cur.cap);
	}
	cur.c[cur.n++] = *c;
}

/* Results that need no test (debugfs: callers=none) are meant to be
 * passed on as they are; and a learned fails=err is evidence that the
 * function returns an error pointer somewhere, proven for a call only
 * when the tree's callers agree that errors come (callers=is_err or
 * is_err_or_null): "tlink = cifs_get_tlink(open->tlink);" hands back its
 * argument, error or not, and most callers do not test it. */
static bool
needs_no_test(const gimple *call)
{
	const struct contract *c;
	callee_name(call, &c);
	if (!c)
		return false;
	if (c->callers == CALLERS_NONE)
		return true;
	return c->learned && c->callers != CALLERS_IS_ERR && c->callers != CALLERS_IS_ERR_OR_NULL;
}

/* Is the error code of ROOT compared with a constant ("if (PTR_ERR(err)
 * == -ENOMEM) return;"), or ROOT with an error pointer ("if (specs ==
 * ERR_PTR(-EINVAL))", drivers/i2c/busses/i2c-stm32f7.c), in a block that
 * dominates BB?  The author looked
 * at the error it may be, and the comparison says which ones the function
 * can return (kernel/trace/trace.c tracing_log_err(): -ENOMEM is
 * get_tracing_log_err()'s only one) - more than errptr knows. */
static bool
error_code_compared(tree root, basic_block bb)
{
	if (!root || TREE_CODE(root) != SSA_NAME)
		return false;
	imm_use_iterator it;
	use_operand_p use_p;
	FOR_EACH_IMM_USE_FAST(use_p, it, root) {
		/* "if (specs == ERR_PTR(-EINVAL))": the one error it can be */
		gcond *eq = dyn_cast<gcond *>(USE_STMT(use_p));
		if (eq && (written_err_ptr(gimple_cond_lhs(eq)) || written_err_ptr(gimple_cond_rhs(eq))) &&
		    gimple_bb(eq) != bb && dominated_by_p(CDI_DOMINATORS, bb, gimple_bb(eq)))
			return true;
		gimple *call = USE_STMT(use_p);
		if (!is_gimple_call(call) || api_of_call(call) != API_PTR_ERR)
			continue;
		tree code = gimple_call_lhs(call);
		if (!code || TREE_CODE(code) != SSA_NAME)
			continue;
		imm_use_iterator it2;
		use_operand_p use2;
		FOR_EACH_IMM_USE_FAST(use2, it2, code) {
			gcond *cond = dyn_cast<gcond *>(USE_STMT(use2));
			if (cond && TREE_CODE(gimple_cond_rhs(cond)) == INTEGER_CST &&
			    !integer_zerop(gimple_cond_rhs(cond)) &&
			    gimple_bb(cond) != bb &&	/* a condition ends its block: after a use there */
			    dominated_by_p(CDI_DOMINATORS, bb, gimple_bb(cond)))
				return true;
		}
	}
	return false;
}

static void
on_use(const struct use *u, void *)
{
	tree root = value_root(u->op);
	if (!root || TREE_CODE(root) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(root))
		return;
	basic_block bb = gimple_bb(u->stmt);
	location_t use_loc = gimple_location(u->stmt);
	if (!bb || use_loc == UNKNOWN_LOCATION)
		return;
	unsigned known = VK_NULL | VK_ERR;
	if (u->kind == USE_ARG && (uses_call_accepts(u->stmt, u->argno, &known) & VK_ERR))
		return;
	/* "set_listcache(cache, ERR_PTR(-ESTALE))": an error pointer written
	 * as the argument itself is a sentinel the callee expects */
	if (u->kind == USE_ARG && written_err_ptr(u->op))
		return;
	unsigned um = value_at_block(u->op, bb, NULL);
	if (!err_proven(um))
		return;
	gimple *def = SSA_NAME_DEF_STMT(root);
	/* a one-kind test of a NULL-or-ERR_PTR result: mixed-use's, at the test */
	if (check_severity[CHECK_MIXED_USE] != SEV_OFF && is_gimple_call(def) &&
	    api_of_call(def) == API_NONE) {
		unsigned dm = value_of_name(root, NULL);
		if ((VK_PROVEN(dm) & VK_NULL) && (VK_PROVEN(dm) & VK_ERR) &&
		    !(VK_POSSIBLE(um) & VK_NULL))
			return;
	}
	gimple *source = value_source_call(root, err_proven);
	if (source && needs_no_test(source))
		return;
	struct candidate c;
	memset(&c, 0, sizeof(c));
	if (error_code_compared(root, bb))
		return;
	if (!find_witness(root, bb, &c.w))
		return;
	if (c.w.null_test && check_severity[CHECK_NULL_CHECK_ON_ERR] != SEV_OFF)
		return;		/* null-check-on-err's, at the test */
	/* A function of another file nobody describes is not known to reject
	 * an error pointer: the kernel's consumers that take one are many -
	 * cleanup functions ("out: cifs_put_tlink(tlink);" past a test), and
	 * the getname() family's ("do_unlinkat(dfd, getname_kernel(path))":
	 * filename_parentat() tests IS_ERR(name) first).  Only a callee known
	 * not to take one (its body here, a list) makes a hand-over a use. */
	if (u->kind == USE_ARG && !(known & VK_ERR))
		return;
	c.key = source ? (const void *)source : (const void *)root;
	c.root = root;
	c.source = source;
	c.use = *u;
	c.use_loc = use_loc;
	add_candidate(&c);
}

/* ---- the report ------------------------------------------------------- */
/* The ERR_PTR() call ROOT's error pointer comes from, through copies and
 * PHIs. */
static gimple *
err_ptr_call(tree t, int depth)
{
	if (depth > 16 || !t || TREE_CODE(t) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(t))
		return NULL;
	gimple *def = SSA_NAME_DEF_STMT(t);
	if (gphi *phi = dyn_cast<gphi *>(def)) {
		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
			gimple *g = err_ptr_call(gimple_phi_arg_def(phi, i), depth + 1);
			if (g)
				return g;
		}
		return NULL;
	}
	if (is_gimple_call(def))
		return api_of_call(def) == API_ERR_PTR && err_proven(value_of_name(t, NULL)) ? def
											    : NULL;
	if (is_gimple_assign(def) && (gimple_assign_rhs_code(def) == SSA_NAME ||
				      CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))))
		return err_ptr_call(gimple_assign_rhs1(def), depth + 1);
	return NULL;
}

static void
report_candidate(const struct candidate *c)
{
	tree fndecl = cur.fn->decl;
	const char *is_err = api_name(API_IS_ERR);
	const char *name = value_or_root_name(c->use.op, c->root);
	char ptr[256];
	if (name)
		snprintf(ptr, sizeof(ptr), "'%s'", name);
	else
		snprintf(ptr, sizeof(ptr), "the pointer");

	/* where the error pointer comes from */
	char src[256];
	const struct contract *rule = NULL;
	const char *cname = c->source ? callee_name(c->source, &rule) : NULL;
	if (cname)
		snprintf(src, sizeof(src), "'%s()'", cname);
	else
		snprintf(src, sizeof(src), "%s", c->source ? "this call" : "an ERR_PTR()");

	location_t test_loc = UNKNOWN_LOCATION;
	bool before = c->w.test_loc == UNKNOWN_LOCATION &&
		      later_test(c->root, gimple_bb(c->use.stmt), c->use_loc, &test_loc);
	const char *callee_used = is_gimple_call(c->use.stmt)
				  ? decl_name(gimple_call_fndecl(c->use.stmt)) : "?";

	struct report *r;
	switch (c->use.kind) {
	case USE_DEREF:
		if (before)
			r = report_begin(CHECK_ERR_PTR_DEREF, c->use_loc,
					 "%s is dereferenced before its %s() test, but it may be an "
					 "error pointer from %s", ptr, is_err, src);
		else
			r = report_begin(CHECK_ERR_PTR_DEREF, c->use_loc,
					 "%s is dereferenced here, but it may be an error pointer "
					 "from %s", ptr, src);
		break;
	case USE_MEMBER_ADDR:
		r = report_begin(CHECK_ERR_PTR_DEREF, c->use_loc,
				 "the address of a member of %s is passed to '%s' here, but %s may be "
				 "an error pointer from %s", ptr, callee_used, ptr, src);
		break;
	default:
		r = report_begin(CHECK_ERR_PTR_DEREF, c->use_loc,
				 "%s is passed to '%s', which does not accept an error pointer, but it "
				 "may be one from %s", ptr, callee_used, src);
		break;
	}
	if (!r)
		return;
	gimple *made = c->source ? NULL : err_ptr_call(c->root, 0);
	if (c->source && gimple_location(c->source) != UNKNOWN_LOCATION)
		report_event(r, gimple_location(c->source), fndecl,
			     "%s returns an error pointer on failure", src);
	else if (made && gimple_location(made) != UNKNOWN_LOCATION)
		report_event(r, gimple_location(made), fndecl, "an error pointer is made here");
	if (c->w.test_loc != UNKNOWN_LOCATION)
		report_event(r, c->w.test_loc, fndecl,
			     "'%s()' is true here for the error pointer, but the path goes on to "
			     "the use", api_name((c->w.test_allowed & VK_NULL) ? API_IS_ERR_OR_NULL
									: API_IS_ERR));
	const char *untested = c->w.test_loc == UNKNOWN_LOCATION && !before ? ", untested" : "";
	switch (c->use.kind) {
	case USE_DEREF:
		report_event(r, c->use_loc, fndecl, "%s is dereferenced here%s", ptr, untested);
		break;
	case USE_MEMBER_ADDR:
		report_event(r, c->use_loc, fndecl, "'%s' gets a pointer into *%s here%s",
			     callee_used, ptr, untested);
		break;
	default:
		report_event(r, c->use_loc, fndecl, "%s is passed to '%s' here%s", ptr, callee_used,
			     untested);
		break;
	}
	if (report_emit(r)) {
		if (before)
			report_note(r, test_loc, "%s is tested with %s() only here, after the use",
				    ptr, is_err);
		if (rule && rule->rule_file) {
			char origin[512];
			report_note(r, UNKNOWN_LOCATION, "%s reports failure with ERR_PTR() (%s)",
				    src, contract_origin_text(rule, origin, sizeof(origin)));
		}
		if (name)
			report_note(r, before ? test_loc : c->use_loc,
				    "test %s with '%s()' before the use and stop on an error, e.g. "
				    "'return %s(%s);'", ptr, is_err, api_name(API_PTR_ERR), name);
		else
			report_note(r, c->use_loc,
				    "keep the result in a variable and test it with '%s()' before "
				    "the use", is_err);
	}
	report_end(r);
}

static void
err_ptr_deref_begin(function *fn)
{
	cur.fn = fn;
	cur.n = 0;
}

static void
err_ptr_deref_on_stmt(function *, gimple *stmt)
{
	if (check_severity[CHECK_ERR_PTR_DEREF] != SEV_OFF && !is_gimple_debug(stmt))
		uses_in_stmt(stmt, on_use, NULL);
}

static int
compare_candidates(const void *a, const void *b)
{
	const struct candidate *x = (const struct candidate *)a, *y = (const struct candidate *)b;
	if (x->use_loc == y->use_loc)
		return 0;
	return location_before(x->use_loc, y->use_loc) ? -1 : 1;
}

static void
err_ptr_deref_end(function *)
{
	if (cur.n > 1)
		qsort(cur.c, cur.n, sizeof(*cur.c), compare_candidates);
	for (size_t i = 0; i < cur.n; i++)
		report_candidate(&cur.c[i]);
	cur.n = 0;
	cur.fn = NULL;
}

const struct check_hooks err_ptr_deref_hooks = {
	.begin_function = err_ptr_deref_begin,
	.on_stmt = err_ptr_deref_on_stmt,
	.end_function = err_ptr_deref_end,
};
