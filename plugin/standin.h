/*
 * standin.h - which API a function of this file takes the place of, and
 * why (standin.c weighs the evidence summaries keep).
 */
#ifndef ERRPTR_STANDIN_H
#define ERRPTR_STANDIN_H

#include "summaries.h"

/* The strongest evidence that S stands in for an API whose contract
 * satisfies WANTED. */
bool standin_find(const struct fn_summary *s, bool (*wanted)(const struct contract *),
		  struct standin *out);
/* Does FNDECL have the prototype of the API C describes, as far as we can
 * tell? */
bool prototypes_match(tree fndecl, const struct contract *c);
bool prototype_matches_type(tree fntype, const struct contract *c);
/* "it is paired with "do_filp_open" in the hook table 'file_hooks'" */
const char *standin_evidence_text(const struct standin *s, char *buf, size_t size);

#endif /* ERRPTR_STANDIN_H */
