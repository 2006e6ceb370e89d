/*
 * errapi.h - the error-pointer convention as GIMPLE shows it (errapi.c):
 * IS_ERR(), IS_ERR_OR_NULL(), ERR_PTR(), PTR_ERR(), ERR_CAST() and
 * PTR_ERR_OR_ZERO() as calls (their names set by "api" rules) and the
 * tests they and NULL comparisons make, also in their inlined shapes.
 */
#ifndef ERRPTR_ERRAPI_H
#define ERRPTR_ERRAPI_H

#include "compat.h"
#include "kinds.h"

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
/* LOC is in an expansion of a macro named as FN's name ("api err_ptr=res_err"
 * with "#define res_err(e) ((void *)(intptr_t)(e))"): GCC sees only the
 * cast of an integer there. */
bool api_macro_at(location_t loc, enum api_fn fn);

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
/* T through copies, casts and the convention's calls that keep the kind:
 * the name whose tests tell about T. */
tree value_root(tree t);

#endif /* ERRPTR_ERRAPI_H */
