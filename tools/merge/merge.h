/*
 * merge.h - what the stages of errptr-merge share.
 *
 * Data flows one way, a file a stage:
 *   read_objects.c  find the objects under the inputs, read each one's .discard.errptr
 *                   section (libelf) and hand its text on;
 *   read_summary.c  the records of a section (lib/summary_format.h) into the facts;
 *   facts.c         the facts: interned names, the functions, their returned calls,
 *                   members, member stores, call sites by callee;
 *   resolve.c       every function's kinds through its returned calls, to a fixed point,
 *                   and each member's kinds;
 *   rules.c         a rule line per global function and member;
 *   write.c         the rules file and its cdb index, written atomically;
 *   query.c         --query: a name's rule from an index;
 *   coverage.c      --coverage by top-level directory;
 *   main.c          options, the order of the stages, --coverage.
 * scripts/fuzz/fuzz_summary.c links read_summary.c, facts.c, resolve.c and rules.c.
 */
#ifndef ERRPTR_MERGE_H
#define ERRPTR_MERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "die.h"
#include "summary_format.h"

/* The index maps "errptr:index" to "1\tRULES_FILE\tNRULES" and "func:NAME",
 * "member:STRUCT.FIELD" to "LINE\tRULE": the rule and its line in RULES_FILE. */
#define INDEX_META_KEY	"errptr:index"
#define INDEX_VERSION	"1"
#define MAX_RULE_LINE	4000		/* the plugin's parser takes 4096 */
#define MAX_NAME	255		/* the plugin looks up shorter names only */

#define NONE	UINT32_MAX
#define KEY(a, b) (((uint64_t)(a) << 32) | (uint32_t)(b))
#define GLOBAL NONE			/* the "unit" of global functions */

/* A growable array: VEC(T) v; PUSH(v) = value; */
#define VEC(T) struct { T *a; size_t n, cap; }
#define GROW(v) ((v).n == (v).cap ? ((v).cap = (v).cap ? 2 * (v).cap : 64, \
	(v).a = die_realloc((v).a, (v).cap * sizeof(*(v).a))) : (v).a)
#define PUSH(v) (*(GROW(v), &(v).a[(v).n++]))
#define VEC_FREE(v) (free((v).a), memset(&(v), 0, sizeof(v)))

/* ---- facts.c: hashing, interned strings, maps */
uint64_t hash_bytes(const void *p, size_t n, uint64_t h);
uint64_t mix64(uint64_t x);

/* Every name and path is interned once; the rest of the merge handles 32-bit ids. */
const char *S(uint32_t id);
uint32_t intern(const char *s, size_t n);
uint32_t intern0(const char *s);
/* A path as the rules write it: relative to the source tree. */
uint32_t intern_path(const char *s, size_t n);

/* u64 -> u32 */
struct map {
	uint64_t *keys;
	uint32_t *vals;		/* NONE = empty */
	size_t size, used;
};
uint32_t map_get(const struct map *m, uint64_t key);
/* The value stored for KEY; stores VAL first when there is none. */
uint32_t map_put(struct map *m, uint64_t key, uint32_t val);
void map_free(struct map *m);

/* A set of 4-tuples (call sites, member stores), exact: false when already in. */
bool tuple_insert(uint32_t a, uint32_t b, uint32_t c, uint32_t d);

/* ---- facts.c: the facts */
struct fn {
	uint32_t name;
	uint32_t unit;		/* source file id for a static, GLOBAL otherwise */
	uint32_t file, line;	/* definition */
	uint32_t rets;		/* first returned entry, NONE = none */
	uint32_t deps, ndeps;	/* functions returning this one's result (CSR) */
	uint16_t nargs;
	uint8_t own, kinds;	/* SUMMARY_NULL ... SUMMARY_UNKNOWN */
	/* every definition fails only for a too large argument RANGE_ARG
	 * (1-based); 0: no, or they disagree */
	uint8_t range_arg;
	bool queued;
};

struct ret {
	uint32_t callee;	/* name, or a function id when resolved */
	uint32_t unit;		/* unit of the function returning it */
	uint32_t next;
	uint8_t allowed;
	bool resolved;		/* callee is a function id */
};

struct site {
	uint32_t file, line, caller;	/* caller NONE: no site */
};

/* How callers test one callee's result. */
struct callers {
	uint32_t count[SUMMARY_TEST_COUNT];
	struct site sample[SUMMARY_TEST_COUNT];	/* the smallest site of each test */
};

struct member {
	uint32_t name;		/* "STRUCT.FIELD" */
	uint32_t stores;	/* first store, NONE = none */
	uint32_t callers;	/* index in callers[], NONE = none */
	uint8_t kinds;
};

struct store {
	uint32_t fn;		/* function id, or a global name when !resolved */
	uint32_t next;
	bool resolved;
};

extern struct fn_vec { struct fn *a; size_t n, cap; } fns;
extern struct ret_vec { struct ret *a; size_t n, cap; } rets;
extern struct member_vec { struct member *a; size_t n, cap; } members;
extern struct store_vec { struct store *a; size_t n, cap; } stores;
extern struct callers_vec { struct callers *a; size_t n, cap; } callers;
extern struct map fn_map;		/* KEY(unit, name) -> fn */
extern struct map member_map;		/* name -> member */
extern struct map callee_map;		/* global function name -> callers[] */

extern struct stats {
	unsigned long objects, learned, not_learned, bad_objects, units, dup_units;
	unsigned long records, malformed, sites, dup_sites, static_sites, stores;
	unsigned long rules, unwritable;
} stats;

extern const char *srctree;		/* stripped from paths, with its '/' */
extern size_t srctree_len;

uint32_t new_callers(void);
uint32_t member_of(uint32_t name);
int site_cmp(const struct site *a, const struct site *b);
void count_call(uint32_t ci, enum summary_test t, uint32_t file, uint32_t line, uint32_t caller);
/* Forget every fact (the fuzz harness reads many inputs). */
void facts_reset(void);

/* ---- read_summary.c */
/* The text of one object's section: false when it is skipped whole (reported). */
bool read_summary(const char *path, const char *text, size_t len);
void read_summary_reset(void);

/* ---- read_objects.c */
/* Every object under INPUT (a directory, walked) or INPUT itself; finds srctree. */
void add_input(const char *input);
/* Read the objects found, in name order; PROGRESS: a line every 1000; COVERAGE: count
 * them by directory (coverage.c). */
void read_objects(bool progress, bool coverage, double t0);
double seconds(void);

/* ---- resolve.c */
void resolve_kinds(void);

/* ---- rules.c */
struct rule {
	bool member;
	uint32_t name;
	uint32_t fn;		/* the function's definition, NONE for a member */
	char *line;
	unsigned lineno;	/* in the rules file */
};
extern struct rule_vec { struct rule *a; size_t n, cap; } rules;
void make_rules(void);
void rules_reset(void);

/* ---- write.c */
/* KERNEL: "6.1", the kernel the objects were built from (a "kernels" line), or NULL. */
void write_rules(const char *out, int ninputs, char **inputs, const char *index,
		 const char *kernel);
void write_index(const char *path, const char *rules_name);
/* The rules of several kernels (combine.c): a header naming SOURCES, "kernels KERNELS",
 * the rules; the index (version 2: a name's lines together, "errptr:kernels"). */
void write_combined_rules(const char *out, int nsources, char **sources, const char *kernels,
			  const char *index);
void write_index_kernels(const char *path, const char *rules_name, const char *kernels);

/* ---- combine.c: --combine */
int combine(const char *out, const char *index, int ninputs, char **inputs);

/* ---- coverage.c */
/* The build tree, from an input directory up (the first call that finds one wins). */
void coverage_find_root(const char *input);
void coverage_object(const char *path, bool learned);
/* Objects, objects with summaries and rules (after make_rules()) by directory. */
void coverage_print(FILE *f);

/* ---- query.c */
int query(const char *path, int n, char **names);

#endif
