/*
 * summarize.h - the builders (pass.c runs them): a function's summary from
 * its body (summarize.c), and what the unit's initializers tell
 * (initializers.c).  They write through facts.h.
 */
#ifndef ERRPTR_SUMMARIZE_H
#define ERRPTR_SUMMARIZE_H

#include "summaries.h"

/* Summarise FN into S: its returns, how it tests the results of its calls,
 * the functions it stores in members.  FN's value analysis is open. */
void summarize_function(struct fn_summary *s, function *fn);
/* FNDECL stored in the member TYPE_NAME.FIELD at LOC. */
void summarize_member_store(tree fndecl, const char *type_name, const char *field, location_t loc);
/* Once per unit: the initializers of every variable - hook tables, and
 * functions stored in members.  Before any body is analysed, or at the
 * latest when the unit's checks run; it must not depend on summaries. */
void initializers_scan(void);

#endif /* ERRPTR_SUMMARIZE_H */
