/*
 * summarize.c - the builders of a function's summary (summaries.h), run by
 * pass.c on each body while its value analysis is open, callees first.
 *
 * What they record - the kinds of value each return may yield and where a
 * NULL comes from, calls whose result is returned (evidence of a
 * stand-in), functions stored in struct members, and how each call's
 * result is tested - is all the checks need once the bodies have moved on
 * through the optimisers.  In learn mode the same facts go to learn.c.
 */
#include "summarize.h"
#include "callee.h"
#include "facts.h"
#include "learn.h"
#include "memory.h"
#include "names.h"
#include "standin.h"
#include "uses.h"
#include "value.h"

/* A function stored in a member (an initializer or a store in a body):
 * for the member map, and evidence of a stand-in when the member has a
 * contract. */
void
summarize_member_store(tree fndecl, const char *type_name, const char *field, location_t loc)
{
	members_note(fndecl, type_name, field);
	const struct contract *c = contract_for_member(type_name, field);
	if (!c)
		return;
	standin_note(summary_edit(fndecl), STANDIN_MEMBER, c, NULL, loc);
}

/* Per function being analysed: for each SSA name holding a call's result,
 * the kinds of it that can reach a return (passed on to our caller). */
static unsigned char *returned_kinds;
static unsigned returned_n;

/* ---- returns ----------------------------------------------------------- */

/* An SSA name the compiler made (the return temporary, a ?: temporary)
 * rather than a variable of the program. */
static bool
compiler_temporary_p(tree name)
{
	tree var = SSA_NAME_VAR(name);
	return !var || (TREE_CODE(var) == VAR_DECL && DECL_ARTIFICIAL(var));
}

/* Calls whose result reaches a return: evidence that the function passes
 * on what an API returned.  ALLOWED: the kinds that can still reach the
 * return through the names on the way (a test of a PHI of two calls' results,
 * "if (!p) return ERR_PTR(-ENOMEM); return p;", holds for both calls). */
static void
note_returned_calls(struct fn_summary *s, tree val, basic_block site, unsigned allowed,
		    bitmap visited, int depth)
{
	if (depth > 64 || TREE_CODE(val) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(val))
		return;
	if (!bitmap_set_bit(visited, SSA_NAME_VERSION(val)))
		return;
	if (site)
		allowed &= VK_POSSIBLE(value_at_block(val, site, NULL));
	gimple *def = SSA_NAME_DEF_STMT(val);
	if (gphi *phi = dyn_cast<gphi *>(def)) {
		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
			note_returned_calls(s, gimple_phi_arg_def(phi, i), site, allowed, visited,
					    depth + 1);
		return;
	}
	if (memory_load_p(def)) {	/* "return priv->x;": what was stored there */
		gimple *store;
		tree src = memory_source(val, &store);
		if (src)
			note_returned_calls(s, src, site, allowed, visited, depth + 1);
		return;
	}
	if (is_gimple_assign(def)) {
		enum tree_code code = gimple_assign_rhs_code(def);
		if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code))
			note_returned_calls(s, gimple_assign_rhs1(def), site, allowed, visited,
					    depth + 1);
		return;
	}
	if (!is_gimple_call(def))
		return;
	tree lhs = gimple_call_lhs(def);
	if (lhs && TREE_CODE(lhs) == SSA_NAME && SSA_NAME_VERSION(lhs) < returned_n && site)
		returned_kinds[SSA_NAME_VERSION(lhs)] |= allowed;
	enum api_fn fn = api_of_call(def);
	if (fn == API_ERR_CAST) {
		note_returned_calls(s, gimple_call_arg(def, 0), site, VK_KINDS, visited, depth + 1);
		return;
	}
	if (fn != API_NONE)
		return;
	tree callee = gimple_call_fndecl(def);
	if (errptr_learn && callee && DECL_NAME(callee) && !defined_in_unit(callee) &&
	    gimple_call_lhs(def) && site)
		learn_returned_call(IDENTIFIER_POINTER(DECL_NAME(callee)), allowed);
	if (callee && DECL_NAME(callee)) {
		const struct contract *c = contract_for_function(IDENTIFIER_POINTER(DECL_NAME(callee)));
		if (c && prototypes_match(s->decl, c))
			standin_note(s, STANDIN_DIRECT_CALL, c, NULL, gimple_location(def));
		c = callee_contract(callee);
		if (c && c->fails == FAILS_ERR && (allowed & VK_ERR))
			s->returns_err_api = true;
		return;
	}
	const char *via = NULL;
	const struct contract *c = callee_indirect_contract(def, &via);
	if (c)
		standin_note(s, via ? STANDIN_VAR_CALL : STANDIN_LOOKUP_CALL, c, via,
			     gimple_location(def));
}

/* ---- kinds that only some arguments get ------------------------------
 * get_ksm_page() returns ERR_PTR(-EBUSY) only for GET_KSM_PAGE_TRYLOCK,
 * mpol_new() returns NULL only for MPOL_DEFAULT, and
 * ext4_read_block_bitmap_nowait() NULL only when ignore_locked,
 * create_target_field_var() NULL only for a subsys_name: the callers that
 * pass other values never see that kind, and test only for the other one.
 * A return site is guarded when a test of an integer parameter (a flag, a
 * mode, a type) must have gone one way to reach it, or an optional pointer
 * parameter must have been given. */
#define MAX_PARAM_DEPTH 4
#define MAX_GUARD_STEPS 64

/* Is T a parameter's value on entry? */
static bool
parameter_value(tree t)
{
	return t && TREE_CODE(t) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF(t) && SSA_NAME_VAR(t) &&
	       TREE_CODE(SSA_NAME_VAR(t)) == PARM_DECL;
}

/* T computed from integer parameters and constants only. */
static bool
integer_param_derived(tree t, int depth)
{
	if (!t || TREE_CODE(t) != SSA_NAME || depth > MAX_PARAM_DEPTH ||
	    !INTEGRAL_TYPE_P(TREE_TYPE(t)))
		return false;
	if (SSA_NAME_IS_DEFAULT_DEF(t))
		return parameter_value(t);
	gimple *def = SSA_NAME_DEF_STMT(t);
	if (!is_gimple_assign(def))
		return false;
	enum tree_code code = gimple_assign_rhs_code(def);
	/* a flag or a mode picked out: ==, !=, bits; not a range ("id >= n"
	 * validates an index, the callers do not choose the outcome) */
	if (code != SSA_NAME && !CONVERT_EXPR_CODE_P(code) && code != BIT_AND_EXPR &&
	    code != BIT_IOR_EXPR && code != BIT_NOT_EXPR && code != TRUTH_NOT_EXPR &&
	    code != EQ_EXPR && code != NE_EXPR)
		return false;
	bool some = false;
	for (unsigned i = 1; i < gimple_num_ops(def); i++) {
		tree op = gimple_op(def, i);
		if (TREE_CODE(op) == INTEGER_CST)
			continue;
		if (!integer_param_derived(op, depth + 1))
			return false;
		some = true;
	}
	return some;
}

/* Is T a pointer parameter, as passed (through copies and casts)? */
static bool
pointer_param(tree t)
{
	tree r = TREE_CODE(t) == SSA_NAME ? value_root(t) : NULL_TREE;
	return parameter_value(r) && POINTER_TYPE_P(TREE_TYPE(r));
}

/* Does E lead straight to the function's return (a chain of single
 * successors, at most 8 blocks), calling nothing but the convention's
 * helpers unless CALLS_OK?  *RET: the return statement (NULL for the exit
 * block itself), *IN: the edge it is entered by. */
static bool
straight_return(edge e, bool calls_ok, greturn **ret, edge *in)
{
	basic_block bb = e->dest;
	*ret = NULL;
	*in = e;
	for (int steps = 0; steps < 8; steps++) {
		if (bb == EXIT_BLOCK_PTR_FOR_FN(cfun))
			return true;
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			if (!calls_ok && is_gimple_call(stmt) && api_of_call(stmt) == API_NONE)
				return false;
			if (gimple_code(stmt) == GIMPLE_RETURN) {
				*ret = as_a<greturn *>(stmt);
				return true;
			}
		}
		if (!single_succ_p(bb))
			return false;
		*in = single_succ_edge(bb);
		bb = (*in)->dest;
	}
	return false;
}

/* Does the function bail out along E - straight to its return, calling
 * nothing ("if (!path) return NULL;")?  Then the test is defensive, and
 * NULL no argument callers choose. */
static bool
bails_out(edge e)
{
	greturn *ret;
	edge in;
	return straight_return(e, false, &ret, &in);
}

/* Does the function bail out along E with a constant - "if (flags &
 * MSG_PROBE) return NULL;", perhaps after some cleanup ("dst_release(...);
 * return NULL;", ip6_make_skb()) - a value it did not compute? */
static bool
bails_out_with_constant(edge e)
{
	greturn *ret;
	edge in;
	if (!straight_return(e, true, &ret, &in) || !ret)
		return false;
	tree v = gimple_return_retval(ret);
	basic_block bb = gimple_bb(ret);
	if (v && TREE_CODE(v) == SSA_NAME && gimple_code(SSA_NAME_DEF_STMT(v)) == GIMPLE_PHI &&
	    gimple_bb(SSA_NAME_DEF_STMT(v)) == bb)
		v = PHI_ARG_DEF_FROM_EDGE(as_a<gphi *>(SSA_NAME_DEF_STMT(v)), in);
	/* through copies: "_8 = 0B;" on the way */
	for (int i = 0; i < 4 && v && TREE_CODE(v) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(v) &&
			gimple_assign_single_p(SSA_NAME_DEF_STMT(v)); i++)
		v = gimple_assign_rhs1(SSA_NAME_DEF_STMT(v));
	return !v || TREE_CODE(v) == INTEGER_CST;
}

/* Does taking E depend on an integer parameter's value, or is it the edge
 * where an optional pointer parameter was given: "if (subsys_name) { ...
 * return NULL; }" when the function goes on to work without one? */
static bool
edge_tests_param(edge e)
{
	if (!e || !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
		return false;
	gimple *last = errptr_last_stmt(e->src);
	gcond *c = last ? dyn_cast<gcond *>(last) : NULL;
	if (!c)
		return false;
	if (gimple_cond_code(c) != EQ_EXPR && gimple_cond_code(c) != NE_EXPR)
		return false;
	tree a = gimple_cond_lhs(c), b = gimple_cond_rhs(c);
	edge other = EDGE_COUNT(e->src->succs) != 2 ? NULL
		     : EDGE_SUCC(e->src, 0) == e ? EDGE_SUCC(e->src, 1) : EDGE_SUCC(e->src, 0);
	if (integer_zerop(b) && pointer_param(a)) {
		bool given = (gimple_cond_code(c) == NE_EXPR) == !!(e->flags & EDGE_TRUE_VALUE);
		return given && other && !bails_out(other);
	}
	/* Past a test whose other way returns a constant at once ("if (flags
	 * & MSG_PROBE) return NULL;", net/ipv4/ip_output.c ip_make_skb()),
	 * the function just goes on: what it returns further down is its
	 * normal result, not one an argument picks out. */
	if (other && bails_out_with_constant(other))
		return false;
	return (integer_param_derived(a, 0) && (TREE_CODE(b) == INTEGER_CST ||
						integer_param_derived(b, 0))) ||
	       (TREE_CODE(a) == INTEGER_CST && integer_param_derived(b, 0));
}

/* The tests of integer parameters that must go one way to reach the
 * return (along E, or in BB): E, and the incoming edges on the way up.  A
 * join is crossed through its one incoming edge that can carry the value
 * the first pointer test on the way asked for: "if (!bh && (type == INDEX
 * || type == DIRENT_HTREE)) return ERR_PTR(..); if (!bh) return NULL;"
 * (fs/ext4/namei.c __ext4_read_dirblock()) reaches its NULL only past both
 * type tests.  At most MAX_GUARDS, into OUT. */
#define MAX_GUARDS 16

static int
param_guards(basic_block bb, edge e, edge *out)
{
	int n = 0;
	tree root = NULL_TREE;
	unsigned want = 0;
	basic_block entry = ENTRY_BLOCK_PTR_FOR_FN(cfun);

	for (int steps = 0; steps < MAX_GUARD_STEPS && n < MAX_GUARDS; steps++) {
		if (e) {
			if (edge_tests_param(e)) {
				out[n++] = e;
			} else if (!root && (e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE))) {
				struct value_test t;
				location_t l;
				if (value_block_test(e->src, &t, &l) && TREE_CODE(t.root) == SSA_NAME) {
					root = t.root;
					want = (e->flags & EDGE_TRUE_VALUE) ? t.kinds
									    : (~t.kinds & VK_KINDS);
				}
			}
			bb = e->src;
		}
		if (!bb || bb == entry)
			break;
		if (single_pred_p(bb))
			e = single_pred_edge(bb);
		else if (root)
			e = value_entry_edge(bb, root, want);
		else
			e = NULL;
		if (!e)
			bb = get_immediate_dominator(CDI_DOMINATORS, bb);
	}
	return n;
}

/* Per function: for NULL (0) and error pointers (1), the guards every
 * return site of that kind has in common. */
static struct {
	bool seen;
	int n;
	edge e[MAX_GUARDS];
} common_guards[2];

static void
add_guards(int kind, const edge *g, int n)
{
	if (!common_guards[kind].seen) {
		common_guards[kind].seen = true;
		common_guards[kind].n = n;
		memcpy(common_guards[kind].e, g, n * sizeof(*g));
		return;
	}
	int out = 0;
	for (int i = 0; i < common_guards[kind].n; i++) {
		for (int j = 0; j < n; j++) {
			if (common_guards[kind].e[i] == g[j]) {
				common_guards[kind].e[out++] = common_guards[kind].e[i];
				break;
			}
		}
	}
	common_guards[kind].n = out;
}

/* Does kind A need an argument test that kind B's sites do not all need? */
static bool
selected_by_argument(int a, int b)
{
	for (int i = 0; i < common_guards[a].n; i++) {
		bool shared = false;
		for (int j = 0; j < common_guards[b].n && !shared; j++)
			shared = common_guards[b].e[j] == common_guards[a].e[i];
		if (!shared)
			return true;
	}
	return false;
}

/* Per function: a NULL return site with a NULL of its own making - "return
 * NULL;" written there, a callee's NULL, a value tested NULL - rather than
 * one left in a variable initialised to NULL, or ERR_PTR() of a code that
 * the analysis cannot prove non-zero ("ifa = NULL; ... if (err < 0) ifa =
 * ERR_PTR(err); return ifa;", net/ipv6/addrconf.c ipv6_add_addr()). */
static bool strong_null_site;

/* A function that returns both NULL and an error pointer, one of them only
 * for some values of an argument the other does not need: that one is not
 * proven for its callers (they pick the argument), only possible.  The same
 * for a NULL with no site of its own making: what reaches the return hangs
 * on a correlation of variables (err and ifa) the analysis does not track. */
static void
demote_guarded_kinds(struct fn_summary *s)
{
	const unsigned both = VK_NULL | VK_ERR;
	if ((VK_PROVEN(s->returns) & both) != both)
		return;
	if (!strong_null_site) {
		s->returns = (s->returns & ~VK_NULL) | (VK_NULL << VK_UNK_SHIFT);
		return;
	}
	if (!common_guards[0].seen || !common_guards[1].seen)
		return;
	bool null_selected = selected_by_argument(0, 1);
	bool err_selected = selected_by_argument(1, 0);
	if (null_selected == err_selected)
		return;		/* neither, or each on its own flag: can't tell */
	unsigned kind = null_selected ? VK_NULL : VK_ERR;
	s->returns = (s->returns & ~kind) | (kind << VK_UNK_SHIFT);
}

/* ---- predicates --------------------------------------------------------
 * drivers/base/core.c: "if (!live_in_glue_dir(glue_dir, dev)) return;"
 * and then glue_dir is used: live_in_glue_dir() returns false for a NULL
 * kobj, so past the test glue_dir is not NULL.  For an integer function,
 * the pointer parameters that are not NULL wherever it returns non-zero
 * (value.c takes the call's non-zero result as a test of them). */
#define MAX_PREDICATE_PARAMS 32

static unsigned
pointer_params(tree decl)
{
	unsigned bits = 0;
	int i = 0;
	for (tree a = DECL_ARGUMENTS(decl); a && i < MAX_PREDICATE_PARAMS; a = DECL_CHAIN(a), i++)
		if (POINTER_TYPE_P(TREE_TYPE(a)))
			bits |= 1u << i;
	return bits;
}

/* The pointer parameters not NULL at a return along E (or in BB). */
static unsigned
params_not_null_at(tree decl, basic_block bb, edge e, location_t loc)
{
	unsigned bits = 0;
	int i = 0;
	for (tree a = DECL_ARGUMENTS(decl); a && i < MAX_PREDICATE_PARAMS; a = DECL_CHAIN(a), i++) {
		tree d = POINTER_TYPE_P(TREE_TYPE(a)) ? ssa_default_def(cfun, a) : NULL_TREE;
		if (!d)
			continue;
		unsigned m = e ? value_on_edge(d, e, loc, NULL) : value_at_block(d, bb, NULL);
		if (!(VK_POSSIBLE(m) & VK_NULL))
			bits |= 1u << i;
	}
	return bits;
}

/* ---- the one errno ------------------------------------------------------
 * mm/ksm.c: stable_tree_search() returns ERR_PTR(-EBUSY) and no other error
 * pointer, and cmp_and_merge_page() tests "if (PTR_ERR(kpage) == -EBUSY)
 * return;": past that kpage is NULL or valid.  The errno of VAL's error
 * pointers when each is ERR_PTR() of a constant, the same one; 0 for none,
 * ERRNO_SEVERAL otherwise.  Error pointers as proven: a value nothing is
 * known about counts as none, as everywhere else. */
static long
merge_errno(long a, long b)
{
	return !a ? b : !b ? a : a == b ? a : ERRNO_SEVERAL;
}

static long
constant_errno(tree val, int depth)
{
	if (TREE_CODE(val) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(val) || depth > 16)
		return ERRNO_SEVERAL;
	gimple *def = SSA_NAME_DEF_STMT(val);
	if (is_gimple_call(def) && api_of_call(def) == API_ERR_PTR &&
	    gimple_call_num_args(def) == 1) {
		tree c = gimple_call_arg(def, 0);
		return TREE_CODE(c) == INTEGER_CST && tree_fits_shwi_p(c) && tree_to_shwi(c) < 0
			       ? tree_to_shwi(c) : ERRNO_SEVERAL;
	}
	if (gphi *phi = dyn_cast<gphi *>(def)) {
		long v = 0;
		for (unsigned i = 0; i < gimple_phi_num_args(phi) && v != ERRNO_SEVERAL; i++) {
			tree arg = gimple_phi_arg_def(phi, i);
			edge e = gimple_phi_arg_edge(phi, i);
			if (VK_PROVEN(value_on_edge(arg, e, UNKNOWN_LOCATION, NULL)) & VK_ERR)
				v = merge_errno(v, constant_errno(arg, depth + 1));
		}
		return v;
	}
	if (is_gimple_assign(def) && gimple_assign_rhs_code(def) == SSA_NAME)
		return constant_errno(gimple_assign_rhs1(def), depth + 1);
	return ERRNO_SEVERAL;
}

/* ---- an index checked against its bound ------------------------------
 * drivers/gpio/gpiolib.c: gpiochip_get_desc() returns ERR_PTR(-EINVAL)
 * only past "if (hwnum >= gdev->ngpio)", and for_each_gpio_desc() calls it
 * as "__i < gc->ngpio && (desc = gpiochip_get_desc(gc, __i))": a caller
 * that bounds the index itself does not get that error.  The integer
 * parameter every NULL and error return is past a "too large" test of;
 * value.c takes such a call's failure as not proven when its argument is
 * bounded above on the way to the call. */

/* The 1-based number of the integer parameter T is (through copies and
 * conversions), or 0. */
static int
integer_param_number(tree t)
{
	t = value_strip_copies(t);
	if (!parameter_value(t) || !INTEGRAL_TYPE_P(TREE_TYPE(t)))
		return 0;
	int i = 1;
	for (tree a = DECL_ARGUMENTS(current_function_decl); a; a = DECL_CHAIN(a), i++)
		if (a == SSA_NAME_VAR(t))
			return i;
	return 0;
}

/* The parameter that taking E shows too large for a bound that is not a
 * constant ("k >= gdev->ngpio" held, "k < n" failed), or 0.  A constant
 * bound is left out: callers' constants could be compared with it, and
 * are not. */
static int
too_large_param(edge e)
{
	tree lo, hi;
	if (!value_edge_orders(e, &lo, &hi) || TREE_CODE(lo) == INTEGER_CST ||
	    integer_param_number(lo))
		return 0;
	return integer_param_number(hi);
}

/* The parameter a return site (along E, or in BB) is past a "too large"
 * test of, on the edges every path to it takes; 0 for none. */
static int
index_guard(basic_block bb, edge e)
{
	basic_block entry = ENTRY_BLOCK_PTR_FOR_FN(cfun);
	int k = e ? too_large_param(e) : 0;
	if (e)
		bb = e->src;
	for (int steps = 0; !k && bb && bb != entry && steps < MAX_GUARD_STEPS; steps++) {
		bb = value_step_up(bb, &e);
		k = e ? too_large_param(e) : 0;
	}
	return k;
}

static const char *failure_errno(basic_block bb, edge e);

/* One source-level return statement of value VAL, at LOC; VAL flows in
 * along E when E is set, else it is used in BB.  GUARD_BB, when set, is
 * where the statement as a whole is reached (the arms of its "?:" are in
 * blocks below it): the tests that select the return are those above it. */
static void
return_site(struct fn_summary *s, tree val, basic_block bb, edge e, location_t loc,
	    basic_block guard_bb)
{
	struct origin o = { ORIGIN_NONE, UNKNOWN_LOCATION, NULL_TREE };
	unsigned m = e ? value_on_edge(val, e, loc, &o) : value_at_block(val, bb, &o);
	basic_block gbb = guard_bb ? guard_bb : bb;
	edge ge = guard_bb ? NULL : e;

	if ((VK_PROVEN(m) & VK_ERR) && POINTER_TYPE_P(TREE_TYPE(val)))
		s->single_errno = merge_errno(s->single_errno, constant_errno(val, 0));
	if (INTEGRAL_TYPE_P(TREE_TYPE(val)) && s->nonzero_needs &&
	    (VK_POSSIBLE(m) & (VK_NEG | VK_POS)))
		s->nonzero_needs &= params_not_null_at(s->decl, gbb, ge, loc);
	/* For callers, a NULL this function only passes through ("if (!p)
	 * return p;" with p a parameter) is not one it produces. */
	unsigned produced = m;
	if ((m & VK_NULL) && o.kind == ORIGIN_TEST)
		produced = (produced & ~VK_NULL) | (VK_NULL << VK_UNK_SHIFT);
	/* Nor an error pointer it hands back from a parameter ("if (tlink &&
	 * !IS_ERR(tlink)) atomic_inc(...); return tlink;", fs/smb/client's
	 * cifs_get_tlink()): a test proved it, the caller made it. */
	if ((m & VK_ERR) && POINTER_TYPE_P(TREE_TYPE(val)) && parameter_value(value_root(val)))
		produced = (produced & ~VK_ERR) | (VK_ERR << VK_UNK_SHIFT);
	s->returns |= produced;
	/* "return NULL;" itself, not a NULL assigned elsewhere */
	bool literal_here = o.kind == ORIGIN_LITERAL &&
			    (o.loc == loc || o.loc == UNKNOWN_LOCATION ||
			     user_location(o.loc) == user_location(loc));
	bool guarded = false;
	if ((VK_PROVEN(m) & VK_NULL) &&
	    (literal_here || o.kind == ORIGIN_CALL || o.kind == ORIGIN_TEST))
		strong_null_site = true;
	if (VK_PROVEN(m) & (VK_NULL | VK_ERR)) {
		int k = index_guard(gbb, ge);
		s->range_arg = s->range_arg < 0 || s->range_arg == k ? k : 0;
		edge g[MAX_GUARDS];
		int n = param_guards(gbb, ge, g);
		guarded = n > 0;
		if (VK_PROVEN(m) & VK_NULL)
			add_guards(0, g, n);
		if (VK_PROVEN(m) & VK_ERR)
			add_guards(1, g, n);
	}
	bitmap visited = BITMAP_ALLOC(NULL);
	note_returned_calls(s, val, bb ? bb : e->src, VK_POSSIBLE(m), visited, 0);
	BITMAP_FREE(visited);
	if (!(VK_TESTED(m) & VK_NULL) || !POINTER_TYPE_P(TREE_TYPE(TREE_TYPE(s->decl))))
		return;
	/* The caller's own NULL handed back ("if (IS_ERR_OR_NULL(dentry))
	 * return dentry;" with dentry a parameter, fs/debugfs/inode.c
	 * debugfs_rename()): whoever passes NULL gets it back; this function
	 * makes no NULL of its own there. */
	if (o.kind == ORIGIN_TEST && parameter_value(value_root(val)))
		return;
	struct null_return *nr = XCNEW(struct null_return);
	nr->loc = loc;
	nr->origin = o;
	nr->guarded = guarded;
	nr->literal = literal_here;
	if (literal_here)
		nr->errno_hint = failure_errno(bb, e);
	/* keep source order: append */
	struct null_return **p = &s->null_returns;
	while (*p)
		p = &(*p)->next;
	*p = nr;
}

/* The statement that assigns the compiler temporary VAL in its own
 * block, at a known location (the gimplifier's "_5 = X;" for "return X;"),
 * else NULL. */
static gimple *
return_assignment(tree val)
{
	if (TREE_CODE(val) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(val) || !compiler_temporary_p(val))
		return NULL;
	gimple *def = SSA_NAME_DEF_STMT(val);
	if (gimple_code(def) == GIMPLE_PHI || gimple_location(def) == UNKNOWN_LOCATION)
		return NULL;
	return def;
}

static bool
same_source_position(location_t a, location_t b)
{
	expanded_location x = expand_location(a), y = expand_location(b);
	return x.file && y.file && x.line == y.line && x.column == y.column &&
	       strcmp(x.file, y.file) == 0;
}

/* Where the return statement whose value argument I of PHI assigns is
 * reached as a whole.  "return c ? a : b;" assigns each arm in a block of
 * its own, at the position of the '?': then it is the block dominating all
 * the arms of that position (above the test of c), as when the gimplifier
 * joins the arms in a temporary first and returns that (GCC 14 and before
 * did, GCC 15 assigns the arms to the returned value directly).  NULL for a
 * return statement without arms. */
static basic_block
arms_guard_block(gphi *phi, unsigned i)
{
	gimple *def = return_assignment(gimple_phi_arg_def(phi, i));
	if (!def)
		return NULL;
	basic_block dom = gimple_bb(def);
	bool arms = false;
	for (unsigned j = 0; j < gimple_phi_num_args(phi); j++) {
		gimple *other = j == i ? NULL : return_assignment(gimple_phi_arg_def(phi, j));
		if (!other || !same_source_position(gimple_location(def), gimple_location(other)))
			continue;
		dom = nearest_common_dominator(CDI_DOMINATORS, dom, gimple_bb(other));
		arms = true;
	}
	return arms ? dom : NULL;
}

/* A call that fails with NULL and never with an error pointer (an
 * allocator: kzalloc(), a rule's fails=null, a function of this file). */
static bool
fails_with_null(unsigned m)
{
	return (VK_PROVEN(m) & VK_NULL) && !(VK_POSSIBLE(m) & VK_ERR) && (VK_POSSIBLE(m) & VK_VALID);
}

/* The errno to propose for a return reached from BB (or over E): -ENOMEM
 * when the nearest test of a pointer that every path to it passes finds
 * NULL the result of a call that fails with NULL ("p = kzalloc(...); if
 * (!p) return NULL;"): what a kernel developer returns for a failed
 * allocation.  NULL when the path says nothing. */
static const char *
failure_errno(basic_block bb, edge e)
{
	basic_block cur = bb;
	edge in = e;
	for (int steps = 0; steps < 16; steps++) {
		if (!in) {
			if (!cur)
				break;
			basic_block up = value_step_up(cur, &in);
			if (!in) {
				cur = up;
				continue;
			}
		}
		struct value_test t;
		if ((in->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)) &&
		    value_block_test(in->src, &t, NULL) && TREE_CODE(t.root) == SSA_NAME &&
		    POINTER_TYPE_P(TREE_TYPE(t.root))) {
			unsigned side = (in->flags & EDGE_TRUE_VALUE) ? t.kinds : VK_KINDS & ~t.kinds;
			if ((side & VK_NULL) && !(side & VK_VALID))
				return value_source_call(t.root, fails_with_null) ? "-ENOMEM" : NULL;
		}
		cur = in->src;
		in = NULL;
	}
	return NULL;
}

/* Split the value returned by a GIMPLE_RETURN into the source-level
 * returns it merges: the gimplifier assigns each "return X;" to one
 * temporary, and PHIs of that temporary join them. */
static void
collect_return_sites(struct fn_summary *s, tree val, basic_block bb, edge e, location_t loc,
		     basic_block guard_bb, bitmap phis_visited, int depth)
{
	if (TREE_CODE(val) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(val) &&
	    compiler_temporary_p(val) && depth < 64) {
		gimple *def = SSA_NAME_DEF_STMT(val);
		if (gphi *phi = dyn_cast<gphi *>(def)) {
			if (!bitmap_set_bit(phis_visited, SSA_NAME_VERSION(val)))
				return;
			for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
				location_t l = gimple_phi_arg_location(phi, i);
				collect_return_sites(s, gimple_phi_arg_def(phi, i), NULL,
						     gimple_phi_arg_edge(phi, i),
						     l != UNKNOWN_LOCATION ? l : loc,
						     arms_guard_block(phi, i), phis_visited, depth + 1);
			}
			return;
		}
		location_t l = gimple_location(def);
		if (l != UNKNOWN_LOCATION) {
			/* "_5 = X;" where the gimplifier lowered "return X;" */
			return_site(s, val, gimple_bb(def), NULL, l, guard_bb);
			return;
		}
	}
	return_site(s, val, bb, e, loc, NULL);
}

static void
analyse_returns(struct fn_summary *s, function *fn)
{
	memset(common_guards, 0, sizeof(common_guards));
	strong_null_site = false;
	s->nonzero_needs = INTEGRAL_TYPE_P(TREE_TYPE(TREE_TYPE(s->decl))) ? pointer_params(s->decl) : 0;
	s->single_errno = 0;
	s->range_arg = -1;	/* no failure return seen yet */
	bitmap phis_visited = BITMAP_ALLOC(NULL);
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn) {
		gimple *last = errptr_last_stmt(bb);
		if (!last || gimple_code(last) != GIMPLE_RETURN)
			continue;
		tree val = gimple_return_retval(as_a<greturn *>(last));
		if (!val)
			continue;
		collect_return_sites(s, val, bb, NULL, gimple_location(last), NULL, phis_visited, 0);
	}
	BITMAP_FREE(phis_visited);
	if (s->range_arg < 0)
		s->range_arg = 0;
}

/* ---- how call results are tested ------------------------------------ */
#define TESTED_IS_ERR 1u
#define TESTED_NULL   2u

static unsigned
test_bits(unsigned kinds)
{
	switch (kinds) {
	case VK_ERR:
	case VK_NULL | VK_VALID:
		return TESTED_IS_ERR;
	case VK_NULL:
	case VK_ERR | VK_VALID:
		return TESTED_NULL;
	case VK_NULL | VK_ERR:
	case VK_VALID:
		return TESTED_IS_ERR | TESTED_NULL;
	default:
		return 0;
	}
}

/* Mark in USED the values STMT dereferences, itself or through a callee
 * known not to take NULL (a function of this file that dereferences its
 * parameter first, an inline accessor like writel()).  (Handing a pointer
 * on to another function is no evidence: do_mount() takes the NULL that
 * copy_mount_options() returns for no options.) */
static void
note_uses(gimple *stmt, unsigned char *used, unsigned nnames)
{
	if (is_gimple_call(stmt)) {
		for (unsigned i = 0; i < gimple_call_num_args(stmt); i++) {
			tree arg = gimple_call_arg(stmt, i);
			if (TREE_CODE(arg) != SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(arg)))
				continue;
			unsigned known = 0;
			unsigned accepts = uses_call_accepts(stmt, i, &known);
			tree base = value_root(arg);
			if ((known & VK_NULL) && !(accepts & VK_NULL) && TREE_CODE(base) == SSA_NAME &&
			    SSA_NAME_VERSION(base) < nnames)
				used[SSA_NAME_VERSION(base)] = 1;
		}
	}
	for (unsigned i = 0; i < gimple_num_ops(stmt); i++) {
		tree op = gimple_op(stmt, i);
		if (!op)
			continue;
		while (handled_component_p(op))
			op = TREE_OPERAND(op, 0);
		if (TREE_CODE(op) != MEM_REF)
			continue;
		tree base = value_root(TREE_OPERAND(op, 0));
		if (TREE_CODE(base) == SSA_NAME && SSA_NAME_VERSION(base) < nnames)
			used[SSA_NAME_VERSION(base)] = 1;
	}
}

static const char *
test_name(unsigned bits, bool returned)
{
	if (bits == (TESTED_IS_ERR | TESTED_NULL))
		return "both";
	if (bits == TESTED_IS_ERR)
		return "is_err";
	if (bits == TESTED_NULL)
		return "null";
	return returned ? "returned" : "none";
}

/* "x->mount" for a call through a struct member, for learn mode. */
static const char *
member_callee(gimple *call, char *buf, size_t size)
{
	tree fnptr = gimple_call_fn(call);
	if (!fnptr || TREE_CODE(fnptr) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(fnptr))
		return NULL;
	gimple *def = SSA_NAME_DEF_STMT(fnptr);
	if (!gimple_assign_single_p(def))
		return NULL;
	tree ref = gimple_assign_rhs1(def);
	if (TREE_CODE(ref) != COMPONENT_REF || TREE_CODE(TREE_OPERAND(ref, 1)) != FIELD_DECL)
		return NULL;
	tree field = TREE_OPERAND(ref, 1);
	const char *type = type_name_of(DECL_CONTEXT(field));
	if (!type || !DECL_NAME(field))
		return NULL;
	snprintf(buf, size, "%s.%s", type, IDENTIFIER_POINTER(DECL_NAME(field)));
	return buf;
}

static void
analyse_call_tests(function *fn, unsigned nnames)
{
	unsigned char *tested = XCNEWVEC(unsigned char, nnames);
	unsigned char *used = XCNEWVEC(unsigned char, nnames);	/* dereferenced */
	location_t *where = XCNEWVEC(location_t, nnames);
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn) {
		struct value_test t;
		location_t loc;
		if (value_block_test(bb, &t, &loc) && SSA_NAME_VERSION(t.root) < nnames) {
			unsigned v = SSA_NAME_VERSION(t.root);
			tested[v] |= test_bits(t.kinds);
			if (!where[v])
				where[v] = loc;
		}
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			note_uses(stmt, used, nnames);
			if (!is_gimple_call(stmt) || gimple_call_num_args(stmt) != 1)
				continue;
			enum api_fn fn = api_of_call(stmt);
			unsigned bits = fn == API_IS_ERR || fn == API_PTR_ERR_OR_ZERO ? TESTED_IS_ERR
				      : fn == API_IS_ERR_OR_NULL ? TESTED_IS_ERR | TESTED_NULL : 0;
			tree root = value_root(gimple_call_arg(stmt, 0));
			if (!bits || TREE_CODE(root) != SSA_NAME || SSA_NAME_VERSION(root) >= nnames)
				continue;
			tested[SSA_NAME_VERSION(root)] |= bits;
			if (!where[SSA_NAME_VERSION(root)])
				where[SSA_NAME_VERSION(root)] = gimple_location(stmt);
		}
	}

	FOR_EACH_BB_FN(bb, fn) {
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			if (!is_gimple_call(stmt))
				continue;
			tree callee = gimple_call_fndecl(stmt);
			tree lhs = gimple_call_lhs(stmt);
			if (!lhs || TREE_CODE(lhs) != SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(lhs)) ||
			    gimple_call_internal_p(stmt) || api_of_decl(callee) != API_NONE)
				continue;
			unsigned version = SSA_NAME_VERSION(lhs);
			/* A result that can reach our own return as NULL or valid
			 * is passed on: its tests here are not the whole story
			 * ("if (IS_ERR(p)) return p;" passes on only the error). */
			bool passed_on = version < returned_n &&
					 (returned_kinds[version] & (VK_NULL | VK_VALID));
			if (errptr_learn) {
				char buf[512];
				const char *name = callee ? (DECL_NAME(callee) ? decl_name(callee) : NULL)
							  : member_callee(stmt, buf, sizeof(buf));
				unsigned bits = version < nnames ? tested[version] : 0;
				location_t loc = version < nnames && where[version] ? where[version]
										   : gimple_location(stmt);
				learn_call(name, fn->decl, loc, test_name(passed_on ? 0 : bits, passed_on));
			}
			if (!callee)
				continue;
			unsigned seen = version < nnames && !passed_on ? tested[version] : 0;
			callers_note_test(callee, seen & TESTED_IS_ERR, seen & TESTED_NULL,
					     version < nnames ? where[version] : UNKNOWN_LOCATION);
			if (!defined_in_unit(callee))
				continue;	/* only this file's functions */
			struct call_tests *ct = &summary_edit(callee)->tested_by_callers;
			unsigned bits = SSA_NAME_VERSION(lhs) < nnames ? tested[SSA_NAME_VERSION(lhs)] : 0;
			if (passed_on)
				bits = 0;
			ct->calls++;
			/* IS_ERR() alone says little unless some caller then
			 * relies on the pointer and dereferences it (nfsd stores a
			 * NULL dentry it handles later; do_mount() takes the NULL
			 * copy_mount_options() returns): count those apart, and
			 * name one of them as the example. */
			if (bits == TESTED_IS_ERR) {
				bool deref = used[SSA_NAME_VERSION(lhs)];
				ct->is_err_only++;
				ct->is_err_deref += deref;
				if (!ct->is_err_caller || (deref && !ct->example_derefs)) {
					ct->is_err_caller = fn->decl;
					ct->is_err_loc = where[SSA_NAME_VERSION(lhs)];
					ct->example_derefs = deref;
				}
			} else if (bits & TESTED_NULL) {
				ct->null_tested++;
			} else {
				ct->untested++;
			}
		}
	}
	XDELETEVEC(tested);
	XDELETEVEC(used);
	XDELETEVEC(where);
}

/* ---- members assigned in code ----------------------------------------- */
static void
analyse_member_stores(function *fn)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn) {
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			if (!gimple_assign_single_p(stmt))
				continue;
			tree lhs = gimple_assign_lhs(stmt);
			tree rhs = gimple_assign_rhs1(stmt);
			if (TREE_CODE(lhs) != COMPONENT_REF || TREE_CODE(rhs) != ADDR_EXPR ||
			    TREE_CODE(TREE_OPERAND(rhs, 0)) != FUNCTION_DECL)
				continue;
			tree field = TREE_OPERAND(lhs, 1);
			if (TREE_CODE(field) != FIELD_DECL || !DECL_NAME(field))
				continue;
			const char *type = type_name_of(DECL_CONTEXT(field));
			if (type)
				learn_member(type, IDENTIFIER_POINTER(DECL_NAME(field)),
					     TREE_OPERAND(rhs, 0), gimple_location(stmt));
			if (type)
				summarize_member_store(TREE_OPERAND(rhs, 0), type,
						    IDENTIFIER_POINTER(DECL_NAME(field)),
						    gimple_location(stmt));
		}
	}
}

void
summarize_function(struct fn_summary *s, function *fn)
{
	returned_n = num_ssa_names;
	returned_kinds = XCNEWVEC(unsigned char, returned_n);
	learn_begin_function();
	analyse_returns(s, fn);
	demote_guarded_kinds(s);
	learn_function(s);
	analyse_call_tests(fn, num_ssa_names);
	XDELETEVEC(returned_kinds);
	returned_kinds = NULL;
	returned_n = 0;
	analyse_member_stores(fn);
}
