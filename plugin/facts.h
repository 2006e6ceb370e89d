/*
 * facts.h - the writers: what the builders record while they read this
 * unit's bodies and initializers (summarize.c, initializers.c), for the
 * readers of summaries.h, standin.h, members.h, callers.h and uses.h.  Only the
 * builders and the pass driver include this header: value analysis and
 * the checks read, they never write.
 */
#ifndef ERRPTR_FACTS_H
#define ERRPTR_FACTS_H

#include "summaries.h"

/* summary.c: FNDECL's summary, made when it does not exist yet. */
struct fn_summary *summary_edit(tree fndecl);

/* standin.c: evidence that S stands in for the API of contract C (the
 * first of each kind is kept). */
void standin_note(struct fn_summary *s, enum standin_kind kind, const struct contract *c,
		  const char *via, location_t loc);

/* members.c: the map of struct members this file fills.  Built once
 * before the first body is analysed: members_begin(), then every function
 * stored in a member (initializers and stores in bodies), members_end();
 * members_close() when later passes may remove functions. */
void members_begin(void);
void members_note(tree fndecl, const char *type_name, const char *field);
void members_scan_body(function *fn);
void members_end(bool usable);
void members_close(void);

/* originals.c: VAR holds the original of the API of contract C (NULL: of
 * something else); every function body's stores to global variables. */
void originals_note(tree var, const struct contract *c);
void originals_scan_body(function *fn);
void originals_end(bool usable);

/* callers.c: one call of CALLEE (defined here or not) whose result is
 * tested with IS_ERR() and/or for NULL (neither: untested) at LOC. */
void callers_note_test(tree callee, bool is_err, bool null_test, location_t loc);

/* uses.c: what FN's body does with its pointer parameters (dereferences
 * them, hands them to functions that do not take NULL or an error
 * pointer), for uses_call_accepts() at its calls; with FN's value
 * analysis live. */
void uses_scan_function(function *fn);

#endif /* ERRPTR_FACTS_H */
