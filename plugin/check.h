/*
 * check.h - what a check is (checks.def lists them, pass.c runs them).
 *
 * A check is one file check_NAME.c: a comment saying what bug it catches,
 * and a struct check_hooks NAME_hooks with the entry points it needs.  The
 * pass driver calls them:
 *
 *   PHASE_FUNCTION, on each function body while its value analysis is live
 *   (value.h), callees before callers: begin_function, then one walk of
 *   the body in block order - on_stmt for every statement, on_call for
 *   every call, on_cond for every block ending in a condition - then
 *   end_function;
 *
 *   PHASE_UNIT, once every function is summarised (all callers known),
 *   for each analysed function in source order: on_summary; and, when
 *   select accepts the summary, its body is opened again for value queries
 *   and walked as above;
 *
 *   and end_unit once, after every function was analysed.
 *
 * Hooks a check does not need are NULL.  Adding a check: its file, one
 * line in checks.def, and the file in the build (docs/architecture.md).
 */
#ifndef ERRPTR_CHECK_H
#define ERRPTR_CHECK_H

#include "compat.h"
#include "errapi.h"

struct fn_summary;

enum severity { SEV_OFF = 0, SEV_NOTE, SEV_WARNING, SEV_ERROR };

enum check_phase {
	PHASE_FUNCTION,
	PHASE_UNIT,
};

struct check_hooks {
	void (*begin_function)(function *fn);
	void (*on_stmt)(function *fn, gimple *stmt);
	void (*on_call)(function *fn, gimple *call, enum api_fn api);
	void (*on_cond)(function *fn, basic_block bb, gcond *cond);
	void (*end_function)(function *fn);
	void (*on_summary)(const struct fn_summary *s);
	bool (*select)(const struct fn_summary *s);
	void (*end_unit)(void);
};

enum check_id {
#define CHECK(ID, TAG, SEV, PHASE, HOOKS, WHAT) CHECK_##ID,
#include "checks.def"
#undef CHECK
	CHECK_COUNT
};

struct check_desc {
	const char *name;	/* argument key and tag without "errptr-" */
	enum severity default_severity;
	enum check_phase phase;
	const struct check_hooks *hooks;
	const char *what;	/* one line for --help and SARIF */
};

extern const struct check_desc checks[CHECK_COUNT];
extern enum severity check_severity[CHECK_COUNT];

#define CHECK(ID, TAG, SEV, PHASE, HOOKS, WHAT) extern const struct check_hooks HOOKS##_hooks;
#include "checks.def"
#undef CHECK

#endif /* ERRPTR_CHECK_H */
