/*
 * read_summary.c - the text of one object's .discard.errptr section into the facts
 * (merge.h): the headers checked first (a section of another format version is skipped
 * whole), then each unit's records parsed, checked and taken.  A malformed record is
 * reported as "OBJECT: line N: ..." and skipped; the rest of the unit still counts.
 * An "ld -r" object repeats the units of its parts: a unit already read is skipped.
 */
#define _GNU_SOURCE	/* memrchr */
#include "merge.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MESSAGES	20		/* malformed-record messages per object */

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
	stats.malformed++;
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

/* The records of one unit, parsed, before they are resolved. */
struct rec_f { uint32_t name, file, line, nargs, range_arg; bool is_static; uint8_t own; uint32_t rets; };
struct rec_r { uint32_t callee; uint8_t allowed; };
struct rec_c { uint32_t callee, caller, file, line; enum summary_test test; bool member; };
struct rec_m { uint32_t member, fn, file, line; };
static VEC(struct rec_f) uf;
static VEC(struct rec_r) ur;		/* RETURNED fields of uf, in order */
static VEC(struct rec_c) uc;
static VEC(struct rec_m) um;

static void
parse_record(struct object *o, const char *line, size_t n)
{
	struct summary_field f[SUMMARY_MAX_FIELDS];
	int nf = summary_split(line, n, f);

	stats.records++;
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
		if (!summary_parse_kinds(f[5].s, f[5].n, &r.own)) {
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
			    !summary_parse_kinds(colon + 1, f[i].n - (colon + 1 - f[i].s), &rr.allowed)) {
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
		int t = summary_test_of(f[4].s, f[4].n);
		if (t < 0) {
			malformed(o, "C record: test '%.*s', expected is_err, null, both, none or returned",
				  (int)(f[4].n > 40 ? 40 : f[4].n), f[4].s);
			return;
		}
		r.test = (enum summary_test)t;
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
		stats.sites++;
		if (p->member) {
			uint32_t m = member_of(p->callee);
			if (!tuple_insert(p->callee, p->caller, p->file, p->line)) {
				stats.dup_sites++;
				continue;
			}
			if (members.a[m].callers == NONE) {
				ci = new_callers();
				members.a[m].callers = ci;
			}
			ci = members.a[m].callers;
		} else {
			if (map_get(&fn_map, KEY(unit, p->callee)) != NONE) {
				stats.static_sites++;	/* statics get no rule */
				continue;
			}
			if (!tuple_insert(p->callee, p->caller, p->file, p->line)) {
				stats.dup_sites++;
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
		stats.stores++;
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
			struct summary_field f[SUMMARY_MAX_FIELDS];
			int nf = summary_split(p, n, f);
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
			stats.units++;
			if (map_get(&unit_seen, h) != NONE) {
				skipping = true;
				stats.dup_units++;
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
				"header; object skipped\n", o->path, line, SUMMARY_SECTION, SUMMARY_MAGIC);
			return false;
		}
		first = false;
		if (header) {
			struct summary_field f[SUMMARY_MAX_FIELDS];
			int nf = summary_split(p, n, f);
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
		fprintf(stderr, "%s: error: section %s is empty; object skipped\n", o->path, SUMMARY_SECTION);
		return false;
	}
	return true;
}

bool
read_summary(const char *path, const char *text, size_t len)
{
	struct object o = { path, 0, 0 };
	if (!check_headers(&o, text, len))
		return false;
	parse_units(&o, text, len);
	if (o.messages > MAX_MESSAGES)
		fprintf(stderr, "%s: %u malformed records in all\n", path, o.messages);
	return true;
}

void
read_summary_reset(void)
{
	map_free(&unit_seen);
	VEC_FREE(uf);
	VEC_FREE(ur);
	VEC_FREE(uc);
	VEC_FREE(um);
}
