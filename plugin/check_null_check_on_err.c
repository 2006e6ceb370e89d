/*
 * check_null_check_on_err.c - a NULL test of the result of an API that
 * reports failure with ERR_PTR() and never returns NULL: the test never
 * holds, and the error pointer goes on as if it were a valid one.
 *
 *	f = filp_open(name, O_RDONLY, 0);
 *	if (!f)				<- never true: filp_open() fails with ERR_PTR()
 *		return -ENOENT;
 *	fput(f);			<- fput(ERR_PTR(-ENOENT)) oopses
 *
 * It is reported at the test, when the value's proven kinds there include
 * an error pointer and exclude NULL (no IS_ERR() on the way has handled
 * the error), unless an IS_ERR()-family test of the value comes next on
 * the not-NULL side before any use ("if (!f || IS_ERR(f))").  A note says
 * where the error pointer then flows: the first dereference, call
 * argument, store or return of the value after the test.
 *
 * The same file reports, as errptr-unneeded-check (a note by default),
 * tests of results whose contract says callers=none: debugfs_create_*()
 * results are meant to be passed on unchecked.
 *
 * Cost: one bounded forward walk (each block once) per reported test.
 */
#include "check.h"
#include "callee.h"
#include "report.h"
#include "value.h"

/* ERR_PTR() on failure: it may succeed too.  A function that only returns
 * an error pointer is a stub of a configuration: the real one, not seen
 * here, decides what callers test. */
static bool
fails_with_err_only(unsigned m)
{
	return (VK_PROVEN(m) & VK_ERR) && !(VK_POSSIBLE(m) & VK_NULL) && (VK_POSSIBLE(m) & VK_VALID);
}

#define MAX_WALK_STMTS 4096	/* forward walk from one test */
#define MAX_ALIAS_LOCS 32

/* ---- where a value comes from ---------------------------------------- */



/* ---- where the value goes after the test ----------------------------- */
enum use_kind { USE_NONE, USE_DEREF, USE_ARG, USE_STORE, USE_RETURN, USE_GUARD };

struct use {
	enum use_kind kind;
	location_t loc;
	tree callee;		/* USE_ARG */
	const char *callee_name;
};

struct walk {
	tree root;
	bitmap alias;		/* SSA versions (value roots) holding the value */
	unsigned nlocs;		/* where a compiler temporary got the value */
	unsigned loc_version[MAX_ALIAS_LOCS];
	location_t loc[MAX_ALIAS_LOCS];
};

/* T stripped of copies and casts, but not of PTR_ERR() and friends (as
 * value_root() is): the pointer itself, not values computed from it. */
static tree
copy_root(tree t)
{
	for (int depth = 0; depth < 64 && t && TREE_CODE(t) == SSA_NAME; depth++) {
		if (SSA_NAME_IS_DEFAULT_DEF(t))
			return t;
		gimple *def = SSA_NAME_DEF_STMT(t);
		if (!is_gimple_assign(def))
			return t;
		enum tree_code code = gimple_assign_rhs_code(def);
		tree rhs = gimple_assign_rhs1(def);
		if (TREE_CODE(rhs) != SSA_NAME ||
		    !(code == SSA_NAME || CONVERT_EXPR_CODE_P(code) || code == VIEW_CONVERT_EXPR))
			return t;
		if (INTEGRAL_TYPE_P(TREE_TYPE(t)) && INTEGRAL_TYPE_P(TREE_TYPE(rhs)) &&
		    TYPE_PRECISION(TREE_TYPE(t)) < TYPE_PRECISION(TREE_TYPE(rhs)))
			return t;
		t = rhs;
	}
	return t;
}

static bool
is_alias(struct walk *w, tree t)
{
	if (!t || TREE_CODE(t) != SSA_NAME)
		return false;
	tree r = copy_root(t);
	return TREE_CODE(r) == SSA_NAME && bitmap_bit_p(w->alias, SSA_NAME_VERSION(r));
}

static void
add_alias(struct walk *w, tree t, location_t loc)
{
	if (!t || TREE_CODE(t) != SSA_NAME)
		return;
	tree r = copy_root(t);
	if (TREE_CODE(r) != SSA_NAME)
		return;
	if (bitmap_set_bit(w->alias, SSA_NAME_VERSION(r)) && loc != UNKNOWN_LOCATION &&
	    w->nlocs < MAX_ALIAS_LOCS) {
		w->loc_version[w->nlocs] = SSA_NAME_VERSION(r);
		w->loc[w->nlocs++] = loc;
	}
}

static location_t
alias_loc(struct walk *w, tree t)
{
	if (!t || TREE_CODE(t) != SSA_NAME)
		return UNKNOWN_LOCATION;
	tree r = copy_root(t);
	if (TREE_CODE(r) != SSA_NAME)
		return UNKNOWN_LOCATION;
	unsigned v = SSA_NAME_VERSION(r);
	for (unsigned i = 0; i < w->nlocs; i++)
		if (w->loc_version[i] == v)
			return w->loc[i];
	return UNKNOWN_LOCATION;
}

/* Does operand OP read or write through the value? */
static bool
derefs(struct walk *w, tree op)
{
	if (!op)
		return false;
	if (TREE_CODE(op) == ADDR_EXPR)
		op = TREE_OPERAND(op, 0);
	while (handled_component_p(op))
		op = TREE_OPERAND(op, 0);
	return (TREE_CODE(op) == MEM_REF || TREE_CODE(op) == TARGET_MEM_REF) &&
	       is_alias(w, TREE_OPERAND(op, 0));
}

/* What STMT does with the value. */
static struct use
classify(struct walk *w, gimple *stmt)
{
	struct use u = { USE_NONE, gimple_location(stmt), NULL_TREE, NULL };

	if (greturn *ret = dyn_cast<greturn *>(stmt)) {
		tree val = gimple_return_retval(ret);
		if (is_alias(w, val)) {
			u.kind = USE_RETURN;
			if (u.loc == UNKNOWN_LOCATION)
				u.loc = alias_loc(w, val);
		}
		return u;
	}
	if (is_gimple_call(stmt)) {
		if (gimple_call_internal_p(stmt))
			return u;
		enum api_fn api = api_of_call(stmt);
		if (api != API_NONE) {
			if (gimple_call_num_args(stmt) != 1 || !is_alias(w, gimple_call_arg(stmt, 0)))
				return u;
			if (api == API_IS_ERR || api == API_IS_ERR_OR_NULL ||
			    api == API_PTR_ERR_OR_ZERO)
				u.kind = USE_GUARD;
			else if (api == API_ERR_CAST)
				add_alias(w, gimple_call_lhs(stmt), u.loc);
			return u;
		}
		if (derefs(w, gimple_call_lhs(stmt)) || is_alias(w, gimple_call_fn(stmt))) {
			u.kind = USE_DEREF;
			return u;
		}
		for (unsigned i = 0; i < gimple_call_num_args(stmt); i++) {
			tree a = gimple_call_arg(stmt, i);
			if (derefs(w, a)) {
				u.kind = USE_DEREF;
				return u;
			}
		}
		for (unsigned i = 0; i < gimple_call_num_args(stmt); i++) {
			if (is_alias(w, gimple_call_arg(stmt, i))) {
				const struct contract *c;
				u.kind = USE_ARG;
				u.callee = gimple_call_fndecl(stmt);
				u.callee_name = callee_name(stmt, &c);
				return u;
			}
		}
		return u;
	}
	if (!is_gimple_assign(stmt))
		return u;
	tree lhs = gimple_assign_lhs(stmt);
	for (unsigned i = 0; i < gimple_num_ops(stmt); i++) {
		if (derefs(w, gimple_op(stmt, i))) {
			u.kind = USE_DEREF;
			return u;
		}
	}
	tree r1 = gimple_assign_rhs1(stmt);
	enum tree_code code = gimple_assign_rhs_code(stmt);
	if (TREE_CODE(lhs) != SSA_NAME) {
		if (gimple_assign_single_p(stmt) && is_alias(w, r1))
			u.kind = USE_STORE;
		return u;
	}
	if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code) || code == VIEW_CONVERT_EXPR ||
	    code == POINTER_PLUS_EXPR) {
		if (is_alias(w, r1))
			add_alias(w, lhs, u.loc);
	} else if (code == COND_EXPR) {
		if (is_alias(w, gimple_assign_rhs2(stmt)) || is_alias(w, gimple_assign_rhs3(stmt)))
			add_alias(w, lhs, u.loc);
	}
	return u;
}

/* Values flowing along E into PHIs. */
static void
follow_phis(struct walk *w, edge e)
{
	for (gphi_iterator gsi = gsi_start_phis(e->dest); !gsi_end_p(gsi); gsi_next(&gsi)) {
		gphi *phi = gsi.phi();
		tree res = gimple_phi_result(phi);
		if (virtual_operand_p(res))
			continue;
		tree arg = PHI_ARG_DEF_FROM_EDGE(phi, e);
		if (is_alias(w, arg))
			add_alias(w, res, gimple_phi_arg_location_from_edge(phi, e));
	}
}

/* A test at the end of BB that handles the error (separates ERR from
 * the valid values). */
static bool
error_tested(struct walk *w, basic_block bb)
{
	struct value_test t;
	if (!value_block_test(bb, &t, NULL) || !is_alias(w, t.root))
		return false;
	unsigned k = t.kinds;
	return k == VK_ERR || k == (VK_NULL | VK_VALID) || k == (VK_NULL | VK_ERR) || k == VK_VALID;
}

/* From the not-NULL side E of a NULL test of W->root: the first use of the
 * value that no IS_ERR()-family test precedes.  *GUARDED: such a test was
 * seen on some path. */
static struct use
first_unguarded_use(struct walk *w, edge start, bool *guarded)
{
	struct use none = { USE_NONE, UNKNOWN_LOCATION, NULL_TREE, NULL };
	auto_vec<basic_block, 16> queue;
	auto_bitmap visited;
	unsigned budget = MAX_WALK_STMTS;
	gimple *redef = SSA_NAME_DEF_STMT(w->root);

	*guarded = false;
	follow_phis(w, start);
	if (start->dest->index < NUM_FIXED_BLOCKS)
		return none;
	bitmap_set_bit(visited, start->dest->index);
	queue.safe_push(start->dest);
	for (unsigned qi = 0; qi < queue.length(); qi++) {
		basic_block bb = queue[qi];
		bool stop = false;
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			if (is_gimple_debug(stmt))
				continue;
			if (!budget--)
				return none;
			if (stmt == redef) {	/* around a loop: a new value */
				stop = true;
				break;
			}
			struct use u = classify(w, stmt);
			if (u.kind == USE_GUARD) {
				*guarded = true;
				stop = true;
				break;
			}
			if (u.kind != USE_NONE)
				return u;
		}
		if (stop)
			continue;
		if (error_tested(w, bb)) {
			*guarded = true;
			continue;
		}
		edge e;
		edge_iterator ei;
		FOR_EACH_EDGE(e, ei, bb->succs) {
			if (e->dest->index < NUM_FIXED_BLOCKS)
				continue;
			if (gimple_bb(redef) == e->dest && gimple_code(redef) == GIMPLE_PHI)
				continue;
			follow_phis(w, e);
			if (bitmap_set_bit(visited, e->dest->index))
				queue.safe_push(e->dest);
		}
	}
	return none;
}

/* Does LINE from I read NAME, as a whole name (not "name->x", "name2")? */
static bool
name_at(const char_span &line, size_t i, const char *name)
{
	size_t len = strlen(name), n = line.length();
	if (i + len > n || memcmp(line.get_buffer() + i, name, len) != 0)
		return false;
	if (i > 0 && (ISIDNUM(line[i - 1]) || line[i - 1] == '.' || line[i - 1] == '>'))
		return false;
	i += len;
	return !(i < n && (ISIDNUM(line[i]) || line[i] == '-' || line[i] == '.' || line[i] == '['));
}

static size_t
skip_blanks(const char_span &line, size_t i)
{
	while (i < line.length() && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i;
}

/* The condition at LOC is a plain NULL test of NAME - "!NAME", "NAME ==
 * NULL", "NULL == NAME" (true for NULL), "NAME", "NAME != NULL", "NULL !=
 * NAME" (true for non-NULL), also inside "unlikely(...)": TOKEN gets the
 * test as written, *NOT_NULL whether it holds for non-NULL, for a fix-it
 * that replaces the whole test. */
static bool
plain_null_test(location_t loc, const char *name, char *token, size_t size, bool *not_null)
{
	loc = user_location(loc);
	expanded_location x = expand_location(loc);
	if (!name || !x.file || x.column <= 0)
		return false;
	char_span line = errptr_source_line(x.file, x.line);
	if (!line)
		return false;
	/* the condition's location is its '(' or its first token */
	size_t i = x.column - 1;
	size_t n = line.length();
	if (i < n && line[i] == '(')
		i++;
	i = skip_blanks(line, i);
	static const char *const wrappers[] = { "unlikely(", "likely(" };
	for (size_t k = 0; k < ARRAY_SIZE(wrappers); k++) {
		size_t wl = strlen(wrappers[k]);
		if (i + wl <= n && memcmp(line.get_buffer() + i, wrappers[k], wl) == 0) {
			i = skip_blanks(line, i + wl);
			break;
		}
	}
	size_t start = i, end;
	size_t len = strlen(name);
	if (i < n && line[i] == '!' && (i + 1 >= n || line[i + 1] != '=')) {
		i = skip_blanks(line, i + 1);
		if (!name_at(line, i, name))
			return false;
		end = i + len;
		*not_null = false;
	} else {
		/* "NAME", "NAME op NULL" or "NULL op NAME" */
		bool null_first = name_at(line, i, "NULL");
		if (!null_first && !name_at(line, i, name))
			return false;
		size_t j = skip_blanks(line, i + (null_first ? 4 : len));
		bool eq = j + 1 < n && line[j] == '=' && line[j + 1] == '=';
		bool ne = j + 1 < n && line[j] == '!' && line[j + 1] == '=';
		if (!eq && !ne) {
			if (null_first || j >= n || line[j] != ')')
				return false;
			end = i + len;		/* "if (NAME)" */
			*not_null = true;
		} else {
			j = skip_blanks(line, j + 2);
			const char *other = null_first ? name : "NULL";
			if (!name_at(line, j, other))
				return false;
			end = j + strlen(other);
			size_t k = skip_blanks(line, end);
			if (k >= n || line[k] != ')')
				return false;	/* "p == NULL || ...": more than the test */
			*not_null = ne;
		}
	}
	if (end - start >= size)
		return false;
	memcpy(token, line.get_buffer() + start, end - start);
	token[end - start] = 0;
	return true;
}

static void
report_null_check(function *fn, location_t test_loc, tree tested, tree root, gimple *src,
		  const char *api, const struct contract *contract, edge not_null)
{
	struct walk w;
	memset(&w, 0, sizeof(w));
	auto_bitmap alias;
	w.root = root;
	w.alias = alias;
	bitmap_set_bit(alias, SSA_NAME_VERSION(root));

	bool guarded;
	struct use u = first_unguarded_use(&w, not_null, &guarded);
	if (u.kind == USE_NONE && guarded)
		return;		/* "if (!f || IS_ERR(f))": the error is handled */

	struct report *r = report_begin(CHECK_NULL_CHECK_ON_ERR, test_loc,
		"'%s' returns %s() on failure, never NULL; this test misses the error", api,
		api_name(API_ERR_PTR));
	if (!r)
		return;
	report_event(r, gimple_location(src), fn->decl, "'%s' returns an error pointer on failure",
		     api);
	report_event(r, test_loc, fn->decl, "an error pointer is not NULL: it passes this test");
	const char *what = NULL;
	char buf[256];
	switch (u.kind) {
	case USE_DEREF:
		what = "is dereferenced here";
		break;
	case USE_ARG:
		if (u.callee_name) {
			snprintf(buf, sizeof(buf), "is passed to '%s' here", u.callee_name);
			what = buf;
		} else {
			what = "is passed to a function here";
		}
		break;
	case USE_STORE:
		what = "is stored here";
		break;
	case USE_RETURN:
		what = "is returned here";
		break;
	default:
		break;
	}
	if (what && u.loc != UNKNOWN_LOCATION)
		report_event(r, u.loc, fn->decl, "the error pointer %s", what);
	if (report_emit(r)) {
		if (what && u.loc != UNKNOWN_LOCATION)
			report_note(r, u.loc, "the error pointer then flows on as if valid: it %s", what);
		char origin[512];
		/* "kthread_run(...)" written, kthread_create_on_node() called */
		tree callee = gimple_call_fndecl(src);
		char expands[256] = "";
		if (callee && DECL_NAME(callee) && strcmp(decl_name(callee), api) != 0)
			snprintf(expands, sizeof(expands), " (it expands to '%s')", decl_name(callee));
		if (contract && contract->rule_file)
			report_note(r, UNKNOWN_LOCATION,
				    "'%s'%s reports failure with %s(), never NULL (%s)", api, expands,
				    api_name(API_ERR_PTR),
				    contract_origin_text(contract, origin, sizeof(origin)));
		else if (!contract && gimple_call_fndecl(src))
			report_note(r, DECL_SOURCE_LOCATION(gimple_call_fndecl(src)),
				    "'%s' returns an error pointer on failure and never NULL", api);
		char token[128], fix[160];
		const char *name = value_name(tested);
		if (!name)
			name = value_name(root);
		bool not_null;
		if (plain_null_test(test_loc, name, token, sizeof(token), &not_null)) {
			snprintf(fix, sizeof(fix), "%s%s(%s)", not_null ? "!" : "",
				 api_name(API_IS_ERR), name);
			report_note_replace(r, test_loc, token, fix,
				"test it with '%s' instead, and pass on '%s(%s)'", fix,
				api_name(API_PTR_ERR), name);
		} else if (name) {
			report_note(r, test_loc, "test it with '%s(%s)' instead, and pass on '%s(%s)'",
				    api_name(API_IS_ERR), name, api_name(API_PTR_ERR), name);
		} else {
			report_note(r, test_loc, "test it with '%s()' instead, and pass on '%s()'",
				    api_name(API_IS_ERR), api_name(API_PTR_ERR));
		}
	}
	report_end(r);
}

/* ---- unneeded-check ---------------------------------------------------- */

/* The contract of the call ROOT is the result of, if it says callers=none. */
static const struct contract *
needs_no_check(tree root, gimple **call, const char **api)
{
	if (TREE_CODE(root) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(root))
		return NULL;
	gimple *def = SSA_NAME_DEF_STMT(root);
	if (!is_gimple_call(def) || api_of_call(def) != API_NONE)
		return NULL;
	const struct contract *c;
	const char *name = callee_name(def, &c);
	if (!c || c->callers != CALLERS_NONE)
		return NULL;
	*call = def;
	*api = name;
	return c;
}

static void
report_unneeded(function *fn, location_t test_loc, gimple *call, const char *api,
		const struct contract *c)
{
	struct report *r = report_begin(CHECK_UNNEEDED_CHECK, test_loc,
		"the result of '%s' needs no check", api);
	if (!r)
		return;
	report_event(r, gimple_location(call), fn->decl, "'%s' is called here", api);
	report_event(r, test_loc, fn->decl, "its result is tested here");
	if (report_emit(r)) {
		char origin[512];
		if (c->rule_file)
			report_note(r, UNKNOWN_LOCATION,
				    "the contract of '%s' says callers need not test its result (%s)",
				    api, contract_origin_text(c, origin, sizeof(origin)));
		if (strncmp(api, "debugfs_", 8) == 0)
			report_note(r, UNKNOWN_LOCATION,
				    "debugfs functions accept the error value '%s' may return, and a "
				    "driver should work the same when debugfs fails", api);
	}
	report_end(r);
}

/* Results already reported by unneeded-check in this function. */
static bitmap unneeded_done;

static void
null_check_on_err_begin(function *fn)
{
	unneeded_done = BITMAP_ALLOC(NULL);
}

static void
null_check_on_err_end(function *fn)
{
	BITMAP_FREE(unneeded_done);
}

static void
null_check_on_err_on_cond(function *fn, basic_block bb, gcond *cond)
{
	if (check_severity[CHECK_NULL_CHECK_ON_ERR] == SEV_OFF &&
	    check_severity[CHECK_UNNEEDED_CHECK] == SEV_OFF)
		return;
	struct value_test t;
	location_t loc;
	if (!value_block_test(bb, &t, &loc) || TREE_CODE(t.root) != SSA_NAME ||
	    !POINTER_TYPE_P(TREE_TYPE(t.root)) || EDGE_COUNT(bb->succs) != 2)
		return;
	gimple *last = cond;
	if (loc == UNKNOWN_LOCATION)
		loc = gimple_location(last);

	/* unneeded-check: any test of a result that needs none */
	gimple *call;
	const char *api;
	const struct contract *c = needs_no_check(t.root, &call, &api);
	if (c) {
		if (bitmap_set_bit(unneeded_done, SSA_NAME_VERSION(t.root)))
			report_unneeded(fn, loc, call, api, c);
		return;	/* never a null-check-on-err as well */
	}

	/* a NULL test: true for NULL only, or for everything but NULL */
	if (t.kinds != VK_NULL && t.kinds != (VK_ERR | VK_VALID))
		return;
	if (check_severity[CHECK_NULL_CHECK_ON_ERR] == SEV_OFF)
		return;
	unsigned m = value_at_block(t.root, bb, NULL);
	if (!(VK_PROVEN(m) & VK_ERR) || (VK_POSSIBLE(m) & VK_NULL))
		return;
	/* only an error pointer can be here: an IS_ERR() test on the way
	 * took the error path ("if (IS_ERR(h)) ext4_std_error(sb,
	 * PTR_ERR(h));" tests the errno, fs/ext4/inode.c) */
	if (!(VK_POSSIBLE(m) & VK_VALID))
		return;
	gimple *src = value_source_call(t.root, fails_with_err_only);
	if (!src)
		return;	/* ERR_PTR() written here: not an API's contract */
	const struct contract *sc;
	const char *name = callee_name(src, &sc);
	if (!name || (sc && sc->callers == CALLERS_NONE))
		return;
	/* the edge on which the value is not NULL */
	edge not_null = NULL;
	edge e;
	edge_iterator ei;
	FOR_EACH_EDGE(e, ei, bb->succs) {
		bool on_true = (e->flags & EDGE_TRUE_VALUE) != 0;
		if (!(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
			continue;
		if (on_true == (t.kinds == (VK_ERR | VK_VALID)))
			not_null = e;
	}
	if (!not_null)
		return;
	tree tested = gimple_cond_lhs(cond);
	if (TREE_CODE(tested) != SSA_NAME || value_root(tested) != t.root)
		tested = t.root;
	report_null_check(fn, loc, tested, t.root, src, name, sc, not_null);
}

const struct check_hooks null_check_on_err_hooks = {
	.begin_function = null_check_on_err_begin,
	.on_cond = null_check_on_err_on_cond,
	.end_function = null_check_on_err_end,
};
