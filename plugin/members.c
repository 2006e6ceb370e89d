/*
 * members.c - calls through a struct member ("ops->get(m)") this file
 * fills.  When this file is the only place that can fill the member - its
 * struct type is defined in this .c file, not in a header - and it stores
 * only known functions there (at most MEMBERS_MAX_TARGETS), a call through
 * the member reaches those functions (callee.c says what they return).
 * The member -> functions map is built once, before the first body is
 * analysed (pass.c), from the initializers of every variable
 * (initializers.c reports each function stored in a member through
 * summarize_member_store(), which forwards it here) and from the stores
 * "x.f = fn" / "p->f = fn" in every body.  Storing anything but a
 * function's address or NULL into the member (a parameter, a loaded
 * pointer) leaves its targets open: no inference.
 */
#include "members.h"
#include "facts.h"
#include "names.h"

/* ---- functions stored in struct members -------------------------------- */
#define MAX_TARGETS MEMBERS_MAX_TARGETS

struct member_targets {
	char *key;		/* "struct.field" */
	tree fns[MAX_TARGETS];
	int nfns;
	bool open;		/* something else may be stored there too */
};

static htab_t members;
static enum { MAP_NONE, MAP_BUILDING, MAP_READY, MAP_UNUSABLE } map_state;

static hashval_t
member_hash(const void *p)
{
	return htab_hash_string(((const struct member_targets *)p)->key);
}

static int
member_eq(const void *a, const void *b)
{
	return strcmp(((const struct member_targets *)a)->key,
		      ((const struct member_targets *)b)->key) == 0;
}

static struct member_targets *
member_entry(const char *type_name, const char *field, bool create)
{
	if (!members || !type_name || !field)
		return NULL;
	struct member_targets probe;
	probe.key = concat(type_name, ".", field, NULL);
	void **slot = htab_find_slot(members, &probe, create ? INSERT : NO_INSERT);
	if (!slot) {
		free(probe.key);
		return NULL;
	}
	if (!*slot) {
		struct member_targets *m = XCNEW(struct member_targets);
		m->key = probe.key;
		*slot = m;
		return m;
	}
	free(probe.key);
	return (struct member_targets *)*slot;
}

static void
add_target(struct member_targets *m, tree fndecl)
{
	if (!m || !fndecl || TREE_CODE(fndecl) != FUNCTION_DECL)
		return;
	for (int i = 0; i < m->nfns; i++)
		if (m->fns[i] == fndecl)
			return;
	if (m->nfns == MAX_TARGETS)
		m->open = true;
	else
		m->fns[m->nfns++] = fndecl;
}

void
members_note(tree fndecl, const char *type_name, const char *field)
{
	if (map_state == MAP_BUILDING)
		add_target(member_entry(type_name, field, true), fndecl);
}

static bool
function_pointer_field(tree field)
{
	if (!field || TREE_CODE(field) != FIELD_DECL || !DECL_NAME(field))
		return false;
	tree t = TREE_TYPE(field);
	return t && POINTER_TYPE_P(t) && TREE_TYPE(t) && TREE_CODE(TREE_TYPE(t)) == FUNCTION_TYPE;
}

static const char *
field_type_name(tree field)
{
	tree ctx = DECL_CONTEXT(field);
	if (!ctx || (TREE_CODE(ctx) != RECORD_TYPE && TREE_CODE(ctx) != UNION_TYPE))
		return NULL;
	return type_name_of(ctx);
}

/* Stores into function-pointer members in one body (GIMPLE, SSA or not). */
static void
scan_member_stores(function *fn)
{
	basic_block bb;

	FOR_EACH_BB_FN(bb, fn) {
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			if (!is_gimple_assign(stmt) && !is_gimple_call(stmt))
				continue;
			tree lhs = gimple_get_lhs(stmt);
			if (!lhs || TREE_CODE(lhs) != COMPONENT_REF)
				continue;
			tree field = TREE_OPERAND(lhs, 1);
			if (!function_pointer_field(field))
				continue;
			struct member_targets *m =
				member_entry(field_type_name(field),
					     IDENTIFIER_POINTER(DECL_NAME(field)), true);
			if (!m)
				continue;
			tree rhs = gimple_assign_single_p(stmt) ? gimple_assign_rhs1(stmt) : NULL_TREE;
			if (rhs && TREE_CODE(rhs) == ADDR_EXPR &&
			    TREE_CODE(TREE_OPERAND(rhs, 0)) == FUNCTION_DECL)
				add_target(m, TREE_OPERAND(rhs, 0));
			else if (!rhs || !integer_zerop(rhs))
				m->open = true;	/* a pointer from elsewhere */
		}
	}
}

void
members_begin(void)
{
	members = htab_create(32, member_hash, member_eq, NULL);
	map_state = MAP_BUILDING;
}

void
members_scan_body(function *fn)
{
	scan_member_stores(fn);
}

void
members_end(bool usable)
{
	map_state = usable ? MAP_READY : MAP_UNUSABLE;
}

void
members_close(void)
{
	map_state = MAP_UNUSABLE;
}

/* Is TYPE defined in the main source file (not in a header other files
 * include and may fill with their own functions)? */
static bool
defined_in_main_file(tree type)
{
	type = TYPE_MAIN_VARIANT(type);
	tree decl = TYPE_STUB_DECL(type);
	if (!decl && TYPE_NAME(type) && TREE_CODE(TYPE_NAME(type)) == TYPE_DECL)
		decl = TYPE_NAME(type);
	if (!decl || DECL_SOURCE_LOCATION(decl) == UNKNOWN_LOCATION ||
	    DECL_SOURCE_LOCATION(decl) <= BUILTINS_LOCATION)
		return false;
	const line_map_ordinary *map = NULL;
	linemap_resolve_location(line_table, DECL_SOURCE_LOCATION(decl), LRK_MACRO_DEFINITION_LOCATION,
				 &map);
	return map && MAIN_FILE_P(map);
}

/* The member a call's function pointer was loaded from. */
static tree
called_member(const gimple *call)
{
	if (!call || !is_gimple_call(call) || gimple_call_internal_p(call) || gimple_call_fndecl(call))
		return NULL_TREE;
	tree fnptr = gimple_call_fn(call);
	for (int depth = 0; depth < 16 && fnptr && TREE_CODE(fnptr) == SSA_NAME; depth++) {
		if (SSA_NAME_IS_DEFAULT_DEF(fnptr))
			return NULL_TREE;
		gimple *def = SSA_NAME_DEF_STMT(fnptr);
		if (!def || !is_gimple_assign(def))
			return NULL_TREE;
		tree rhs = gimple_assign_rhs1(def);
		if (gimple_assign_single_p(def) && rhs && TREE_CODE(rhs) == COMPONENT_REF) {
			tree field = TREE_OPERAND(rhs, 1);
			return function_pointer_field(field) ? field : NULL_TREE;
		}
		enum tree_code code = gimple_assign_rhs_code(def);
		if (code != SSA_NAME && !CONVERT_EXPR_CODE_P(code))
			return NULL_TREE;
		fnptr = rhs;
	}
	return NULL_TREE;
}

static const struct member_targets *
targets_of_call(const gimple *call)
{
	if (map_state != MAP_READY)
		return NULL;
	tree field = called_member(call);
	if (!field)
		return NULL;
	const char *type = field_type_name(field);
	if (!type || !defined_in_main_file(DECL_CONTEXT(field)))
		return NULL;
	const struct member_targets *m = member_entry(type, IDENTIFIER_POINTER(DECL_NAME(field)), false);
	if (!m || m->open || m->nfns == 0)
		return NULL;
	return m;
}

int
members_call_targets(const gimple *call, tree *out, int max, const char **key)
{
	const struct member_targets *m = targets_of_call(call);
	if (key)
		*key = m ? m->key : NULL;
	int n = 0;
	for (int i = 0; m && i < m->nfns && n < max; i++)
		out[n++] = m->fns[i];
	return n;
}
