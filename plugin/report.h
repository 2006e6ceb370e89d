/*
 * report.h - the only way errptr emits (report.c): a finding of one check,
 * its diagnostic path, its notes and fix-its; SARIF gets a copy (sarif.h).
 *
 * A diagnostic is built in steps: begin (message and location), events of
 * its path, emit, notes, end.  Texts are printf formats (names are quoted
 * by the caller); the tag is appended by report.c.
 */
#ifndef ERRPTR_REPORT_H
#define ERRPTR_REPORT_H

#include "check.h"
#include "names.h"
#include "origin.h"

struct report;
/* NULL when the check is off or silenced at LOC (docs/suppression.md). */
struct report *report_begin(enum check_id check, location_t loc, const char *fmt, ...)
	ATTRIBUTE_PRINTF_3;
void report_event(struct report *r, location_t loc, tree fndecl, const char *fmt, ...)
	ATTRIBUTE_PRINTF_4;
/* An event saying where the NULL of origin O comes from (nothing when O
 * has no location); a NULL a test made is told only when WITH_TEST. */
void report_null_origin(struct report *r, const struct origin *o, tree fndecl, bool with_test);
bool report_emit(struct report *r);
void report_note(struct report *r, location_t loc, const char *fmt, ...)
	ATTRIBUTE_PRINTF_3;
/* A note at LOC with a fix-it replacing the first TOKEN at or after LOC's
 * column on its line by REPLACEMENT (when TOKEN is there). */
void report_note_replace(struct report *r, location_t loc, const char *token,
			 const char *replacement, const char *fmt, ...)
	ATTRIBUTE_PRINTF_5;
/* The same with a second fix-it, TOKEN2 at or after LOC2 by REPLACEMENT2
 * (one change in two places: a test and what its failure side returns);
 * nothing emitted, false, unless both tokens are there. */
bool report_note_replace2(struct report *r, location_t loc, const char *token,
			  const char *replacement, location_t loc2, const char *token2,
			  const char *replacement2, const char *fmt, ...)
	ATTRIBUTE_PRINTF(8, 9);
void report_end(struct report *r);

#endif /* ERRPTR_REPORT_H */
