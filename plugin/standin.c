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
#include "standin.h"
#include "errapi.h"
#include "names.h"

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
prototype_matches_type(tree fntype, const struct contract *c)
{
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

bool
prototypes_match(tree fndecl, const struct contract *c)
{
	return prototype_matches_type(TREE_TYPE(fndecl), c);
}

/* The longest API name that F's name contains, on '_' boundaries, whose
 * contract is WANTED and whose prototype F has. */
struct name_want {
	tree fndecl;
	bool (*wanted)(const struct contract *);
};

static bool
wanted_with_prototype(const struct contract *c, void *data)
{
	const struct name_want *w = (const struct name_want *)data;
	return w->wanted(c) && prototypes_match(w->fndecl, c);
}

static const struct contract *
api_in_name(tree fndecl, bool (*wanted)(const struct contract *))
{
	struct name_want w = { fndecl, wanted };
	return contract_named_in(IDENTIFIER_POINTER(DECL_NAME(fndecl)), 3, wanted_with_prototype, &w);
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
standin_find(const struct fn_summary *s, bool (*wanted)(const struct contract *), struct standin *out)
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
	/* The strongest evidence decides: F stored into a member whose
	 * contract lets callers take NULL (offload_callbacks.gso_segment) is
	 * that member's function, not a stand-in for the API whose result it
	 * also returns with the same prototype (net/ipv4/udp_offload.c's
	 * udp4_ufo_fragment() and skb_segment()). */
	for (int k = STANDIN_HOOK_STRING; k <= STANDIN_DIRECT_CALL; k++) {
		if (k == STANDIN_DIRECT_CALL && (own || !weak_evidence_applies(decl, s->evidence[k].contract)))
			continue;
		if (!s->evidence[k].api)
			continue;
		if (!wanted(s->evidence[k].contract))
			return false;
		*out = s->evidence[k];
		return true;
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
	 * test only IS_ERR(), and it does return ERR_PTR() on some path, so
	 * NULL elsewhere breaks them - when one at least then dereferences
	 * the pointer, or when its error pointers are those of an API that
	 * fails with ERR_PTR() only (a wrapper of devm_ioremap_resource():
	 * its callers follow the API's convention). */
	const struct call_tests *ct = &s->tested_by_callers;
	struct cgraph_node *node = cgraph_node::get(decl);
	if (ct->calls > 0 && ct->is_err_only == ct->calls &&
	    ct->is_err_deref > 0 &&
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

const char *
standin_evidence_text(const struct standin *s, char *buf, size_t size)
{
	switch (s->kind) {
	case STANDIN_RULE:
		snprintf(buf, size, "a rule says so (%s:%d)", s->via, s->via_line);
		break;
	case STANDIN_HOOK_STRING:
		snprintf(buf, size, "it is paired with \"%s\" in the hook table '%s'", s->api,
			 s->via ? s->via : "?");
		break;
	case STANDIN_HOOK_ADDR:
		snprintf(buf, size, "it is paired with '%s' in the hook table '%s'", s->api,
			 s->via ? s->via : "?");
		break;
	case STANDIN_MEMBER:
		snprintf(buf, size, "it is assigned to '%s'", s->api);
		break;
	case STANDIN_LOOKUP_CALL:
		snprintf(buf, size,
			 "it returns the result of calling '%s' through a pointer looked up by name",
			 s->api);
		break;
	case STANDIN_VAR_CALL:
		snprintf(buf, size, "it returns the result of calling '%s' through '%s'", s->api,
			 s->via ? s->via : "?");
		break;
	case STANDIN_DIRECT_CALL:
		snprintf(buf, size, "it returns the result of calling '%s' and has the same prototype",
			 s->api);
		break;
	case STANDIN_NAME:
		snprintf(buf, size, "its name contains '%s' and its prototype matches", s->api);
		break;
	case STANDIN_DEFINITION:
		snprintf(buf, size, "it is the definition of '%s'", s->api);
		break;
	case STANDIN_LOCAL_CALLERS:
		snprintf(buf, size, "every caller in this file tests its result only with %s()",
			 api_name(API_IS_ERR));
		break;
	default:
		snprintf(buf, size, "?");
		break;
	}
	return buf;
}
