/*
 * callee.c - what a call returns, and on whose word (callee.h states the
 * order; callee_resolve() is the one place that applies it).
 */
#include "callee.h"
#include "errapi.h"
#include "members.h"
#include "names.h"
#include "memory.h"
#include "originals.h"
#include "standin.h"

const struct contract *
callee_contract(tree fndecl)
{
	if (!fndecl || !DECL_NAME(fndecl))
		return NULL;
	const struct contract *c = contract_for_function(IDENTIFIER_POINTER(DECL_NAME(fndecl)));
	if (c && c->learned) {
		/* the rule is evidence gathered from bodies like this one
		 * (another configuration's, an older errptr's, a static
		 * function of the same name elsewhere); the body here is the
		 * code that runs */
		const struct fn_summary *s = summary_find(fndecl);
		if (s && s->analysed)
			return NULL;
	}
	return c;
}

/* The variable REF reads a function pointer from: "orig" itself,
 * READ_ONCE(orig) (a volatile load through &orig), or a member of it
 * ("__khook_do_filp_open.orig"). */
static tree
loaded_variable(tree ref)
{
	if (TREE_CODE(ref) == MEM_REF && integer_zerop(TREE_OPERAND(ref, 1))) {
		tree base = TREE_OPERAND(ref, 0);
		if (TREE_CODE(base) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(base) &&
		    gimple_assign_single_p(SSA_NAME_DEF_STMT(base)))
			base = gimple_assign_rhs1(SSA_NAME_DEF_STMT(base));
		if (TREE_CODE(base) != ADDR_EXPR)
			return NULL_TREE;
		ref = TREE_OPERAND(base, 0);
	}
	while (TREE_CODE(ref) == COMPONENT_REF)
		ref = TREE_OPERAND(ref, 0);
	return TREE_CODE(ref) == VAR_DECL ? ref : NULL_TREE;
}

/* A typedef of a pointer to an API's prototype, named after it
 * ("typedef struct file *(*do_filp_open_t)(int, ...)"). */
static bool
api_prototype(const struct contract *c, void *data)
{
	return prototype_matches_type((tree)data, c);
}

/* The API whose original the variable VAR holds: what this unit's hook
 * tables and stores say (originals.h), else the API its name or its
 * pointer typedef's name is made of ("orig_do_filp_open",
 * "real_do_filp_open", "do_filp_open_orig", "do_filp_open_t").  *VIA gets
 * VAR's name. */
static const struct contract *
original_in(tree var, const char **via)
{
	if (!DECL_NAME(var))
		return NULL;
	const char *name = IDENTIFIER_POINTER(DECL_NAME(var));
	const struct contract *c = originals_of_var(var);
	if (!c)
		c = contract_named_in(name, 0, NULL, NULL);
	tree type = TREE_TYPE(var);
	tree tname = TYPE_NAME(type);
	if (!c && tname && TREE_CODE(tname) == TYPE_DECL && DECL_NAME(tname) &&
	    POINTER_TYPE_P(type) && TREE_CODE(TREE_TYPE(type)) == FUNCTION_TYPE)
		c = contract_named_in(IDENTIFIER_POINTER(DECL_NAME(tname)), 3, api_prototype,
				      TREE_TYPE(type));
	if (c)
		*via = name;
	return c;
}

/* What an indirect call's target stands for: the API it was looked up as
 * (a string literal passed to the call that produced the pointer) or the
 * API whose original the variable it was loaded from holds.  */
static const struct contract *
indirect_target(tree fnptr, const char **via)
{
	*via = NULL;
	for (int depth = 0; depth < 16 && fnptr && TREE_CODE(fnptr) == SSA_NAME; depth++) {
		if (SSA_NAME_IS_DEFAULT_DEF(fnptr))
			return NULL;
		gimple *def = SSA_NAME_DEF_STMT(fnptr);
		if (is_gimple_call(def))
			return contract_looked_up_by(def);
		if (!is_gimple_assign(def))
			return NULL;
		tree rhs = gimple_assign_rhs1(def);
		tree var = gimple_assign_single_p(def) ? loaded_variable(rhs) : NULL_TREE;
		if (var)
			return original_in(var, via);
		if (memory_load_p(def)) {	/* a pointer a store of this function left */
			gimple *store;
			fnptr = memory_source(fnptr, &store);
			continue;
		}
		if (gimple_assign_rhs_code(def) == SSA_NAME ||
		    CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))) {
			fnptr = rhs;
			continue;
		}
		return NULL;
	}
	return NULL;
}

const struct contract *
callee_indirect_contract(const gimple *call, const char **via)
{
	*via = NULL;
	if (gimple_call_fndecl(call) || gimple_call_internal_p(call))
		return NULL;
	return indirect_target(gimple_call_fn(call), via);
}

/* A learned fails=both is an upper bound over every call in the tree:
 * ext4_bread() returns NULL only without EXT4_GET_BLOCKS_CREATE, and
 * ext4_append() in fs/ext4/namei.c passes it.  The kinds the tree's
 * callers do not test for are possible at a call, not proven, unless the
 * callers agree that both come (callers=is_err_or_null).  Hand-written
 * rules are promises and stay as they are. */
static unsigned
learned_upper_bound(const struct contract *c, unsigned m)
{
	if (!c->learned || c->fails != FAILS_BOTH || c->callers == CALLERS_IS_ERR_OR_NULL)
		return m;
	unsigned unsure = c->callers == CALLERS_IS_ERR ? VK_NULL
			  : c->callers == CALLERS_NULL ? VK_ERR : VK_NULL | VK_ERR;
	return (m & ~unsure) | (unsure << VK_UNK_SHIFT);
}

static bool
by_contract(const struct contract *c, struct callee *out)
{
	if (!c || c->fails == FAILS_UNKNOWN)
		return false;
	out->contract = c;
	out->kinds = learned_upper_bound(c, fails_to_mask(c->fails));
	/* kinds the kernels learned disagree on (versions.c): possible only */
	unsigned unsure = VK_PROVEN(out->kinds) & c->unsure_kinds;
	out->kinds = (out->kinds & ~unsure) | (unsure << VK_UNK_SHIFT);
	out->range_arg = c->range_arg;
	return true;
}

/* Its summary: an int function's 0 is success as often as not, and which
 * callers get it depends on state we do not track (retry loops): only
 * tests of the result prove kinds. */
static bool
by_summary(tree fndecl, struct callee *out)
{
	const struct fn_summary *s = summary_find(fndecl);
	if (!s || !s->analysed)
		return false;
	out->summary = s;
	out->kinds = s->returns;
	out->range_arg = s->range_arg;
	if (INTEGRAL_TYPE_P(TREE_TYPE(TREE_TYPE(fndecl))))
		out->kinds = (VK_UNSURE(out->kinds) | VK_PROVEN(out->kinds)) << VK_UNK_SHIFT;
	return true;
}

bool
callee_resolve_decl(tree fndecl, struct callee *out)
{
	memset(out, 0, sizeof(*out));
	out->decl = fndecl;
	const struct contract *c = DECL_NAME(fndecl) ? callee_contract(fndecl) : NULL;
	if (by_contract(c, out))
		out->basis = c->learned ? CALLEE_LEARNED : CALLEE_RULE;
	else if (by_summary(fndecl, out))
		out->basis = CALLEE_SUMMARY;
	return out->basis != CALLEE_UNKNOWN;
}

/* A call through a member this file fills: what its functions return,
 * when each is known and they all fail the same way. */
static bool
by_member(const gimple *call, struct callee *out)
{
	tree targets[MEMBERS_MAX_TARGETS];
	int n = members_call_targets(call, targets, MEMBERS_MAX_TARGETS, NULL);
	unsigned all = 0, fails = 0;
	for (int i = 0; i < n; i++) {
		struct callee t;
		if (!callee_resolve_decl(targets[i], &t) || !t.kinds)
			return false;
		unsigned f = VK_PROVEN(t.kinds) & (VK_NULL | VK_ERR);
		if (i > 0 && f != fails)
			return false;	/* they fail differently: no one contract */
		fails = f;
		all |= t.kinds;
	}
	if (!all)
		return false;
	out->kinds = all;
	out->decl = n == 1 ? targets[0] : NULL_TREE;
	return true;
}

bool
callee_resolve(const gimple *call, struct callee *out)
{
	tree fndecl = gimple_call_fndecl(call);
	if (fndecl)
		return callee_resolve_decl(fndecl, out);
	memset(out, 0, sizeof(*out));
	if (by_contract(callee_indirect_contract(call, &out->via), out))
		out->basis = CALLEE_LOOKUP;
	else if (by_member(call, out))
		out->basis = CALLEE_MEMBER;
	return out->basis != CALLEE_UNKNOWN;
}

const char *
callee_name(const gimple *call, const struct contract **contract)
{
	*contract = NULL;
	tree fndecl = gimple_call_fndecl(call);
	if (fndecl) {
		if (!DECL_NAME(fndecl))
			return NULL;
		*contract = callee_contract(fndecl);
		/* kzalloc_noprof() known as kzalloc() (contract_for_function()):
		 * the name of the API the contract is about */
		if (*contract && !(*contract)->is_member &&
		    strcmp((*contract)->name, IDENTIFIER_POINTER(DECL_NAME(fndecl))) != 0)
			return (*contract)->name;
		/* what the user wrote: "kthread_run(...)", not the
		 * kthread_create_on_node() it expands to */
		return call_written_name(gimple_location(call), IDENTIFIER_POINTER(DECL_NAME(fndecl)));
	}
	const char *via;
	const struct contract *c = callee_indirect_contract(call, &via);
	*contract = c;
	return c ? c->name : NULL;
}
