/*
 * pass.c - the pass driver: when errptr reads what, and when each check
 * runs.  Nothing else schedules work.
 *
 * errptr's GIMPLE pass runs right after "ssa", before any inlining, where
 * IS_ERR(), ERR_PTR() and friends are still calls.  GCC runs it over the
 * functions callees first (reverse postorder of the call graph).  For each
 * function body:
 *
 *   1. value analysis is opened (value.h);
 *   2. the builders summarise it (summarize.c: its returns, how it tests
 *      the results of its calls, the functions it stores in members);
 *   3. the checks of PHASE_FUNCTION (checks.def) get one walk of the body:
 *      begin_function, on_stmt / on_call / on_cond in block order,
 *      end_function;
 *   4. value analysis is closed and the summary marked analysed.
 *
 * Before the first body, the facts of the whole unit that bodies need are
 * gathered: the hook tables and members filled in initializers
 * (initializers.c) and in bodies (members.c).
 *
 * Order.  GCC analyses callees before callers, but only along direct
 * calls: a function reached only through an ops table may come after the
 * function calling it.  A function that calls through a member whose
 * targets are not analysed yet, or that calls such a postponed function
 * directly, is postponed: its analysis runs once the pass has seen every
 * function, at the first IPA pass that follows (the bodies are still in the
 * SSA form errptr reads; nothing has optimised them), dependencies first.
 * Cycles are cut the way GCC cuts recursion: a function already being
 * analysed counts as unknown.  Everything is linear in the size of the unit.
 *
 * End of the unit (errptr_checks, a simple IPA pass right after
 * "build_ssa_passes", before the early optimisations): the postponed
 * functions are analysed, the checks' end_unit hooks run, then the checks
 * of PHASE_UNIT get every analysed function in source order.  A function
 * made by a later pass is analysed with what rules say, its end_unit hooks
 * run at once.
 */
#include "pass.h"
#include "check.h"
#include "callers.h"
#include "facts.h"
#include "kernel.h"
#include "members.h"
#include "names.h"
#include "options.h"
#include "sarif.h"
#include "stats.h"
#include "standin.h"
#include "summarize.h"
#include "value.h"

/* ---- the checks' hooks, each once, in table order ------------------------ */
static const struct check_hooks *hooks_of[2][CHECK_COUNT + 1];
static int nhooks[2];

static void
collect_hooks(void)
{
	for (int i = 0; i < CHECK_COUNT; i++) {
		int phase = checks[i].phase;
		bool seen = false;
		for (int j = 0; j < nhooks[phase] && !seen; j++)
			seen = hooks_of[phase][j] == checks[i].hooks;
		if (!seen)
			hooks_of[phase][nhooks[phase]++] = checks[i].hooks;
	}
}

/* One walk of FN's body for the hooks H[0..N-1]: every statement in block
 * order, and each block's final condition. */
static void
walk_body(function *fn, const struct check_hooks *const *h, int n)
{
	basic_block bb;

	for (int i = 0; i < n; i++)
		if (h[i]->begin_function)
			h[i]->begin_function(fn);
	FOR_EACH_BB_FN(bb, fn) {
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			bool call = is_gimple_call(stmt);
			enum api_fn api = call ? api_of_call(stmt) : API_NONE;
			for (int i = 0; i < n; i++) {
				if (h[i]->on_stmt)
					h[i]->on_stmt(fn, stmt);
				if (call && h[i]->on_call)
					h[i]->on_call(fn, stmt, api);
			}
		}
		gimple *last = errptr_last_stmt(bb);
		if (!last || gimple_code(last) != GIMPLE_COND)
			continue;
		for (int i = 0; i < n; i++)
			if (h[i]->on_cond)
				h[i]->on_cond(fn, bb, as_a<gcond *>(last));
	}
	for (int i = 0; i < n; i++)
		if (h[i]->end_function)
			h[i]->end_function(fn);
}

static bool unit_ended;		/* the end-of-unit hooks have run */

static void
end_unit_hooks(void)
{
	for (int p = 0; p < 2; p++)
		for (int i = 0; i < nhooks[p]; i++)
			if (hooks_of[p][i]->end_unit)
				hooks_of[p][i]->end_unit();
}

/* ---- one function ----------------------------------------------------- */
static void
analyse_function(function *fn)
{
	struct fn_summary *s = summary_edit(fn->decl);

	if (s->analysed)
		return;
	value_begin_function(fn);
	summarize_function(s, fn);
	uses_scan_function(fn);
	walk_body(fn, hooks_of[PHASE_FUNCTION], nhooks[PHASE_FUNCTION]);
	value_end_function();
	s->analysed = true;
	if (unit_ended)
		end_unit_hooks();	/* a function made by a later pass */
}

/* ---- the facts of the whole unit, before the first body ----------------- */
/* Which kernel the contracts are chosen for: in verbose notes, and in the
 * SARIF log's run properties. */
static void
describe_kernel(void)
{
	const char *release = kernel_release();
	if (errptr_verbose) {
		if (release)
			inform(UNKNOWN_LOCATION, "errptr: compiled against Linux %s (%s)", release,
			       kernel_version_source());
		else
			inform(UNKNOWN_LOCATION, "errptr: not compiled against a Linux kernel tree");
	}
	if (release && sarif_enabled()) {
		char json[80];
		snprintf(json, sizeof(json), "\"%s\"", release);
		sarif_property("kernel", json);
	}
}

static bool unit_facts_built;

static void
build_unit_facts(void)
{
	struct cgraph_node *node;
	bool usable = true;

	unit_facts_built = true;
	describe_kernel();
	/* the measures of stats.c, with the checks, when a log is kept */
	if (sarif_enabled())
		hooks_of[PHASE_FUNCTION][nhooks[PHASE_FUNCTION]++] = &stats_hooks;
	members_begin();
	initializers_scan();
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		function *f = DECL_STRUCT_FUNCTION(node->decl);
		if (!f || !f->cfg) {
			usable = false;	/* a store we cannot see */
			break;
		}
		members_scan_body(f);
		originals_scan_body(f);
	}
	members_end(usable);
	originals_end(usable);
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
	const struct fn_summary *s = summary_find(decl);
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
			tree targets[MEMBERS_MAX_TARGETS];
			int nt = members_call_targets(stmt, targets, MEMBERS_MAX_TARGETS, NULL);
			for (int i = 0; i < nt; i++) {
				tree t = targets[i];
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

static void flush_postponed(void *gcc_data, void *user_data);

/* Does FN wait until the functions it calls through an ops table are
 * analysed?  Then it is analysed at the flush. */
static bool
postpone(function *fn)
{
	if (!flush_hooked) {
		register_callback(errptr_plugin_name, PLUGIN_PASS_EXECUTION, flush_postponed, NULL);
		flush_hooked = true;
	}
	if (fn->decl == flushing || flushed)
		return false;

	tree *deps;
	gimple *why;
	int n = collect_deps(fn, &deps, &why);
	if (!n)
		return false;
	if (!postponed_set)
		postponed_set = htab_create(16, decl_entry_hash, decl_entry_eq, NULL);
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
		const char *member = NULL;
		tree t[MEMBERS_MAX_TARGETS];
		if (why)
			members_call_targets(why, t, MEMBERS_MAX_TARGETS, &member);
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
		analyse_function(f);
		flushing = saved;
		pop_cfun();
	}
	p->state = P_DONE;
}

/* PLUGIN_PASS_EXECUTION: the first IPA pass after errptr's pass has seen
 * every function (errptr_checks is one): the postponed functions, then the
 * end-of-unit hooks. */
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
	end_unit_hooks();
	unit_ended = true;
	if (errptr_verbose)
		callers_explain();
	/* Later passes remove functions: the map's decls may go stale, and a
	 * function made from here on is analysed with what rules say. */
	members_close();
}

/* ---- the unit ------------------------------------------------------------ */
static bool
any_contract(const struct contract *c)
{
	return true;
}

/* -fplugin-arg-errptr-verbose: what errptr concluded about a function. */
static void
explain_summary(const struct fn_summary *s)
{
	struct standin st;
	char evidence[512];
	unsigned m = s->returns;

	/* nothing to say of what a void function returns */
	tree type = TREE_TYPE(TREE_TYPE(s->decl));
	if (type && !VOID_TYPE_P(type)) {
		/* what it returns for certain, and what it may return besides
		 * (a value from an unknown source, or a kind only some
		 * arguments get: a NULL return site then still counts,
		 * and a check may report it) */
		unsigned sure = VK_PROVEN(m);
		if (s->null_returns)
			sure |= VK_NULL;
		unsigned maybe = VK_UNSURE(m) & ~sure;
		char buf[256];
		size_t n = 0;
		buf[0] = 0;
		static const struct { unsigned kind; const char *name; } kinds[] = {
			{ VK_NULL, "NULL/0" }, { VK_ERR, "ERR/negative" }, { VK_VALID, "valid/positive" },
		};
		for (unsigned pass = 0; pass < 2; pass++) {
			unsigned set = pass ? maybe : sure;
			if (!set)
				continue;
			if (pass)
				n += snprintf(buf + n, sizeof(buf) - n, "%s",
					      !sure ? "" : " and perhaps");
			for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
				if (set & kinds[i].kind)
					n += snprintf(buf + n, sizeof(buf) - n, " %s", kinds[i].name);
		}
		if (!sure && maybe == VK_KINDS)
			snprintf(buf, sizeof(buf), " anything: nothing is known of its result");
		else if (!sure && maybe)
			n += snprintf(buf + n, sizeof(buf) - n, " (not proven)");
		if (buf[0])
			inform(DECL_SOURCE_LOCATION(s->decl), "errptr: %qs may return%s",
			       decl_name(s->decl), buf);
	}
	if (standin_find(s, any_contract, &st))
		inform(DECL_SOURCE_LOCATION(s->decl), "errptr: %qs stands in for %qs: %s",
		       decl_name(s->decl), st.api, standin_evidence_text(&st, evidence, sizeof(evidence)));
	/* a rule about this very function that its body contradicts */
	const struct contract *c = DECL_NAME(s->decl) ? contract_for_function(decl_name(s->decl)) : NULL;
	unsigned said = c ? VK_PROVEN(fails_to_mask(c->fails)) : 0;
	unsigned extra = VK_PROVEN(m) & (VK_NULL | VK_ERR) & ~said;
	if (said && extra) {
		char origin[512];
		inform(DECL_SOURCE_LOCATION(s->decl),
		       "errptr: the rule for %qs (%s) says fails=%s, but its body here returns %s: "
		       "calls in this file go by the body", decl_name(s->decl),
		       contract_origin_text(c, origin, sizeof(origin)), fails_name(c->fails),
		       extra == VK_NULL ? "NULL" : extra == VK_ERR ? "error pointers"
					 : "NULL and error pointers");
	}
}

static int
compare_source_order(const void *a, const void *b)
{
	tree da = (*(const struct fn_summary *const *)a)->decl;
	tree db = (*(const struct fn_summary *const *)b)->decl;
	expanded_location xa = expand_location(DECL_SOURCE_LOCATION(da));
	expanded_location xb = expand_location(DECL_SOURCE_LOCATION(db));
	int c = strcmp(xa.file ? xa.file : "", xb.file ? xb.file : "");
	if (c)
		return c;
	if (xa.line != xb.line)
		return xa.line < xb.line ? -1 : 1;
	return DECL_UID(da) < DECL_UID(db) ? -1 : DECL_UID(da) > DECL_UID(db);
}

/* A PHASE_UNIT check that selected S: its body, opened again for value
 * queries (still the SSA form of errptr's pass), walked for H alone. */
static void
walk_selected(const struct fn_summary *s, const struct check_hooks *h)
{
	function *fn = DECL_STRUCT_FUNCTION(s->decl);
	if (!fn || !fn->cfg || !fn->gimple_df || !gimple_in_ssa_p(fn) || !h->select(s))
		return;
	push_cfun(fn);
	value_begin_function(fn);
	walk_body(fn, &h, 1);
	value_end_function();
	pop_cfun();
}

/* Every function has been summarised: the checks of the whole unit, in
 * source order, so that output is stable and reads top-down. */
static void
unit_checks(void)
{
	if (seen_error())
		return;
	initializers_scan();

	size_t n = 0;
	for (const struct fn_summary *s = summary_first(); s; s = s->next)
		n += s->analysed;
	const struct fn_summary **order = XNEWVEC(const struct fn_summary *, n + 1);
	n = 0;
	for (const struct fn_summary *s = summary_first(); s; s = s->next)
		if (s->analysed)
			order[n++] = s;
	qsort(order, n, sizeof(*order), compare_source_order);
	for (size_t i = 0; i < n; i++) {
		if (errptr_verbose)
			explain_summary(order[i]);
		for (int k = 0; k < nhooks[PHASE_UNIT]; k++) {
			const struct check_hooks *h = hooks_of[PHASE_UNIT][k];
			if (h->on_summary)
				h->on_summary(order[i]);
			if (h->select)
				walk_selected(order[i], h);
		}
	}
	XDELETEVEC(order);
}

/* ---- the passes ------------------------------------------------------------ */
static const pass_data errptr_pass_data = {
	/* .type = */ GIMPLE_PASS,
	/* .name = */ "errptr",
	/* .optinfo_flags = */ OPTGROUP_NONE,
	/* .tv_id = */ TV_NONE,
	/* .properties_required = */ PROP_cfg | PROP_ssa,
	/* .properties_provided = */ 0,
	/* .properties_destroyed = */ 0,
	/* .todo_flags_start = */ 0,
	/* .todo_flags_finish = */ ERRPTR_PASS_TODO_FINISH,
};

class errptr_pass : public gimple_opt_pass {
public:
	errptr_pass(gcc::context *ctxt) : gimple_opt_pass(errptr_pass_data, ctxt) {}
	unsigned int execute(function *fn) override
	{
		if (!fn || !fn->decl)
			return 0;
		if (!unit_facts_built)
			build_unit_facts();
		const struct fn_summary *s = summary_find(fn->decl);
		if (s && s->analysed)
			return 0;
		if (!postpone(fn))
			analyse_function(fn);
		return 0;
	}
	opt_pass *clone() override { return new errptr_pass(m_ctxt); }
};

static const pass_data errptr_checks_pass_data = {
	/* .type = */ SIMPLE_IPA_PASS,
	/* .name = */ "errptr_checks",
	/* .optinfo_flags = */ OPTGROUP_NONE,
	/* .tv_id = */ TV_NONE,
	/* .properties_required = */ 0,
	/* .properties_provided = */ 0,
	/* .properties_destroyed = */ 0,
	/* .todo_flags_start = */ 0,
	/* .todo_flags_finish = */ 0,
};

class errptr_checks_pass : public simple_ipa_opt_pass {
public:
	errptr_checks_pass(gcc::context *ctxt) : simple_ipa_opt_pass(errptr_checks_pass_data, ctxt) {}
	unsigned int execute(function *) override
	{
		unit_checks();
		return 0;
	}
};

void
pass_register(const char *plugin_name)
{
	collect_hooks();

	struct register_pass_info pass;
	pass.pass = new errptr_pass(g);
	pass.reference_pass_name = "ssa";
	pass.ref_pass_instance_number = 1;
	pass.pos_op = PASS_POS_INSERT_AFTER;
	register_callback(plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);

	struct register_pass_info checks_pass;
	checks_pass.pass = new errptr_checks_pass(g);
	checks_pass.reference_pass_name = "build_ssa_passes";
	checks_pass.ref_pass_instance_number = 1;
	checks_pass.pos_op = PASS_POS_INSERT_AFTER;
	register_callback(plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &checks_pass);
}
