/*
 * originals.c - variables that hold the original of an API.
 *
 * A hook replaces an API and calls the real one through a pointer its
 * framework filled in; that pointer has the API's contract:
 *
 *	static struct file *(*real_open)(int, struct filename *,
 *					 const struct open_flags *);
 *	...	real_open = (void *)kallsyms_lookup_name("do_filp_open");
 *
 *	static unsigned long orig_addr;
 *	static struct hook hooks[] = { { "do_filp_open", my_hook, &orig_addr } };
 *
 *	static khook_t __khook_do_filp_open = { .fn = khook_do_filp_open,
 *						.name = "do_filp_open" };
 *	...	((typeof(do_filp_open) *)__khook_do_filp_open.orig)(...)
 *
 * What this unit says about a variable, from its initializer-table entries
 * (initializers.c: the variable's address in an entry that names one API,
 * or the variable itself such an entry) and from every store to it in a
 * body (the result of a lookup by name, "kallsyms_lookup_name("API")", or
 * the API's address).  Every word must name the same API; storing anything
 * else there (but NULL: the hook being removed) leaves it unknown.  Built
 * before the first body is analysed (pass.c), read by callee.c.
 */
#include "originals.h"
#include "facts.h"

struct original {
	tree var;		/* first: the hash key */
	const struct contract *api;
	bool mixed;		/* told two APIs, or something else */
};

static htab_t originals;
static bool unusable;		/* a body could not be read: a store may be missed */

static struct original *
entry(tree var, bool create)
{
	if (!originals) {
		if (!create)
			return NULL;
		originals = htab_create(16, decl_entry_hash, decl_entry_eq, NULL);
	}
	void **slot = htab_find_slot(originals, &var, create ? INSERT : NO_INSERT);
	if (!slot)
		return NULL;
	if (!*slot) {
		struct original *o = XCNEW(struct original);
		o->var = var;
		*slot = o;
	}
	return (struct original *)*slot;
}

void
originals_note(tree var, const struct contract *api)
{
	if (!var || TREE_CODE(var) != VAR_DECL || !is_global_var(var))
		return;
	struct original *o = entry(var, true);
	if (!api || (o->api && o->api != api))
		o->mixed = true;
	else
		o->api = api;
}

const struct contract *
originals_of_var(tree var)
{
	const struct original *o = var && !unusable ? entry(var, false) : NULL;
	return o && !o->mixed ? o->api : NULL;
}

/* ---- stores in bodies ------------------------------------------------------ */
#define MAX_TRACE 8

/* The statement before STMT in its block that sets the temporary T (GIMPLE
 * before SSA keeps "D.1234 = f (); x = (T) D.1234;" in one block). */
static gimple *
temporary_def(gimple *stmt, tree t)
{
	gimple_stmt_iterator gsi = gsi_for_stmt(stmt);
	for (gsi_prev(&gsi); !gsi_end_p(gsi); gsi_prev(&gsi)) {
		gimple *g = gsi_stmt(gsi);
		if (gimple_get_lhs(g) == t)
			return g;
	}
	return NULL;
}

/* What the value V (stored by STMT) is the original of: a call that was
 * passed the API's name as a string, or the API's address; NULL for
 * anything else, *NULL_STORE for a NULL. */
static const struct contract *
original_of_value(gimple *stmt, tree v, bool *null_store)
{
	*null_store = false;
	for (int depth = 0; depth < MAX_TRACE && v; depth++) {
		STRIP_NOPS(v);
		if (integer_zerop(v)) {
			*null_store = true;
			return NULL;
		}
		if (TREE_CODE(v) == ADDR_EXPR && TREE_CODE(TREE_OPERAND(v, 0)) == FUNCTION_DECL) {
			tree fn = TREE_OPERAND(v, 0);
			return DECL_NAME(fn) ? contract_for_function(IDENTIFIER_POINTER(DECL_NAME(fn)))
					     : NULL;
		}
		gimple *def = NULL;
		if (TREE_CODE(v) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(v))
			def = SSA_NAME_DEF_STMT(v);
		else if (TREE_CODE(v) == VAR_DECL && !is_global_var(v) && DECL_ARTIFICIAL(v))
			def = temporary_def(stmt, v);
		if (!def)
			return NULL;
		if (is_gimple_call(def))
			return contract_looked_up_by(def);
		if (!is_gimple_assign(def) || (!gimple_assign_single_p(def) &&
					       !CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))))
			return NULL;
		stmt = def;
		v = gimple_assign_rhs1(def);
	}
	return NULL;
}

void
originals_end(bool usable)
{
	unusable = !usable;
}

void
originals_scan_body(function *fn)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn) {
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			if (!gimple_assign_single_p(stmt))
				continue;
			tree lhs = gimple_assign_lhs(stmt);
			/* WRITE_ONCE(var, x): MEM[(volatile T *)&var] = x */
			if (TREE_CODE(lhs) == MEM_REF && TREE_CODE(TREE_OPERAND(lhs, 0)) == ADDR_EXPR &&
			    integer_zerop(TREE_OPERAND(lhs, 1)))
				lhs = TREE_OPERAND(TREE_OPERAND(lhs, 0), 0);
			if (TREE_CODE(lhs) != VAR_DECL || !is_global_var(lhs))
				continue;
			tree type = TREE_TYPE(lhs);
			if (!(POINTER_TYPE_P(type) && TREE_CODE(TREE_TYPE(type)) == FUNCTION_TYPE) &&
			    !(INTEGRAL_TYPE_P(type) && TYPE_PRECISION(type) == POINTER_SIZE))
				continue;
			bool null_store;
			const struct contract *api = original_of_value(stmt, gimple_assign_rhs1(stmt),
								       &null_store);
			if (!null_store)
				originals_note(lhs, api);
		}
	}
}
