/*
 * fuzz_summary.c - libFuzzer harness for errptr-merge's summary reader.
 *
 * Links errptr-merge's stages after the objects are read (tools/merge/
 * read_summary.c, facts.c, resolve.c, rules.c): the parser of one object's
 * .discard.errptr section, the resolution and the rules.  The input is split
 * into the sections of several objects at each "\n\f\n" (a line no section
 * holds: a control character is a malformed record); all are read, then
 * resolved and turned into rules, as errptr-merge does for a build tree.
 * Every rule line it writes must then be one the plugin's parser
 * (lib/rules_parse.c) takes without error.  "make fuzz" builds it.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "rules_parse.h"

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

	facts_reset();
	read_summary_reset();
	rules_reset();
	for (;;) {
		const uint8_t *q = memmem(p, end - p, sep, 3);
		size_t n = (q ? q : end) - p;
		/* an exact-size copy, so that reading past the section is caught */
		char *copy = malloc(n ? n : 1);
		memcpy(copy, p, n);
		read_summary("fuzz.o", copy, n);
		free(copy);
		if (!q)
			break;
		p = q + 3;
	}
	resolve_kinds();
	make_rules();
	for (size_t i = 0; i < rules.n; i++) {
		const char *r = rules.a[i].line;
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
