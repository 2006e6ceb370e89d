/*
 * check_is_err_on_null.c - IS_ERR() on the result of an API that reports
 * failure with NULL and never with an error pointer: IS_ERR(NULL) is
 * false, so the failure takes the success path.
 *
 *	p = kzalloc(sizeof(*p), GFP_KERNEL);
 *	if (IS_ERR(p))			<- never true: kzalloc() fails with NULL
 *		return PTR_ERR(p);
 *	p->count = 1;			<- NULL dereference on failure
 *
 * It is reported at the IS_ERR() (a call anywhere, in a condition or not,
 * or the IS_ERR_VALUE() shape of a condition) when the tested value's
 * kinds there include a proven NULL from a call - an API whose contract
 * says fails=null, or a function of this file that returns NULL or a
 * valid pointer and never an error pointer - and no error pointer at all.
 * A NULL test of the value before it on the path ("if (!p || IS_ERR(p))")
 * leaves no NULL to report; one after it on its not-ERR side (in a block
 * dominated by where that side starts: "if (IS_ERR(p) || !p)") handles
 * the NULL too, and the test is quiet.  IS_ERR_OR_NULL() and
 * PTR_ERR_OR_ZERO() are not IS_ERR() tests.
 *
 * Cost: one pass over the statements, one value query per IS_ERR(), and
 * for each one reported a binary search and a scan of the NULL tests of
 * that value (sorted once per function).
 */
#include "check.h"
#include "callee.h"
#include "report.h"
#include "value.h"

/* NULL on failure: it may succeed too.  A function that only returns NULL
 * is a stub of a configuration ("#ifndef CONFIG_OF ... return NULL;"): the
 * real one, not seen here, decides what callers test. */
static bool
fails_with_null_only(unsigned m)
{
	return (VK_PROVEN(m) & VK_NULL) && !(VK_POSSIBLE(m) & VK_ERR) && (VK_POSSIBLE(m) & VK_VALID);
}

/* A test of a pointer for NULL, or IS_ERR_OR_NULL() of it. */
struct null_test {
	tree root;
	basic_block bb;
};

static unsigned
null_test_version(const null_test &t)
{
	return t.root && TREE_CODE(t.root) == SSA_NAME ? SSA_NAME_VERSION(t.root) : 0;
}

static int
compare_null_tests(const void *a, const void *b)
{
	unsigned va = null_test_version(*(const null_test *)a);
	unsigned vb = null_test_version(*(const null_test *)b);
	return va < vb ? -1 : va > vb;
}

static bool
separates_null(unsigned kinds)
{
	return kinds == VK_NULL || kinds == (VK_ERR | VK_VALID) || kinds == (VK_NULL | VK_ERR) ||
	       kinds == VK_VALID;
}



/* A condition whose truth value comes from one of the convention's calls
 * (those are handled as calls). */
static bool
cond_from_api_call(gcond *cond)
{
	tree b = gimple_cond_lhs(cond);
	for (int depth = 0; depth < 16 && b && TREE_CODE(b) == SSA_NAME; depth++) {
		if (SSA_NAME_IS_DEFAULT_DEF(b))
			return false;
		gimple *def = SSA_NAME_DEF_STMT(b);
		if (is_gimple_call(def)) {
			if (api_of_call(def) != API_NONE)
				return true;
			if (gimple_call_num_args(def) < 1 ||
			    !(gimple_call_builtin_p(def, BUILT_IN_EXPECT) ||
			      (gimple_call_internal_p(def) &&
			       gimple_call_internal_fn(def) == IFN_BUILTIN_EXPECT)))
				return false;
			b = gimple_call_arg(def, 0);
			continue;
		}
		if (!is_gimple_assign(def))
			return false;
		enum tree_code code = gimple_assign_rhs_code(def);
		tree r1 = gimple_assign_rhs1(def);
		if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code) || code == BIT_NOT_EXPR ||
		    code == TRUTH_NOT_EXPR || code == BIT_XOR_EXPR ||
		    ((code == NE_EXPR || code == EQ_EXPR) && integer_zerop(gimple_assign_rhs2(def)))) {
			if (TREE_CODE(r1) != SSA_NAME || POINTER_TYPE_P(TREE_TYPE(r1)))
				return false;
			b = r1;
			continue;
		}
		return false;
	}
	return false;
}

/* The IS_ERR() call at LOC reads "IS_ERR(NAME)", not negated: TOKEN gets
 * that text and NAME the argument, for a fix-it "!NAME". */
static bool
plain_is_err(location_t loc, char *token, size_t size, char *name, size_t name_size)
{
	location_t spell = linemap_resolve_location(line_table, loc, LRK_SPELLING_LOCATION, NULL);
	expanded_location x = expand_location(spell);
	expanded_location u = expand_location(user_location(loc));
	if (!x.file || !u.file || x.column <= 0 || strcmp(x.file, u.file) != 0 || x.line != u.line)
		return false;	/* spelt in a macro definition */
	char_span line = errptr_source_line(x.file, x.line);
	if (!line)
		return false;
	const char *fn = api_name(API_IS_ERR);
	size_t flen = strlen(fn), n = line.length(), start = x.column - 1, i = start;
	if (i + flen > n || memcmp(line.get_buffer() + i, fn, flen) != 0)
		return false;
	/* not "!IS_ERR(p)" */
	for (size_t j = start; j > 0; j--) {
		char c = line[j - 1];
		if (c == ' ' || c == '\t' || c == '(')
			continue;
		if (c == '!')
			return false;
		break;
	}
	i += flen;
	if (i >= n || line[i] != '(')
		return false;
	i++;
	size_t id = i;
	while (i < n && ISIDNUM(line[i]))
		i++;
	if (i == id || ISDIGIT(line[id]) || i >= n || line[i] != ')' || i - id >= name_size ||
	    i + 1 - start >= size)
		return false;
	memcpy(name, line.get_buffer() + id, i - id);
	name[i - id] = 0;
	memcpy(token, line.get_buffer() + start, i + 1 - start);
	token[i + 1 - start] = 0;
	return true;
}

static void
report_is_err(function *fn, location_t loc, bool is_call, gimple *src, const char *api,
	      const struct contract *c, basic_block bb, tree root)
{
	const char *is_err = api_name(API_IS_ERR);
	struct report *r;
	if (is_call)
		r = report_begin(CHECK_IS_ERR_ON_NULL, loc,
			"%s() does not catch the NULL that '%s' returns on failure", is_err, api);
	else
		r = report_begin(CHECK_IS_ERR_ON_NULL, loc,
			"this error-pointer test does not catch the NULL that '%s' returns on failure",
			api);
	if (!r)
		return;
	report_event(r, gimple_location(src), fn->decl, "'%s' returns NULL on failure", api);
	char is_err_call[80];
	snprintf(is_err_call, sizeof(is_err_call), "%s()", is_err);
	report_event(r, loc, fn->decl, "%s is false for NULL: the failure takes the success path",
		     is_call ? is_err_call : "the test");
	if (report_emit(r)) {
		tree callee = gimple_call_fndecl(src);
		const struct fn_summary *s = callee ? summary_find(callee) : NULL;
		char origin[512];
		if (c && c->rule_file) {
			report_note(r, UNKNOWN_LOCATION,
				    "'%s' returns NULL on failure, never an error pointer (%s)", api,
				    contract_origin_text(c, origin, sizeof(origin)));
		} else if (!c && s && s->null_returns) {
			report_note(r, s->null_returns->loc,
				    "'%s' returns NULL here, never an error pointer", api);
		} else {
			report_note(r, UNKNOWN_LOCATION,
				    "'%s' returns NULL on failure, never an error pointer", api);
		}
		char token[128], name[96], fix[100];
		bool plain = is_call && plain_is_err(loc, token, sizeof(token), name, sizeof(name));
		/* what the failure side does with the value: NULL there makes
		 * PTR_ERR() 0, so the errno goes too ("-ENOMEM": the NULL is
		 * a failure of a call that fails with NULL) */
		gimple *use = value_errno_use_on_err_side(fn, bb, root);
		if (use) {
			bool ptr_err = api_of_call(use) == API_PTR_ERR;
			const char *how = ptr_err ? api_name(API_PTR_ERR) : api_name(API_ERR_CAST);
			char old[128], repl[128];
			snprintf(old, sizeof(old), "%s(%s)", how, plain ? name : "");
			if (ptr_err)
				snprintf(repl, sizeof(repl), "-ENOMEM");
			else
				snprintf(repl, sizeof(repl), "%s(-ENOMEM)", api_name(API_ERR_PTR));
			snprintf(fix, sizeof(fix), "!%s", plain ? name : "");
			if (!plain ||
			    !report_note_replace2(r, loc, token, fix, gimple_location(use), old, repl,
						  "test for NULL instead: '%s', and return '%s' for it "
						  "instead of '%s', which is %s for NULL",
						  fix, repl, old, ptr_err ? "0" : "NULL"))
				report_note(r, loc, "test for NULL instead, and give the failure an "
					    "error code of its own, e.g. -ENOMEM: %s() of NULL is %s",
					    how, ptr_err ? "0 (success)" : "NULL");
		} else if (plain) {
			snprintf(fix, sizeof(fix), "!%s", name);
			report_note_replace(r, loc, token, fix, "test for NULL instead: '%s'", fix);
		} else {
			report_note(r, loc, "test for NULL instead, or use %s()",
				    api_name(API_IS_ERR_OR_NULL));
		}
	}
	report_end(r);
}

/* Where the not-ERR side of the test ending BB starts, if that test is
 * on ROOT: what follows it there is "on the path" of the IS_ERR(). */
static basic_block
not_err_side(basic_block bb, tree root)
{
	edge e = value_test_side(bb, root, false);
	return e ? e->dest : bb;
}

/* ARG is what an IS_ERR() test at LOC in BB tests. */
static void
check_test(function *fn, tree arg, basic_block bb, location_t loc, bool is_call,
	   const vec<null_test> &null_tests)
{
	if (!arg || TREE_CODE(arg) != SSA_NAME)
		return;
	tree root = value_root(arg);
	if (!root || TREE_CODE(root) != SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(root)))
		return;
	unsigned m = value_at_block(arg, bb, NULL);
	if (!(VK_PROVEN(m) & VK_NULL) || (VK_POSSIBLE(m) & VK_ERR))
		return;
	gimple *src = value_source_call(root, fails_with_null_only);
	if (!src)
		return;		/* a NULL written here, or known from a test */
	const struct contract *c;
	const char *api = callee_name(src, &c);
	if (!api || (c && c->callers == CALLERS_NONE))
		return;		/* unneeded-check's business */
	/* NULL tested too after the IS_ERR(), on its not-ERR side */
	basic_block after = not_err_side(bb, root);
	unsigned v = SSA_NAME_VERSION(root), lo = 0, hi = null_tests.length();
	while (lo < hi) {	/* the first test of ROOT, sorted by version */
		unsigned mid = (lo + hi) / 2;
		if (null_test_version(null_tests[mid]) < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (unsigned i = lo; i < null_tests.length() && null_tests[i].root == root; i++)
		if (dominated_by_p(CDI_DOMINATORS, null_tests[i].bb, after))
			return;
	report_is_err(fn, loc, is_call, src, api, c, bb, root);
}

/* Per function: the NULL tests, to see whether an IS_ERR() is followed by
 * one, and the IS_ERR() tests, checked once all NULL tests are known. */
struct is_err_test {
	tree arg;
	basic_block bb;
	location_t loc;
	bool is_call;
};

static vec<null_test> null_tests;
static vec<is_err_test> is_err_tests;

static void
is_err_on_null_on_call(function *fn, gimple *stmt, enum api_fn api)
{
	if ((api != API_IS_ERR && api != API_IS_ERR_OR_NULL) || gimple_call_num_args(stmt) != 1 ||
	    check_severity[CHECK_IS_ERR_ON_NULL] == SEV_OFF)
		return;
	if (api == API_IS_ERR_OR_NULL) {
		null_test nt = { value_root(gimple_call_arg(stmt, 0)), gimple_bb(stmt) };
		null_tests.safe_push(nt);
		return;
	}
	is_err_test t = { gimple_call_arg(stmt, 0), gimple_bb(stmt), gimple_location(stmt), true };
	is_err_tests.safe_push(t);
}

static void
is_err_on_null_on_cond(function *fn, basic_block bb, gcond *cond)
{
	struct value_test t;
	location_t loc;
	if (check_severity[CHECK_IS_ERR_ON_NULL] == SEV_OFF || !value_block_test(bb, &t, &loc))
		return;
	if (separates_null(t.kinds)) {
		null_test nt = { t.root, bb };
		null_tests.safe_push(nt);
	}
	/* IS_ERR_VALUE((unsigned long)p) and other shapes of the test */
	if ((t.kinds == VK_ERR || t.kinds == (VK_NULL | VK_VALID)) && !cond_from_api_call(cond)) {
		is_err_test it = { t.root, bb, loc != UNKNOWN_LOCATION ? loc : gimple_location(cond),
				   false };
		is_err_tests.safe_push(it);
	}
}

static void
is_err_on_null_end(function *fn)
{
	null_tests.qsort(compare_null_tests);
	for (unsigned i = 0; i < is_err_tests.length(); i++) {
		const is_err_test &t = is_err_tests[i];
		check_test(fn, t.arg, t.bb, t.loc, t.is_call, null_tests);
	}
	null_tests.release();
	is_err_tests.release();
}

const struct check_hooks is_err_on_null_hooks = {
	.on_call = is_err_on_null_on_call,
	.on_cond = is_err_on_null_on_cond,
	.end_function = is_err_on_null_end,
};
