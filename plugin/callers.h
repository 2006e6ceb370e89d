/*
 * callers.h - how this file's calls of each function test its result
 * (callers.c), counted for every callee, declared or defined here.  Data
 * for checks, not a contract: callers agreeing with each other proves
 * nothing about the callee (docs/inference.md).  Complete once every
 * function is analysed.
 */
#ifndef ERRPTR_CALLERS_H
#define ERRPTR_CALLERS_H

#include "contracts.h"

/* What this file's tested calls of DECL agree on: CALLERS_IS_ERR, _NULL,
 * _IS_ERR_OR_NULL, _MIXED, or _UNKNOWN (fewer than two tested calls). */
enum callers_kind callers_tested_as(tree decl, unsigned *ntested);
/* -fplugin-arg-errptr-verbose: a note per function declared but not
 * defined here and without a rule, on what its callers here agree on. */
void callers_explain(void);

#endif /* ERRPTR_CALLERS_H */
