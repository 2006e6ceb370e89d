/*
 * callee.h - what a call returns, and on whose word: the one place that
 * decides (callee.c).
 *
 * Order, strongest first (callee_resolve()):
 *   1. a hand-written rule for the callee (rules/, -fplugin-arg-errptr-rules=):
 *      a promise, it always wins;
 *   2. this unit's definition of the callee, once analysed (its summary):
 *      the code that runs beats evidence gathered elsewhere;
 *   3. a learned rule (rules/learned/): evidence from the kernel tree;
 *   4. an indirect call through a pointer to an API looked up by name
 *      ("kallsyms_lookup_name("do_filp_open")") or kept in a variable
 *      named after it ("orig_do_filp_open"): that API's rule;
 *   5. an indirect call through a struct member this file fills with
 *      known functions: what they return (members.h).
 */
#ifndef ERRPTR_CALLEE_H
#define ERRPTR_CALLEE_H

#include "contracts.h"
#include "summaries.h"

enum callee_basis {
	CALLEE_UNKNOWN = 0,
	CALLEE_RULE,		/* 1 */
	CALLEE_SUMMARY,		/* 2 */
	CALLEE_LEARNED,		/* 3 */
	CALLEE_LOOKUP,		/* 4 */
	CALLEE_MEMBER,		/* 5 */
};

struct callee {
	enum callee_basis basis;
	tree decl;		/* the function called, or a member's only target */
	const struct contract *contract;	/* RULE, LEARNED, LOOKUP */
	const struct fn_summary *summary;	/* SUMMARY */
	const char *via;	/* LOOKUP through a variable: its name */
	/* the kinds the call returns (kinds.h), as far as the basis tells:
	 * a learned fails=both is an upper bound over the tree's calls, and
	 * an int function's 0 proves nothing */
	unsigned kinds;
	/* the contract's or summary's range_arg (contracts.h), else 0 */
	int range_arg;
};

/* Who decides what CALL returns; false (OUT->basis CALLEE_UNKNOWN) when
 * nobody does. */
bool callee_resolve(const gimple *call, struct callee *out);
/* The same for a function called directly. */
bool callee_resolve_decl(tree fndecl, struct callee *out);

/* The contract that applies to direct calls of FNDECL: its rule, unless
 * the rule is learned and this unit's body of FNDECL was analysed. */
const struct contract *callee_contract(tree fndecl);
/* An indirect call's API (4 above): its contract, and in *VIA the
 * variable the pointer was loaded from (NULL when looked up by name). */
const struct contract *callee_indirect_contract(const gimple *call, const char **via);
/* The name under which the contract store knows CALL's callee (a
 * function, or the API an indirect call was looked up as), and its
 * contract. */
const char *callee_name(const gimple *call, const struct contract **contract);

#endif /* ERRPTR_CALLEE_H */
