/*
 * uses.c - the uses of a pointer that need a real object, and which
 * callees take NULL or an error pointer (uses.h).
 *
 * Callees: the convention's own helpers take anything; this unit's functions
 * by what their bodies do with each parameter (recorded by
 * uses_scan_function(), callees first); else the rules' accepts= (by name
 * or prefix: kfree(NULL), IS_ERR_OR_NULL() in debugfs_remove(), clk_put(),
 * ... in rules/kernel.rules); a "void *" parameter is a cookie handed back
 * later, not used; anything else of another file is not known to take
 * either kind.
 */
#include "uses.h"
#include "contracts.h"
#include "errapi.h"
#include "facts.h"
#include "value.h"

/* ---- what this file's functions take in their parameters -------------- */
#define MAX_PARAMS 32

struct param_info {
	tree decl;		/* first: the hash key */
	/* bit I: parameter I is dereferenced (or handed to a function known
	 * not to take it) while it may be NULL / an error pointer */
	unsigned null_bad, err_bad;
	/* bit I: parameter I is handed to a function we know nothing about
	 * while it may be NULL / an error pointer */
	unsigned null_unknown, err_unknown;
};

static htab_t params;

static const struct param_info *
param_info_of(tree decl)
{
	if (!params || !decl)
		return NULL;
	return (const struct param_info *)htab_find(params, &decl);
}

static void
param_info_store(const struct param_info *pi)
{
	if (!params)
		params = htab_create(64, decl_entry_hash, decl_entry_eq, NULL);
	void **slot = htab_find_slot(params, &pi->decl, INSERT);
	if (!*slot)
		*slot = XNEW(struct param_info);
	*(struct param_info *)*slot = *pi;
}

static int
param_index(tree fndecl, tree parm)
{
	int i = 0;
	for (tree a = DECL_ARGUMENTS(fndecl); a; a = DECL_CHAIN(a), i++)
		if (a == parm)
			return i;
	return -1;
}

/* The declared type of CALL's argument ARGNO; NULL with *EXTRA set when
 * the argument is one of a variadic function's extra arguments or the
 * callee has no prototype. */
static tree
param_type(const gimple *call, unsigned argno, bool *extra)
{
	tree fntype = gimple_call_fntype(call);
	*extra = false;
	if (!fntype || !prototype_p(fntype)) {
		*extra = true;
		return NULL_TREE;
	}
	unsigned i = 0;
	for (tree a = TYPE_ARG_TYPES(fntype); a && TREE_VALUE(a) != void_type_node;
	     a = TREE_CHAIN(a), i++)
		if (i == argno)
			return TREE_VALUE(a);
	*extra = true;
	return NULL_TREE;
}

unsigned
uses_call_accepts(const gimple *call, unsigned argno, unsigned *known)
{
	const unsigned all = VK_NULL | VK_ERR;

	*known = all;
	if (api_of_call(call) != API_NONE)
		return all;	/* IS_ERR(), PTR_ERR(), ERR_CAST(), ... */
	tree callee = gimple_call_fndecl(call);
	if (!callee || TREE_CODE(callee) != FUNCTION_DECL)
		return all;	/* an unknown target: nothing to say */
	if (fndecl_built_in_p(callee))
		return all;
	/* the body at hand beats the rules ("clk_*" takes NULL, not an error
	 * pointer; drivers/clk/clk.c's clk_hw_create_clk() tests
	 * IS_ERR_OR_NULL(hw) first, to be chained to the lookups) */
	const struct param_info *pi = param_info_of(callee);
	unsigned listed;
	if (!pi && DECL_NAME(callee) &&
	    contracts_accepts(IDENTIFIER_POINTER(DECL_NAME(callee)), &listed))
		return listed;
	if (pi) {
		if (argno >= MAX_PARAMS)
			return all;
		unsigned bad = ((pi->null_bad >> argno) & 1 ? VK_NULL : 0) |
			       ((pi->err_bad >> argno) & 1 ? VK_ERR : 0);
		unsigned unknown = ((pi->null_unknown >> argno) & 1 ? VK_NULL : 0) |
				   ((pi->err_unknown >> argno) & 1 ? VK_ERR : 0);
		*known = all & ~(unknown & ~bad);
		return all & ~bad & ~unknown;
	}
	struct cgraph_node *node = cgraph_node::get(callee);
	if (node && node->has_gimple_body_p())
		return all;	/* ours, not analysed yet (recursion): unknown */
	bool extra;
	tree type = param_type(call, argno, &extra);
	if (type && POINTER_TYPE_P(type) && VOID_TYPE_P(TREE_TYPE(type)))
		return all;	/* a void * cookie handed back to us later, not used */
	*known = 0;
	return 0;
}

static void
use_at(gimple *stmt, tree op, enum use_kind kind, unsigned argno, use_fn cb, void *data)
{
	if (!op || TREE_CODE(op) != SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(op)))
		return;
	struct use u = { stmt, op, kind, argno };
	cb(&u, data);
}

/* Dereferences in the operand T of STMT; ARGNO >= 0 when T is a call's
 * argument (then "&p->x" counts: the callee gets a pointer into *p). */
static void
derefs_in(gimple *stmt, tree t, int argno, use_fn cb, void *data)
{
	bool addr = false;

	if (!t)
		return;
	if (TREE_CODE(t) == ADDR_EXPR) {
		if (argno < 0)
			return;		/* q = &p->x computes, it does not load */
		t = TREE_OPERAND(t, 0);
		addr = true;
	}
	tree base = t;
	while (base && handled_component_p(base))
		base = TREE_OPERAND(base, 0);
	if (!base || (addr && base == t))
		return;			/* &*p is p */
	if ((TREE_CODE(base) == MEM_REF || TREE_CODE(base) == TARGET_MEM_REF) &&
	    TREE_OPERAND(base, 0) && TREE_CODE(TREE_OPERAND(base, 0)) == SSA_NAME)
		use_at(stmt, TREE_OPERAND(base, 0), addr ? USE_MEMBER_ADDR : USE_DEREF, 0, cb,
		       data);
}

void
uses_in_stmt(gimple *stmt, use_fn cb, void *data)
{
	if (is_gimple_call(stmt)) {
		if (gimple_call_internal_p(stmt))
			return;
		derefs_in(stmt, gimple_call_lhs(stmt), -1, cb, data);
		tree callee = gimple_call_fndecl(stmt);
		if (callee && fndecl_built_in_p(callee))
			return;
		for (unsigned i = 0; i < gimple_call_num_args(stmt); i++) {
			bool extra;
			param_type(stmt, i, &extra);
			if (extra)
				continue;	/* printk("%p", p): printed, not used */
			tree a = gimple_call_arg(stmt, i);
			if (!a)
				continue;
			/* f(&p->x) is "_1 = &p->x; f(_1);" */
			if (TREE_CODE(a) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(a) &&
			    gimple_assign_single_p(SSA_NAME_DEF_STMT(a)) &&
			    TREE_CODE(gimple_assign_rhs1(SSA_NAME_DEF_STMT(a))) == ADDR_EXPR)
				a = gimple_assign_rhs1(SSA_NAME_DEF_STMT(a));
			if (TREE_CODE(a) == SSA_NAME)
				use_at(stmt, a, USE_ARG, i, cb, data);
			else
				derefs_in(stmt, a, (int)i, cb, data);
		}
		return;
	}
	if (!is_gimple_assign(stmt) && gimple_code(stmt) != GIMPLE_RETURN)
		return;
	for (unsigned i = 0; i < gimple_num_ops(stmt); i++)
		derefs_in(stmt, gimple_op(stmt, i), -1, cb, data);
}

/* ---- the builder: what a body does with its parameters ------------------ */
struct param_scan {
	function *fn;
	struct param_info self;
};

static void
param_use(const struct use *u, void *data)
{
	struct param_scan *sc = (struct param_scan *)data;
	tree root = value_root(u->op);
	if (!root || TREE_CODE(root) != SSA_NAME || !SSA_NAME_IS_DEFAULT_DEF(root))
		return;
	tree var = SSA_NAME_VAR(root);
	if (!var || TREE_CODE(var) != PARM_DECL)
		return;
	int idx = param_index(sc->fn->decl, var);
	if (idx < 0 || idx >= MAX_PARAMS)
		return;
	unsigned known = VK_NULL | VK_ERR;
	unsigned accepts = u->kind == USE_ARG ? uses_call_accepts(u->stmt, u->argno, &known) : 0;
	if ((accepts & (VK_NULL | VK_ERR)) == (VK_NULL | VK_ERR))
		return;
	unsigned m = value_at_block(u->op, gimple_bb(u->stmt), NULL);
	unsigned bit = 1u << idx;
	if ((VK_POSSIBLE(m) & VK_NULL) && !(accepts & VK_NULL)) {
		if (known & VK_NULL)
			sc->self.null_bad |= bit;
		else
			sc->self.null_unknown |= bit;
	}
	if ((VK_POSSIBLE(m) & VK_ERR) && !(accepts & VK_ERR)) {
		if (known & VK_ERR)
			sc->self.err_bad |= bit;
		else
			sc->self.err_unknown |= bit;
	}
}

void
uses_scan_function(function *fn)
{
	struct param_scan sc;
	memset(&sc, 0, sizeof(sc));
	sc.fn = fn;
	sc.self.decl = fn->decl;
	bool any = false;
	for (tree a = DECL_ARGUMENTS(fn->decl); a && !any; a = DECL_CHAIN(a))
		any = POINTER_TYPE_P(TREE_TYPE(a));
	if (any) {
		basic_block bb;
		FOR_EACH_BB_FN(bb, fn)
			for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi);
			     gsi_next(&gsi))
				if (!is_gimple_debug(gsi_stmt(gsi)))
					uses_in_stmt(gsi_stmt(gsi), param_use, &sc);
	}
	param_info_store(&sc.self);
}
