/*
 * rules_parse.h - the syntax of rules files (docs/rules.md), without GCC.
 *
 * Written in the common subset of C and C++: the plugin compiles it as C++
 * (contracts.c keeps the contract store and reports errors through GCC);
 * scripts/fuzz/fuzz_rules.c compiles it as C with the sanitizers.  Errors are
 * handed, formatted, to a callback; what a line means is handed to others.
 */
#ifndef ERRPTR_RULES_PARSE_H
#define ERRPTR_RULES_PARSE_H

#include <stdbool.h>
#include <stdio.h>

#define RULES_MAX_LINE 4096
#define RULES_MAX_FIELDS 32
#define RULES_MAX_KERNELS 16	/* versions in one versions= or "kernels" line */

/* A kernel version as one number: MAJOR.MINOR is MAJOR << 8 | MINOR. */
#define RULES_KERNEL(major, minor) (((unsigned)(major) << 8) | (unsigned)(minor))

/* The words of fails= and callers=, in the order of enum fail_kind and
 * enum callers_kind (contracts.h): index 0 ("unknown") is never accepted. */
extern const char *const rules_fails_names[6];
extern const char *const rules_callers_names[6];
/* The words of accepts=, what a function takes in its pointer arguments and does
 * nothing harmful with: index 0 ("not given") is never accepted. */
extern const char *const rules_accepts_names[5];

/* The fields of a "func" or "member" line. */
struct rule_contract {
	const char *name;	/* without the '*' of a prefix */
	bool prefix;		/* "func debugfs_* accepts=both": every name it begins */
	int fails;		/* index in rules_fails_names, 0 = not given (accepts= only) */
	int accepts;		/* index in rules_accepts_names, 0 = not given */
	int callers;		/* index in rules_callers_names, 0 = not given */
	int nargs;		/* -1 when the rule does not say */
	int range_arg;		/* range_arg=K, 1-based; 0 = not given */
	const char *caller;	/* the value of caller=, or NULL (points into the line) */
	const char *src;	/* the value of src=, or NULL (points into the line) */
	/* since=X.Y, until=X.Y (hand-written): the kernels the contract holds
	 * for, both ends included; 0 = not given */
	unsigned since, until;
	/* versions=X.Y,... (learned): the kernels it was learned from */
	unsigned versions[RULES_MAX_KERNELS];
	int nversions;
};

struct rules_parser {
	int line;		/* the line being read, 1-based; 0 for a lone line */
	bool failed;		/* an error was reported */
	void *ctx;		/* the caller's */
	/* MSG: the error, without file, line or tag */
	void (*error)(struct rules_parser *p, const char *msg);
	/* a well-formed "func"/"member" line, a "standin FN for=API" line */
	void (*contract)(struct rules_parser *p, bool member, const struct rule_contract *c);
	void (*standin)(struct rules_parser *p, const char *fn, const char *api);
	/* a "kernels X.Y ..." line: the versions a learned file was learned from
	 * (NULL: the line is an error) */
	void (*kernels)(struct rules_parser *p, const unsigned *versions, int n);
	/* an "api" field: false when the key or number is not accepted */
	bool (*api_name)(const char *key, const char *name);
	bool (*api_max_errno)(long n);
	unsigned api_seen;	/* "api" keys given so far in this file, a bit each */
};

/* "6.12" as RULES_KERNEL(6, 12); false when TEXT is not MAJOR.MINOR. */
bool rules_parse_version(const char *text, unsigned *out);

/* Report an error through P->error (the message is cut at 511 bytes). */
void rules_error(struct rules_parser *p, const char *fmt, ...)
#ifdef __GNUC__
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Split LINE (modified) into blank-separated FIELDS (RULES_MAX_FIELDS of
 * them at most), up to a '#' comment: their number, or -1 after an error. */
int rules_split_fields(struct rules_parser *p, char *line, char **fields);

/* The fields of a "func" or "member" line (modified) as OUT; false after an
 * error. */
bool rules_contract_fields(struct rules_parser *p, bool member, char **fields, int nfields,
			   struct rule_contract *out);

/* One line (modified, without its newline). */
void rules_parse_line(struct rules_parser *p, char *line);

/* Every line of F, counting P->line from 1: over-long lines, binary data
 * and control characters are errors too.  A read error is reported. */
void rules_read(struct rules_parser *p, FILE *f);

#endif
