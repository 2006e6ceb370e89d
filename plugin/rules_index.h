/*
 * rules_index.h - learned rules looked up by name in rules/learned/ *.cdb
 * (written by tools/errptr-merge --index), after the rules in memory miss.
 * Used by contracts.c only.  NAME is a function name, or STRUCT.FIELD when
 * MEMBER.
 */
#ifndef ERRPTR_RULES_INDEX_H
#define ERRPTR_RULES_INDEX_H

#include "contracts.h"

bool rules_index_open(const char *path);
struct contract *rules_index_lookup(bool member, const char *name);
bool rules_index_has(bool member, const char *name);

#endif /* ERRPTR_RULES_INDEX_H */
