/*
 * check_ptr_err_not_err.c - PTR_ERR() of a pointer that is not an error
 * pointer on that path: it yields 0 (success) or junk.
 *
 *     p = get_thing();
 *     if (IS_ERR_OR_NULL(p))
 *             return PTR_ERR(p);      <- 0 when p is NULL
 *
 * PTR_ERR(NULL) is 0, so the function reports success although it has
 * nothing, and its caller goes on with a half set-up object.  Reported at
 * the PTR_ERR() call when the kinds its argument has there - proven by a
 * source (NULL, a contract) or narrowed by a test (IS_ERR_OR_NULL, !p) -
 * include NULL and no valid pointer, with the test or source of the NULL
 * as the path and the fix: an errno for NULL ("p ? PTR_ERR(p) : -ENOMEM"),
 * or PTR_ERR_OR_ZERO() where 0 is really meant.  Also reported: PTR_ERR()
 * where the pointer cannot be an error pointer at all ("if (!IS_ERR(p))
 * return PTR_ERR(p);", an inverted test).
 *
 * Not reported: PTR_ERR() of a value errptr knows nothing about (the
 * common "err = PTR_ERR(p); if (IS_ERR(p)) goto out;" computes it before
 * the test), after IS_ERR(), PTR_ERR_OR_ZERO() and ERR_CAST(), and a
 * result that is only printed (a variadic argument) or compared with a
 * non-zero constant such as -ENOENT, and one the code compares with 0
 * ("PTR_ERR(p) ?: -ENOENT": the 0 is seen to).
 */
#include "check.h"
#include "callee.h"
#include "report.h"
#include "value.h"

#define MAX_USE_DEPTH 8		/* copies and conversions of the result */

/* Is NAME one of the arguments a variadic call takes through "..."?  Then
 * it is printed (printk, dev_err), not passed on as a result. */
static bool
variadic_argument_p(gimple *call, tree name)
{
	tree fntype = gimple_call_fntype(call);
	if (!fntype || !stdarg_p(fntype))
		return false;
	unsigned named = 0;
	for (tree a = TYPE_ARG_TYPES(fntype); a && TREE_VALUE(a) != void_type_node;
	     a = TREE_CHAIN(a))
		named++;
	bool seen = false;
	for (unsigned i = 0; i < gimple_call_num_args(call); i++) {
		if (gimple_call_arg(call, i) != name)
			continue;
		if (i < named)
			return false;
		seen = true;
	}
	return seen;
}

/* The constant USE compares NAME with ("NAME == -ENOENT", "if (NAME)" is
 * "NAME != 0"), or NULL. */
static tree
compared_constant(gimple *u, tree name)
{
	tree a = NULL_TREE, b = NULL_TREE;
	if (gcond *c = dyn_cast<gcond *>(u)) {
		a = gimple_cond_lhs(c);
		b = gimple_cond_rhs(c);
	} else if (is_gimple_assign(u) &&
		   TREE_CODE_CLASS(gimple_assign_rhs_code(u)) == tcc_comparison) {
		a = gimple_assign_rhs1(u);
		b = gimple_assign_rhs2(u);
	}
	if (!a || !b)
		return NULL_TREE;
	tree other = a == name ? b : a;
	return TREE_CODE(other) == INTEGER_CST ? other : NULL_TREE;
}

/* The SSA name USE copies or converts NAME into, or NULL. */
static tree
copy_of(gimple *u, tree name)
{
	if (!is_gimple_assign(u))
		return NULL_TREE;
	enum tree_code code = gimple_assign_rhs_code(u);
	if ((code == SSA_NAME || CONVERT_EXPR_CODE_P(code)) && gimple_assign_rhs1(u) == name &&
	    TREE_CODE(gimple_assign_lhs(u)) == SSA_NAME)
		return gimple_assign_lhs(u);
	return NULL_TREE;
}

/* Does the value of NAME (PTR_ERR's result) go anywhere that takes it as
 * a status: a return, a store, an argument, arithmetic?  Printing it or
 * comparing it with an errno constant does no harm. */
static bool
result_matters(tree name, int depth)
{
	if (!name || TREE_CODE(name) != SSA_NAME)
		return name != NULL_TREE;
	if (depth > MAX_USE_DEPTH)
		return true;

	imm_use_iterator iter;
	use_operand_p use_p;
	FOR_EACH_IMM_USE_FAST(use_p, iter, name) {
		gimple *u = USE_STMT(use_p);
		if (!u || is_gimple_debug(u))
			continue;
		tree cst = compared_constant(u, name);
		if (cst && !integer_zerop(cst))
			continue;
		tree copy = copy_of(u, name);
		if (copy) {
			if (result_matters(copy, depth + 1))
				return true;
			continue;
		}
		if (is_gimple_call(u) && variadic_argument_p(u, name))
			continue;
		return true;
	}
	return false;
}

/* Is the value of NAME (PTR_ERR's result), or a copy of it, compared with
 * 0?  Then the code knows it may be 0 and replaces or handles it:
 * "PTR_ERR(p) ?: -ENOENT", "err = PTR_ERR(p); if (!err) err = -EIO;". */
static bool
zero_tested(tree name, int depth)
{
	if (!name || TREE_CODE(name) != SSA_NAME || depth > MAX_USE_DEPTH)
		return false;

	imm_use_iterator iter;
	use_operand_p use_p;
	FOR_EACH_IMM_USE_FAST(use_p, iter, name) {
		gimple *u = USE_STMT(use_p);
		if (!u || is_gimple_debug(u))
			continue;
		tree cst = compared_constant(u, name);
		if (cst && integer_zerop(cst))
			return true;
		tree copy = copy_of(u, name);
		if (copy && zero_tested(copy, depth + 1))
			return true;
	}
	return false;
}

/* PTR_ERR() of a pointer that may be NULL (and is no valid pointer); as
 * CHECK_PTR_ERR_OR_ZERO when that NULL is an ordinary value of its source. */
static void
report_may_be_null(enum check_id check, function *fn, gimple *call, tree root, unsigned m,
		   const struct origin *o)
{
	const char *ptr_err = api_name(API_PTR_ERR);
	const char *name = value_name(root);
	const char *p = name ? name : "p";
	location_t loc = gimple_location(call);
	location_t test_loc = UNKNOWN_LOCATION;
	bool err_too = VK_POSSIBLE(m) & VK_ERR;

	struct report *r = report_begin(check, loc,
		"%s() of a pointer that may be NULL yields 0, i.e. success", ptr_err);
	if (!r)
		return;
	unsigned allowed = 0;
	report_null_origin(r, o, fn->decl, false);
	bool holds;
	if (value_nearest_test(fn, root, gimple_bb(call), VK_NULL, VK_VALID, &test_loc, &allowed,
			 &holds)) {
		const char *how = allowed == VK_NULL ? "is" : "may be";
		const char *when = holds ? "holds" : "fails";
		if (name)
			report_event(r, test_loc, fn->decl, "'%s' %s NULL when this test %s",
				     name, how, when);
		else
			report_event(r, test_loc, fn->decl, "the pointer %s NULL when this test %s",
				     how, when);
	} else if (o->kind == ORIGIN_TEST && o->loc != UNKNOWN_LOCATION) {
		/* a test on one of the paths that join here */
		if (name)
			report_event(r, o->loc, fn->decl, "'%s' may be NULL after this test", name);
		else
			report_event(r, o->loc, fn->decl, "the pointer may be NULL after this test");
	}
	report_event(r, loc, fn->decl, "%s(NULL) is 0", ptr_err);
	if (report_emit(r)) {
		if (check == CHECK_PTR_ERR_OR_ZERO)
			report_note(r, loc,
				    "%s is one of the values '%s' returns besides error pointers, "
				    "not a failure: if 0 is meant for it, say so with '%s(%s)'",
				    "NULL", o->callee ? decl_name(o->callee) : "the call",
				    api_name(API_PTR_ERR_OR_ZERO), p);
		else if (err_too)
			report_note(r, loc,
				    "if NULL is a failure here, give it an error code, e.g. "
				    "'%s ? %s(%s) : -ENOMEM'; if 0 is really meant for NULL, write "
				    "'%s(%s)'",
				    p, ptr_err, p, api_name(API_PTR_ERR_OR_ZERO), p);
		else
			report_note(r, loc,
				    "'%s' is NULL here: return an error code instead, e.g. '-ENOMEM'",
				    p);
	}
	report_end(r);
}

/* PTR_ERR() of a pointer that cannot be an error pointer. */
static void
report_not_error(function *fn, gimple *call, tree root)
{
	const char *ptr_err = api_name(API_PTR_ERR);
	const char *name = value_name(root);
	location_t loc = gimple_location(call);
	location_t test_loc = UNKNOWN_LOCATION;

	struct report *r = report_begin(CHECK_PTR_ERR_NOT_ERR, loc,
		"%s() of a pointer that is not an error pointer here", ptr_err);
	if (!r)
		return;
	unsigned allowed;
	bool holds;
	bool tested = value_nearest_test(fn, root, gimple_bb(call), VK_NULL | VK_VALID, VK_ERR, &test_loc,
				   &allowed, &holds);
	if (tested) {
		const char *when = holds ? "holds" : "fails";
		if (name)
			report_event(r, test_loc, fn->decl,
				     "'%s' is not an error pointer when this test %s", name, when);
		else
			report_event(r, test_loc, fn->decl,
				     "the pointer is not an error pointer when this test %s", when);
	}
	report_event(r, loc, fn->decl, "%s() of NULL is 0 and of a valid pointer is junk",
		     ptr_err);
	if (report_emit(r)) {
		if (tested)
			report_note(r, loc,
				    "%s() is meant for error pointers only: is the test inverted "
				    "(should it be '%s(%s)')?",
				    ptr_err, api_name(API_IS_ERR), name ? name : "p");
		else
			report_note(r, loc, "%s() is meant for error pointers only; test with "
				    "'%s()' first", ptr_err, api_name(API_IS_ERR));
	}
	report_end(r);
}

/* Does FN test ROOT with IS_ERR() (or IS_ERR_OR_NULL()) somewhere?  Then
 * its author expects an error pointer from it, whatever a contract says:
 * "err = PTR_ERR(page); if (IS_ERR(page)) goto out;" after follow_page(),
 * whose error pointers only some flags get (mm/migrate.c). */
static bool
error_tested_somewhere(function *fn, tree root)
{
	basic_block bb;
	FOR_EACH_BB_FN(bb, fn) {
		struct value_test t;
		location_t loc;
		if (value_block_test(bb, &t, &loc) && t.root == root &&
		    (t.kinds == VK_ERR || t.kinds == (VK_ERR | VK_NULL)))
			return true;
	}
	return false;
}

/* Is the NULL that PTR_ERR() may get here an ordinary value of the call
 * it comes from, handled together with its error pointers?  A function
 * that returns both - an optional getter's "absent", a lookup's "not
 * there" (ovl_get_redirect_xattr(), ceph_lookup()) - says with NULL that
 * there is nothing to do, and "if (IS_ERR_OR_NULL(p)) return PTR_ERR(p);"
 * returns 0 for it on purpose: PTR_ERR_OR_ZERO() written the long way.
 * Not when the kinds come from a test alone (a load: the NULL of a
 * revoked key's payload is a failure, fs/nfs/nfs4idmap.c), or when only
 * NULL gets here ("if (!p) return PTR_ERR(p);" is always 0). */
static bool
null_is_ordinary(tree root, unsigned m)
{
	const unsigned both = VK_NULL | VK_ERR;
	if (!(VK_POSSIBLE(m) & VK_ERR) || TREE_CODE(root) != SSA_NAME ||
	    SSA_NAME_IS_DEFAULT_DEF(root))
		return false;
	gimple *def = SSA_NAME_DEF_STMT(root);
	if (!is_gimple_call(def) || api_of_call(def) != API_NONE)
		return false;
	/* a contract that says both (a learned one may leave them only
	 * possible at this call), or a body of this file that returns both */
	tree fndecl = gimple_call_fndecl(def);
	const struct contract *c = fndecl ? callee_contract(fndecl) : NULL;
	if (c && c->fails == FAILS_BOTH)
		return true;
	return (VK_PROVEN(value_of_name(root, NULL)) & both) == both;
}

static void
check_call(function *fn, gimple *call)
{
	if (gimple_call_num_args(call) != 1)
		return;
	tree arg = gimple_call_arg(call, 0);
	if (!arg)
		return;
	tree root = value_root(arg);
	if (!root)
		return;
	struct origin o = { ORIGIN_NONE, UNKNOWN_LOCATION, NULL_TREE };
	unsigned m = value_at_block(arg, gimple_bb(call), &o);
	unsigned possible = VK_POSSIBLE(m);

	if (!possible)
		return;		/* unreachable as far as we know */
	/* NULL proven, or left by a test that let only failures through */
	bool may_be_null = (possible & VK_NULL) && !(possible & VK_VALID) &&
			   ((VK_PROVEN(m) & VK_NULL) || VK_UNSURE(m) != VK_KINDS);
	/* no error pointer can get here (!IS_ERR(p) held, or a source says so) */
	bool never_error = !(possible & VK_ERR);
	if (!may_be_null && !never_error)
		return;
	if (!result_matters(gimple_call_lhs(call), 0))
		return;
	if (may_be_null && zero_tested(gimple_call_lhs(call), 0))
		return;		/* the 0 is seen to and replaced */
	if (may_be_null)
		report_may_be_null(null_is_ordinary(root, m) ? CHECK_PTR_ERR_OR_ZERO
								 : CHECK_PTR_ERR_NOT_ERR,
				   fn, call, root, m, &o);
	else if (!(TREE_CODE(root) == SSA_NAME &&
		   !(VK_POSSIBLE(value_of_name(root, NULL)) & VK_ERR) &&
		   error_tested_somewhere(fn, root)))
		report_not_error(fn, call, root);	/* unless only the source says so */
}

static void
ptr_err_not_err_on_call(function *fn, gimple *stmt, enum api_fn api)
{
	if (api == API_PTR_ERR && check_severity[CHECK_PTR_ERR_NOT_ERR] != SEV_OFF)
		check_call(fn, stmt);
}

const struct check_hooks ptr_err_not_err_hooks = {
	.on_call = ptr_err_not_err_on_call,
};
