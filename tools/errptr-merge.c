/*
 * errptr-merge - turn the summaries errptr's learn mode left in a build
 * tree's object files into rules.
 *
 *   errptr-merge [-o OUT.rules] [--index OUT.cdb] [--srctree DIR] [--coverage]
 *                [--progress] DIR_OR_OBJ...
 *   errptr-merge --query INDEX.cdb NAME...
 *
 * Each object's ".discard.errptr" section (docs/learn-format.md) holds one
 * or more units (an "ld -r" object holds the units of its parts).  The
 * merge:
 *   - resolves every function's kinds: its own proven kinds, plus, for each
 *     external call whose result it returns, kinds(callee) & allowed, to a
 *     fixed point.  Static functions are keyed by (source file, name); a
 *     name used in a unit is its static when it has one, else the global.
 *     A callee without a summary anywhere adds nothing;
 *   - counts, per callee (function or STRUCT.FIELD), how the distinct call
 *     sites test the result, and keeps a sample caller;
 *   - gives each struct member the union of the kinds of the functions
 *     stored into it;
 *   - writes one rule per global function and member with known kinds
 *     (docs/design-contract.md, "Rules format"), sorted by kind then name,
 *     and with --index a cdb mapping "func:NAME" and "member:S.F" to the
 *     rule line, for the plugin's lazy lookups (plugin/rules_index.c).
 *
 * Bad input never stops the merge: a malformed record is reported as
 * "OBJECT: line N: ..." and skipped; an object with a corrupt section or a
 * summary version this merge does not read is reported and skipped whole.
 * Exit status: 0 when the rules were written, 1 on a fatal error (cannot
 * write the output, no input), 2 on a usage error.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <limits.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <libelf.h>
#include <gelf.h>
#include <cdb.h>

#define SECTION_NAME	".discard.errptr"
#define SUMMARY_MAGIC	"errptr-summary"
#define SUMMARY_VERSION	"1"
/* The index maps "errptr:index" to "1\tRULES_FILE\tNRULES" and "func:NAME",
 * "member:STRUCT.FIELD" to "LINE\tRULE": the rule and its line in RULES_FILE. */
#define INDEX_META_KEY	"errptr:index"
#define INDEX_VERSION	"1"
#define MAX_RULE_LINE	4000		/* the plugin's parser takes 4096 */
#define MAX_NAME	255		/* the plugin looks up shorter names only */
#define MAX_MESSAGES	20		/* malformed-record messages per object */

#define K_NULL	1u
#define K_ERR	2u
#define K_VALID	4u
#define K_UNKNOWN 8u	/* some return comes from a source the analysis cannot see */
#define NONE	UINT32_MAX

static const char *prog = "errptr-merge";

/* ------------------------------------------------------------ memory */
static void
die(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);
	if (!p)
		die("out of memory");
	return p;
}

static char *
xstrdup(const char *s)
{
	char *p = strdup(s);
	if (!p)
		die("out of memory");
	return p;
}

/* A growable array: VEC(T) v; PUSH(v) = value; */
#define VEC(T) struct { T *a; size_t n, cap; }
#define GROW(v) ((v).n == (v).cap ? ((v).cap = (v).cap ? 2 * (v).cap : 64, \
	(v).a = xrealloc((v).a, (v).cap * sizeof(*(v).a))) : (v).a)
#define PUSH(v) (*(GROW(v), &(v).a[(v).n++]))

static uint64_t
hash_bytes(const void *p, size_t n, uint64_t h)
{
	const unsigned char *s = p;
	if (!h)
		h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	x ^= x >> 33;
	return x;
}

/* ------------------------------------------------------------ strings
 * Every name and path is interned once; the rest of the merge handles
 * 32-bit ids. */
static char *pool;
static size_t pool_len, pool_cap;
static VEC(uint32_t) str_off;		/* id -> offset in pool */
static uint32_t *str_tab;		/* open addressing: id + 1, 0 = empty */
static size_t str_tab_size;

static const char *
S(uint32_t id)
{
	return pool + str_off.a[id];
}

static uint32_t
intern(const char *s, size_t n)
{
	if (str_off.n * 2 >= str_tab_size) {
		size_t size = str_tab_size ? 2 * str_tab_size : 1 << 16;
		uint32_t *tab = xcalloc(size, sizeof(*tab));
		for (size_t i = 0; i < str_off.n; i++) {
			const char *t = S(i);
			size_t j = hash_bytes(t, strlen(t), 0) & (size - 1);
			while (tab[j])
				j = (j + 1) & (size - 1);
			tab[j] = i + 1;
		}
		free(str_tab);
		str_tab = tab;
		str_tab_size = size;
	}
	size_t j = hash_bytes(s, n, 0) & (str_tab_size - 1);
	for (; str_tab[j]; j = (j + 1) & (str_tab_size - 1)) {
		const char *t = S(str_tab[j] - 1);
		if (strncmp(t, s, n) == 0 && t[n] == 0)
			return str_tab[j] - 1;
	}
	if (pool_len + n + 1 > pool_cap) {
		pool_cap = (pool_len + n + 1) * 2 + (1 << 20);
		pool = xrealloc(pool, pool_cap);
	}
	uint32_t id = str_off.n;
	PUSH(str_off) = pool_len;
	memcpy(pool + pool_len, s, n);
	pool[pool_len + n] = 0;
	pool_len += n + 1;
	str_tab[j] = id + 1;
	return id;
}

static uint32_t
intern0(const char *s)
{
	return intern(s, strlen(s));
}

/* ------------------------------------------------------------ u64 -> u32 maps */
struct map {
	uint64_t *keys;
	uint32_t *vals;		/* NONE = empty */
	size_t size, used;
};

static uint32_t
map_get(const struct map *m, uint64_t key)
{
	if (!m->size)
		return NONE;
	for (size_t j = mix64(key) & (m->size - 1); m->vals[j] != NONE; j = (j + 1) & (m->size - 1))
		if (m->keys[j] == key)
			return m->vals[j];
	return NONE;
}

/* The value stored for KEY; stores VAL first when there is none. */
static uint32_t
map_put(struct map *m, uint64_t key, uint32_t val)
{
	if ((m->used + 1) * 2 > m->size) {
		struct map n = { 0, 0, m->size ? 2 * m->size : 1024, 0 };
		n.keys = xcalloc(n.size, sizeof(*n.keys));
		n.vals = xrealloc(NULL, n.size * sizeof(*n.vals));
		memset(n.vals, 0xff, n.size * sizeof(*n.vals));
		for (size_t i = 0; i < m->size; i++)
			if (m->vals[i] != NONE)
				map_put(&n, m->keys[i], m->vals[i]);
		free(m->keys);
		free(m->vals);
		*m = n;
	}
	size_t j = mix64(key) & (m->size - 1);
	for (; m->vals[j] != NONE; j = (j + 1) & (m->size - 1))
		if (m->keys[j] == key)
			return m->vals[j];
	m->keys[j] = key;
	m->vals[j] = val;
	m->used++;
	return val;
}

#define KEY(a, b) (((uint64_t)(a) << 32) | (uint32_t)(b))
#define GLOBAL NONE			/* the "unit" of global functions */

/* A set of 4-tuples (call sites, member stores), exact. */
struct tuple { uint32_t v[4]; };
static struct {
	struct tuple *a;
	size_t size, used;
} tuples;

static bool
tuple_insert(uint32_t a, uint32_t b, uint32_t c, uint32_t d)
{
	struct tuple t = { { a, b, c, d } };
	if ((tuples.used + 1) * 2 > tuples.size) {
		size_t size = tuples.size ? 2 * tuples.size : 1 << 14;
		struct tuple *tab = xrealloc(NULL, size * sizeof(*tab));
		memset(tab, 0xff, size * sizeof(*tab));
		for (size_t i = 0; i < tuples.size; i++) {
			if (tuples.a[i].v[0] == NONE)
				continue;
			size_t j = hash_bytes(&tuples.a[i], sizeof(t), 0) & (size - 1);
			while (tab[j].v[0] != NONE)
				j = (j + 1) & (size - 1);
			tab[j] = tuples.a[i];
		}
		free(tuples.a);
		tuples.a = tab;
		tuples.size = size;
	}
	size_t j = hash_bytes(&t, sizeof(t), 0) & (tuples.size - 1);
	for (; tuples.a[j].v[0] != NONE; j = (j + 1) & (tuples.size - 1))
		if (memcmp(&tuples.a[j], &t, sizeof(t)) == 0)
			return false;
	tuples.a[j] = t;
	tuples.used++;
	return true;
}

/* ------------------------------------------------------------ the facts */
struct fn {
	uint32_t name;
	uint32_t unit;		/* source file id for a static, GLOBAL otherwise */
	uint32_t file, line;	/* definition */
	uint32_t rets;		/* first returned entry, NONE = none */
	uint32_t deps, ndeps;	/* functions returning this one's result (CSR) */
	uint16_t nargs;
	uint8_t own, kinds;
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

enum test { T_IS_ERR, T_NULL, T_BOTH, T_NONE, T_RETURNED, T_COUNT };
static const char *const test_names[T_COUNT] = { "is_err", "null", "both", "none", "returned" };

struct site {
	uint32_t file, line, caller;	/* caller NONE: no site */
};

/* How callers test one callee's result. */
struct callers {
	uint32_t count[T_COUNT];
	struct site sample[T_COUNT];	/* the smallest site of each test */
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

static VEC(struct fn) fns;
static VEC(struct ret) rets;
static VEC(struct member) members;
static VEC(struct store) stores;
static VEC(struct callers) callers;
static struct map fn_map;		/* KEY(unit, name) -> fn */
static struct map member_map;		/* name -> member */
static struct map callee_map;		/* global function name -> callers[] */

static struct {
	unsigned long objects, learned, not_learned, bad_objects, units, dup_units;
	unsigned long records, malformed, sites, dup_sites, static_sites, stores;
	unsigned long rules, unwritable;
} st;

static const char *srctree;		/* stripped from paths, with its '/' */
static size_t srctree_len;

/* A path as the rules write it: relative to the source tree. */
static uint32_t
intern_path(const char *s, size_t n)
{
	if (srctree_len && n > srctree_len && strncmp(s, srctree, srctree_len) == 0) {
		s += srctree_len;
		n -= srctree_len;
	}
	while (n > 2 && s[0] == '.' && s[1] == '/') {
		s += 2;
		n -= 2;
	}
	return intern(s, n);
}

static uint32_t
new_callers(void)
{
	struct callers *c = &PUSH(callers);
	memset(c, 0, sizeof(*c));
	for (int t = 0; t < T_COUNT; t++)
		c->sample[t].caller = NONE;
	return callers.n - 1;
}

static uint32_t
member_of(uint32_t name)
{
	uint32_t m = map_put(&member_map, name, members.n);
	if (m == members.n) {
		struct member *mb = &PUSH(members);
		mb->name = name;
		mb->stores = NONE;
		mb->callers = NONE;
		mb->kinds = 0;
	}
	return m;
}

static int
site_cmp(const struct site *a, const struct site *b)
{
	int c = strcmp(S(a->file), S(b->file));
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return strcmp(S(a->caller), S(b->caller));
}

static void
count_call(uint32_t ci, enum test t, uint32_t file, uint32_t line, uint32_t caller)
{
	struct callers *c = &callers.a[ci];
	struct site s = { file, line, caller };
	c->count[t]++;
	if (c->sample[t].caller == NONE || site_cmp(&s, &c->sample[t]) < 0)
		c->sample[t] = s;
}

/* ------------------------------------------------------------ parsing records */
struct object {
	const char *path;
	unsigned line;		/* of the section text, 1-based */
	unsigned messages;
};

static void
malformed(struct object *o, const char *fmt, ...)
{
	va_list ap;
	st.malformed++;
	if (++o->messages > MAX_MESSAGES)
		return;
	fprintf(stderr, "%s: line %u: ", o->path, o->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (o->messages == MAX_MESSAGES)
		fputs(" (further messages about this object left out)", stderr);
	fputc('\n', stderr);
}

static bool
is_ident(const char *s, size_t n)
{
	if (!n || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

/* A name the rules can carry: an identifier, or STRUCT.FIELD for a member. */
static bool
writable_name(const char *s, bool member)
{
	size_t n = strlen(s);
	if (n > MAX_NAME)
		return false;
	const char *dot = strchr(s, '.');
	if (!member)
		return is_ident(s, n);
	return dot && is_ident(s, dot - s) && is_ident(dot + 1, n - (dot + 1 - s));
}

/* A name field of a record: printable, no blank. */
static bool
name_ok(const char *s, size_t n)
{
	if (!n || n > 1024)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f || s[i] == '#')
			return false;
	return true;
}

static bool
parse_kinds(const char *s, size_t n, uint8_t *out)
{
	*out = 0;
	if (n == 1 && *s == '-')
		return true;
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case 'n': *out |= K_NULL; break;
		case 'e': *out |= K_ERR; break;
		case 'v': *out |= K_VALID; break;
		case 'u': *out |= K_UNKNOWN; break;
		default: return false;
		}
	}
	return true;
}

static bool
parse_uint(const char *s, size_t n, unsigned long max, uint32_t *out)
{
	unsigned long v = 0;
	if (!n || n > 10)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (v > max)
		return false;
	*out = v;
	return true;
}

/* "FILE:LINE" */
static bool
parse_location(const char *s, size_t n, uint32_t *file, uint32_t *line)
{
	const char *colon = memrchr(s, ':', n);
	if (!colon || colon == s || !parse_uint(colon + 1, n - (colon + 1 - s), UINT32_MAX - 1, line))
		return false;
	for (const char *p = s; p < colon; p++)
		if ((unsigned char)*p < ' ')
			return false;
	*file = intern_path(s, colon - s);
	return true;
}

struct field { const char *s; size_t n; };
#define MAX_FIELDS (6 + 64)

/* The records of one unit, parsed, before they are resolved. */
struct rec_f { uint32_t name, file, line, nargs, range_arg; bool is_static; uint8_t own; uint32_t rets; };
struct rec_r { uint32_t callee; uint8_t allowed; };
struct rec_c { uint32_t callee, caller, file, line; enum test test; bool member; };
struct rec_m { uint32_t member, fn, file, line; };
static VEC(struct rec_f) uf;
static VEC(struct rec_r) ur;		/* RETURNED fields of uf, in order */
static VEC(struct rec_c) uc;
static VEC(struct rec_m) um;

static int
split(const char *s, size_t n, struct field *f)
{
	int nf = 0;
	const char *end = s + n;
	for (;;) {
		const char *tab = memchr(s, '\t', end - s);
		if (nf == MAX_FIELDS)
			return -1;
		f[nf].s = s;
		f[nf].n = (tab ? tab : end) - s;
		nf++;
		if (!tab)
			return nf;
		s = tab + 1;
	}
}

static void
parse_record(struct object *o, const char *line, size_t n)
{
	struct field f[MAX_FIELDS];
	int nf = split(line, n, f);

	st.records++;
	if (nf < 0) {
		malformed(o, "too many fields");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)line[i] < ' ' && line[i] != '\t') {
			malformed(o, "control character in a record");
			return;
		}
	}
	if (f[0].n == 1 && f[0].s[0] == 'F') {
		struct rec_f r;
		if (nf < 6) {
			malformed(o, "F record with %d fields, expected at least 6", nf);
			return;
		}
		if (!name_ok(f[1].s, f[1].n)) {
			malformed(o, "F record: bad function name");
			return;
		}
		if (f[2].n == 6 && memcmp(f[2].s, "global", 6) == 0)
			r.is_static = false;
		else if (f[2].n == 6 && memcmp(f[2].s, "static", 6) == 0)
			r.is_static = true;
		else {
			malformed(o, "F record: linkage '%.*s', expected global or static",
				  (int)(f[2].n > 40 ? 40 : f[2].n), f[2].s);
			return;
		}
		if (!parse_location(f[3].s, f[3].n, &r.file, &r.line)) {
			malformed(o, "F record: '%.*s' is not FILE:LINE", (int)(f[3].n > 80 ? 80 : f[3].n),
				  f[3].s);
			return;
		}
		if (!parse_uint(f[4].s, f[4].n, 65535, &r.nargs)) {
			malformed(o, "F record: '%.*s' is not a number of arguments",
				  (int)(f[4].n > 40 ? 40 : f[4].n), f[4].s);
			return;
		}
		if (!parse_kinds(f[5].s, f[5].n, &r.own)) {
			malformed(o, "F record: kinds '%.*s', expected letters of 'nev' or '-'",
				  (int)(f[5].n > 40 ? 40 : f[5].n), f[5].s);
			return;
		}
		size_t first = ur.n;
		int i = 6;
		r.range_arg = 0;
		if (i < nf && f[i].n > 10 && memcmp(f[i].s, "range_arg=", 10) == 0) {
			if (!parse_uint(f[i].s + 10, f[i].n - 10, 127, &r.range_arg) || !r.range_arg) {
				malformed(o, "F record: '%.*s' is not range_arg=K",
					  (int)(f[i].n > 40 ? 40 : f[i].n), f[i].s);
				return;
			}
			i++;
		}
		size_t first_ret = i;
		for (; i < nf; i++) {
			const char *colon = memrchr(f[i].s, ':', f[i].n);
			struct rec_r rr;
			if (!colon || !name_ok(f[i].s, colon - f[i].s) ||
			    !parse_kinds(colon + 1, f[i].n - (colon + 1 - f[i].s), &rr.allowed)) {
				ur.n = first;
				malformed(o, "F record: '%.*s' is not CALLEE:KINDS",
					  (int)(f[i].n > 80 ? 80 : f[i].n), f[i].s);
				return;
			}
			rr.callee = intern(f[i].s, colon - f[i].s);
			PUSH(ur) = rr;
		}
		r.name = intern(f[1].s, f[1].n);
		r.rets = nf - first_ret;
		PUSH(uf) = r;
	} else if (f[0].n == 1 && f[0].s[0] == 'C') {
		struct rec_c r;
		if (nf != 5) {
			malformed(o, "C record with %d fields, expected 5", nf);
			return;
		}
		if (!name_ok(f[1].s, f[1].n) || !name_ok(f[2].s, f[2].n)) {
			malformed(o, "C record: bad callee or caller name");
			return;
		}
		if (!parse_location(f[3].s, f[3].n, &r.file, &r.line)) {
			malformed(o, "C record: '%.*s' is not FILE:LINE", (int)(f[3].n > 80 ? 80 : f[3].n),
				  f[3].s);
			return;
		}
		int t;
		for (t = 0; t < T_COUNT; t++)
			if (strlen(test_names[t]) == f[4].n && memcmp(test_names[t], f[4].s, f[4].n) == 0)
				break;
		if (t == T_COUNT) {
			malformed(o, "C record: test '%.*s', expected is_err, null, both, none or returned",
				  (int)(f[4].n > 40 ? 40 : f[4].n), f[4].s);
			return;
		}
		r.test = (enum test)t;
		r.member = memchr(f[1].s, '.', f[1].n) != NULL;
		r.callee = intern(f[1].s, f[1].n);
		r.caller = intern(f[2].s, f[2].n);
		PUSH(uc) = r;
	} else if (f[0].n == 1 && f[0].s[0] == 'M') {
		struct rec_m r;
		if (nf != 4) {
			malformed(o, "M record with %d fields, expected 4", nf);
			return;
		}
		const char *dot = memchr(f[1].s, '.', f[1].n);
		if (!name_ok(f[1].s, f[1].n) || !dot || dot == f[1].s || dot == f[1].s + f[1].n - 1) {
			malformed(o, "M record: '%.*s' is not STRUCT.FIELD", (int)(f[1].n > 80 ? 80 : f[1].n),
				  f[1].s);
			return;
		}
		if (!name_ok(f[2].s, f[2].n) || !parse_location(f[3].s, f[3].n, &r.file, &r.line)) {
			malformed(o, "M record: bad function name or location");
			return;
		}
		r.member = intern(f[1].s, f[1].n);
		r.fn = intern(f[2].s, f[2].n);
		PUSH(um) = r;
	} else {
		malformed(o, "unknown record '%.*s' (expected F, C or M)", (int)(f[0].n > 20 ? 20 : f[0].n),
			  f[0].s);
	}
}

/* The function NAME means in unit UNIT: its static, else the global. */
static uint32_t
resolve(uint32_t unit, uint32_t name)
{
	uint32_t f = map_get(&fn_map, KEY(unit, name));
	return f != NONE ? f : map_get(&fn_map, KEY(GLOBAL, name));
}

/* Take the parsed records of one unit into the merged facts. */
static void
commit_unit(uint32_t unit)
{
	size_t r = 0;
	for (size_t i = 0; i < uf.n; i++) {
		struct rec_f *p = &uf.a[i];
		/* A static inline of a header (kzalloc, devm_kzalloc) is one
		 * function wherever it is included: merge it like a global. */
		const char *file = S(p->file);
		size_t flen = strlen(file);
		bool in_header = flen > 2 && strcmp(file + flen - 2, ".h") == 0;
		uint32_t key_unit = p->is_static && !in_header ? unit : GLOBAL;
		uint32_t id = map_put(&fn_map, KEY(key_unit, p->name), fns.n);
		if (id == fns.n) {
			struct fn *f = &PUSH(fns);
			memset(f, 0, sizeof(*f));
			f->name = p->name;
			f->unit = key_unit;
			f->file = p->file;
			f->line = p->line;
			f->nargs = p->nargs;
			f->range_arg = p->range_arg;
			f->rets = NONE;
		} else if (fns.a[id].range_arg != p->range_arg) {
			fns.a[id].range_arg = 0;
		}
		/* A second definition (another module, another configuration):
		 * the union of what each says; the first keeps src and args. */
		fns.a[id].own |= p->own;
		for (uint32_t k = 0; k < p->rets; k++, r++) {
			struct ret *e = &PUSH(rets);
			e->callee = ur.a[r].callee;
			e->unit = unit;
			e->allowed = ur.a[r].allowed;
			e->resolved = false;
			e->next = fns.a[id].rets;
			fns.a[id].rets = rets.n - 1;
		}
	}
	/* Now that the unit's statics are known: statics win over globals. */
	for (size_t i = 0; i < uc.n; i++) {
		struct rec_c *p = &uc.a[i];
		uint32_t ci;
		st.sites++;
		if (p->member) {
			uint32_t m = member_of(p->callee);
			if (!tuple_insert(p->callee, p->caller, p->file, p->line)) {
				st.dup_sites++;
				continue;
			}
			if (members.a[m].callers == NONE) {
				ci = new_callers();
				members.a[m].callers = ci;
			}
			ci = members.a[m].callers;
		} else {
			if (map_get(&fn_map, KEY(unit, p->callee)) != NONE) {
				st.static_sites++;	/* statics get no rule */
				continue;
			}
			if (!tuple_insert(p->callee, p->caller, p->file, p->line)) {
				st.dup_sites++;
				continue;
			}
			ci = map_put(&callee_map, p->callee, callers.n);
			if (ci == callers.n)
				new_callers();
		}
		count_call(ci, p->test, p->file, p->line, p->caller);
	}
	for (size_t i = 0; i < um.n; i++) {
		struct rec_m *p = &um.a[i];
		uint32_t m = member_of(p->member);
		uint32_t f = map_get(&fn_map, KEY(unit, p->fn));
		bool resolved = f != NONE;
		uint32_t target = resolved ? f : p->fn;
		/* the tuple's first element tells stores from call sites */
		if (!tuple_insert(NONE - 1 - resolved, p->member, target, 0))
			continue;
		struct store *s = &PUSH(stores);
		s->fn = target;
		s->resolved = resolved;
		s->next = members.a[m].stores;
		members.a[m].stores = stores.n - 1;
		st.stores++;
	}
	uf.n = ur.n = uc.n = um.n = 0;
}

/* Units already read, by content: "ld -r" objects repeat their parts. */
static struct map unit_seen;

static void
parse_units(struct object *o, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	uint32_t unit = NONE;
	bool skipping = false;		/* a unit read before */

	o->line = 0;
	while (p < end) {
		if (!*p) {		/* padding between the parts of an "ld -r" object */
			p++;
			continue;
		}
		const char *nl = memchr(p, '\n', end - p);
		size_t n = (nl ? nl : end) - p;
		o->line++;
		if (n > sizeof(SUMMARY_MAGIC) - 1 && memcmp(p, SUMMARY_MAGIC "\t", sizeof(SUMMARY_MAGIC)) == 0) {
			struct field f[MAX_FIELDS];
			int nf = split(p, n, f);
			if (unit != NONE && !skipping)
				commit_unit(unit);
			/* this unit's text: up to the next header (padding left out) */
			const char *u_end = nl ? nl + 1 : end;
			while (u_end < end) {
				const char *q = u_end;
				while (q < end && !*q)
					q++;
				if ((size_t)(end - q) >= sizeof(SUMMARY_MAGIC) &&
				    memcmp(q, SUMMARY_MAGIC "\t", sizeof(SUMMARY_MAGIC)) == 0)
					break;
				const char *e = memchr(q, '\n', end - q);
				u_end = e ? e + 1 : end;
			}
			while (u_end > p && !u_end[-1])
				u_end--;
			uint64_t h = hash_bytes(p, u_end - p, 0) ^ (uint64_t)(u_end - p);
			st.units++;
			if (map_get(&unit_seen, h) != NONE) {
				skipping = true;
				st.dup_units++;
			} else {
				map_put(&unit_seen, h, 1);
				skipping = false;
			}
			unit = nf >= 3 && f[2].n ? intern_path(f[2].s, f[2].n) : intern0("?");
		} else if (!skipping) {
			if (!nl)
				malformed(o, "record not terminated by a newline (truncated section?)");
			else
				parse_record(o, p, n);
		}
		p += n + (nl != NULL);
	}
	if (unit != NONE && !skipping)
		commit_unit(unit);
}

/* Check the headers before taking anything from the object: a section of
 * another format or version is an error for the whole object. */
static bool
check_headers(struct object *o, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	unsigned line = 0;
	bool first = true;

	while (p < end) {
		if (!*p) {
			p++;
			continue;
		}
		const char *nl = memchr(p, '\n', end - p);
		size_t n = (nl ? nl : end) - p;
		line++;
		bool header = n >= sizeof(SUMMARY_MAGIC) - 1 &&
			      memcmp(p, SUMMARY_MAGIC, sizeof(SUMMARY_MAGIC) - 1) == 0 &&
			      (n == sizeof(SUMMARY_MAGIC) - 1 || p[sizeof(SUMMARY_MAGIC) - 1] == '\t');
		if (first && !header) {
			fprintf(stderr, "%s: line %u: error: section %s does not start with an '%s' "
				"header; object skipped\n", o->path, line, SECTION_NAME, SUMMARY_MAGIC);
			return false;
		}
		first = false;
		if (header) {
			struct field f[MAX_FIELDS];
			int nf = split(p, n, f);
			if (nf < 0 || nf < 2 || f[1].n != 1 || f[1].s[0] != SUMMARY_VERSION[0]) {
				fprintf(stderr, "%s: line %u: error: summary format version '%.*s', this "
					"errptr-merge reads version %s; object skipped\n", o->path, line,
					nf >= 2 ? (int)(f[1].n > 20 ? 20 : f[1].n) : 0, nf >= 2 ? f[1].s : "",
					SUMMARY_VERSION);
				return false;
			}
			if (nf != 3 || !f[2].n) {
				fprintf(stderr, "%s: line %u: error: summary header without a source file; "
					"object skipped\n", o->path, line);
				return false;
			}
		}
		p += n + (nl != NULL);
	}
	if (first) {
		fprintf(stderr, "%s: error: section %s is empty; object skipped\n", o->path, SECTION_NAME);
		return false;
	}
	return true;
}

/* ------------------------------------------------------------ objects */
static void
read_object(const char *path)
{
	struct object o = { path, 0, 0 };
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	st.objects++;
	if (fd < 0) {
		fprintf(stderr, "%s: error: cannot open: %s\n", path, strerror(errno));
		st.bad_objects++;
		return;
	}
	struct stat sb;
	if (fstat(fd, &sb) == 0 && sb.st_size == 0) {
		st.not_learned++;	/* kbuild's empty objects */
		close(fd);
		return;
	}
	Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF) {
		fprintf(stderr, "%s: warning: not an ELF object; not learned\n", path);
		st.not_learned++;
		goto out;
	}
	size_t shstrndx, shnum, nscn = 0;
	GElf_Ehdr eh;
	if (!gelf_getehdr(elf, &eh) || elf_getshdrnum(elf, &shnum) != 0 ||
	    elf_getshdrstrndx(elf, &shstrndx) != 0) {
		fprintf(stderr, "%s: error: corrupt ELF object: %s\n", path, elf_errmsg(-1));
		st.bad_objects++;
		goto out;
	}
	bool found = false, ok = true;
	char *text = NULL;
	size_t text_len = 0;
	for (Elf_Scn *scn = elf_nextscn(elf, NULL); scn; scn = elf_nextscn(elf, scn)) {
		GElf_Shdr sh;
		const char *name;
		nscn++;
		if (!gelf_getshdr(scn, &sh) || !(name = elf_strptr(elf, shstrndx, sh.sh_name))) {
			nscn = 0;	/* reported below */
			break;
		}
		if (strcmp(name, SECTION_NAME) != 0)
			continue;
		found = true;
		if (sh.sh_type == SHT_NOBITS) {
			fprintf(stderr, "%s: error: section %s has no contents; object skipped\n", path,
				SECTION_NAME);
			ok = false;
			break;
		}
		if ((sh.sh_flags & SHF_COMPRESSED) && elf_compress(scn, 0, 0) < 0) {
			fprintf(stderr, "%s: error: cannot decompress %s: %s; object skipped\n", path,
				SECTION_NAME, elf_errmsg(-1));
			ok = false;
			break;
		}
		Elf_Data *d = elf_rawdata(scn, NULL);
		if (!d || (sh.sh_size && (!d->d_buf || d->d_size != sh.sh_size))) {
			fprintf(stderr, "%s: error: cannot read section %s (%s); object skipped\n", path,
				SECTION_NAME, elf_errmsg(-1));
			ok = false;
			break;
		}
		text = xrealloc(text, text_len + d->d_size + 1);
		memcpy(text + text_len, d->d_buf, d->d_size);
		text_len += d->d_size;
	}
	/* libelf leaves out section headers that lie outside the file */
	if (eh.e_shnum > shnum)
		shnum = eh.e_shnum;
	if (ok && nscn + 1 < shnum) {
		fprintf(stderr, "%s: error: corrupt ELF object (section headers outside the file)\n",
			path);
		st.bad_objects++;
	} else if (!found) {
		st.not_learned++;
	} else if (!ok || !check_headers(&o, text, text_len)) {
		st.bad_objects++;
	} else {
		st.learned++;
		parse_units(&o, text, text_len);
		if (o.messages > MAX_MESSAGES)
			fprintf(stderr, "%s: %u malformed records in all\n", path, o.messages);
	}
	free(text);
out:
	if (elf)
		elf_end(elf);
	close(fd);
}

/* ------------------------------------------------------------ finding objects */
static VEC(char *) paths;
static struct map seen_files, seen_dirs;	/* by (dev, ino) */

static bool
first_visit(struct map *m, const struct stat *sb)
{
	uint64_t key = mix64(sb->st_dev) ^ sb->st_ino;
	return map_get(m, key) == NONE && map_put(m, key, 1) == 1;
}

static bool
is_object_name(const char *name)
{
	size_t n = strlen(name);
	/* kbuild's generated module info objects are never compiled with the plugin */
	if (n > 6 && strcmp(name + n - 6, ".mod.o") == 0)
		return false;
	return n > 2 && strcmp(name + n - 2, ".o") == 0;
}

static void
walk(const char *dir, int depth)
{
	if (depth > 64) {
		fprintf(stderr, "%s: warning: nested too deep, not searched\n", dir);
		return;
	}
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "%s: warning: cannot read directory: %s\n", dir, strerror(errno));
		return;
	}
	struct stat sb;
	if (fstat(dirfd(d), &sb) == 0 && !first_visit(&seen_dirs, &sb)) {
		closedir(d);
		return;
	}
	struct dirent *de;
	size_t dlen = strlen(dir);
	while ((de = readdir(d))) {
		const char *name = de->d_name;
		if (name[0] == '.' && (!name[1] || (name[1] == '.' && !name[2])))
			continue;
		unsigned char type = de->d_type;
		if (type == DT_UNKNOWN) {
			if (fstatat(dirfd(d), name, &sb, AT_SYMLINK_NOFOLLOW) != 0)
				continue;
			type = S_ISDIR(sb.st_mode) ? DT_DIR : S_ISLNK(sb.st_mode) ? DT_LNK
			     : S_ISREG(sb.st_mode) ? DT_REG : DT_UNKNOWN;
		}
		/* Directories are entered, symlinks to directories are not (an O=
		 * build's "source" link leads to the whole source tree); a symlink
		 * to an object is read, once. */
		if (type != DT_DIR && !((type == DT_REG || type == DT_LNK) && is_object_name(name)))
			continue;
		char *path = xrealloc(NULL, dlen + strlen(name) + 2);
		sprintf(path, "%s%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/", name);
		if (type == DT_DIR) {
			walk(path, depth + 1);
			free(path);
		} else if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && first_visit(&seen_files, &sb)) {
			PUSH(paths) = path;
		} else {
			free(path);
		}
	}
	closedir(d);
}

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* An O= build directory links its source tree as "source": paths in the
 * summaries are made relative to it. */
static void
find_srctree(const char *input)
{
	char buf[PATH_MAX], link[PATH_MAX];
	if (!realpath(input, buf))
		return;
	for (;;) {
		size_t n = strlen(buf);
		if (n + 8 >= sizeof(buf))
			return;
		strcpy(buf + n, "/source");
		ssize_t k = readlink(buf, link, sizeof(link) - 1);
		buf[n] = 0;
		if (k > 0) {
			link[k] = 0;
			char real[PATH_MAX];
			if (link[0] != '/' || !realpath(link, real))
				return;
			srctree = xstrdup(real);
			return;
		}
		char *slash = strrchr(buf, '/');
		if (!slash || slash == buf)
			return;
		*slash = 0;
	}
}

/* ------------------------------------------------------------ resolution */
static void
resolve_kinds(void)
{
	/* callees of every returned entry, and the reverse edges */
	uint32_t *ndeps = xcalloc(fns.n + 1, sizeof(*ndeps));
	for (size_t i = 0; i < rets.n; i++) {
		struct ret *e = &rets.a[i];
		if (!e->resolved) {
			e->callee = resolve(e->unit, e->callee);
			e->resolved = true;
		}
		if (e->callee != NONE)
			ndeps[e->callee]++;
	}
	uint32_t total = 0;
	for (size_t f = 0; f < fns.n; f++) {
		fns.a[f].deps = total;
		total += ndeps[f];
		fns.a[f].ndeps = 0;
	}
	uint32_t *deps = xcalloc(total + 1, sizeof(*deps));
	for (size_t f = 0; f < fns.n; f++)
		for (uint32_t r = fns.a[f].rets; r != NONE; r = rets.a[r].next)
			if (rets.a[r].callee != NONE) {
				struct fn *g = &fns.a[rets.a[r].callee];
				deps[g->deps + g->ndeps++] = f;
			}
	/* worklist to the fixed point: kinds only grow, three bits each */
	uint32_t *work = xcalloc(fns.n + 1, sizeof(*work));
	size_t head = 0, count = 0;
	for (size_t f = 0; f < fns.n; f++) {
		fns.a[f].kinds = fns.a[f].own;
		fns.a[f].queued = true;
		work[count++] = f;
	}
	while (count) {
		uint32_t f = work[head];
		head = (head + 1) % (fns.n + 1);
		count--;
		struct fn *p = &fns.a[f];
		p->queued = false;
		uint8_t k = p->own;
		for (uint32_t r = p->rets; r != NONE; r = rets.a[r].next)
			if (rets.a[r].callee != NONE)
				k |= fns.a[rets.a[r].callee].kinds & (rets.a[r].allowed | K_UNKNOWN);
			else
				k |= K_UNKNOWN;	/* a callee no summary defines */
		if (k == p->kinds)
			continue;
		p->kinds = k;
		for (uint32_t i = 0; i < p->ndeps; i++) {
			uint32_t g = deps[p->deps + i];
			if (!fns.a[g].queued) {
				fns.a[g].queued = true;
				work[(head + count) % (fns.n + 1)] = g;
				count++;
			}
		}
	}
	free(work);
	free(deps);
	free(ndeps);

	for (size_t m = 0; m < members.n; m++) {
		for (uint32_t s = members.a[m].stores; s != NONE; s = stores.a[s].next) {
			struct store *p = &stores.a[s];
			uint32_t f = p->resolved ? p->fn : map_get(&fn_map, KEY(GLOBAL, p->fn));
			if (f != NONE)
				members.a[m].kinds |= fns.a[f].kinds;
		}
	}
}

/* ------------------------------------------------------------ output */
struct rule {
	bool member;
	uint32_t name;
	char *line;
	unsigned lineno;	/* in the rules file */
};
static VEC(struct rule) rules;

static const char *
fails_of(uint8_t k)
{
	if ((k & K_NULL) && (k & K_ERR))
		return "both";
	if (k & K_NULL)
		return "null";
	if (k & K_ERR)
		return "err";
	return "none";
}

/* A path or name as one blank-free field of a rules line. */
static void
put_field(char *buf, size_t size, size_t *len, const char *s)
{
	for (; *s && *len + 1 < size; s++)
		buf[(*len)++] = ((unsigned char)*s <= ' ' || *s == '#' || *s == 0x7f) ? '?' : *s;
	buf[*len] = 0;
}

static void
put(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	if (n > 0)
		*len = *len + n < size ? *len + n : size - 1;
}

static void
add_rule(bool member, uint32_t name, uint8_t kinds, int nargs, const struct callers *c,
	 const struct fn *def)
{
	char buf[8192];
	size_t len = 0;
	const char *verdict = NULL;
	const struct site *sample = NULL;

	if (!writable_name(S(name), member)) {
		st.unwritable++;
		return;
	}
	if (c) {
		uint32_t is_err = c->count[T_IS_ERR], null = c->count[T_NULL], both = c->count[T_BOTH];
		uint32_t testing = is_err + null + both;
		/* A kind of test that 9 in 10 testing callers use is the
		 * contract; the rest are the bugs errptr is for (kzalloc has
		 * a few IS_ERR() callers among hundreds of NULL tests). */
		if (testing >= 10 && is_err * 10 >= testing * 9)
			null = both = 0;
		else if (testing >= 10 && null * 10 >= testing * 9)
			is_err = both = 0;
		else if (testing >= 10 && both * 10 >= testing * 9)
			is_err = null = 0;
		if (is_err + null + both) {
			if (is_err && !null && !both) {
				verdict = "is_err";
				sample = &c->sample[T_IS_ERR];
			} else if (null && !is_err && !both) {
				verdict = "null";
				sample = &c->sample[T_NULL];
			} else if (both && !is_err && !null) {
				verdict = "is_err_or_null";
				sample = &c->sample[T_BOTH];
			} else {
				verdict = "mixed";
				sample = is_err ? &c->sample[T_IS_ERR] : null ? &c->sample[T_NULL]
									  : &c->sample[T_BOTH];
			}
		} else {
			for (int t = 0; t < T_COUNT; t++)
				if (c->sample[t].caller != NONE &&
				    (!sample || site_cmp(&c->sample[t], sample) < 0))
					sample = &c->sample[t];
		}
	}
	/* No failure value was seen in the body.  The analysis proves kinds
	 * from constants, ERR_PTR() and contracts, not from loads (the slab
	 * allocators' NULL comes out of a freelist): when the callers agree
	 * on a test, they know the contract better; else "none" only if every
	 * return was seen ('u' absent), and no rule if not. */
	const char *fails = fails_of(kinds);
	if (!(kinds & (K_NULL | K_ERR))) {
		if (verdict && strcmp(verdict, "null") == 0)
			fails = "null";
		else if (verdict && strcmp(verdict, "is_err") == 0)
			fails = "err";
		else if (verdict && strcmp(verdict, "is_err_or_null") == 0)
			fails = "both";
		else if (kinds & K_UNKNOWN) {
			st.unwritable++;
			return;
		}
	}
	put(buf, sizeof(buf), &len, "%s %s fails=%s", member ? "member" : "func", S(name), fails);
	if (verdict)
		put(buf, sizeof(buf), &len, " callers=%s", verdict);
	if (nargs >= 0 && nargs <= 127)
		put(buf, sizeof(buf), &len, " args=%d", nargs);
	/* every definition's failures are its own (learn mode writes
	 * range_arg only when no returned callee may fail), each past a
	 * "too large" test of that argument */
	if (def && def->range_arg && def->range_arg <= nargs && (kinds & (K_NULL | K_ERR)))
		put(buf, sizeof(buf), &len, " range_arg=%d", def->range_arg);
	size_t before_where = len;
	if (sample) {
		put(buf, sizeof(buf), &len, " caller=");
		put_field(buf, sizeof(buf), &len, S(sample->file));
		put(buf, sizeof(buf), &len, ":%u:", sample->line);
		put_field(buf, sizeof(buf), &len, S(sample->caller));
	}
	if (def) {
		put(buf, sizeof(buf), &len, " src=");
		put_field(buf, sizeof(buf), &len, S(def->file));
		put(buf, sizeof(buf), &len, ":%u", def->line);
	}
	if (len > MAX_RULE_LINE - 100) {	/* absurd paths: keep the contract */
		len = before_where;
		buf[len] = 0;
	}
	static const struct callers zero;
	if (!c)
		c = &zero;
	put(buf, sizeof(buf), &len, "  # tests: is_err=%u null=%u both=%u none=%u returned=%u",
	    c->count[T_IS_ERR], c->count[T_NULL], c->count[T_BOTH], c->count[T_NONE],
	    c->count[T_RETURNED]);
	struct rule *r = &PUSH(rules);
	r->member = member;
	r->name = name;
	r->line = xstrdup(buf);
}

static int
rule_cmp(const void *a, const void *b)
{
	const struct rule *x = a, *y = b;
	if (x->member != y->member)
		return x->member ? 1 : -1;
	return strcmp(S(x->name), S(y->name));
}

static void
make_rules(void)
{
	for (size_t f = 0; f < fns.n; f++) {
		struct fn *p = &fns.a[f];
		if (p->unit != GLOBAL || !p->kinds)
			continue;	/* statics: names not unique; no kinds: nothing learned */
		uint32_t ci = map_get(&callee_map, p->name);
		add_rule(false, p->name, p->kinds, p->nargs, ci != NONE ? &callers.a[ci] : NULL, p);
	}
	for (size_t m = 0; m < members.n; m++) {
		struct member *p = &members.a[m];
		if (!p->kinds)
			continue;
		/* args: when every function stored into it agrees */
		int nargs = -2;
		for (uint32_t s = p->stores; s != NONE; s = stores.a[s].next) {
			struct store *q = &stores.a[s];
			uint32_t f = q->resolved ? q->fn : map_get(&fn_map, KEY(GLOBAL, q->fn));
			if (f == NONE)
				continue;
			if (nargs == -2)
				nargs = fns.a[f].nargs;
			else if (nargs != fns.a[f].nargs)
				nargs = -1;
		}
		add_rule(true, p->name, p->kinds, nargs < 0 ? -1 : nargs,
			 p->callers != NONE ? &callers.a[p->callers] : NULL, NULL);
	}
	if (rules.n)
		qsort(rules.a, rules.n, sizeof(*rules.a), rule_cmp);
	st.rules = rules.n;
}

/* Outputs are written to PATH.tmp.PID and renamed into place, so a reader
 * (a compilation looking names up in the index) never sees half a file.
 * Not so for what is not a regular file (/dev/null, a pipe): renaming would
 * replace it; NULL then, and the output is written to PATH itself. */
static char *
temp_name(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return NULL;
	char *tmp = xrealloc(NULL, strlen(path) + 32);
	sprintf(tmp, "%s.tmp.%ld", path, (long)getpid());
	return tmp;
}

static void
commit_file(const char *tmp, const char *path)
{
	if (rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		die("%s: cannot write: %s", path, strerror(e));
	}
}

static void
write_rules(const char *out, int ninputs, char **inputs, const char *index)
{
	FILE *f = stdout;
	char *tmp = NULL;
	if (out && strcmp(out, "-") != 0) {
		tmp = temp_name(out);
		f = fopen(tmp ? tmp : out, "w");
		if (!f)
			die("%s: cannot write: %s", tmp ? tmp : out, strerror(errno));
	}
	time_t now = time(NULL);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde)
		now = (time_t)strtoll(sde, NULL, 10);
	char date[64];
	strftime(date, sizeof(date), "%Y-%m-%d %H:%M UTC", gmtime(&now));
	unsigned lineno = 2;
	fprintf(f, "# Generated by errptr-merge on %s; do not edit (hand-written rules in\n"
		"# rules/*.rules win over these).  From the summaries of the objects under:\n", date);
	for (int i = 0; i < ninputs; i++, lineno++)
		fprintf(f, "#   %s\n", inputs[i]);
	if (srctree) {
		fprintf(f, "# Paths are relative to %s.\n", srctree);
		lineno++;
	}
	lineno += 2;
	fprintf(f, "# Coverage: %lu objects read, %lu with summaries (%lu units), %lu not learned, "
		"%lu skipped as bad;\n# %zu functions, %lu call sites, %zu members; %lu rules.%s%s\n",
		st.objects, st.learned, st.units - st.dup_units, st.not_learned, st.bad_objects,
		fns.n, st.sites - st.dup_sites, members.n, st.rules,
		index ? "  Index: " : "", index ? index : "");
	for (size_t i = 0; i < rules.n; i++) {
		fprintf(f, "%s\n", rules.a[i].line);
		rules.a[i].lineno = ++lineno;
	}
	if (fflush(f) != 0 || ferror(f) || (f != stdout && fclose(f) != 0)) {
		if (tmp)
			unlink(tmp);
		die("%s: write error: %s", out, strerror(errno));
	}
	if (tmp) {
		commit_file(tmp, out);
		free(tmp);
	}
}

static void
write_index(const char *path, const char *rules_name)
{
	char *tmp = temp_name(path);
	int fd = open(tmp ? tmp : path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		die("%s: cannot write: %s", tmp ? tmp : path, strerror(errno));
	struct cdb_make cm;
	bool ok = cdb_make_start(&cm, fd) == 0;
	char meta[PATH_MAX + 64];
	snprintf(meta, sizeof(meta), "%s\t%s\t%zu", INDEX_VERSION, rules_name ? rules_name : "-",
		 rules.n);
	ok = ok && cdb_make_add(&cm, INDEX_META_KEY, strlen(INDEX_META_KEY), meta, strlen(meta)) == 0;
	for (size_t i = 0; ok && i < rules.n; i++) {
		char key[MAX_NAME + 16];
		int kn = snprintf(key, sizeof(key), "%s:%s", rules.a[i].member ? "member" : "func",
				  S(rules.a[i].name));
		/* the value: "LINE\tRULE", LINE its line in the rules file */
		char *val = xrealloc(NULL, strlen(rules.a[i].line) + 16);
		int vn = sprintf(val, "%u\t%s", rules.a[i].lineno, rules.a[i].line);
		ok = cdb_make_add(&cm, key, kn, val, vn) == 0;
		free(val);
	}
	ok = ok && cdb_make_finish(&cm) == 0;
	int e = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (!ok) {
		if (tmp)
			unlink(tmp);
		die("%s: write error: %s", path, strerror(e));
	}
	if (tmp) {
		commit_file(tmp, path);
		free(tmp);
	}
}

/* errptr-merge --query INDEX NAME...: the rule line of each name. */
static int
query(const char *path, int n, char **names)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct cdb c;
	if (fd < 0) {
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
		return 1;
	}
	if (cdb_init(&c, fd) != 0 || cdb_find(&c, INDEX_META_KEY, strlen(INDEX_META_KEY)) <= 0) {
		fprintf(stderr, "%s: %s: not an errptr index (corrupt?)\n", prog, path);
		return 1;
	}
	int status = 0;
	for (int i = 0; i < n; i++) {
		char key[MAX_NAME + 16];
		const char *kind = strchr(names[i], '.') ? "member" : "func";
		int kn = snprintf(key, sizeof(key), "%s:%s", kind, names[i]);
		int r = kn < (int)sizeof(key) ? cdb_find(&c, key, kn) : 0;
		const char *v = r > 0 ? cdb_getdata(&c) : NULL;
		if (r < 0 || (r > 0 && !v)) {
			fprintf(stderr, "%s: %s: corrupt index\n", prog, path);
			return 1;
		}
		if (!v) {
			fprintf(stderr, "%s: %s: no rule\n", prog, names[i]);
			status = 1;
			continue;
		}
		const char *tab = memchr(v, '\t', cdb_datalen(&c));
		unsigned skip = tab ? tab + 1 - v : 0;
		printf("%.*s\n", (int)(cdb_datalen(&c) - skip), v + skip);
	}
	cdb_free(&c);
	close(fd);
	return status;
}

/* ------------------------------------------------------------ main */
static double
seconds(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return tv.tv_sec + tv.tv_usec / 1e6;
}

static void
usage(FILE *f)
{
	fprintf(f,
		"usage: %s [-o OUT.rules] [--index OUT.cdb] [--srctree DIR] [--coverage] [--progress]\n"
		"                    DIR_OR_OBJ...\n"
		"       %s --query INDEX.cdb NAME|STRUCT.FIELD...\n"
		"Merge the summaries errptr's learn mode left in the objects' %s sections\n"
		"(every *.o under each DIR; symlinks to directories are not followed) into rules.\n"
		"  -o FILE        write the rules to FILE (default: standard output)\n"
		"  --index FILE   also write a cdb index of the rules (func:NAME, member:S.F)\n"
		"  --srctree DIR  write paths relative to DIR (default: the target of a 'source'\n"
		"                 link in an input directory or above it, as in O= kernel builds)\n"
		"  --coverage     print what was read and written\n"
		"  --progress     print a progress line every 1000 objects (standard error)\n",
		prog, prog, SECTION_NAME);
}

#ifdef ERRPTR_MERGE_FUZZ
/* ------------------------------------------------------------ fuzzing
 * For tools/fuzz/fuzz_summary.c (built with -DERRPTR_MERGE_FUZZ, without
 * main): sections' contents through the same header check, record parser,
 * resolution and rules as read_object() and main(), without ELF files.
 *   errptr_merge_reset()          forget everything read
 *   errptr_merge_parse_section()  one object's section: 1 read, 0 skipped
 *   errptr_merge_finish()         resolve and make the rules: their number
 *   errptr_merge_rule(i)          the text of rule I */
#define VEC_FREE(v) (free((v).a), memset(&(v), 0, sizeof(v)))

static void
map_free(struct map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

void
errptr_merge_reset(void)
{
	free(pool);
	pool = NULL;
	pool_len = pool_cap = 0;
	VEC_FREE(str_off);
	free(str_tab);
	str_tab = NULL;
	str_tab_size = 0;
	free(tuples.a);
	memset(&tuples, 0, sizeof(tuples));
	map_free(&fn_map);
	map_free(&member_map);
	map_free(&callee_map);
	map_free(&unit_seen);
	VEC_FREE(fns);
	VEC_FREE(rets);
	VEC_FREE(members);
	VEC_FREE(stores);
	VEC_FREE(callers);
	VEC_FREE(uf);
	VEC_FREE(ur);
	VEC_FREE(uc);
	VEC_FREE(um);
	for (size_t i = 0; i < rules.n; i++)
		free(rules.a[i].line);
	VEC_FREE(rules);
	memset(&st, 0, sizeof(st));
}

int
errptr_merge_parse_section(const char *data, size_t len)
{
	struct object o = { "fuzz.o", 0, 0 };
	if (!check_headers(&o, data, len))
		return 0;
	parse_units(&o, data, len);
	return 1;
}

size_t
errptr_merge_finish(void)
{
	resolve_kinds();
	make_rules();
	return rules.n;
}

const char *
errptr_merge_rule(size_t i)
{
	return i < rules.n ? rules.a[i].line : NULL;
}
#else
int
main(int argc, char **argv)
{
	const char *out = NULL, *index = NULL;
	bool coverage = false, progress = false;
	VEC(char *) inputs = { 0 };

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--query") == 0) {
			if (i != 1 || argc < 4) {
				usage(stderr);
				return 2;
			}
			return query(argv[2], argc - 3, argv + 3);
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--index") == 0 ||
			   strcmp(a, "--srctree") == 0) {
			if (i + 1 >= argc || !*argv[i + 1]) {
				fprintf(stderr, "%s: %s needs an argument\n", prog, a);
				return 2;
			}
			const char *v = argv[++i];
			if (a[1] == 'o')
				out = v;
			else if (a[2] == 'i')
				index = v;
			else
				srctree = v;
		} else if (strcmp(a, "--coverage") == 0) {
			coverage = true;
		} else if (strcmp(a, "--progress") == 0) {
			progress = true;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--") == 0) {
			for (i++; i < argc; i++)
				PUSH(inputs) = argv[i];
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "%s: unknown option '%s'\n", prog, a);
			usage(stderr);
			return 2;
		} else {
			PUSH(inputs) = argv[i];
		}
	}
	if (!inputs.n) {
		usage(stderr);
		return 2;
	}
	if (elf_version(EV_CURRENT) == EV_NONE)
		die("libelf: %s", elf_errmsg(-1));

	double t0 = seconds();
	for (size_t i = 0; i < inputs.n; i++) {
		struct stat sb;
		if (stat(inputs.a[i], &sb) != 0)
			die("%s: %s", inputs.a[i], strerror(errno));
		if (!srctree && S_ISDIR(sb.st_mode))
			find_srctree(inputs.a[i]);
		if (S_ISDIR(sb.st_mode))
			walk(inputs.a[i], 0);
		else if (first_visit(&seen_files, &sb))
			PUSH(paths) = xstrdup(inputs.a[i]);
	}
	if (srctree) {
		char real[PATH_MAX];
		const char *s = realpath(srctree, real) ? real : srctree;
		size_t n = strlen(s);
		char *t = xrealloc(NULL, n + 2);
		sprintf(t, "%s%s", s, n && s[n - 1] == '/' ? "" : "/");
		srctree = t;
		srctree_len = strlen(t);
	}
	if (paths.n)
		qsort(paths.a, paths.n, sizeof(*paths.a), path_cmp);
	if (progress)
		fprintf(stderr, "%s: %zu objects to read\n", prog, paths.n);
	for (size_t i = 0; i < paths.n; i++) {
		read_object(paths.a[i]);
		if (progress && (i + 1) % 1000 == 0)
			fprintf(stderr, "%s: %zu/%zu objects read, %lu with summaries, %.1fs\n", prog,
				i + 1, paths.n, st.learned, seconds() - t0);
	}
	resolve_kinds();
	make_rules();
	if (srctree) {		/* for the header: without the trailing '/' */
		char *s = (char *)srctree;
		if (srctree_len > 1)
			s[srctree_len - 1] = 0;
	}
	write_rules(out, inputs.n, inputs.a, index);
	if (index) {
		const char *base = out ? strrchr(out, '/') : NULL;
		write_index(index, base ? base + 1 : out);
	}
	if (coverage) {
		FILE *f = out && strcmp(out, "-") != 0 ? stdout : stderr;
		fprintf(f, "objects read:            %lu\n", st.objects);
		fprintf(f, "objects with summaries:  %lu (%.1f%%)\n", st.learned,
			st.objects ? 100.0 * st.learned / st.objects : 0.0);
		fprintf(f, "objects not learned:     %lu\n", st.not_learned);
		fprintf(f, "objects skipped (bad):   %lu\n", st.bad_objects);
		fprintf(f, "units:                   %lu (%lu repeated in ld -r objects, read once)\n",
			st.units - st.dup_units, st.dup_units);
		fprintf(f, "malformed records:       %lu\n", st.malformed);
		fprintf(f, "functions:               %zu\n", fns.n);
		fprintf(f, "call sites:              %lu (%lu of statics)\n",
			st.sites - st.dup_sites, st.static_sites);
		fprintf(f, "members:                 %zu (%lu stores)\n", members.n, st.stores);
		fprintf(f, "rules written:           %lu%s\n", st.rules,
			st.unwritable ? " (some names cannot be written as rules)" : "");
		fprintf(f, "time:                    %.1fs\n", seconds() - t0);
	}
	return 0;
}
#endif /* ERRPTR_MERGE_FUZZ */
