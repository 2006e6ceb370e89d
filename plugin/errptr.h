/*
 * errptr.h - types shared by the parts of errptr.
 *
 * Data flows one way: rules -> contract store (contracts.c) -> value
 * analysis of each function (value.c, using errapi.c to recognise the
 * error-pointer convention) -> function summaries (summary.c) -> stand-in
 * detection (standin.c) -> checks (check_*.c) -> diagnostics (report.c).
 */
#ifndef ERRPTR_H
#define ERRPTR_H

#include "compat.h"

/* ---- value kinds ------------------------------------------------------
 * What a value may hold, as a bit set.  The same bits serve pointers and
 * the integers that become pointers (ERR_PTR's argument):
 *   pointer:  VK_NULL   NULL          VK_ERR  ERR_PTR(-errno)  VK_VALID  other
 *   integer:  VK_ZERO   0             VK_NEG  -1..-MAX_ERRNO   VK_POS    other
 * The low three bits are kinds proven by a source: a constant, ERR_PTR(),
 * a contract.  The next three are the kinds a value from an unknown source
 * (a parameter, a load, a call without contract) may still have: all three
 * at first, fewer once tests have narrowed it.  Unknown kinds are never
 * reported as such; a test that leaves a single kind proves it ("if (!p)"
 * makes an unknown p NULL), and checks may use kinds a test narrowed to
 * ("if (IS_ERR_OR_NULL(p)) return PTR_ERR(p);": p may be NULL there).
 */
#define VK_NULL    1u
#define VK_ERR     2u
#define VK_VALID   4u
#define VK_ZERO    VK_NULL
#define VK_NEG     VK_ERR
#define VK_POS     VK_VALID
#define VK_KINDS   (VK_NULL | VK_ERR | VK_VALID)
#define VK_UNK_SHIFT 3
#define VK_UNKNOWN (VK_KINDS << VK_UNK_SHIFT)		/* nothing known */
#define VK_PROVEN(m)   ((m) & VK_KINDS)
#define VK_UNSURE(m)   (((m) >> VK_UNK_SHIFT) & VK_KINDS)
#define VK_POSSIBLE(m) (VK_PROVEN(m) | VK_UNSURE(m))
/* Kinds proven, or kept by a test that let only bad kinds through (an
 * unknown value after IS_ERR_OR_NULL(p) held: NULL or ERR).  A test that
 * merely excludes one kind (after !IS_ERR(p), p is NULL or valid) says
 * nothing about the others. */
#define VK_TESTED(m)   (VK_PROVEN(m) | ((VK_UNSURE(m) & VK_VALID) ? 0 : VK_UNSURE(m)))

/* ---- contracts -------------------------------------------------------- */
enum fail_kind {
	FAILS_UNKNOWN = 0,
	FAILS_NONE,		/* never fails */
	FAILS_NULL,		/* NULL on failure */
	FAILS_ERR,		/* ERR_PTR() on failure, never NULL */
	FAILS_BOTH,		/* NULL and ERR_PTR() */
	FAILS_STORED,		/* what callers stored: idr, xarray (no contract) */
};

enum callers_kind {
	CALLERS_UNKNOWN = 0,
	CALLERS_IS_ERR,		/* callers test only IS_ERR() */
	CALLERS_NULL,		/* callers test only for NULL */
	CALLERS_IS_ERR_OR_NULL,	/* callers handle both */
	CALLERS_NONE,		/* results need no check (debugfs) */
	CALLERS_MIXED,		/* callers disagree */
};

struct contract {
	const char *name;	/* "do_filp_open" or "file_system_type.mount" */
	bool is_member;
	enum fail_kind fails;
	enum callers_kind callers;
	int nargs;		/* -1 when the rule does not say */
	/* range_arg=K: it fails only past a test that argument K (1-based) is
	 * too large ("if (hwnum >= gdev->ngpio) return ERR_PTR(-EINVAL);");
	 * 0 when the rule does not say */
	int range_arg;
	const char *caller;	/* "fs/open.c:1331:do_sys_openat2" or NULL */
	const char *src;	/* "fs/namei.c:3813" or NULL */
	const char *standin_for; /* a "standin F for=A" rule: A */
	const char *rule_file;	/* where the rule was read */
	int rule_line;
	bool learned;		/* from rules/learned/: evidence, not a promise */
	tree decl;		/* the API's declaration in this unit, if seen */
};

/* contracts.c */
void contracts_init(void);
bool contracts_load_file(const char *path);
bool contracts_load_dir(const char *dir);
const struct contract *contract_for_function(const char *name);
const struct contract *contract_for_member(const char *type_name, const char *field);
const struct contract *standin_rule_for(const char *name);
void contracts_note_declaration(tree decl);
tree contract_declaration(const struct contract *c);
const char *fails_name(enum fail_kind k);
const char *callers_name(enum callers_kind k);
unsigned fails_to_mask(enum fail_kind k);
/* Enumerate names with a contract that matter to stand-in detection. */
bool contract_name_exists(const char *name, size_t len);
/* One "func"/"member" rule line, for the learned index (rules_index.c). */
bool contracts_parse_rule(const char *where, char *text, bool member, const char *name,
			  struct contract *out);

/* rules_index.c: learned rules looked up by name in rules/learned/ *.cdb
 * (written by tools/errptr-merge --index), after the rules in memory miss.
 * NAME is a function name, or STRUCT.FIELD when MEMBER. */
bool rules_index_open(const char *path);
struct contract *rules_index_lookup(bool member, const char *name);
bool rules_index_has(bool member, const char *name);

/* ---- the error-pointer convention (errapi.c) -------------------------- */
enum api_fn {
	API_NONE = 0,
	API_IS_ERR,
	API_IS_ERR_OR_NULL,
	API_ERR_PTR,
	API_PTR_ERR,
	API_ERR_CAST,
	API_PTR_ERR_OR_ZERO,
	API_COUNT
};

bool api_set_name(const char *key, const char *name);
const char *api_name(enum api_fn fn);
enum api_fn api_of_call(const gimple *call);
enum api_fn api_of_decl(const_tree fndecl);
bool api_set_max_errno(long n);
long api_max_errno(void);

/* A test of a value: the condition holds exactly when the value's kind is
 * one of KINDS.  ROOT is the SSA name tested, stripped of copies and casts. */
struct value_test {
	tree root;
	unsigned kinds;
};
bool cond_test(gcond *cond, struct value_test *t);
bool bool_test(tree b, struct value_test *t, int depth);
/* The tests that all hold on one edge of a condition that combines several
 * ("if (!a || !b)": on its false edge a and b are both non-NULL); at most
 * MAX into OUT, their number. */
int cond_conjuncts(gcond *cond, bool on_true, struct value_test *out, int max);
tree value_root(tree t);

/* ---- value analysis (value.c) ---------------------------------------- */
enum origin_kind {
	ORIGIN_NONE = 0,
	ORIGIN_LITERAL,		/* a NULL constant */
	ORIGIN_ERR_PTR_ZERO,	/* ERR_PTR(x) with x == 0 */
	ORIGIN_CALL,		/* a callee whose contract returns NULL */
	ORIGIN_TEST,		/* known NULL because a test said so */
};

struct origin {
	enum origin_kind kind;
	location_t loc;
	tree callee;		/* ORIGIN_CALL: the callee (decl) */
};

void value_begin_function(function *fn);
void value_end_function(void);
unsigned value_of_name(tree name, struct origin *why);
/* How the edge E into a join fares, on the way from the join to BB (which
 * it dominates), against tests of values other than SELF that meet there:
 * their values on E pass them, pass them only if something unknown does,
 * or cannot pass them. */
enum join_edge { JOIN_PASSES, JOIN_UNPROVEN, JOIN_BLOCKED };
enum join_edge value_join_edge(edge e, basic_block bb, tree self);
/* One step up the dominator tree from BB: its immediate dominator, and in
 * *E the edge every path into BB takes (its only incoming edge, or a loop
 * header's only entry; that edge comes from the dominator), else NULL. */
basic_block value_step_up(basic_block bb, edge *e);
/* T through copies and conversions. */
tree value_strip_copies(tree t);
/* Does taking E show an ordering of two integers, "LO < HI" or "LO <= HI"
 * (operands through value_strip_copies())? */
bool value_edge_orders(edge e, tree *lo, tree *hi);
unsigned value_at_block(tree op, basic_block bb, struct origin *why);
unsigned value_on_edge(tree op, edge e, location_t loc, struct origin *why);
edge value_entry_edge(basic_block bb, tree root, unsigned want);
unsigned value_of_call(gimple *call, struct origin *why);
const struct contract *value_indirect_target(gimple *call, const char **via);
bool value_block_test(basic_block bb, struct value_test *t, location_t *loc);
gimple *value_source_call(tree val, bool (*wanted)(unsigned mask));
bool value_nearest_test(function *fn, tree root, basic_block bb, unsigned want, unsigned avoid,
			location_t *loc, unsigned *allowed_out, bool *holds);
const char *value_callee_name(gimple *call, const struct contract **contract);

/* ---- summaries of this translation unit's functions (summary.c) ------ */
/* One source-level return statement whose value may be NULL. */
struct null_return {
	location_t loc;		/* the return statement */
	struct origin origin;	/* where the NULL comes from */
	bool literal;		/* "return NULL;" itself */
	bool guarded;		/* reached only for some arguments (summary.c param_guards) */
	struct null_return *next;
};

/* Evidence, found in a body, that a function takes the place of an API. */
enum standin_kind {
	STANDIN_NONE = 0,
	STANDIN_RULE,		/* a standin rule */
	STANDIN_HOOK_STRING,	/* paired with "A" in a hook table */
	STANDIN_HOOK_ADDR,	/* paired with &A in a hook table */
	STANDIN_MEMBER,		/* assigned to a struct member with a contract */
	STANDIN_LOOKUP_CALL,	/* returns the result of A looked up by name */
	STANDIN_VAR_CALL,	/* returns the result of A called through orig_A */
	STANDIN_DIRECT_CALL,	/* returns the result of calling A, same prototype */
	STANDIN_NAME,		/* name contains A and the prototype matches */
	STANDIN_DEFINITION,	/* it is A */
	STANDIN_LOCAL_CALLERS,	/* its callers in this file test only IS_ERR */
	STANDIN_KIND_COUNT
};

struct standin {
	enum standin_kind kind;
	const char *api;	/* function name or "struct.member" */
	const struct contract *contract;
	const char *via;	/* hook table, pointer variable or rules file */
	int via_line;		/* line in the rules file */
	location_t loc;		/* where the evidence is */
};

struct call_tests {
	unsigned calls;		/* calls whose result is a pointer */
	unsigned is_err_only;	/* tested with IS_ERR() and never for NULL */
	unsigned is_err_deref;	/* of those, dereferenced by the caller */
	bool example_derefs;	/* is_err_loc's caller dereferences */
	unsigned null_tested;	/* tested for NULL (alone or with IS_ERR) */
	unsigned untested;
	location_t is_err_loc;	/* one IS_ERR-only test */
	tree is_err_caller;	/* the function holding it */
};

struct fn_summary {
	tree decl;
	bool analysed;			/* its body has been through value.c */
	unsigned returns;		/* value kinds of all returns */
	/* an integer function: bit I, pointer parameter I is not NULL when it
	 * returns non-zero ("if (!kobj || ...) return false; return true;") */
	unsigned nonzero_needs;
	/* the one errno of every error pointer it returns, all of them
	 * ERR_PTR(constant): -EBUSY; 0 when none, ERRNO_SEVERAL otherwise */
	long single_errno;
	/* every NULL or error pointer it returns is past a test that integer
	 * parameter K (1-based) is too large: an index checked against its
	 * bound; 0 otherwise (contract.range_arg) */
	int range_arg;
	struct null_return *null_returns;
	/* evidence that it stands in for an API, by kind (api NULL: none) */
	struct standin evidence[STANDIN_KIND_COUNT];
	struct call_tests tested_by_callers;
	struct fn_summary *next;
};

#define ERRNO_SEVERAL LONG_MIN
struct fn_summary *summary_get(tree fndecl, bool create);
/* The summary of the function STMT calls directly, if its body was analysed. */
const struct fn_summary *summary_of_call(const gimple *stmt);
const struct contract *contract_for_callee(tree fndecl);
struct fn_summary *summary_first(void);
void summary_analyse_function(function *fn);
void summary_note_member(tree fndecl, const char *type_name, const char *field, location_t loc);
const char *type_name_of(tree type);

/* ---- inference inside this translation unit (infer.c) --------------- */
/* Called first by summary_analyse_function(): true when FN must wait until
 * the functions it calls through an ops table are analysed (infer.c then
 * analyses it once the pass has seen every function). */
bool infer_postpone(function *fn);
/* A call through a struct member this file fills with known functions:
 * what they return (0: unknown), the one function when there is one. */
unsigned infer_member_call(const gimple *call, tree *single_target);
const char *infer_member_name(const gimple *call);	/* "struct.field" or NULL */
int infer_member_targets(const gimple *call, tree *out, int max);
void infer_note_member(tree fndecl, const char *type_name, const char *field);
/* How this file's calls of CALLEE (defined here or not) test its result. */
void infer_note_call_test(tree callee, bool is_err, bool null_test, location_t loc);
/* What this file's tested calls of DECL agree on: CALLERS_IS_ERR, _NULL,
 * _IS_ERR_OR_NULL, _MIXED, or _UNKNOWN (fewer than two tested calls).
 * Complete once every function is analysed; data, not a contract. */
enum callers_kind callers_tested_as(tree decl, unsigned *ntested);
/* Run FN once every function is analysed (postponed ones included), before
 * run_checks(): for per-function checks that need facts about the whole
 * unit (every caller of a function) before they report.  False when that
 * moment has passed (a function made by a later pass): run it yourself. */
bool infer_at_end(void (*fn)(void));

/* ---- stand-in detection (standin.c) ---------------------------------- */
void standin_scan_globals(void);
void standin_note(struct fn_summary *s, enum standin_kind kind, const struct contract *c,
		  const char *via, location_t loc);
/* The strongest evidence that S stands in for an API whose contract
 * satisfies WANTED. */
bool standin_find(struct fn_summary *s, bool (*wanted)(const struct contract *),
		  struct standin *out);
bool prototypes_match(tree fndecl, const struct contract *c);

/* ---- checks ------------------------------------------------------------ */
enum check_id {
	CHECK_NULL_RETURN = 0,	/* stand-in returns NULL, callers test IS_ERR */
	CHECK_IS_ERR_ON_NULL,	/* IS_ERR() on an API that returns NULL */
	CHECK_NULL_CHECK_ON_ERR,/* NULL test on an API that returns ERR_PTR */
	CHECK_UNNEEDED_CHECK,	/* test of a result that needs none (debugfs) */
	CHECK_PTR_ERR_NOT_ERR,	/* PTR_ERR() of a pointer that may be NULL or valid */
	CHECK_ERR_PTR_ZERO,	/* ERR_PTR(x), x may be 0 or positive */
	CHECK_MIXED_USE,	/* NULL-and-ERR_PTR result used after one test */
	CHECK_LOCAL_NULL_RETURN,/* null-return on this file's callers' evidence */
	CHECK_PTR_ERR_OR_ZERO,	/* ptr-err-not-err where NULL is the source's "none" */
	CHECK_COUNT
};

enum severity { SEV_OFF = 0, SEV_NOTE, SEV_WARNING, SEV_ERROR };

struct check_desc {
	const char *name;	/* argument key and tag without "errptr-" */
	enum severity default_severity;
	const char *what;	/* one line for --help */
};

extern const struct check_desc checks[CHECK_COUNT];
extern enum severity check_severity[CHECK_COUNT];

/* Checks of one function body, run while its value analysis is live
 * (summary.c calls them from the pass after "ssa"). */
void check_is_err_on_null(function *fn);	/* check_is_err_on_null.c */
void check_null_check_on_err(function *fn);	/* check_null_check_on_err.c (also unneeded-check) */
void check_ptr_err_not_err(function *fn);	/* check_ptr_err_not_err.c */
void check_mixed_use(function *fn);		/* check_mixed_use.c */

/* Checks of the whole translation unit, run once every function has been
 * summarised (callers of a function are known then). */
void check_null_return(struct fn_summary *s);	/* check_null_return.c */
void check_err_ptr_zero(struct fn_summary *s);	/* check_err_ptr_zero.c */

/* ---- machine-readable reports (sarif.c) --------------------------------
 * report.c feeds every emitted diagnostic here; with
 * -fplugin-arg-errptr-sarif=FILE, FILE gets a SARIF 2.1.0 log at the end
 * of the translation unit. */
void sarif_open(const char *path);
void sarif_result(enum check_id check, enum severity sev, location_t loc, const char *message);
void sarif_related(location_t loc, const char *message);	/* of the last result */
void sarif_event(location_t loc, const char *message);		/* its path, in order */
void sarif_close(void);

/* ---- diagnostics (report.c) ------------------------------------------ */
/* A diagnostic is built in steps: begin (message and location), events of
 * its path, emit, notes, end.  Texts are printf formats (names are quoted
 * by the caller); the tag is appended by report.c. */
struct report;
struct report *report_begin(enum check_id check, location_t loc, const char *fmt, ...)
	ATTRIBUTE_PRINTF_3;
void report_event(struct report *r, location_t loc, tree fndecl, const char *fmt, ...)
	ATTRIBUTE_PRINTF_4;
bool report_emit(struct report *r);
void report_note(struct report *r, location_t loc, const char *fmt, ...)
	ATTRIBUTE_PRINTF_3;
void report_note_replace(struct report *r, location_t loc, const char *token,
			 const char *replacement, const char *fmt, ...)
	ATTRIBUTE_PRINTF_5;
void report_end(struct report *r);
location_t user_location(location_t loc);
const char *decl_name(tree decl);
const char *location_text(location_t loc, char *buf, size_t size);
const char *standin_evidence_text(const struct standin *s, char *buf, size_t size);

/* ---- learn mode (learn.c, docs/learn-format.md) --------------------- */
extern bool errptr_learn;
void learn_begin_function(void);
void learn_returned_call(const char *callee, unsigned allowed);
void learn_function(struct fn_summary *s);
void learn_call(const char *callee, tree caller, location_t loc, const char *test);
void learn_member(const char *type_name, const char *field_name, tree fndecl, location_t loc);
void learn_write_section(void);

/* ---- options (errptr.c) ---------------------------------------------- */
extern bool errptr_verbose;
extern const char *errptr_plugin_name;

#endif /* ERRPTR_H */
