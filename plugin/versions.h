/*
 * versions.h - which of an API's contracts holds for the kernel the unit is
 * compiled against (versions.c).  Used by the contract store.
 */
#ifndef ERRPTR_VERSIONS_H
#define ERRPTR_VERSIONS_H

#include "contracts.h"

/* Of SET's N written rules of one name (since=/until=), the one whose
 * range holds the unit's kernel; NULL when none does. */
const struct contract *versions_choose_written(struct contract *const *set, int n);
/* Of SET's N learned rules of one name (versions=, all from one file or
 * index), the contract for the unit's kernel; NULL when none. */
const struct contract *versions_choose_learned(struct contract *const *set, int n);
/* Do the written ranges, or the learned version lists, of A and B overlap? */
bool versions_overlap(const struct contract *a, const struct contract *b);
/* "6.1", "5.10, 6.1 and 6.12" */
const char *versions_text(const unsigned *v, int n);

#endif /* ERRPTR_VERSIONS_H */
