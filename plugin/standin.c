/*
 * standin.c - which API a function of this file takes the place of, and why.
 *
 * A hook replaces an API for the API's callers, so it must keep the API's
 * contract: when do_filp_open()'s callers test only IS_ERR(), a hook of it
 * must never return NULL.  Real hook code says "this function replaces A"
 * in many ways; errptr accepts, strongest first:
 *   a "standin F for=A" rule; a hook table pairing "A" or &A with &F;
 *   F stored into a struct member that has a contract; F returning what
 *   A returned when A was looked up by name or called through a pointer
 *   named after A; F returning what A returned when F has A's prototype;
 *   F named after A with A's prototype; F being A itself; and, for F
 *   without other evidence, every caller of F in this file testing only
 *   IS_ERR().
 */
#include "errptr.h"

void
standin_note(struct fn_summary *s, enum standin_kind kind, const struct contract *c,
	     const char *via, location_t loc)
{
	struct standin *e = &s->evidence[kind];

	if (e->api)
		return;		/* keep the first */
	e->kind = kind;
	e->api = c->name;
	e->contract = c;
	e->via = via;
	e->loc = loc;
}

static int
count_params(tree fntype)
{
	if (!fntype || !prototype_p(fntype))
		return -1;
	int n = 0;
	for (tree a = TYPE_ARG_TYPES(fntype); a && TREE_VALUE(a) != void_type_node; a = TREE_CHAIN(a))
		n++;
	return n;
}

/* Are A and B the same type for a stand-in's purposes?  Modules re-declare
 * internal types (struct open_flags) and use void * freely, so compare
 * shapes: pointers level by level, records by tag, integers by size. */
static bool
types_alike(tree a, tree b, int depth)
{
	if (!a || !b)
		return false;
	a = TYPE_MAIN_VARIANT(a);
	b = TYPE_MAIN_VARIANT(b);
	if (a == b)
		return true;
	if (POINTER_TYPE_P(a) && POINTER_TYPE_P(b))
		return depth < 4 && types_alike(TREE_TYPE(a), TREE_TYPE(b), depth + 1);
	if (TREE_CODE(a) != TREE_CODE(b))
		return false;
	switch (TREE_CODE(a)) {
	case RECORD_TYPE:
	case UNION_TYPE:
	case ENUMERAL_TYPE: {
		const char *na = type_name_of(a), *nb = type_name_of(b);
		return na && nb && strcmp(na, nb) == 0;
	}
	case INTEGER_TYPE:
	case BOOLEAN_TYPE:
		return TYPE_PRECISION(a) == TYPE_PRECISION(b);
	case VOID_TYPE:
		return true;
	case FUNCTION_TYPE:
		return true;
	default:
		return depth > 0;
	}
}

/* Does FNDECL have the prototype of the API C describes, as far as we can
 * tell?  It returns a pointer; when the API's declaration was seen, the
 * return and parameter types are alike; else, when the rule gives args=,
 * the parameter count agrees. */
bool
prototypes_match(tree fndecl, const struct contract *c)
{
	tree fntype = TREE_TYPE(fndecl);
	if (!POINTER_TYPE_P(TREE_TYPE(fntype)))
		return false;
	tree api_decl = contract_declaration(c);
	if (api_decl) {
		tree api_type = TREE_TYPE(api_decl);
		if (!types_alike(TREE_TYPE(fntype), TREE_TYPE(api_type), 0))
			return false;
		if (!prototype_p(fntype) || !prototype_p(api_type))
			return true;
		tree a = TYPE_ARG_TYPES(fntype), b = TYPE_ARG_TYPES(api_type);
		for (; a && b; a = TREE_CHAIN(a), b = TREE_CHAIN(b)) {
			if (!types_alike(TREE_VALUE(a), TREE_VALUE(b), 0))
				return false;
		}
		return !a && !b;
	}
	int want = c->nargs;
	return want < 0 || count_params(fntype) < 0 || want == count_params(fntype);
}

static bool
defined_here(tree fndecl)
{
	struct cgraph_node *node = cgraph_node::get(fndecl);
	return node && node->definition;
}

static const char *
string_of(tree t)
{
	STRIP_NOPS(t);
	if (TREE_CODE(t) == ADDR_EXPR)
		t = TREE_OPERAND(t, 0);
	if (TREE_CODE(t) == ARRAY_REF)
		t = TREE_OPERAND(t, 0);
	if (TREE_CODE(t) == STRING_CST)
		return TREE_STRING_POINTER(t);
	return NULL;
}

static tree
function_of(tree t)
{
	STRIP_NOPS(t);
	if (TREE_CODE(t) == ADDR_EXPR && TREE_CODE(TREE_OPERAND(t, 0)) == FUNCTION_DECL)
		return TREE_OPERAND(t, 0);
	return NULL_TREE;
}

#define MAX_TABLE_ITEMS 16

/* One initializer: a hook table entry pairs the functions defined here
 * with names ("do_filp_open") and addresses (&do_filp_open) of APIs. */
static void
scan_initializer(tree ctor, tree var, int depth)
{
	tree mine[MAX_TABLE_ITEMS];
	const struct contract *apis[MAX_TABLE_ITEMS];
	bool by_name[MAX_TABLE_ITEMS];
	int nmine = 0, napis = 0;
	unsigned HOST_WIDE_INT ix;
	tree field, val;

	if (depth > 8)
		return;
	const char *record = TREE_CODE(TREE_TYPE(ctor)) == RECORD_TYPE ? type_name_of(TREE_TYPE(ctor))
								       : NULL;
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), ix, field, val) {
		tree v = val;
		STRIP_NOPS(v);
		if (TREE_CODE(v) == CONSTRUCTOR) {
			scan_initializer(v, var, depth + 1);
			continue;
		}
		tree fn = function_of(v);
		if (fn) {
			if (record && field && TREE_CODE(field) == FIELD_DECL && DECL_NAME(field)) {
				const char *name = IDENTIFIER_POINTER(DECL_NAME(field));
				learn_member(record, name, fn, DECL_SOURCE_LOCATION(var));
				summary_note_member(fn, record, name, DECL_SOURCE_LOCATION(var));
			}
			if (defined_here(fn)) {
				if (nmine < MAX_TABLE_ITEMS)
					mine[nmine++] = fn;
			} else if (DECL_NAME(fn)) {
				const struct contract *c =
					contract_for_function(IDENTIFIER_POINTER(DECL_NAME(fn)));
				if (c && napis < MAX_TABLE_ITEMS) {
					apis[napis] = c;
					by_name[napis++] = false;
				}
			}
			continue;
		}
		const char *str = string_of(v);
		if (str) {
			const struct contract *c = contract_for_function(str);
			if (c && napis < MAX_TABLE_ITEMS) {
				apis[napis] = c;
				by_name[napis++] = true;
			}
		}
	}
	/* A table entry is one hook: one function of ours, one API, alike. */
	if (nmine != 1 || napis != 1 || !prototypes_match(mine[0], apis[0]))
		return;
	struct fn_summary *s = summary_get(mine[0], true);
	const char *via = DECL_NAME(var) ? IDENTIFIER_POINTER(DECL_NAME(var)) : NULL;
	standin_note(s, by_name[0] ? STANDIN_HOOK_STRING : STANDIN_HOOK_ADDR, apis[0], via,
		     DECL_SOURCE_LOCATION(var));
}

/* Once per unit, at whichever comes first: run_checks(), or the first
 * analysed function (infer.c builds its member -> functions map from the
 * summary_note_member() calls this walk makes).  It may run before any
 * body is analysed, so it must not depend on summaries. */
void
standin_scan_globals(void)
{
	static bool scanned;
	varpool_node *vnode;

	if (scanned)
		return;
	scanned = true;
	FOR_EACH_VARIABLE(vnode) {
		tree var = vnode->decl;
		tree init = DECL_INITIAL(var);
		if (init && TREE_CODE(init) == CONSTRUCTOR)
			scan_initializer(init, var, 0);
	}
}

/* The longest API name that F's name contains, on '_' boundaries, whose
 * contract is WANTED and whose prototype F has. */
static const struct contract *
api_in_name(tree fndecl, bool (*wanted)(const struct contract *))
{
	const char *name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
	size_t len = strlen(name);
	const struct contract *best = NULL;
	size_t best_len = 0;

	for (size_t i = 0; i < len; i++) {
		if (i > 0 && name[i - 1] != '_')
			continue;
		for (size_t j = len; j > i + 3; j--) {
			if ((j < len && name[j] != '_') || (i == 0 && j == len) || j - i <= best_len)
				continue;
			if (!contract_name_exists(name + i, j - i))
				continue;
			char *api = xstrndup(name + i, j - i);
			const struct contract *c = contract_for_function(api);
			free(api);
			if (c && wanted(c) && prototypes_match(fndecl, c)) {
				best = c;
				best_len = j - i;
			}
		}
	}
	return best;
}

static struct contract local_contract;

/* A name or a passed-on call is weak evidence: a hook module's own function
 * named after the API, yes; the kernel's own variants of an API defined
 * next to it (in the API's file, or inline in a header), no. */
static bool
weak_evidence_applies(tree decl, const struct contract *c)
{
	if (!c)
		return false;
	expanded_location x = expand_location(DECL_SOURCE_LOCATION(decl));
	if (!x.file || !main_input_filename || strcmp(x.file, main_input_filename) != 0)
		return false;
	/* A hook is installed through its address (a table, a register call);
	 * a helper only ever called directly is a wrapper with a contract of
	 * its own (kernel/bpf's __bpf_copy_key returns vmemdup_user()'s
	 * result, or NULL for a zero-sized key, by design). */
	struct cgraph_node *node = cgraph_node::get(decl);
	if (node && !node->address_taken && !TREE_PUBLIC(decl))
		return false;
	if (c->is_member)
		return true;
	symtab_node *api = symtab_node::get_for_asmname(get_identifier(c->name));
	return !api || !api->definition;
}

bool
standin_find(struct fn_summary *s, bool (*wanted)(const struct contract *), struct standin *out)
{
	tree decl = s->decl;
	if (!DECL_NAME(decl))
		return false;
	const char *name = IDENTIFIER_POINTER(DECL_NAME(decl));

	const struct contract *rule = standin_rule_for(name);
	if (rule) {
		const struct contract *c = contract_for_function(rule->standin_for);
		if (c && wanted(c)) {
			memset(out, 0, sizeof(*out));
			out->kind = STANDIN_RULE;
			out->api = c->name;
			out->contract = c;
			out->via = rule->rule_file;
			out->via_line = rule->rule_line;
			out->loc = DECL_SOURCE_LOCATION(decl);
			return true;
		}
	}
	/* A function with a contract of its own is an API, not a stand-in
	 * for a look-alike (try_lookup_one_len returns NULL by design). */
	const struct contract *own = contract_for_function(name);
	for (int k = STANDIN_HOOK_STRING; k <= STANDIN_DIRECT_CALL; k++) {
		if (k == STANDIN_DIRECT_CALL && (own || !weak_evidence_applies(decl, s->evidence[k].contract)))
			continue;
		if (s->evidence[k].api && wanted(s->evidence[k].contract)) {
			*out = s->evidence[k];
			return true;
		}
	}
	const struct contract *c = own ? NULL : api_in_name(decl, wanted);
	if (c && !weak_evidence_applies(decl, c))
		c = NULL;
	if (c) {
		memset(out, 0, sizeof(*out));
		out->kind = STANDIN_NAME;
		out->api = c->name;
		out->contract = c;
		out->loc = DECL_SOURCE_LOCATION(decl);
		return true;
	}
	c = contract_for_function(name);
	if (c && wanted(c)) {
		memset(out, 0, sizeof(*out));
		out->kind = STANDIN_DEFINITION;
		out->api = c->name;
		out->contract = c;
		out->loc = DECL_SOURCE_LOCATION(decl);
		return true;
	}
	/* Its own callers, all in this file (static, address not taken): all
	 * test only IS_ERR(), one at least then dereferences the pointer, and
	 * it does return ERR_PTR() on some path, so NULL elsewhere breaks
	 * them. */
	const struct call_tests *ct = &s->tested_by_callers;
	struct cgraph_node *node = cgraph_node::get(decl);
	if (ct->calls > 0 && ct->is_err_only == ct->calls && ct->is_err_deref > 0 &&
	    (s->returns & VK_ERR) &&
	    !TREE_PUBLIC(decl) && node && !node->address_taken) {
		memset(&local_contract, 0, sizeof(local_contract));
		local_contract.name = name;
		local_contract.fails = FAILS_ERR;
		local_contract.callers = CALLERS_IS_ERR;
		local_contract.nargs = -1;
		if (wanted(&local_contract)) {
			memset(out, 0, sizeof(*out));
			out->kind = STANDIN_LOCAL_CALLERS;
			out->api = name;
			out->contract = &local_contract;
			out->via = decl_name(ct->is_err_caller);
			out->loc = ct->is_err_loc;
			return true;
		}
	}
	return false;
}
