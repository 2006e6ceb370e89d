/*
 * learn.h - learn mode (learn.c, docs/learn-format.md): the facts this unit
 * tells about contracts, written into the object's .discard.errptr section
 * at the end of the unit.  The builders call the learn_* writers; they do
 * nothing unless errptr_learn is set.
 */
#ifndef ERRPTR_LEARN_H
#define ERRPTR_LEARN_H

#include "summaries.h"

extern bool errptr_learn;

void learn_begin_function(void);
void learn_returned_call(const char *callee, unsigned allowed);
void learn_function(struct fn_summary *s);
void learn_call(const char *callee, tree caller, location_t loc, const char *test);
void learn_member(const char *type_name, const char *field_name, tree fndecl, location_t loc);
void learn_write_section(void);

#endif /* ERRPTR_LEARN_H */
