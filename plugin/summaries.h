/*
 * summaries.h - what errptr keeps of each function of this translation
 * unit, read side (summary.c holds the store).  The builders that fill a
 * summary (summarize.c, initializers.c, through facts.h) run before anyone
 * reads it: value analysis reads the summaries of callees already analysed
 * (GCC analyses callees first; pass.c postpones the rest), checks read them
 * all once the unit is summarised.
 */
#ifndef ERRPTR_SUMMARIES_H
#define ERRPTR_SUMMARIES_H

#include "contracts.h"
#include "origin.h"

/* One source-level return statement whose value may be NULL. */
struct null_return {
	location_t loc;		/* the return statement */
	struct origin origin;	/* where the NULL comes from */
	bool literal;		/* "return NULL;" itself */
	bool guarded;		/* reached only for some arguments (summarize.c param_guards) */
	/* the errno a fix should return here: "-ENOMEM" when the return
	 * follows a failed allocation (a NULL test of the result of a call
	 * that fails with NULL), else NULL (no idea) */
	const char *errno_hint;
	struct null_return *next;
};

/* Evidence, found in a body or an initializer, that a function takes the
 * place of an API (standin.h weighs it). */
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

/* How this file's calls of a function defined here test its result. */
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

#define ERRNO_SEVERAL LONG_MIN

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
	/* some return passes on the error pointer of an API that reports
	 * failure with ERR_PTR() only: callers follow that API's convention */
	bool returns_err_api;
	struct null_return *null_returns;
	/* evidence that it stands in for an API, by kind (api NULL: none) */
	struct standin evidence[STANDIN_KIND_COUNT];
	struct call_tests tested_by_callers;
	struct fn_summary *next;
};

/* The summary of FNDECL, analysed or not (evidence may come first); NULL
 * when nothing is known about it. */
const struct fn_summary *summary_find(tree fndecl);
/* The summary of the function STMT calls directly, if its body was analysed. */
const struct fn_summary *summary_of_call(const gimple *stmt);
/* For hash tables of structs whose first member is a decl (summaries,
 * postponed functions, callers' tests, facts about parameters). */
hashval_t decl_entry_hash(const void *p);
int decl_entry_eq(const void *a, const void *b);
/* Is FNDECL defined in this unit (its body is here)? */
bool defined_in_unit(tree fndecl);
/* Every summary, newest first (->next). */
const struct fn_summary *summary_first(void);

#endif /* ERRPTR_SUMMARIES_H */
