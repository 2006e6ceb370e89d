/*
 * errapi.c - recognises the error-pointer convention in GIMPLE.
 *
 * The kernel spells it IS_ERR(), IS_ERR_OR_NULL(), ERR_PTR(), PTR_ERR(),
 * ERR_CAST() and PTR_ERR_OR_ZERO(); other C projects use other names, so
 * the names live in one table that "api" rules can change.  errptr runs
 * before inlining, where these static inlines are still calls; it also
 * understands the forms they take once inlined or written as macros:
 * IS_ERR_VALUE(x), "(unsigned long)p >= (unsigned long)-MAX_ERRNO", and
 * the IS_ERR_OR_NULL trick "(unsigned long)p - 1 >= -MAX_ERRNO - 1".
 */
#include "errapi.h"
#include "memory.h"
#include "summaries.h"

static const char *api_names[API_COUNT] = {
	NULL,
	"IS_ERR",
	"IS_ERR_OR_NULL",
	"ERR_PTR",
	"PTR_ERR",
	"ERR_CAST",
	"PTR_ERR_OR_ZERO",
};

static const char *const api_keys[API_COUNT] = {
	NULL, "is_err", "is_err_or_null", "err_ptr", "ptr_err", "err_cast",
	"ptr_err_or_zero",
};

static long max_errno = 4095;

bool
api_set_name(const char *key, const char *name)
{
	for (int i = 1; i < API_COUNT; i++) {
		if (strcmp(key, api_keys[i]) == 0) {
			api_names[i] = xstrdup(name);
			return true;
		}
	}
	return false;
}

const char *
api_name(enum api_fn fn)
{
	return api_names[fn];
}

bool
api_set_max_errno(long n)
{
	if (n <= 0 || n >= 65536)
		return false;
	max_errno = n;
	return true;
}

long
api_max_errno(void)
{
	return max_errno;
}

static bool
macro_chain_has(location_t loc, const char *name)
{
	for (int depth = 0; depth < 64 && loc != UNKNOWN_LOCATION &&
			    linemap_location_from_macro_expansion_p(line_table, loc); depth++) {
		const line_map *map = linemap_lookup(line_table, loc);
		if (!map || !linemap_macro_expansion_map_p(map))
			break;
		const char *m = linemap_map_get_macro_name(linemap_check_macro(map));
		if (m && strcmp(m, name) == 0)
			return true;
		loc = linemap_unwind_toward_expansion(line_table, loc, &map);
	}
	return false;
}

bool
api_macro_at(location_t loc, enum api_fn fn)
{
	const char *name = api_names[fn];
	if (loc == UNKNOWN_LOCATION)
		return false;
	/* the location itself ("return res_err(-EINVAL);" is at the
	 * expansion), or the end of its range: "r = res_err(-EINVAL);" is at
	 * the '=' and ends in the expansion */
	if (macro_chain_has(LOCATION_LOCUS(loc), name))
		return true;
	source_range range = get_range_from_loc(line_table, loc);
	if ((range.m_finish != UNKNOWN_LOCATION &&
	     macro_chain_has(LOCATION_LOCUS(range.m_finish), name)) ||
	    (range.m_start != UNKNOWN_LOCATION &&
	     macro_chain_has(LOCATION_LOCUS(range.m_start), name)))
		return true;
	/* an initializer: GCC gives "struct s *e = res_err(-EINVAL);" the
	 * location of the declarator 'e' and keeps none of the macro's; the
	 * source reads "e = NAME(" there */
	location_t spell = linemap_resolve_location(line_table, LOCATION_LOCUS(loc),
						    LRK_MACRO_EXPANSION_POINT, NULL);
	expanded_location x = expand_location(spell);
	if (!x.file || x.column <= 0)
		return false;
	char_span line = errptr_source_line(x.file, x.line);
	if (!line)
		return false;
	size_t i = x.column - 1, n = line.length(), len = strlen(name);
	if (i >= n || !ISIDST(line[i]))
		return false;
	while (i < n && ISIDNUM(line[i]))
		i++;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i + 1 >= n || line[i] != '=' || line[i + 1] == '=')
		return false;
	i++;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i + len > n || memcmp(line.get_buffer() + i, name, len) != 0)
		return false;
	i += len;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i < n && line[i] == '(';
}

enum api_fn
api_of_decl(const_tree fndecl)
{
	if (!fndecl || TREE_CODE(fndecl) != FUNCTION_DECL || !DECL_NAME(fndecl))
		return API_NONE;
	const char *name = IDENTIFIER_POINTER(DECL_NAME(fndecl));
	for (int i = 1; i < API_COUNT; i++)
		if (strcmp(name, api_names[i]) == 0)
			return (enum api_fn)i;
	return API_NONE;
}

enum api_fn
api_of_call(const gimple *call)
{
	if (!is_gimple_call(call))
		return API_NONE;
	return api_of_decl(gimple_call_fndecl(call));
}

/* Is T the result of PTR_ERR()? */
static bool
ptr_err_result(tree t)
{
	gimple *def = SSA_NAME_IS_DEFAULT_DEF(t) ? NULL : SSA_NAME_DEF_STMT(t);
	return def && is_gimple_call(def) && api_of_call(def) == API_PTR_ERR;
}

/* T stripped of copies and value-preserving casts: the name whose tests
 * tell about T.  Pointer <-> integer conversions keep the value (the
 * kernel's IS_ERR_VALUE casts to unsigned long). */
tree
value_root(tree t)
{
	for (int depth = 0; depth < 64 && t && TREE_CODE(t) == SSA_NAME; depth++) {
		if (SSA_NAME_IS_DEFAULT_DEF(t))
			return t;
		gimple *def = SSA_NAME_DEF_STMT(t);
		/* ERR_PTR(x), PTR_ERR(p), ERR_CAST(p) keep the kind: tests of
		 * x tell about ERR_PTR(x) ("p = ERR_PTR(err); if (err) goto
		 * fail;") */
		if (is_gimple_call(def)) {
			enum api_fn fn = api_of_call(def);
			if ((fn == API_ERR_PTR || fn == API_PTR_ERR || fn == API_ERR_CAST) &&
			    gimple_call_num_args(def) == 1 &&
			    TREE_CODE(gimple_call_arg(def, 0)) == SSA_NAME) {
				t = gimple_call_arg(def, 0);
				continue;
			}
			return t;
		}
		if (!is_gimple_assign(def))
			return t;
		/* a load of what a store of this function wrote: that value
		 * ("priv->regs = f(); if (IS_ERR(priv->regs))" tests f()'s
		 * result), or an earlier load of the same location (memory.c) */
		if (memory_load_p(def)) {
			gimple *store;
			tree src = memory_source(t, &store);
			if (!src || TREE_CODE(src) != SSA_NAME)
				return t;
			t = src;
			continue;
		}
		enum tree_code code = gimple_assign_rhs_code(def);
		tree rhs = gimple_assign_rhs1(def);
		if (TREE_CODE(rhs) != SSA_NAME)
			return t;
		if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code) || code == VIEW_CONVERT_EXPR) {
			/* A narrowing conversion may turn -ENOMEM into junk;
			 * not "int rc = PTR_ERR(inode);": an errno and 0 fit
			 * (fs/ecryptfs/main.c: "rc = PTR_ERR(inode); if
			 * (IS_ERR(inode)) goto out_free;", the test of inode
			 * says what rc is) */
			if (INTEGRAL_TYPE_P(TREE_TYPE(t)) && INTEGRAL_TYPE_P(TREE_TYPE(rhs)) &&
			    TYPE_PRECISION(TREE_TYPE(t)) < TYPE_PRECISION(TREE_TYPE(rhs)) &&
			    !(TYPE_PRECISION(TREE_TYPE(t)) >= 32 && ptr_err_result(rhs)))
				return t;
			t = rhs;
			continue;
		}
		return t;
	}
	return t;
}

/* The kinds of an integer compared "X CODE CST" are true for, where X holds
 * a pointer converted to an unsigned integer (IS_ERR_VALUE's shape).  */
static bool
unsigned_compare_kinds(enum tree_code code, tree cst, unsigned prec, unsigned *kinds)
{
	if (TREE_CODE(cst) != INTEGER_CST || prec != TYPE_PRECISION(ptr_type_node))
		return false;
	/* X >= -MAX_ERRNO  <=>  X > -MAX_ERRNO - 1 */
	wide_int w = wi::to_wide(cst);
	wide_int lo = wi::neg(wi::shwi(max_errno, prec));
	wide_int lo_1 = wi::sub(lo, wi::one(prec));
	if ((code == GE_EXPR && w == lo) || (code == GT_EXPR && w == lo_1)) {
		*kinds = VK_ERR;
		return true;
	}
	if ((code == LT_EXPR && w == lo) || (code == LE_EXPR && w == lo_1)) {
		*kinds = VK_NULL | VK_VALID;
		return true;
	}
	return false;
}

/* IS_ERR_OR_NULL's inlined shape: ((unsigned long)p - 1) >= -MAX_ERRNO - 1. */
static bool
minus_one_compare_kinds(tree x, enum tree_code code, tree cst, tree *root, unsigned *kinds)
{
	if (TREE_CODE(x) != SSA_NAME || TREE_CODE(cst) != INTEGER_CST)
		return false;
	gimple *def = SSA_NAME_DEF_STMT(x);
	if (!is_gimple_assign(def) || gimple_assign_rhs_code(def) != PLUS_EXPR)
		return false;
	tree add = gimple_assign_rhs2(def);
	if (TREE_CODE(add) != INTEGER_CST || !integer_all_onesp(add))
		return false;
	unsigned prec = TYPE_PRECISION(TREE_TYPE(x));
	if (prec != TYPE_PRECISION(ptr_type_node) || !TYPE_UNSIGNED(TREE_TYPE(x)))
		return false;
	wide_int w = wi::to_wide(cst);
	wide_int lo = wi::sub(wi::neg(wi::shwi(max_errno, prec)), wi::one(prec));
	wide_int lo_1 = wi::sub(lo, wi::one(prec));
	unsigned k;
	if ((code == GE_EXPR && w == lo) || (code == GT_EXPR && w == lo_1))
		k = VK_NULL | VK_ERR;
	else if ((code == LT_EXPR && w == lo) || (code == LE_EXPR && w == lo_1))
		k = VK_VALID;
	else
		return false;
	tree p = value_root(gimple_assign_rhs1(def));
	if (!POINTER_TYPE_P(TREE_TYPE(p)))
		return false;
	*root = p;
	*kinds = k;
	return true;
}

/* "A CODE B" as a test of a value.  */
static bool
compare_test(enum tree_code code, tree a, tree b, struct value_test *t)
{
	if (TREE_CODE(a) != SSA_NAME) {
		if (TREE_CODE(b) != SSA_NAME)
			return false;
		tree tmp = a;
		a = b;
		b = tmp;
		code = swap_tree_comparison(code);
	}
	if (TREE_CODE(b) != INTEGER_CST)
		return false;

	tree type = TREE_TYPE(a);
	tree root = value_root(a);
	tree rtype = TREE_TYPE(root);

	if (integer_zerop(b) && (POINTER_TYPE_P(rtype) || INTEGRAL_TYPE_P(rtype))) {
		bool is_signed = INTEGRAL_TYPE_P(type) && !TYPE_UNSIGNED(type);
		unsigned k;
		switch (code) {
		case EQ_EXPR: k = VK_ZERO; break;
		case NE_EXPR: k = VK_NEG | VK_POS; break;
		case LT_EXPR: if (!is_signed) return false; k = VK_NEG; break;
		case GE_EXPR: if (!is_signed) return false; k = VK_ZERO | VK_POS; break;
		case GT_EXPR: k = is_signed ? VK_POS : VK_NEG | VK_POS; break;
		case LE_EXPR: k = is_signed ? VK_ZERO | VK_NEG : VK_ZERO; break;
		default: return false;
		}
		/* For a pointer, "negative" is an error pointer and "positive"
		 * any other non-NULL value; a signed comparison of a pointer
		 * converted to long does not mean that, so keep to == and !=. */
		if (POINTER_TYPE_P(rtype) && code != EQ_EXPR && code != NE_EXPR &&
		    !(code == GT_EXPR && !is_signed) && !(code == LE_EXPR && !is_signed))
			return false;
		t->root = root;
		t->kinds = k;
		return true;
	}

	if (POINTER_TYPE_P(rtype) && INTEGRAL_TYPE_P(type) && TYPE_UNSIGNED(type)) {
		unsigned k;
		if (unsigned_compare_kinds(code, b, TYPE_PRECISION(type), &k)) {
			t->root = root;
			t->kinds = k;
			return true;
		}
	}
	tree r2;
	unsigned k2;
	if (minus_one_compare_kinds(a, code, b, &r2, &k2)) {
		t->root = r2;
		t->kinds = k2;
		return true;
	}
	/* "PTR_ERR(p) == -EBUSY" where p comes from a function of this file
	 * whose only error pointer is ERR_PTR(-EBUSY): an error test.  (Of
	 * any other p it says nothing about the false side: another errno.) */
	if ((code == EQ_EXPR || code == NE_EXPR) && POINTER_TYPE_P(rtype) &&
	    TREE_CODE(root) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(root) && tree_fits_shwi_p(b) &&
	    tree_to_shwi(b) < 0) {
		const struct fn_summary *s = summary_of_call(SSA_NAME_DEF_STMT(root));
		if (s && s->single_errno == tree_to_shwi(b)) {
			t->root = root;
			t->kinds = code == EQ_EXPR ? VK_ERR : VK_NULL | VK_VALID;
			return true;
		}
	}
	return false;
}

/* DEF's operand when DEF negates a truth value ("!b", written b ^ 1 or ~b
 * on a _Bool), else NULL. */
static tree
negated_truth(gimple *def)
{
	if (!is_gimple_assign(def))
		return NULL_TREE;
	enum tree_code code = gimple_assign_rhs_code(def);
	tree r1 = gimple_assign_rhs1(def);
	bool boolean = TREE_CODE(TREE_TYPE(r1)) == BOOLEAN_TYPE;
	if (code == TRUTH_NOT_EXPR || (code == BIT_NOT_EXPR && boolean) ||
	    (code == BIT_XOR_EXPR && boolean && integer_onep(gimple_assign_rhs2(def))))
		return r1;
	return NULL_TREE;
}

/* B is a truth value (bool or int): when is it non-zero?  Follows
 * conversions, __builtin_expect (likely/unlikely), negation, and the
 * convention's tests as calls. */
bool
bool_test(tree b, struct value_test *t, int depth)
{
	if (depth > 16 || TREE_CODE(b) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(b))
		return false;
	gimple *def = SSA_NAME_DEF_STMT(b);

	if (is_gimple_call(def)) {
		enum api_fn fn = api_of_call(def);
		if ((fn == API_IS_ERR || fn == API_IS_ERR_OR_NULL) && gimple_call_num_args(def) == 1) {
			t->root = value_root(gimple_call_arg(def, 0));
			t->kinds = fn == API_IS_ERR ? VK_ERR : VK_ERR | VK_NULL;
			return TREE_CODE(t->root) == SSA_NAME;
		}
		/* "if (PTR_ERR_OR_ZERO(p))": non-zero exactly for an error pointer */
		if (fn == API_PTR_ERR_OR_ZERO && gimple_call_num_args(def) == 1) {
			t->root = value_root(gimple_call_arg(def, 0));
			t->kinds = VK_ERR;
			return TREE_CODE(t->root) == SSA_NAME;
		}
		if (gimple_call_builtin_p(def, BUILT_IN_EXPECT) && gimple_call_num_args(def) >= 1)
			return bool_test(gimple_call_arg(def, 0), t, depth + 1);
		if (gimple_call_internal_p(def) && gimple_call_internal_fn(def) == IFN_BUILTIN_EXPECT)
			return bool_test(gimple_call_arg(def, 0), t, depth + 1);
		return false;
	}
	if (!is_gimple_assign(def))
		return false;
	/* a truth value stored and read back: "ofs->tmpfile = !IS_ERR(tmpfile);
	 * if (ofs->tmpfile)" (memory.c: the store every path to the load passes) */
	if (gimple_vuse(def) && gimple_assign_single_p(def)) {
		tree src = memory_truth_source(b);
		return src && bool_test(src, t, depth + 1);
	}

	enum tree_code code = gimple_assign_rhs_code(def);
	tree r1 = gimple_assign_rhs1(def);
	if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code))
		return bool_test(r1, t, depth + 1);
	if (negated_truth(def)) {
		if (!bool_test(r1, t, depth + 1))
			return false;
		t->kinds = ~t->kinds & VK_KINDS;
		return true;
	}
	if (TREE_CODE_CLASS(code) == tcc_comparison) {
		tree r2 = gimple_assign_rhs2(def);
		/* (b != 0) and (b == 0) where b is itself a test */
		if ((code == NE_EXPR || code == EQ_EXPR) && integer_zerop(r2) &&
		    TREE_CODE(r1) == SSA_NAME && !POINTER_TYPE_P(TREE_TYPE(r1)) &&
		    bool_test(r1, t, depth + 1)) {
			if (code == EQ_EXPR)
				t->kinds = ~t->kinds & VK_KINDS;
			return true;
		}
		return compare_test(code, r1, r2, t);
	}
	return false;
}

/* B the result of a call of a function of this file whose non-zero result
 * says its pointer arguments of NONZERO_NEEDS are not NULL (summarize.c):
 * those bits, else 0. */
static unsigned
predicate_call(tree b, gimple **call)
{
	const struct fn_summary *s = summary_of_call(SSA_NAME_DEF_STMT(b));
	if (!s || !s->nonzero_needs)
		return 0;
	*call = SSA_NAME_DEF_STMT(b);
	return s->nonzero_needs;
}

/* Is B a combination of truth values with & or |, or a predicate call, on
 * the way through conversions and negations? */
static bool
truth_combination(tree b)
{
	if (TREE_CODE(b) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(b))
		return false;
	gimple *def = SSA_NAME_DEF_STMT(b);
	gimple *call;
	if (is_gimple_call(def))
		return predicate_call(b, &call) != 0;
	if (!is_gimple_assign(def))
		return false;
	enum tree_code code = gimple_assign_rhs_code(def);
	tree r1 = gimple_assign_rhs1(def);
	if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code) || negated_truth(def) ||
	    ((code == NE_EXPR || code == EQ_EXPR) && integer_zerop(gimple_assign_rhs2(def))))
		return truth_combination(r1);
	return (code == BIT_AND_EXPR || code == BIT_IOR_EXPR) &&
	       TREE_CODE(TREE_TYPE(r1)) == BOOLEAN_TYPE;
}

/* The tests that hold whenever B is non-zero (WANT) or zero (!WANT), B
 * built from tests with &, | and !: GCC turns "if (!a || !b)" into
 * "_1 = a == 0; _2 = b == 0; _3 = _1 | _2; if (_3 != 0)", and
 * "if (x && x != -ENOENT)" into "_7 = x != 0; _8 = x != -2; _9 = _7 & _8".
 * A conjunct that is no test of a value is left out: what is kept holds. */
static int
conjuncts(tree b, bool want, struct value_test *out, int n, int max, int depth)
{
	if (n >= max || depth > 16 || TREE_CODE(b) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(b))
		return n;
	gimple *def = SSA_NAME_DEF_STMT(b);
	gimple *call;
	unsigned needs = predicate_call(b, &call);
	if (needs) {
		/* a non-zero result: those arguments are not NULL */
		for (unsigned i = 0; want && i < gimple_call_num_args(call) && i < 32 && n < max;
		     i++) {
			tree root = value_root(gimple_call_arg(call, i));
			if ((needs & (1u << i)) && root && TREE_CODE(root) == SSA_NAME) {
				out[n].root = root;
				out[n++].kinds = VK_ERR | VK_VALID;
			}
		}
		return n;
	}
	if (is_gimple_assign(def)) {
		enum tree_code code = gimple_assign_rhs_code(def);
		tree r1 = gimple_assign_rhs1(def);
		bool boolean = TREE_CODE(TREE_TYPE(r1)) == BOOLEAN_TYPE;
		if (boolean && ((code == BIT_AND_EXPR && want) || (code == BIT_IOR_EXPR && !want))) {
			n = conjuncts(r1, want, out, n, max, depth + 1);
			return conjuncts(gimple_assign_rhs2(def), want, out, n, max, depth + 1);
		}
		if ((code == SSA_NAME || CONVERT_EXPR_CODE_P(code)) && truth_combination(r1))
			return conjuncts(r1, want, out, n, max, depth + 1);
		if (negated_truth(def))
			return conjuncts(r1, !want, out, n, max, depth + 1);
		if ((code == NE_EXPR || code == EQ_EXPR) && integer_zerop(gimple_assign_rhs2(def)) &&
		    truth_combination(r1))
			return conjuncts(r1, code == NE_EXPR ? want : !want, out, n, max, depth + 1);
	}
	struct value_test t;
	if (bool_test(b, &t, 0) && TREE_CODE(t.root) == SSA_NAME) {
		if (!want)
			t.kinds = ~t.kinds & VK_KINDS;
		out[n++] = t;
	}
	return n;
}

int
cond_conjuncts(gcond *cond, bool on_true, struct value_test *out, int max)
{
	enum tree_code code = gimple_cond_code(cond);
	tree lhs = gimple_cond_lhs(cond);
	if ((code != NE_EXPR && code != EQ_EXPR) || !integer_zerop(gimple_cond_rhs(cond)) ||
	    !truth_combination(lhs))
		return 0;
	return conjuncts(lhs, (code == NE_EXPR) == on_true, out, 0, max, 0);
}

/* The test a GIMPLE_COND makes: the condition is true exactly when the
 * value of T->root is one of T->kinds. */
bool
cond_test(gcond *cond, struct value_test *t)
{
	enum tree_code code = gimple_cond_code(cond);
	tree lhs = gimple_cond_lhs(cond);
	tree rhs = gimple_cond_rhs(cond);

	/* "if (IS_ERR (p))" is "if (_1 != 0)" with _1 = IS_ERR (p). */
	if ((code == NE_EXPR || code == EQ_EXPR) && integer_zerop(rhs) &&
	    TREE_CODE(lhs) == SSA_NAME && !POINTER_TYPE_P(TREE_TYPE(lhs)) &&
	    bool_test(lhs, t, 0)) {
		if (code == EQ_EXPR)
			t->kinds = ~t->kinds & VK_KINDS;
		return true;
	}
	if (compare_test(code, lhs, rhs, t))
		return TREE_CODE(t->root) == SSA_NAME;
	return false;
}
