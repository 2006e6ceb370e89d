/*
 * origin.h - where a NULL comes from: what value analysis (value.h) tells
 * the checks, and what a summary keeps of each NULL return.
 */
#ifndef ERRPTR_ORIGIN_H
#define ERRPTR_ORIGIN_H

#include "compat.h"

enum origin_kind {
	ORIGIN_NONE = 0,
	ORIGIN_LITERAL,		/* a NULL constant */
	ORIGIN_ERR_PTR_ZERO,	/* ERR_PTR(x) with x == 0 */
	ORIGIN_CALL,		/* a callee whose contract returns NULL */
	ORIGIN_TEST,		/* known NULL because a test said so */
};

struct origin {
	enum origin_kind kind;
	location_t loc;
	tree callee;		/* ORIGIN_CALL: the callee (decl) */
};

#endif /* ERRPTR_ORIGIN_H */
