/*
 * uses.h - where a pointer is used in a way that needs it to be a real
 * object, and which callees take NULL or an error pointer without harm
 * (uses.c).  Read by the checks that follow a value to a use (mixed-use,
 * err-ptr-deref).
 *
 * What this unit's functions do with their pointer parameters is recorded
 * by the builder uses_scan_function() (facts.h), callees first, while the
 * body's value analysis is live.
 */
#ifndef ERRPTR_USES_H
#define ERRPTR_USES_H

#include "compat.h"
#include "kinds.h"

enum use_kind {
	USE_DEREF,		/* *p, p->x */
	USE_MEMBER_ADDR,	/* f(&p->x): the callee dereferences */
	USE_ARG,		/* f(p) */
};

struct use {
	gimple *stmt;
	tree op;		/* the pointer, an SSA name */
	enum use_kind kind;
	unsigned argno;		/* USE_ARG */
};

typedef void (*use_fn)(const struct use *u, void *data);

/* Every use of a pointer in STMT: loads and stores through it, the
 * address of a member handed to a call, the pointer handed to a call
 * (not a variadic function's extra arguments, not built-ins).  "q = &p->x"
 * computes an address and is no use; comparisons are none either. */
void uses_in_stmt(gimple *stmt, use_fn cb, void *data);

/* The kinds of pointer (VK_NULL, VK_ERR) CALL's argument ARGNO may be
 * without harm.  The kinds it does not take are *KNOWN not to be taken,
 * or only not known to be (a function of another file that no list
 * mentions). */
unsigned uses_call_accepts(const gimple *call, unsigned argno, unsigned *known);

#endif /* ERRPTR_USES_H */
