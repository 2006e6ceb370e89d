/*
 * checks.c - the table of checks (checks.def) and their severities, set
 * from the plugin's arguments (errptr.c).
 */
#include "check.h"

const struct check_desc checks[CHECK_COUNT] = {
#define CHECK(ID, TAG, SEV, PHASE, HOOKS, WHAT) { TAG, SEV, PHASE, &HOOKS##_hooks, WHAT },
#include "checks.def"
#undef CHECK
};

enum severity check_severity[CHECK_COUNT];
