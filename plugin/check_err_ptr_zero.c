/*
 * check_err_ptr_zero.c - ERR_PTR(x) where x may be 0 (the result is NULL)
 * or positive (the result is no error pointer), returned to callers that
 * test the result only with IS_ERR().
 *
 *     ret = fill(obj);                 returns 0 on success, -errno on failure
 *     if (ret <= 0)
 *             return ERR_PTR(ret);     <- ERR_PTR(0) is NULL
 *
 * IS_ERR(NULL) is false: the caller takes NULL for a valid object and
 * oopses on it.  Likewise ERR_PTR(ENOMEM) (a missing minus) is a pointer
 * IS_ERR() does not recognise.  Reported at the ERR_PTR() call whose
 * result reaches a return, when its argument there is 0 or positive -
 * proven (a constant, a variable still 0 on a goto path) or left by a test
 * ("if (ret <= 0)", "if (!ret)") - in a function whose callers test only
 * IS_ERR(): known from a contract (callers=is_err) through the stand-in
 * evidence (a rule, a hook table, a member, a name, its own definition),
 * or, for a static function whose address is not taken, because every
 * caller in this file tests it only with IS_ERR(); or, for a function of
 * external linkage that reports failure with ERR_PTR() and returns no
 * other NULL, because that convention is its contract with callers
 * elsewhere - unless a rule says its callers handle NULL (a learned
 * callers=is_err_or_null: the "ERR_PTR(0) means no result" idiom) or a
 * caller in this file tests its result for NULL.
 *
 * Silent: ERR_PTR() of a negative errno or of a value errptr knows
 * nothing about ("if (ret) return ERR_PTR(ret);" for a 0/-errno ret), a 0
 * that comes only along paths where another value must be something
 * nothing shows ("out: if (dst) return dst; return ERR_PTR(err);" with err
 * 0 only where dst is a lookup's result, net/ipv6/icmp.c), and
 * the deliberate "ERR_PTR(0) is NULL" of code whose callers handle NULL
 * (fs/namei.c's lookup_dcache(): its callers test "if (dentry)").
 * ERR_PTR(PTR_ERR(p)) is left to ptr-err-not-err, which reports the
 * PTR_ERR().  This check owns ERR_PTR(0): null-return does not report a
 * NULL that comes from ERR_PTR() while this check is enabled.
 *
 * It runs per translation unit (callers are known only then) and redoes
 * the value analysis of the few functions that qualify: linear, like the
 * first.
 */
#include "check.h"
#include "report.h"
#include "standin.h"
#include "value.h"

#define MAX_TRACE 64		/* copies and PHIs followed back to a 0 */

/* A function of external linkage whose failures are error pointers: the
 * ERR_PTR() convention is its contract with callers elsewhere, who test
 * the result with IS_ERR().  It returns no NULL but the ERR_PTR(0)s this
 * check looks at, no rule says its callers handle NULL (a learned
 * callers=is_err_or_null: the "ERR_PTR(0) is no result" idiom), and no
 * caller in this file tests its result for NULL. */
static bool
follows_convention(const struct fn_summary *s, struct standin *st)
{
	if (!(VK_POSSIBLE(s->returns) & VK_ERR))
		return false;
	for (const struct null_return *nr = s->null_returns; nr; nr = nr->next)
		if (nr->origin.kind != ORIGIN_ERR_PTR_ZERO)
			return false;
	const struct contract *c = DECL_NAME(s->decl)
		? contract_for_function(IDENTIFIER_POINTER(DECL_NAME(s->decl))) : NULL;
	if (c && c->callers != CALLERS_UNKNOWN && c->callers != CALLERS_IS_ERR)
		return false;
	if (s->tested_by_callers.null_tested)
		return false;
	memset(st, 0, sizeof(*st));
	st->kind = STANDIN_NONE;	/* the convention, no evidence of callers */
	st->api = decl_name(s->decl);
	return true;
}

/* Who calls S and how they test it: a stand-in's API, or S itself when it
 * is static, its address is not taken, and every caller here tests its
 * result only with IS_ERR(). */
static bool
find_callers(const struct fn_summary *s, struct standin *st)
{
	if (standin_find(s, contract_callers_break_on_null, st) && st->kind != STANDIN_LOCAL_CALLERS)
		return true;
	const struct call_tests *ct = &s->tested_by_callers;
	if (TREE_PUBLIC(s->decl))
		return follows_convention(s, st);
	if (ct->calls == 0 || ct->is_err_only != ct->calls)
		return false;
	struct cgraph_node *node = cgraph_node::get(s->decl);
	if (!node || node->address_taken)
		return false;
	memset(st, 0, sizeof(*st));
	st->kind = STANDIN_LOCAL_CALLERS;
	st->api = decl_name(s->decl);
	st->via = ct->is_err_caller ? decl_name(ct->is_err_caller) : NULL;
	st->loc = ct->is_err_loc;
	return true;
}

static bool
has_err_ptr_call(function *fn)
{
	basic_block bb;
	FOR_EACH_BB_FN(bb, fn) {
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi))
			if (is_gimple_call(gsi_stmt(gsi)) && api_of_call(gsi_stmt(gsi)) == API_ERR_PTR)
				return true;
	}
	return false;
}

/* Mark the SSA names whose value reaches a return: through copies,
 * conversions, PHIs, ?: and ERR_CAST(). */
static void
mark_returned(function *fn, sbitmap returned, unsigned nnames)
{
	auto_vec<tree> work;
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn) {
		gimple *last = errptr_last_stmt(bb);
		if (last && gimple_code(last) == GIMPLE_RETURN)
			work.safe_push(gimple_return_retval(as_a<greturn *>(last)));
	}
	while (!work.is_empty()) {
		tree t = work.pop();
		if (!t || TREE_CODE(t) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(t) ||
		    SSA_NAME_VERSION(t) >= nnames || bitmap_bit_p(returned, SSA_NAME_VERSION(t)))
			continue;
		bitmap_set_bit(returned, SSA_NAME_VERSION(t));
		gimple *def = SSA_NAME_DEF_STMT(t);
		if (!def)
			continue;
		if (gphi *phi = dyn_cast<gphi *>(def)) {
			for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
				work.safe_push(gimple_phi_arg_def(phi, i));
		} else if (is_gimple_assign(def)) {
			enum tree_code code = gimple_assign_rhs_code(def);
			tree r1 = gimple_assign_rhs1(def);
			if (code == VIEW_CONVERT_EXPR && r1 && TREE_CODE(r1) == VIEW_CONVERT_EXPR)
				r1 = TREE_OPERAND(r1, 0);
			if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code) || code == VIEW_CONVERT_EXPR) {
				work.safe_push(r1);
			} else if (code == COND_EXPR) {
				work.safe_push(gimple_assign_rhs2(def));
				work.safe_push(gimple_assign_rhs3(def));
			}
		} else if (is_gimple_call(def) && api_of_call(def) == API_ERR_CAST &&
			   gimple_call_num_args(def) == 1) {
			work.safe_push(gimple_call_arg(def, 0));
		}
	}
}


/* Follow T back to where it is 0 for sure: a constant 0 (LOC), or a call
 * whose result may be 0 (LOC, *CALLEE). */
static bool
zero_source(tree t, sbitmap seen, unsigned nnames, int depth, location_t *loc, tree *callee)
{
	if (depth > MAX_TRACE || !t || TREE_CODE(t) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(t) ||
	    SSA_NAME_VERSION(t) >= nnames || bitmap_bit_p(seen, SSA_NAME_VERSION(t)))
		return false;
	bitmap_set_bit(seen, SSA_NAME_VERSION(t));
	gimple *def = SSA_NAME_DEF_STMT(t);
	if (!def)
		return false;
	if (gphi *phi = dyn_cast<gphi *>(def)) {
		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
			tree a = gimple_phi_arg_def(phi, i);
			edge e = gimple_phi_arg_edge(phi, i);
			location_t l = gimple_phi_arg_location(phi, i);
			if (a && TREE_CODE(a) == INTEGER_CST && integer_zerop(a)) {
				if (l == UNKNOWN_LOCATION && e) {
					gimple *last = errptr_last_stmt(e->src);
					l = last ? gimple_location(last) : UNKNOWN_LOCATION;
				}
				*loc = l;
				return true;
			}
			if (a && TREE_CODE(a) == SSA_NAME && e &&
			    (VK_PROVEN(value_on_edge(a, e, l, NULL)) & VK_ZERO) &&
			    zero_source(a, seen, nnames, depth + 1, loc, callee))
				return true;
		}
		return false;
	}
	if (is_gimple_assign(def)) {
		enum tree_code code = gimple_assign_rhs_code(def);
		tree r1 = gimple_assign_rhs1(def);
		if (code == INTEGER_CST && integer_zerop(r1)) {
			*loc = gimple_location(def);
			return true;
		}
		if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code))
			return zero_source(r1, seen, nnames, depth + 1, loc, callee);
		return false;
	}
	if (is_gimple_call(def)) {
		*loc = gimple_location(def);
		*callee = gimple_call_fndecl(def);
		return true;
	}
	return false;
}

/* Why the argument ARG of the ERR_PTR() call in BB may be 0. */
static void
explain_zero(struct report *r, function *fn, tree arg, basic_block bb, tree root, const char *name,
	     unsigned nnames)
{
	tree fndecl = fn->decl;
	const char *what = name ? name : "the value";

	if (TREE_CODE(root) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(root)) {
		unsigned src = value_of_name(root, NULL);
		gimple *def = SSA_NAME_DEF_STMT(root);
		if (VK_PROVEN(src) & VK_ZERO) {
			sbitmap seen = sbitmap_alloc(nnames);
			bitmap_clear(seen);
			location_t l = UNKNOWN_LOCATION;
			tree callee = NULL_TREE;
			if (zero_source(root, seen, nnames, 0, &l, &callee) && l != UNKNOWN_LOCATION) {
				if (callee)
					report_event(r, l, fndecl, "'%s' may return 0",
						     call_written_name(l, decl_name(callee)));
				else
					report_event(r, l, fndecl, "'%s' is 0 here", what);
			}
			sbitmap_free(seen);
		} else if (def && is_gimple_call(def) && gimple_call_fndecl(def) &&
			   gimple_location(def) != UNKNOWN_LOCATION) {
			report_event(r, gimple_location(def), fndecl, "'%s' is the result of '%s()'",
				     what, call_written_name(gimple_location(def),
							     decl_name(gimple_call_fndecl(def))));
		}
	}
	location_t l;
	unsigned allowed;
	bool holds;
	if (value_nearest_test(fn, root, bb, VK_ZERO, 0, &l, &allowed, &holds))
		report_event(r, l, fndecl, "'%s' %s 0 when this test %s", what,
			     allowed == VK_ZERO ? "is" : "may be", holds ? "holds" : "fails");
}

/* Why the argument may be positive. */
static void
explain_positive(struct report *r, function *fn, basic_block bb, tree root, const char *name)
{
	location_t l;
	unsigned allowed;
	bool holds;
	if (value_nearest_test(fn, root, bb, VK_POS, VK_NEG, &l, &allowed, &holds))
		report_event(r, l, fn->decl, "'%s' %s positive when this test %s",
			     name ? name : "the value", allowed == VK_POS ? "is" : "may be",
			     holds ? "holds" : "fails");
}

static void
explain_callers(struct report *r, const struct fn_summary *s, const struct standin *st)
{
	char buf[512];
	const char *fn = decl_name(s->decl);

	if (st->kind == STANDIN_NONE) {
		report_note(r, DECL_SOURCE_LOCATION(s->decl),
			    "'%s' has external linkage and reports failure with %s(): its callers "
			    "follow that convention and test the result with IS_ERR()",
			    fn, api_name(API_ERR_PTR));
		return;
	}
	if (st->kind == STANDIN_LOCAL_CALLERS) {
		if (st->via && st->loc != UNKNOWN_LOCATION)
			report_note(r, st->loc,
				    "every caller of '%s' in this file tests its result only with "
				    "%s(), e.g. '%s' at %s",
				    fn, api_name(API_IS_ERR), st->via, location_text(st->loc, buf, sizeof(buf)));
		else
			report_note(r, DECL_SOURCE_LOCATION(s->decl),
				    "every caller of '%s' in this file tests its result only with "
				    "%s()", fn, api_name(API_IS_ERR));
		return;
	}
	if (st->kind != STANDIN_DEFINITION)
		report_note(r, st->loc, "'%s' stands in for '%s': %s", fn, st->api,
			    standin_evidence_text(st, buf, sizeof(buf)));
	const struct contract *c = st->contract;
	if (c && c->caller) {
		/* caller=PATH:LINE:FUNCTION */
		const char *last = strrchr(c->caller, ':');
		if (last) {
			report_note(r, UNKNOWN_LOCATION,
				    "callers of '%s' test its result only with %s(), e.g. '%s' at %.*s",
				    st->api, api_name(API_IS_ERR), last + 1, (int)(last - c->caller), c->caller);
			return;
		}
	}
	report_note(r, UNKNOWN_LOCATION, "callers of '%s' test its result only with %s()",
		    st->api, api_name(API_IS_ERR));
}

/* ERR_PTR(PTR_ERR(p)): ptr-err-not-err reports the PTR_ERR() when p is
 * NULL-or-error or cannot be an error pointer there. */
static bool
left_to_ptr_err_not_err(tree arg)
{
	if (check_severity[CHECK_PTR_ERR_NOT_ERR] == SEV_OFF)
		return false;
	for (int depth = 0; depth < 16 && arg && TREE_CODE(arg) == SSA_NAME &&
			    !SSA_NAME_IS_DEFAULT_DEF(arg); depth++) {
		gimple *def = SSA_NAME_DEF_STMT(arg);
		if (def && is_gimple_assign(def) &&
		    (gimple_assign_rhs_code(def) == SSA_NAME ||
		     CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)))) {
			arg = gimple_assign_rhs1(def);
			continue;
		}
		if (!def || !is_gimple_call(def) || api_of_call(def) != API_PTR_ERR ||
		    gimple_call_num_args(def) != 1)
			return false;
		unsigned m = value_at_block(gimple_call_arg(def, 0), gimple_bb(def), NULL);
		unsigned possible = VK_POSSIBLE(m);
		return possible && (!(possible & VK_VALID) || !(possible & VK_ERR));
	}
	return false;
}

/* ROOT brings its 0 to BB only along edges into the nearest join above BB
 * whose other values must be something nothing shows to pass the tests on
 * the way: "out: if (dst) return dst; return ERR_PTR(err);" where err is
 * 0 only where dst was just set to a result never shown to be NULL. */
static bool
zero_needs_unknown(tree root, basic_block bb)
{
	if (TREE_CODE(root) != SSA_NAME)
		return false;
	basic_block entry = ENTRY_BLOCK_PTR_FOR_FN(cfun), join = NULL;
	for (basic_block b = bb; b && b != entry && !join;) {
		edge e;
		basic_block up = value_step_up(b, &e);
		if (!e)
			join = b;
		b = up;
	}
	if (!join)
		return false;
	gimple *def = SSA_NAME_IS_DEFAULT_DEF(root) ? NULL : SSA_NAME_DEF_STMT(root);
	gphi *phi = def && gimple_bb(def) == join ? dyn_cast<gphi *>(def) : NULL;
	if (def && !phi && !dominated_by_p(CDI_DOMINATORS, join, gimple_bb(def)))
		return false;
	bool zero = false;
	edge e;
	edge_iterator ei;
	FOR_EACH_EDGE(e, ei, join->preds) {
		if (dominated_by_p(CDI_DOMINATORS, e->src, join))
			continue;	/* a back edge */
		tree v = phi ? PHI_ARG_DEF_FROM_EDGE(phi, e) : root;
		unsigned m = value_on_edge(v, e, UNKNOWN_LOCATION, NULL);
		if (!(VK_POSSIBLE(m) & VK_ZERO))
			continue;
		if (value_join_edge(e, bb, root) == JOIN_PASSES)
			return false;
		zero = true;
	}
	return zero;
}

static void
check_call(const struct fn_summary *s, function *fn, gimple *call, const struct standin *st,
	   unsigned nnames)
{
	const char *err_ptr = api_name(API_ERR_PTR);
	const char *is_err = api_name(API_IS_ERR);
	tree arg = gimple_call_arg(call, 0);
	basic_block bb = gimple_bb(call);
	if (!arg || !bb)
		return;
	tree root = value_root(arg);
	if (!root)
		return;
	unsigned m = value_at_block(arg, bb, NULL);
	unsigned proven = VK_PROVEN(m), possible = VK_POSSIBLE(m);
	unsigned narrowed = VK_UNSURE(m) != VK_KINDS ? VK_UNSURE(m) : 0;
	bool zero = (proven | narrowed) & VK_ZERO;
	bool positive = (proven & VK_POS) || ((narrowed & VK_POS) && !(possible & VK_NEG));
	if (zero && zero_needs_unknown(root, bb))
		zero = false;
	if (!zero && !positive)
		return;
	if (left_to_ptr_err_not_err(arg))
		return;

	const char *fname = decl_name(s->decl);
	const char *name = value_name(arg);
	if (!name)
		name = value_name(root);
	location_t loc = gimple_location(call);
	bool constant = TREE_CODE(root) == INTEGER_CST && tree_fits_shwi_p(root);
	HOST_WIDE_INT value = constant ? tree_to_shwi(root) : 0;
	struct report *r;

	if (zero) {
		const char *how = possible == VK_ZERO ? "is" : "may be";
		if (constant)
			r = report_begin(CHECK_ERR_PTR_ZERO, loc,
				"%s(0) is NULL, but callers of '%s' test the result only with %s()",
				err_ptr, st->api, is_err);
		else if (name)
			r = report_begin(CHECK_ERR_PTR_ZERO, loc,
				"%s() of '%s', which %s 0 here, is NULL, but callers of '%s' test the "
				"result only with %s()", err_ptr, name, how, st->api, is_err);
		else
			r = report_begin(CHECK_ERR_PTR_ZERO, loc,
				"%s() of a value that %s 0 here is NULL, but callers of '%s' test the "
				"result only with %s()", err_ptr, how, st->api, is_err);
		if (!r)
			return;
		if (!constant)
			explain_zero(r, fn, arg, bb, root, name, nnames);
		report_event(r, loc, fn->decl, "%s(0) is NULL, and '%s' returns it", err_ptr, fname);
	} else {
		if (constant)
			r = report_begin(CHECK_ERR_PTR_ZERO, loc,
				"%s(" HOST_WIDE_INT_PRINT_DEC ") is not an error pointer, and callers "
				"of '%s' test the result only with %s()", err_ptr, value, st->api, is_err);
		else if (name)
			r = report_begin(CHECK_ERR_PTR_ZERO, loc,
				"%s() of '%s', which %s positive here, is not an error pointer, "
				"and callers of '%s' test the result only with %s()",
				err_ptr, name, possible == VK_POS ? "is" : "may be", st->api, is_err);
		else
			r = report_begin(CHECK_ERR_PTR_ZERO, loc,
				"%s() of a value that may be positive here is not an error pointer, "
				"and callers of '%s' test the result only with %s()",
				err_ptr, st->api, is_err);
		if (!r)
			return;
		if (!constant)
			explain_positive(r, fn, bb, root, name);
		report_event(r, loc, fn->decl,
			     "%s() of a positive value is a pointer %s() takes as valid", err_ptr, is_err);
	}
	if (report_emit(r)) {
		explain_callers(r, s, st);
		if (positive && !zero && constant)
			report_note(r, loc, "%s() takes a negative errno: did you mean '%s(-"
				    HOST_WIDE_INT_PRINT_DEC ")'?", err_ptr, err_ptr, value);
		else if (positive && !zero)
			report_note(r, loc, "%s() takes a negative errno, e.g. '%s(-EINVAL)'",
				    err_ptr, err_ptr);
		else if (name && !(proven & VK_ZERO))
			report_note(r, loc,
				    "if 0 means success, test for failure with '%s < 0'; if it means "
				    "failure, return a negative errno for it, e.g. '%s(-ENOENT)'",
				    name, err_ptr);
		else
			report_note(r, loc, "return a negative errno on this path, e.g. '%s(-EINVAL)'",
				    err_ptr);
	}
	report_end(r);
}

/* The function being checked: pass.c opens its body again when
 * select() takes it. */
static struct {
	const struct fn_summary *s;
	struct standin st;	/* who calls it, testing only IS_ERR() */
	sbitmap returned;	/* SSA names whose value reaches a return */
	unsigned nnames;
} cur;

static bool
err_ptr_zero_select(const struct fn_summary *s)
{
	if (check_severity[CHECK_ERR_PTR_ZERO] == SEV_OFF || !s || !s->analysed || !s->decl ||
	    TREE_CODE(s->decl) != FUNCTION_DECL || !TREE_TYPE(s->decl) ||
	    !POINTER_TYPE_P(TREE_TYPE(TREE_TYPE(s->decl))))
		return false;
	if (!has_err_ptr_call(DECL_STRUCT_FUNCTION(s->decl)) || !find_callers(s, &cur.st))
		return false;
	cur.s = s;
	return true;
}

static void
err_ptr_zero_begin(function *fn)
{
	cur.nnames = num_ssa_names;
	cur.returned = sbitmap_alloc(cur.nnames);
	bitmap_clear(cur.returned);
	mark_returned(fn, cur.returned, cur.nnames);
}

static void
err_ptr_zero_on_call(function *fn, gimple *stmt, enum api_fn api)
{
	if (api != API_ERR_PTR || gimple_call_num_args(stmt) != 1)
		return;
	tree lhs = gimple_call_lhs(stmt);
	if (!lhs || TREE_CODE(lhs) != SSA_NAME || SSA_NAME_VERSION(lhs) >= cur.nnames ||
	    !bitmap_bit_p(cur.returned, SSA_NAME_VERSION(lhs)))
		return;
	check_call(cur.s, fn, stmt, &cur.st, cur.nnames);
}

static void
err_ptr_zero_end(function *fn)
{
	sbitmap_free(cur.returned);
	memset(&cur, 0, sizeof(cur));
}

const struct check_hooks err_ptr_zero_hooks = {
	.begin_function = err_ptr_zero_begin,
	.on_call = err_ptr_zero_on_call,
	.end_function = err_ptr_zero_end,
	.select = err_ptr_zero_select,
};
