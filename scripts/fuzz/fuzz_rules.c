/*
 * fuzz_rules.c - libFuzzer harness for the rules parser (lib/rules_parse.c).
 *
 * The input is a rules file: rules_read() reads it line by line through a
 * FILE (fmemopen), exactly as contracts_load_file() does, over-long lines
 * and NUL bytes included.  The first line is also parsed alone, as the
 * learned index (contracts_parse_rule()) parses the one line it looks up.
 * The callbacks check what the parser hands out, and the errors: a NUL byte
 * is "binary data" on its line (or falls in an over-long line, reported as
 * such), and nothing is read after it.  "make fuzz" builds it.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_parse.h"

static size_t sink;		/* keeps the checks' reads alive */

/* what the file gave */
static int binary_line, long_line_at_nul, nul_line, errors_after_binary, taken_after_binary;

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "fuzz_rules: check failed: %s\n", #c); abort(); } } while (0)

static void
on_error(struct rules_parser *p, const char *msg)
{
	size_t n = strlen(msg);
	CHECK(n > 0 && n < 512);
	CHECK(p->line >= 0);
	sink += n;
	if (binary_line)
		errors_after_binary++;
	if (strcmp(msg, "binary data in a rules file") == 0)
		binary_line = p->line;
	if (p->line == nul_line && strncmp(msg, "line longer than", 16) == 0)
		long_line_at_nul = 1;
}

static void
on_contract(struct rules_parser *p, bool member, const struct rule_contract *c)
{
	if (binary_line)
		taken_after_binary++;
	CHECK(c->name && *c->name);
	CHECK(member == (strchr(c->name, '.') != NULL));
	/* fails= is given, or accepts= alone (a prefix rule only has that) */
	CHECK((c->fails > 0 && c->fails < 5) || (c->fails == 0 && c->accepts > 0));
	CHECK(c->accepts >= 0 && c->accepts < 5);
	CHECK(!c->prefix || (c->accepts > 0 && c->fails == 0 && !member));
	CHECK(c->callers >= 0 && c->callers < 6);
	CHECK(c->nargs >= -1 && c->nargs <= 127);
	CHECK(!strpbrk(c->name, " \t\r\n#"));
	sink += strlen(rules_fails_names[c->fails]) + strlen(rules_callers_names[c->callers]);
	if (c->caller) {
		CHECK(*c->caller && !strpbrk(c->caller, " \t\r\n#"));
		sink += strlen(c->caller);
	}
	if (c->src) {
		CHECK(*c->src && !strpbrk(c->src, " \t\r\n#"));
		sink += strlen(c->src);
	}
}

static void
on_standin(struct rules_parser *p, const char *fn, const char *api)
{
	if (binary_line)
		taken_after_binary++;
	CHECK(*fn && *api && !strchr(fn, '.') && !strchr(api, '.'));
	sink += strlen(fn) + strlen(api);
}

/* the keys of plugin/errapi.c */
static bool
api_name(const char *key, const char *name)
{
	static const char *const keys[] = { "is_err", "is_err_or_null", "err_ptr", "ptr_err",
					    "err_cast", "ptr_err_or_zero" };
	CHECK(*name);
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(key, keys[i]) == 0)
			return true;
	return false;
}

static bool
api_max_errno(long n)
{
	return n > 0 && n < 65536;
}

static void
parser_init(struct rules_parser *p)
{
	memset(p, 0, sizeof(*p));
	p->error = on_error;
	p->contract = on_contract;
	p->standin = on_standin;
	p->api_name = api_name;
	p->api_max_errno = api_max_errno;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules_parser p;

	/* the file: an exact-size copy, so that reading past it is caught */
	if (size) {
		void *copy = malloc(size);
		memcpy(copy, data, size);
		FILE *f = fmemopen(copy, size, "r");
		const uint8_t *nul = memchr(data, 0, size);
		nul_line = 0;
		size_t nul_col = 0;	/* its offset in its line */
		if (nul) {	/* the line of the first NUL, 1-based */
			nul_line = 1;
			for (const uint8_t *q = data; q < nul; q++, nul_col++)
				if (*q == '\n') {
					nul_line++;
					nul_col = (size_t)-1;
				}
		}
		binary_line = long_line_at_nul = errors_after_binary = taken_after_binary = 0;
		if (f) {
			parser_init(&p);
			rules_read(&p, f);
			fclose(f);
			if (nul && nul_col <= RULES_MAX_LINE)
				CHECK(binary_line == nul_line);
			else if (nul)	/* in the rest of an over-long line */
				CHECK(long_line_at_nul && !binary_line);
			else
				CHECK(!binary_line);
			CHECK(!errors_after_binary && !taken_after_binary);
		}
		nul_line = 0;
		free(copy);
	}

	/* the first line alone, as a line of the learned index */
	const uint8_t *nl = memchr(data, '\n', size);
	size_t n = nl ? (size_t)(nl - data) : size;
	char *line = malloc(n + 1);
	memcpy(line, data, n);
	line[n] = 0;
	parser_init(&p);
	char *fields[RULES_MAX_FIELDS];
	int nf = rules_split_fields(&p, line, fields);
	CHECK(nf <= RULES_MAX_FIELDS);
	if (nf >= 2 && (strcmp(fields[0], "func") == 0 || strcmp(fields[0], "member") == 0)) {
		struct rule_contract c;
		bool member = fields[0][0] == 'm';
		if (rules_contract_fields(&p, member, fields, nf, &c))
			on_contract(&p, member, &c);
		else
			CHECK(p.failed);
	}
	free(line);
	return 0;
}
