/*
 * originals.h - variables that hold the original of an API (originals.c),
 * read side.  Hook code keeps the address of the function it replaces and
 * calls it through that variable; the call has the API's contract.
 */
#ifndef ERRPTR_ORIGINALS_H
#define ERRPTR_ORIGINALS_H

#include "contracts.h"

/* The API whose original VAR holds (a global or static: a function pointer,
 * an address kept as an integer, or a hook-table entry with the original
 * in a member), or NULL when nothing in this unit says so. */
const struct contract *originals_of_var(tree var);

#endif /* ERRPTR_ORIGINALS_H */
