/*
 * fuzz_summary.c - libFuzzer harness for errptr-merge's summary reader.
 *
 * tools/errptr-merge.c built with -DERRPTR_MERGE_FUZZ (no main) exposes the
 * parser of one object's .discard.errptr section.  The input is split into
 * the sections of several objects at each "\n\f\n" (a line no section
 * holds: a control character is a malformed record); all are read, then
 * resolved and turned into rules, as errptr-merge does for a build tree.
 * Every rule line it writes must then be one the plugin's parser
 * (plugin/rules_parse.c) takes without error.  "make fuzz" builds it.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../plugin/rules_parse.h"

void errptr_merge_reset(void);
int errptr_merge_parse_section(const char *data, size_t len);
size_t errptr_merge_finish(void);
const char *errptr_merge_rule(size_t i);

#define CHECK(c) do { if (!(c)) { fprintf(report, "fuzz_summary: check failed: %s\n", #c); abort(); } } while (0)

static FILE *report;		/* the real standard error */
static const char *current;	/* the rule line being checked */

static void
on_error(struct rules_parser *p, const char *msg)
{
	fprintf(report, "fuzz_summary: the plugin rejects a rule errptr-merge wrote:\n  %s\n  %s\n",
		current, msg);
	abort();
}

static void
on_contract(struct rules_parser *p, bool member, const struct rule_contract *c)
{
}

static void
on_standin(struct rules_parser *p, const char *fn, const char *api)
{
	fprintf(report, "fuzz_summary: a standin rule from errptr-merge: %s\n", current);
	abort();
}

static bool
api_name(const char *key, const char *name)
{
	return false;
}

static bool
api_max_errno(long n)
{
	return false;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* errptr-merge reports malformed records on stderr: thousands a
	 * second here.  libFuzzer and the sanitizers keep the real one (they
	 * took the FILE before, or write to fd 2). */
	report = stderr;
	FILE *null = fopen("/dev/null", "w");
	if (null)
		stderr = null;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char sep[] = "\n\f\n";
	const uint8_t *p = data, *end = data + size;

	errptr_merge_reset();
	for (;;) {
		const uint8_t *q = memmem(p, end - p, sep, 3);
		size_t n = (q ? q : end) - p;
		/* an exact-size copy, so that reading past the section is caught */
		char *copy = malloc(n ? n : 1);
		memcpy(copy, p, n);
		errptr_merge_parse_section(copy, n);
		free(copy);
		if (!q)
			break;
		p = q + 3;
	}
	size_t nrules = errptr_merge_finish();
	for (size_t i = 0; i < nrules; i++) {
		const char *r = errptr_merge_rule(i);
		CHECK(r);
		size_t len = strlen(r);
		CHECK(len < RULES_MAX_LINE);
		char *line = malloc(len + 1);
		memcpy(line, r, len + 1);
		struct rules_parser rp;
		memset(&rp, 0, sizeof(rp));
		rp.line = 1;
		rp.error = on_error;
		rp.contract = on_contract;
		rp.standin = on_standin;
		rp.api_name = api_name;
		rp.api_max_errno = api_max_errno;
		current = r;
		rules_parse_line(&rp, line);
		free(line);
	}
	return 0;
}
