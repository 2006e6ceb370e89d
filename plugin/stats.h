/*
 * stats.h - measures of a unit for make validate (stats.c): hooks the pass
 * driver runs like a check's when a SARIF log is kept.
 */
#ifndef ERRPTR_STATS_H
#define ERRPTR_STATS_H

#include "check.h"

extern const struct check_hooks stats_hooks;

#endif /* ERRPTR_STATS_H */
