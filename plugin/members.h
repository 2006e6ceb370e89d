/*
 * members.h - calls through a struct member this file fills ("ops->get(m)"),
 * read side (members.c).  When this file is the only place that can fill
 * the member - its struct type is defined in this .c file, not in a header
 * - and it stores only known functions there, a call through the member
 * reaches those functions.  The map is built (facts.h) before the first
 * body is analysed and closed once the unit's analysis ends.
 */
#ifndef ERRPTR_MEMBERS_H
#define ERRPTR_MEMBERS_H

#include "compat.h"

#define MEMBERS_MAX_TARGETS 8

/* The functions CALL may reach through the member its pointer was loaded
 * from, at most MAX into OUT, their number; 0 when not known.  *KEY (if
 * KEY) gets "struct.field". */
int members_call_targets(const gimple *call, tree *out, int max, const char **key);

#endif /* ERRPTR_MEMBERS_H */
