/*
 * infer.c - what errptr infers about calls inside one translation unit,
 * beyond the rules and the summaries of direct callees.
 *
 * 1. Calls through a struct member ("ops->get(m)"): when this file is the
 *    only place that can fill the member - its struct type is defined in
 *    this .c file, not in a header - and it stores exactly one function
 *    there (or several that fail the same way), the call returns what those
 *    functions return.  The member -> functions map is built once, before
 *    the first body is analysed, from the initializers of every variable
 *    (standin_scan_globals() walks them and reports each function stored in
 *    a member through summary_note_member(), which forwards it here) and
 *    from the stores "x.f = fn" / "p->f = fn" in every body.  Storing
 *    anything but a function's address or NULL into the member (a
 *    parameter, a loaded pointer) leaves its targets open: no inference.
 *
 * 2. Order.  GCC analyses callees before callers, but only along direct
 *    calls: a function reached only through an ops table may come after the
 *    function calling it.  A function that calls through a member whose
 *    targets are not analysed yet, or that calls such a postponed function
 *    directly, is therefore postponed: its analysis (summary and
 *    per-function checks) runs once the pass has seen every function, at the
 *    first IPA pass that follows (the bodies are still in the SSA form errptr
 *    reads; nothing has optimised them), dependencies first.  Cycles are cut
 *    the way GCC cuts recursion: a function already being analysed counts as
 *    unknown.  Everything is linear in the size of the unit.
 *
 * 3. How this file's calls of each function test the result (counted for
 *    every callee, declared or defined), exposed as callers_tested_as().
 *    This is data for checks, not a contract: callers agreeing with each
 *    other proves nothing about the callee (see docs/inference.md).
 */
#include "errptr.h"

/* ---- functions stored in struct members -------------------------------- */
#define MAX_TARGETS 8

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
infer_note_member(tree fndecl, const char *type_name, const char *field)
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

static void flush_postponed(void *gcc_data, void *user_data);

/* Before the first body is analysed: every function's body is in GIMPLE
 * with a CFG (lowered at parse end), every global in the varpool. */
static void
build_member_map(void)
{
	struct cgraph_node *node;

	members = htab_create(32, member_hash, member_eq, NULL);
	map_state = MAP_BUILDING;
	standin_scan_globals();
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		function *f = DECL_STRUCT_FUNCTION(node->decl);
		if (!f || !f->cfg) {
			map_state = MAP_UNUSABLE;	/* a store we cannot see */
			return;
		}
		scan_member_stores(f);
	}
	map_state = MAP_READY;
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

/* What one target returns: its rule, else its summary; 0 if unknown. */
static unsigned
target_mask(tree fndecl)
{
	const struct contract *c = contract_for_callee(fndecl);
	if (c && c->fails != FAILS_UNKNOWN)
		return fails_to_mask(c->fails);
	struct fn_summary *s = summary_get(fndecl, false);
	if (!s || !s->analysed || !s->returns)
		return 0;
	/* as value_of_call(): an int function's 0 proves nothing */
	if (TREE_TYPE(fndecl) && INTEGRAL_TYPE_P(TREE_TYPE(TREE_TYPE(fndecl))))
		return (VK_UNSURE(s->returns) | VK_PROVEN(s->returns)) << VK_UNK_SHIFT;
	return s->returns;
}

unsigned
infer_member_call(const gimple *call, tree *single_target)
{
	if (single_target)
		*single_target = NULL_TREE;
	const struct member_targets *m = targets_of_call(call);
	if (!m)
		return 0;
	unsigned all = 0, fails = 0;
	for (int i = 0; i < m->nfns; i++) {
		unsigned tm = target_mask(m->fns[i]);
		if (!tm)
			return 0;
		unsigned f = VK_PROVEN(tm) & (VK_NULL | VK_ERR);
		if (i > 0 && f != fails)
			return 0;	/* they fail differently: no one contract */
		fails = f;
		all |= tm;
	}
	if (single_target && m->nfns == 1)
		*single_target = m->fns[0];
	return all;
}

const char *
infer_member_name(const gimple *call)
{
	const struct member_targets *m = targets_of_call(call);
	return m ? m->key : NULL;
}

int
infer_member_targets(const gimple *call, tree *out, int max)
{
	const struct member_targets *m = targets_of_call(call);
	int n = 0;
	for (int i = 0; m && i < m->nfns && n < max; i++)
		out[n++] = m->fns[i];
	return n;
}

/* ---- postponing functions until their targets are analysed ------------ */
enum { P_WAITING = 0, P_BUSY, P_DONE };

struct postponed {
	tree decl;
	tree *deps;
	int ndeps;
	int state;
};

static htab_t postponed_set;		/* by decl */
static struct postponed **postponed_order;
static size_t npostponed, postponed_cap;
static tree flushing;			/* the function the flush is analysing */
static bool flush_hooked, flushed;

static hashval_t
decl_hash(const void *p)
{
	return htab_hash_pointer(*(const tree *)p);
}

static int
decl_eq(const void *a, const void *b)
{
	return *(const tree *)a == *(const tree *)b;
}

static struct postponed *
find_postponed(tree decl)
{
	if (!postponed_set || !decl)
		return NULL;
	return (struct postponed *)htab_find(postponed_set, &decl);
}

static bool
analysed(tree decl)
{
	struct fn_summary *s = summary_get(decl, false);
	return s && s->analysed;
}

static bool
has_body_here(tree decl)
{
	struct cgraph_node *node = cgraph_node::get(decl);
	return node && node->has_gimple_body_p();
}

static void
add_dep(tree **deps, int *n, int *cap, tree d)
{
	for (int i = 0; i < *n; i++)
		if ((*deps)[i] == d)
			return;
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 4;
		*deps = XRESIZEVEC(tree, *deps, *cap);
	}
	(*deps)[(*n)++] = d;
}

/* Functions FN must wait for; WHY gets one member call that makes it wait. */
static int
collect_deps(function *fn, tree **deps, gimple **why)
{
	int n = 0, cap = 0;
	basic_block bb;

	*deps = NULL;
	*why = NULL;
	FOR_EACH_BB_FN(bb, fn) {
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			if (!is_gimple_call(stmt) || gimple_call_internal_p(stmt))
				continue;
			tree callee = gimple_call_fndecl(stmt);
			if (callee) {
				struct postponed *p = find_postponed(callee);
				if (callee != fn->decl && p && p->state == P_WAITING)
					add_dep(deps, &n, &cap, callee);
				continue;
			}
			const struct member_targets *m = targets_of_call(stmt);
			for (int i = 0; m && i < m->nfns; i++) {
				tree t = m->fns[i];
				if (t == fn->decl || analysed(t) || !has_body_here(t))
					continue;
				if (DECL_NAME(t)) {
					const struct contract *c =
						contract_for_function(IDENTIFIER_POINTER(DECL_NAME(t)));
					if (c && c->fails != FAILS_UNKNOWN && !c->learned)
						continue;	/* its rule decides */
				}
				add_dep(deps, &n, &cap, t);
				if (!*why)
					*why = stmt;
			}
		}
	}
	return n;
}

bool
infer_postpone(function *fn)
{
	if (!fn || !fn->decl)
		return false;
	if (map_state == MAP_NONE)
		build_member_map();
	if (!flush_hooked && errptr_plugin_name) {
		register_callback(errptr_plugin_name, PLUGIN_PASS_EXECUTION, flush_postponed, NULL);
		flush_hooked = true;
	}
	if (fn->decl == flushing || flushed || !flush_hooked)
		return false;

	tree *deps;
	gimple *why;
	int n = collect_deps(fn, &deps, &why);
	if (!n)
		return false;
	if (!postponed_set)
		postponed_set = htab_create(16, decl_hash, decl_eq, NULL);
	struct postponed *p = XCNEW(struct postponed);
	p->decl = fn->decl;
	p->deps = deps;
	p->ndeps = n;
	void **slot = htab_find_slot(postponed_set, &p->decl, INSERT);
	*slot = p;
	if (npostponed == postponed_cap) {
		postponed_cap = postponed_cap ? 2 * postponed_cap : 16;
		postponed_order = XRESIZEVEC(struct postponed *, postponed_order, postponed_cap);
	}
	postponed_order[npostponed++] = p;
	if (errptr_verbose) {
		const char *member = why ? infer_member_name(why) : NULL;
		char buf[1024];
		if (member)
			snprintf(buf, sizeof(buf),
				 "errptr: '%s' is analysed after '%s', which it calls through '%s'",
				 decl_name(fn->decl), decl_name(deps[0]), member);
		else
			snprintf(buf, sizeof(buf), "errptr: '%s' is analysed after '%s', which it calls",
				 decl_name(fn->decl), decl_name(deps[0]));
		inform(DECL_SOURCE_LOCATION(fn->decl), "%s", buf);
	}
	return true;
}

static void
analyse_postponed(struct postponed *p, int depth)
{
	if (p->state != P_WAITING)
		return;
	p->state = P_BUSY;
	for (int i = 0; i < p->ndeps && depth < 10000; i++) {
		struct postponed *q = find_postponed(p->deps[i]);
		if (q)
			analyse_postponed(q, depth + 1);
	}
	function *f = DECL_STRUCT_FUNCTION(p->decl);
	if (f && f->cfg && gimple_in_ssa_p(f)) {
		tree saved = flushing;
		push_cfun(f);
		flushing = p->decl;
		summary_analyse_function(f);
		flushing = saved;
		pop_cfun();
	}
	p->state = P_DONE;
}

static void verbose_callers(void);

#define MAX_AT_END 8
static void (*at_end[MAX_AT_END])(void);
static int nat_end;

bool
infer_at_end(void (*fn)(void))
{
	if (flushed || !flush_hooked)
		return false;	/* a function made by a later pass: act now */
	for (int i = 0; i < nat_end; i++)
		if (at_end[i] == fn)
			return true;
	if (nat_end == MAX_AT_END)
		return false;
	at_end[nat_end++] = fn;
	return true;
}

/* PLUGIN_PASS_EXECUTION: the first IPA pass after errptr's pass has seen
 * every function (the checks pass, run_checks(), is one).  */
static void
flush_postponed(void *gcc_data, void *user_data)
{
	opt_pass *pass = (opt_pass *)gcc_data;

	static bool in_flush;

	if (flushed || in_flush || !pass ||
	    (pass->type != SIMPLE_IPA_PASS && pass->type != IPA_PASS) || current_function_decl)
		return;
	in_flush = true;
	for (size_t i = 0; i < npostponed; i++)
		analyse_postponed(postponed_order[i], 0);
	flushed = true;
	in_flush = false;
	unregister_callback(errptr_plugin_name, PLUGIN_PASS_EXECUTION);
	for (int i = 0; i < nat_end; i++)
		at_end[i]();
	if (errptr_verbose)
		verbose_callers();
	/* Later passes remove functions: the map's decls may go stale, and a
	 * function made from here on is analysed with what rules say. */
	map_state = MAP_UNUSABLE;
}

/* ---- how this file's calls test each callee's result ------------------- */
struct callee_tests {
	tree decl;		/* first: the hash key */
	unsigned calls;		/* calls whose pointer result is kept */
	unsigned is_err_only, null_only, both, untested;
	location_t first_test;
};

static htab_t callee_tests_set;
static struct callee_tests **callee_tests_order;
static size_t ncallee_tests, callee_tests_cap;

void
infer_note_call_test(tree callee, bool is_err, bool null_test, location_t loc)
{
	if (!callee)
		return;
	if (!callee_tests_set)
		callee_tests_set = htab_create(64, decl_hash, decl_eq, NULL);
	void **slot = htab_find_slot(callee_tests_set, &callee, INSERT);
	struct callee_tests *ct = (struct callee_tests *)*slot;
	if (!ct) {
		ct = XCNEW(struct callee_tests);
		ct->decl = callee;
		*slot = ct;
		if (ncallee_tests == callee_tests_cap) {
			callee_tests_cap = callee_tests_cap ? 2 * callee_tests_cap : 32;
			callee_tests_order =
				XRESIZEVEC(struct callee_tests *, callee_tests_order, callee_tests_cap);
		}
		callee_tests_order[ncallee_tests++] = ct;
	}
	ct->calls++;
	if (is_err && null_test)
		ct->both++;
	else if (is_err)
		ct->is_err_only++;
	else if (null_test)
		ct->null_only++;
	else
		ct->untested++;
	if ((is_err || null_test) && ct->first_test == UNKNOWN_LOCATION)
		ct->first_test = loc;
}

enum callers_kind
callers_tested_as(tree decl, unsigned *ntested)
{
	if (ntested)
		*ntested = 0;
	if (!callee_tests_set || !decl)
		return CALLERS_UNKNOWN;
	const struct callee_tests *ct =
		(const struct callee_tests *)htab_find(callee_tests_set, &decl);
	if (!ct)
		return CALLERS_UNKNOWN;
	unsigned tested = ct->is_err_only + ct->null_only + ct->both;
	if (ntested)
		*ntested = tested;
	if (tested < 2)
		return CALLERS_UNKNOWN;
	if (ct->is_err_only == tested)
		return CALLERS_IS_ERR;
	if (ct->null_only == tested)
		return CALLERS_NULL;
	if (ct->both == tested)
		return CALLERS_IS_ERR_OR_NULL;
	return CALLERS_MIXED;
}

/* -fplugin-arg-errptr-verbose: what the callers of each function declared
 * but not defined here, and without a rule, agree on. */
static void
verbose_callers(void)
{
	for (size_t i = 0; i < ncallee_tests; i++) {
		const struct callee_tests *ct = callee_tests_order[i];
		if (has_body_here(ct->decl) ||
		    (DECL_NAME(ct->decl) && contract_for_function(decl_name(ct->decl))))
			continue;
		unsigned n;
		enum callers_kind k = callers_tested_as(ct->decl, &n);
		const char *how = k == CALLERS_IS_ERR ? "only with IS_ERR()"
				: k == CALLERS_NULL ? "only for NULL"
				: k == CALLERS_IS_ERR_OR_NULL ? "for NULL and with IS_ERR()"
				: k == CALLERS_MIXED ? "in different ways" : NULL;
		if (!how)
			continue;
		char buf[1024];
		snprintf(buf, sizeof(buf),
			 "errptr: the %u tested calls of '%s' in this file test its result %s "
			 "(no rule; not taken as a contract)", n, decl_name(ct->decl), how);
		inform(DECL_SOURCE_LOCATION(ct->decl), "%s", buf);
	}
}
