/*
 * summary_format.h - the records of the learn mode's .discard.errptr section
 * (docs/learn-format.md): written by the plugin (learn.c), read by errptr-merge.
 *
 * A unit's summary is a header line, "errptr-summary<TAB>1<TAB>SOURCE_FILE", then one line
 * a record, its fields separated by tabs:
 *   F  NAME LINKAGE FILE:LINE NARGS KINDS [range_arg=K] CALLEE:ALLOWED...
 *   C  CALLEE CALLER FILE:LINE TEST
 *   M  STRUCT.FIELD NAME FILE:LINE
 * KINDS are letters of "nevu" (or "-" for none), ALLOWED letters of "nev" (or "-").
 *
 * Common subset of C and C++, no GCC header (see die.h).
 */
#ifndef ERRPTR_SUMMARY_FORMAT_H
#define ERRPTR_SUMMARY_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "sbuf.h"

#define SUMMARY_SECTION	".discard.errptr"
#define SUMMARY_MAGIC	"errptr-summary"
#define SUMMARY_VERSION	"1"

/* The kinds a function's returns yield, as a bit set: the letters n, e, v and u. */
#define SUMMARY_NULL	1u
#define SUMMARY_ERR	2u
#define SUMMARY_VALID	4u
#define SUMMARY_UNKNOWN	8u	/* some return comes from a source the analysis cannot see */

/* How a caller tests a call's result (the TEST of a C record). */
enum summary_test {
	SUMMARY_TEST_IS_ERR,	/* IS_ERR() only */
	SUMMARY_TEST_NULL,	/* for NULL only */
	SUMMARY_TEST_BOTH,	/* IS_ERR() and NULL, or IS_ERR_OR_NULL() */
	SUMMARY_TEST_NONE,	/* untested */
	SUMMARY_TEST_RETURNED,	/* passed on to its own caller untested */
	SUMMARY_TEST_COUNT
};
extern const char *const summary_test_names[SUMMARY_TEST_COUNT];

/* ---- writing */
/* The header line of a unit compiled from SOURCE_FILE. */
void summary_header(struct sbuf *b, const char *source_file);
/* A tab and the field S: control characters become '?', and so does an empty or NULL S. */
void summary_field(struct sbuf *b, const char *s);
/* KINDS (SUMMARY_* bits) as letters, "-" for none: 5 bytes at most with the NUL. */
void summary_kinds_text(unsigned kinds, char out[5]);

/* ---- reading */
struct summary_field {
	const char *s;
	size_t n;
};
#define SUMMARY_MAX_FIELDS (6 + 64)

/* The tab-separated fields of the N bytes at LINE into F: their number, or -1 when there
 * are more than SUMMARY_MAX_FIELDS. */
int summary_split(const char *line, size_t n, struct summary_field *f);
/* Letters of "nevu", or "-", as SUMMARY_* bits; false for anything else. */
bool summary_parse_kinds(const char *s, size_t n, unsigned char *out);
/* The test named by the N bytes at S, or -1. */
int summary_test_of(const char *s, size_t n);

#endif
