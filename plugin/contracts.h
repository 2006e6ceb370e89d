/*
 * contracts.h - the contract store (contracts.c): what each API returns on
 * failure and how its callers test the result, from the bundled, user and
 * learned rules (rules_index.c looks learned ones up by name).
 */
#ifndef ERRPTR_CONTRACTS_H
#define ERRPTR_CONTRACTS_H

#include "compat.h"
#include "kinds.h"

enum fail_kind {
	FAILS_UNKNOWN = 0,
	FAILS_NONE,		/* never fails */
	FAILS_NULL,		/* NULL on failure */
	FAILS_ERR,		/* ERR_PTR() on failure, never NULL */
	FAILS_BOTH,		/* NULL and ERR_PTR() */
	FAILS_STORED,		/* what callers stored: idr, xarray (no contract) */
};

enum callers_kind {
	CALLERS_UNKNOWN = 0,
	CALLERS_IS_ERR,		/* callers test only IS_ERR() */
	CALLERS_NULL,		/* callers test only for NULL */
	CALLERS_IS_ERR_OR_NULL,	/* callers handle both */
	CALLERS_NONE,		/* results need no check (debugfs) */
	CALLERS_MIXED,		/* callers disagree */
};

struct contract {
	const char *name;	/* "do_filp_open" or "file_system_type.mount" */
	bool is_member;
	enum fail_kind fails;
	enum callers_kind callers;
	int nargs;		/* -1 when the rule does not say */
	/* range_arg=K: it fails only past a test that argument K (1-based) is
	 * too large ("if (hwnum >= gdev->ngpio) return ERR_PTR(-EINVAL);");
	 * 0 when the rule does not say */
	int range_arg;
	const char *caller;	/* "fs/open.c:1331:do_sys_openat2" or NULL */
	const char *src;	/* "fs/namei.c:3813" or NULL */
	const char *standin_for; /* a "standin F for=A" rule: A */
	const char *rule_file;	/* where the rule was read */
	int rule_line;
	bool learned;		/* from rules/learned/: evidence, not a promise */
	const char *versions;	/* learned: the kernels, "6.1" or "5.10, 6.1 and 6.12" */
	/* written: since=/until=, the kernels it holds for (0: no bound) */
	unsigned since, until;
	/* learned: versions=, the kernels it held in (ascending), and the
	 * kernels its file was learned from ("kernels" line); none: one file,
	 * one kernel */
	const unsigned *held_in;
	int nheld_in;
	const unsigned *learned_from;
	int nlearned_from;
	/* kinds the kernels disagree on, or that held only in some: possible,
	 * not proven (versions.c) */
	unsigned unsure_kinds;
	tree decl;		/* the API's declaration in this unit, if seen */
};

/* Loading (errptr.c, at start-up). */
void contracts_init(void);
bool contracts_load_file(const char *path);
bool contracts_load_dir(const char *dir);

/* Lookups: the rules in memory, then the learned index. */
const struct contract *contract_for_function(const char *name);
const struct contract *contract_for_member(const char *type_name, const char *field);
const struct contract *standin_rule_for(const char *name);
/* What function NAME takes in its pointer arguments and does nothing harmful
 * with (VK_NULL, VK_ERR: the rules' accepts=, by name, else by the longest
 * prefix); false when no rule says. */
bool contracts_accepts(const char *name, unsigned *kinds);
/* Does some rule describe NAME (LEN bytes, not NUL-terminated)? */
bool contract_name_exists(const char *name, size_t len);
/* The API named in IDENT on '_' boundaries ("orig_do_filp_open",
 * "my_do_filp_open_hook"): the longest name with a contract that WANTED
 * (NULL: any) accepts, found in a proper part of IDENT (not IDENT itself)
 * at least MIN_LEN + 1 bytes long. */
const struct contract *contract_named_in(const char *ident, size_t min_len,
					 bool (*wanted)(const struct contract *, void *),
					 void *data);

/* The API a call looks up by name: the first string literal argument that
 * names an API with a contract ("kallsyms_lookup_name("do_filp_open")"). */
const struct contract *contract_looked_up_by(const gimple *call);

/* A declaration the front end finished (errptr.c's PLUGIN_FINISH_DECL),
 * and the one of an API's name, for comparing prototypes. */
void contracts_note_declaration(tree decl);
tree contract_declaration(const struct contract *c);

const char *fails_name(enum fail_kind k);
const char *callers_name(enum callers_kind k);
unsigned fails_to_mask(enum fail_kind k);
/* An API whose callers break on NULL: they test only IS_ERR(), and the
 * API itself never returns NULL (else they would be wrong already). */
bool contract_callers_break_on_null(const struct contract *c);
/* Where C comes from, for notes: "learned from Linux 6.12, mm/filemap.c:1901;
 * rule linux.rules:123" or "rules/kernel.rules:253". */
const char *contract_origin_text(const struct contract *c, char *buf, size_t size);

/* The kernel version a learned rules file is of, by its name
 * ("linux-6.1.rules": "6.1"), or NULL. */
const char *contract_file_version(const char *file);

/* One "func"/"member" rule line, for the learned index (rules_index.c). */
bool contracts_parse_rule(const char *where, char *text, bool member, const char *name,
			  const unsigned *kernels, int nkernels, struct contract *out);

#endif /* ERRPTR_CONTRACTS_H */
