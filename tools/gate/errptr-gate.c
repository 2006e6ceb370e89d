/*
 * errptr-gate - fail a build on errptr findings that are not in its baseline.
 *
 *   errptr-gate [--baseline FILE] [--root DIR] [--fail-on LEVEL]
 *               [--update | --list] [--merge FILE] [--json FILE] [-q]
 *               SARIF-OR-DIR...
 *   errptr-gate --version
 *
 * Reads the SARIF logs that -fplugin-arg-errptr-sarif=FILE wrote (files, or
 * directories searched recursively for *.sarif) and the baseline FILE
 * (default errptr-baseline.txt), prints every finding that is not in the
 * baseline in compiler style, with the level the plugin gave it,
 *
 *   file:line:col: warning: message [errptr-CHECK]
 *   file:line:col: note: ...                         (its notes)
 *
 * and exits 0 when none of them is at LEVEL or above (--fail-on: error,
 * warning or note; default warning: a new note alone passes), 1 when one is,
 * 2 on a usage or input error (no SARIF log found, a log that does not
 * parse, ...).  --update
 * writes the baseline from the logs instead (every current finding is
 * accepted) and exits 0.  --merge FILE also writes the findings of all logs
 * as one SARIF log with a single run (what GitHub code scanning accepts):
 * files relative to --root, partialFingerprints the gate's keys, and
 * baselineState "new" or "unchanged".  --json FILE writes them as a flat
 * JSON array instead, one object per finding (file, line, column, level,
 * tag, function, message, notes).  --list prints every finding with its own
 * level (error, warning, note), reads no baseline and exits 0: the report
 * of "make validate".
 *
 * A finding's key does not depend on line numbers: it is the one sarif.c
 * puts in partialFingerprints "errptr/v1" (lib/fingerprint.c, shared with
 * the plugin: a hash of ruleId, file, enclosing function and message with
 * line numbers removed, then ":K", the rank among the findings with the
 * same hash in source order).  The gate computes it again with the file
 * relative to --root (default: the current directory), so that a baseline
 * written in one checkout holds in another (out-of-tree modules are
 * compiled from the kernel's directory and their logs name files by
 * absolute path).
 *
 * Every unit of a build with "-fplugin-arg-errptr-sarif=DIR/%p.sarif" writes
 * its own log, named after its pid; a unit compiled again leaves its old log
 * behind.  Each log names its unit (the artifact with role analysisTarget):
 * of several logs of one unit, only the newest counts.  Findings reported by
 * several units (in a header) count once.
 *
 * Plain C99 and POSIX, no library but errptr's lib/ (strings, JSON output,
 * paths, the fingerprint): the JSON reader is a small DOM parser.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* lib/: shared with the plugin's SARIF writer */
#include "die.h"
#include "fingerprint.h"
#include "json_write.h"
#include "path.h"
#include "sbuf.h"

#define DEFAULT_BASELINE "errptr-baseline.txt"

/* errptr's version, the file VERSION: the Makefile passes it (-DERRPTR_VERSION). */
#ifndef ERRPTR_VERSION
#define ERRPTR_VERSION "unknown (built without errptr's Makefile)"
#endif

static const char *progname = "errptr-gate";

/* ---- a small JSON reader -------------------------------------------------- */
enum jtype { J_NULL, J_FALSE, J_TRUE, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };

struct jval {
	enum jtype type;
	char *str;		/* J_STRING: decoded text; J_NUMBER: its text */
	char *key;		/* a member of an object: its name */
	struct jval *child;	/* J_ARRAY, J_OBJECT: first element or member */
	struct jval *next;
};

struct jparser {
	const char *s, *end, *file;
	const char *error;
	const char *error_at;
	int depth;
};

static void
jfail(struct jparser *p, const char *what)
{
	if (!p->error) {
		p->error = what;
		p->error_at = p->s;
	}
}

static void
jskip(struct jparser *p)
{
	while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r'))
		p->s++;
}

static void
put_utf8(struct sbuf *b, unsigned long cp)
{
	char u[4];
	if (cp < 0x80) {
		u[0] = (char)cp;
		sb_add(b, u, 1);
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3f));
		sb_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		sb_add(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		sb_add(b, u, 4);
	}
}

static int
hex4(const char *s, const char *end, unsigned long *out)
{
	unsigned long v = 0;
	if (end - s < 4)
		return 0;
	for (int i = 0; i < 4; i++) {
		int c = (unsigned char)s[i], d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return 0;
		v = v * 16 + d;
	}
	*out = v;
	return 1;
}

/* A JSON string at p->s (the opening quote), decoded to UTF-8; \u0000 and
 * lone surrogates become U+FFFD. */
static char *
jstring(struct jparser *p)
{
	struct sbuf b = { 0 };
	p->s++;
	while (p->s < p->end && *p->s != '"') {
		unsigned char c = (unsigned char)*p->s;
		if (c < 0x20) {
			jfail(p, "control character in a string");
			break;
		}
		if (c != '\\') {
			sb_add(&b, p->s++, 1);
			continue;
		}
		if (p->s + 1 >= p->end) {
			jfail(p, "unterminated string");
			break;
		}
		char e = p->s[1];
		p->s += 2;
		switch (e) {
		case '"': sb_putc(&b, '"'); break;
		case '\\': sb_putc(&b, '\\'); break;
		case '/': sb_putc(&b, '/'); break;
		case 'b': sb_putc(&b, '\b'); break;
		case 'f': sb_putc(&b, '\f'); break;
		case 'n': sb_putc(&b, '\n'); break;
		case 'r': sb_putc(&b, '\r'); break;
		case 't': sb_putc(&b, '\t'); break;
		case 'u': {
			unsigned long cp, lo;
			if (!hex4(p->s, p->end, &cp)) {
				jfail(p, "bad \\u escape");
				break;
			}
			p->s += 4;
			if (cp >= 0xd800 && cp <= 0xdbff && p->end - p->s >= 6 && p->s[0] == '\\' &&
			    p->s[1] == 'u' && hex4(p->s + 2, p->end, &lo) && lo >= 0xdc00 && lo <= 0xdfff) {
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				p->s += 6;
			} else if ((cp >= 0xd800 && cp <= 0xdfff) || cp == 0) {
				cp = 0xfffd;
			}
			put_utf8(&b, cp);
			break;
		}
		default:
			jfail(p, "bad escape in a string");
			break;
		}
		if (p->error)
			break;
	}
	if (!p->error && p->s >= p->end)
		jfail(p, "unterminated string");
	if (p->error) {
		free(b.p);
		return NULL;
	}
	p->s++;
	return sb_take(&b);
}

static struct jval *jvalue(struct jparser *p);

static struct jval *
jnew(enum jtype t)
{
	struct jval *v = die_malloc(sizeof(*v));
	memset(v, 0, sizeof(*v));
	v->type = t;
	return v;
}

static bool
jliteral(struct jparser *p, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(p->end - p->s) >= n && memcmp(p->s, word, n) == 0) {
		p->s += n;
		return true;
	}
	return false;
}

static struct jval *
jvalue(struct jparser *p)
{
	jskip(p);
	if (p->s >= p->end) {
		jfail(p, "unexpected end of file");
		return NULL;
	}
	if (++p->depth > 200) {
		jfail(p, "nested too deeply");
		return NULL;
	}
	struct jval *v = NULL;
	char c = *p->s;
	if (c == '{' || c == '[') {
		v = jnew(c == '{' ? J_OBJECT : J_ARRAY);
		char close = c == '{' ? '}' : ']';
		struct jval **tail = &v->child;
		p->s++;
		jskip(p);
		if (p->s < p->end && *p->s == close) {
			p->s++;
		} else {
			for (;;) {
				char *key = NULL;
				if (v->type == J_OBJECT) {
					jskip(p);
					if (p->s >= p->end || *p->s != '"') {
						jfail(p, "expected a member name");
						break;
					}
					key = jstring(p);
					if (!key)
						break;
					jskip(p);
					if (p->s >= p->end || *p->s != ':') {
						free(key);
						jfail(p, "expected ':'");
						break;
					}
					p->s++;
				}
				struct jval *item = jvalue(p);
				if (!item) {
					free(key);
					break;
				}
				item->key = key;
				*tail = item;
				tail = &item->next;
				jskip(p);
				if (p->s < p->end && *p->s == ',') {
					p->s++;
					continue;
				}
				if (p->s < p->end && *p->s == close) {
					p->s++;
					break;
				}
				jfail(p, v->type == J_OBJECT ? "expected ',' or '}'" : "expected ',' or ']'");
				break;
			}
		}
	} else if (c == '"') {
		char *s = jstring(p);
		if (s) {
			v = jnew(J_STRING);
			v->str = s;
		}
	} else if (c == '-' || (c >= '0' && c <= '9')) {
		const char *start = p->s;
		p->s++;
		while (p->s < p->end && (isdigit((unsigned char)*p->s) || *p->s == '.' || *p->s == 'e' ||
					 *p->s == 'E' || *p->s == '+' || *p->s == '-'))
			p->s++;
		v = jnew(J_NUMBER);
		v->str = die_malloc(p->s - start + 1);
		memcpy(v->str, start, p->s - start);
		v->str[p->s - start] = 0;
	} else if (jliteral(p, "true")) {
		v = jnew(J_TRUE);
	} else if (jliteral(p, "false")) {
		v = jnew(J_FALSE);
	} else if (jliteral(p, "null")) {
		v = jnew(J_NULL);
	} else {
		jfail(p, "unexpected character");
	}
	p->depth--;
	return p->error ? NULL : v;
}

/* Values are never freed: the gate is a short-lived process. */
static const struct jval *
jget(const struct jval *v, const char *key)
{
	if (!v || v->type != J_OBJECT)
		return NULL;
	for (const struct jval *m = v->child; m; m = m->next)
		if (strcmp(m->key, key) == 0)
			return m;
	return NULL;
}

static const struct jval *
jat(const struct jval *v, int index)
{
	if (!v || v->type != J_ARRAY)
		return NULL;
	for (const struct jval *e = v->child; e; e = e->next)
		if (index-- == 0)
			return e;
	return NULL;
}

static const char *
jstr(const struct jval *v)
{
	return v && v->type == J_STRING ? v->str : NULL;
}

static long
jint(const struct jval *v, long dflt)
{
	return v && v->type == J_NUMBER ? strtol(v->str, NULL, 10) : dflt;
}

/* ---- paths and URIs -------------------------------------------------------- */
static char *cwd;	/* the current directory */
static char *root;	/* --root, absolute */

/* ABS relative to DIR, or ABS itself when it is not under DIR. */
static const char *
relative_to(const char *abs, const char *dir)
{
	const char *rel = path_below(abs, dir);
	return rel ? rel : abs;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static char *
percent_decode(const char *s)
{
	struct sbuf b = { 0 };
	for (; *s; s++) {
		int h, l;
		if (s[0] == '%' && (h = hexval((unsigned char)s[1])) >= 0 &&
		    (l = hexval((unsigned char)s[2])) >= 0) {
			sb_putc(&b, (char)(h * 16 + l));
			s += 2;
		} else {
			sb_putc(&b, *s);
		}
	}
	return sb_take(&b);
}

/* The local path of a file: URI ("file:///a/b", "file://localhost/a/b"),
 * or NULL. */
static char *
file_uri_path(const char *uri)
{
	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	const char *path = uri + 7;
	if (strncmp(path, "localhost/", 10) == 0)
		path += 9;
	if (path[0] != '/')
		return NULL;
	return percent_decode(path);
}

/* ---- logs and findings ----------------------------------------------------- */
struct note {
	char *file;	/* as printed */
	long line, column;
	char *text;
};

struct finding {
	char *rule;
	char *level;
	char *file;	/* relative to root, else absolute: part of the key */
	char *shown;	/* relative to the current directory, else absolute: printed */
	long line, column;
	char *function;
	char *message;
	char *msgkey;	/* message with line numbers removed */
	struct note *notes;
	int nnotes;
	unsigned long long hash;
	char key[FINGERPRINT_KEY_SIZE];	/* "HASH:K" */
	bool fresh;	/* not in the baseline */
	const struct jval *result, *run;	/* where it was read, for --merge */
};

struct log {
	char *path;
	char *unit;	/* absolute path of its main file, or NULL */
	struct timespec mtime;
	bool failed;	/* invocations[0].executionSuccessful == false */
	struct finding *findings;
	size_t n;
	bool stale;	/* a newer log of the same unit exists */
};

static struct log *logs;
static size_t nlogs;

/* Resolve an artifactLocation of RUN to an absolute path. */
static char *
artifact_path(const struct jval *run, const struct jval *al)
{
	const char *uri = jstr(jget(al, "uri"));
	const char *base_id = jstr(jget(al, "uriBaseId"));
	if (!uri)
		return NULL;
	char *path = file_uri_path(uri);
	if (path) {
		char *abs = path_absolute(path, "/");
		free(path);
		return abs;
	}
	char *rel = percent_decode(uri);
	const char *base = cwd;
	char *base_path = NULL;
	if (base_id) {
		const struct jval *b = jget(jget(run, "originalUriBaseIds"), base_id);
		const char *buri = jstr(jget(b, "uri"));
		if (buri && (base_path = file_uri_path(buri)))
			base = base_path;
	}
	char *abs = path_absolute(rel, base);
	free(rel);
	free(base_path);
	return abs;
}

static void
physical(const struct jval *run, const struct jval *loc, char **abs, long *line, long *col)
{
	const struct jval *pl = jget(loc, "physicalLocation");
	const struct jval *region = jget(pl, "region");
	*abs = artifact_path(run, jget(pl, "artifactLocation"));
	*line = jint(jget(region, "startLine"), 0);
	*col = jint(jget(region, "startColumn"), 0);
}

static void
read_run(struct log *log, const struct jval *run)
{
	const struct jval *driver = jget(jget(run, "tool"), "driver");
	const char *name = jstr(jget(driver, "name"));
	if (!name || strcmp(name, "errptr") != 0)
		return;
	const struct jval *inv = jat(jget(run, "invocations"), 0);
	if (inv && jget(inv, "executionSuccessful") && jget(inv, "executionSuccessful")->type == J_FALSE)
		log->failed = true;
	for (const struct jval *a = jget(run, "artifacts") ? jget(run, "artifacts")->child : NULL; a;
	     a = a->next) {
		const struct jval *roles = jget(a, "roles");
		for (const struct jval *r = roles ? roles->child : NULL; r; r = r->next) {
			if (jstr(r) && strcmp(jstr(r), "analysisTarget") == 0 && !log->unit)
				log->unit = artifact_path(run, jget(a, "location"));
		}
	}
	const struct jval *results = jget(run, "results");
	for (const struct jval *res = results ? results->child : NULL; res; res = res->next) {
		struct finding f;
		memset(&f, 0, sizeof(f));
		const char *rule = jstr(jget(res, "ruleId"));
		const char *level = jstr(jget(res, "level"));
		const char *text = jstr(jget(jget(res, "message"), "text"));
		if (!rule || !text) {
			fprintf(stderr, "%s: %s: a result without ruleId or message.text, ignored\n",
				progname, log->path);
			continue;
		}
		f.rule = die_strdup(rule);
		f.level = die_strdup(level ? level : "warning");
		f.message = die_strdup(text);
		f.msgkey = fingerprint_message_key(text);
		const struct jval *loc = jat(jget(res, "locations"), 0);
		char *abs = NULL;
		physical(run, loc, &abs, &f.line, &f.column);
		f.file = die_strdup(abs ? relative_to(abs, root) : "");
		f.shown = die_strdup(abs ? relative_to(abs, cwd) : "");
		free(abs);
		const char *fn = jstr(jget(jat(jget(loc, "logicalLocations"), 0), "name"));
		f.function = die_strdup(fn ? fn : "");
		const struct jval *rel = jget(res, "relatedLocations");
		for (const struct jval *r = rel ? rel->child : NULL; r; r = r->next) {
			struct note n;
			char *nabs = NULL;
			physical(run, r, &nabs, &n.line, &n.column);
			const char *ntext = jstr(jget(jget(r, "message"), "text"));
			n.file = die_strdup(nabs ? relative_to(nabs, cwd) : f.shown);
			n.text = die_strdup(ntext ? ntext : "");
			if (!nabs) {
				n.line = f.line;
				n.column = f.column;
			}
			free(nabs);
			f.notes = die_realloc(f.notes, (f.nnotes + 1) * sizeof(*f.notes));
			f.notes[f.nnotes++] = n;
		}
		f.hash = fingerprint_hash(f.rule, f.file, f.function, f.msgkey);
		f.result = res;
		f.run = run;
		log->findings = die_realloc(log->findings, (log->n + 1) * sizeof(*log->findings));
		log->findings[log->n++] = f;
	}
}

static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die("cannot read %s: %s", path, strerror(errno));
	struct sbuf b = { 0 };
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_add(&b, buf, n);
	if (ferror(f))
		die("cannot read %s: %s", path, strerror(errno));
	fclose(f);
	*len = b.len;
	return sb_take(&b);
}

static void
read_log(const char *path)
{
	size_t len;
	char *text = read_file(path, &len);
	struct jparser p = { text, text + len, path, NULL, NULL, 0 };
	struct jval *top = jvalue(&p);
	if (top) {
		jskip(&p);
		if (p.s != p.end)
			jfail(&p, "text after the JSON value");
	}
	if (p.error) {
		int line = 1;
		for (const char *s = text; s < p.error_at; s++)
			line += *s == '\n';
		die("%s:%d: not a SARIF log: %s", path, line, p.error);
	}
	const char *version = jstr(jget(top, "version"));
	const struct jval *runs = jget(top, "runs");
	if (!version || !runs || runs->type != J_ARRAY)
		die("%s: not a SARIF log (no version or runs)", path);
	if (strcmp(version, "2.1.0") != 0)
		die("%s: SARIF version %s, expected 2.1.0", path, version);

	struct stat st;
	struct log log;
	memset(&log, 0, sizeof(log));
	log.path = die_strdup(path);
	if (stat(path, &st) == 0)
		log.mtime = st.st_mtim;
	for (const struct jval *run = runs->child; run; run = run->next)
		read_run(&log, run);
	logs = die_realloc(logs, (nlogs + 1) * sizeof(*logs));
	logs[nlogs++] = log;
	free(text);
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Every *.sarif file below DIR, in name order (symbolic links to
 * directories are not followed). */
static void
read_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		die("cannot read directory %s: %s", dir, strerror(errno));
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = die_realloc(names, (n + 1) * sizeof(*names));
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		names[n] = die_malloc(len);
		snprintf(names[n], len, "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), compare_strings);
	for (size_t i = 0; i < n; i++) {
		struct stat st, lst;
		if (stat(names[i], &st) != 0 || lstat(names[i], &lst) != 0)
			continue;
		if (S_ISDIR(st.st_mode) && !S_ISLNK(lst.st_mode))	/* no link loops */
			read_dir(names[i]);
		else if (S_ISREG(st.st_mode) && ends_with(names[i], ".sarif"))
			read_log(names[i]);
		free(names[i]);
	}
	free(names);
}

static bool
newer(struct timespec a, struct timespec b)
{
	return a.tv_sec != b.tv_sec ? a.tv_sec > b.tv_sec : a.tv_nsec > b.tv_nsec;
}

/* Of several logs of one unit, only the newest counts (the last read on a tie). */
static void
drop_stale_logs(void)
{
	for (size_t i = 0; i < nlogs; i++) {
		if (!logs[i].unit)
			continue;
		for (size_t j = 0; j < nlogs; j++) {
			if (i == j || !logs[j].unit || strcmp(logs[i].unit, logs[j].unit) != 0)
				continue;
			if (newer(logs[j].mtime, logs[i].mtime) ||
			    (!newer(logs[i].mtime, logs[j].mtime) && j > i))
				logs[i].stale = true;
		}
	}
}

/* ---- keys and the baseline --------------------------------------------------- */
static struct finding **all;
static size_t nall;

static int
compare_findings(const void *pa, const void *pb)
{
	const struct finding *a = *(struct finding *const *)pa, *b = *(struct finding *const *)pb;
	int c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	if ((c = strcmp(a->rule, b->rule)))
		return c;
	return strcmp(a->message, b->message);
}

static bool
same_finding(const struct finding *a, const struct finding *b)
{
	return compare_findings(&a, &b) == 0;
}

static void
collect(void)
{
	for (size_t i = 0; i < nlogs; i++) {
		if (logs[i].stale)
			continue;
		if (logs[i].failed)
			fprintf(stderr, "%s: %s: the unit %s had compilation errors; its findings may be "
				"incomplete\n", progname, logs[i].path, logs[i].unit ? logs[i].unit : "?");
		for (size_t j = 0; j < logs[i].n; j++) {
			all = die_realloc(all, (nall + 1) * sizeof(*all));
			all[nall++] = &logs[i].findings[j];
		}
	}
	qsort(all, nall, sizeof(*all), compare_findings);
	size_t out = 0;
	for (size_t i = 0; i < nall; i++) {
		if (out > 0 && same_finding(all[out - 1], all[i]))
			continue;	/* a header's finding, from another unit */
		all[out++] = all[i];
	}
	nall = out;
	unsigned long long *hash = die_malloc((nall + 1) * sizeof(*hash));
	for (size_t i = 0; i < nall; i++)
		hash[i] = all[i]->hash;
	for (size_t i = 0; i < nall; i++)
		fingerprint_key(all[i]->key, all[i]->hash, fingerprint_rank(hash, i));
	free(hash);
}

struct entry {
	char *key;
	char *line;
	bool seen;
};

static struct entry *baseline;
static size_t nbaseline;

static void
read_baseline(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return;
		die("cannot read the baseline %s: %s", path, strerror(errno));
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) >= 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = 0;
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		size_t klen = strcspn(p, " \t");
		baseline = die_realloc(baseline, (nbaseline + 1) * sizeof(*baseline));
		baseline[nbaseline].key = die_malloc(klen + 1);
		memcpy(baseline[nbaseline].key, p, klen);
		baseline[nbaseline].key[klen] = 0;
		baseline[nbaseline].line = die_strdup(p);
		baseline[nbaseline].seen = false;
		nbaseline++;
	}
	free(line);
	fclose(f);
}

static bool
in_baseline(const char *key)
{
	bool found = false;
	for (size_t i = 0; i < nbaseline; i++) {
		if (strcmp(baseline[i].key, key) == 0) {
			baseline[i].seen = true;
			found = true;
		}
	}
	return found;
}

/* A field of a baseline line: backslash, tab and newline escaped. */
static void
put_field(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\\\", f);
		else if (*s == '\t')
			fputs("\\t", f);
		else if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\r')
			fputs("\\r", f);
		else
			fputc(*s, f);
	}
}

static int
compare_for_baseline(const void *pa, const void *pb)
{
	const struct finding *a = *(struct finding *const *)pa, *b = *(struct finding *const *)pb;
	int c;
	if ((c = strcmp(a->file, b->file)) || (c = strcmp(a->function, b->function)) ||
	    (c = strcmp(a->rule, b->rule)) || (c = strcmp(a->msgkey, b->msgkey)))
		return c;
	return strcmp(a->key, b->key);
}

/* Open PATH for writing through a temporary file beside it (*TMP, renamed by
 * close_output()), or directly when PATH is a device, a pipe or a symbolic
 * link (*TMP NULL): renaming over /dev/null would turn it into a file. */
static FILE *
open_output(const char *path, char **tmp)
{
	struct stat st;
	*tmp = NULL;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		FILE *f = fopen(path, "w");
		if (!f)
			die("cannot write %s: %s", path, strerror(errno));
		return f;
	}
	size_t tlen = strlen(path) + 32;
	*tmp = die_malloc(tlen);
	snprintf(*tmp, tlen, "%s.tmp.%ld", path, (long)getpid());
	FILE *f = fopen(*tmp, "w");
	if (!f)
		die("cannot write %s: %s", *tmp, strerror(errno));
	return f;
}

static void
close_output(FILE *f, const char *path, char *tmp)
{
	bool ok = !ferror(f);
	ok = fclose(f) == 0 && ok;
	if (ok && tmp)
		ok = rename(tmp, path) == 0;
	if (!ok) {
		int e = errno;
		if (tmp)
			unlink(tmp);
		die("cannot write %s: %s", path, strerror(e));
	}
	free(tmp);
}

static void
write_baseline(const char *path)
{
	struct finding **sorted = die_malloc((nall + 1) * sizeof(*sorted));
	memcpy(sorted, all, nall * sizeof(*sorted));
	qsort(sorted, nall, sizeof(*sorted), compare_for_baseline);

	char *tmp;
	FILE *f = open_output(path, &tmp);
	fprintf(f, "# errptr findings accepted for now, one a line (errptr-gate --update writes this file).\n"
		   "# KEY<TAB>RULE<TAB>FILE<TAB>FUNCTION<TAB>MESSAGE; only KEY is compared, and it does not\n"
		   "# depend on line numbers. Delete a line to stop accepting its finding.\n");
	for (size_t i = 0; i < nall; i++) {
		const struct finding *x = sorted[i];
		fprintf(f, "%s\t", x->key);
		put_field(f, x->rule);
		fputc('\t', f);
		put_field(f, x->file);
		fputc('\t', f);
		put_field(f, x->function);
		fputc('\t', f);
		put_field(f, x->msgkey);
		fputc('\n', f);
	}
	close_output(f, path, tmp);
	free(sorted);
}

/* ---- --merge: one SARIF log of every finding ------------------------------- */
/* A JSON string and a URI path (lib/json.c: as plugin/sarif.c writes them). */
static void
put_json_string(FILE *f, const char *str)
{
	struct sbuf b = { 0 };
	json_string(&b, str);
	fwrite(b.p, 1, b.len, f);
	free(b.p);
}

static void
put_uri_path(FILE *f, const char *path)
{
	struct sbuf b = { 0 };
	json_uri_path(&b, path);
	if (b.len)
		fwrite(b.p, 1, b.len, f);
	free(b.p);
}

/* An artifactLocation of RUN, relative to the root when under it. */
static void
put_artifact_location(FILE *f, const struct jval *run, const struct jval *al)
{
	char *abs = artifact_path(run, al);
	if (!abs) {
		fputs("{}", f);
		return;
	}
	const char *rel = relative_to(abs, root);
	fputs("{\"uri\":\"", f);
	if (rel != abs) {
		put_uri_path(f, rel);
		fputs("\",\"uriBaseId\":\"%SRCROOT%\"}", f);
	} else {
		fputs("file://", f);
		put_uri_path(f, abs);
		fputs("\"}", f);
	}
	free(abs);
}

/* V as JSON; in a result (X set), artifact locations are rewritten, the
 * fingerprint is the gate's key, ruleIndex goes (the rules are the first
 * log's) and baselineState comes in. */
static void
put_json(FILE *f, const struct jval *v, const struct finding *x, bool is_result)
{
	switch (v->type) {
	case J_NULL: fputs("null", f); break;
	case J_FALSE: fputs("false", f); break;
	case J_TRUE: fputs("true", f); break;
	case J_NUMBER: fputs(v->str, f); break;
	case J_STRING: put_json_string(f, v->str); break;
	case J_ARRAY:
		fputc('[', f);
		for (const struct jval *e = v->child; e; e = e->next) {
			put_json(f, e, x, false);
			if (e->next)
				fputc(',', f);
		}
		fputc(']', f);
		break;
	case J_OBJECT: {
		bool comma = false;
		fputc('{', f);
		for (const struct jval *m = v->child; m; m = m->next) {
			if (x && is_result && (strcmp(m->key, "ruleIndex") == 0 ||
					       strcmp(m->key, "baselineState") == 0))
				continue;
			if (comma)
				fputc(',', f);
			comma = true;
			put_json_string(f, m->key);
			fputc(':', f);
			if (x && strcmp(m->key, "artifactLocation") == 0 && m->type == J_OBJECT)
				put_artifact_location(f, x->run, m);
			else if (x && is_result && strcmp(m->key, "partialFingerprints") == 0)
				fprintf(f, "{\"" FINGERPRINT_NAME "\":\"%s\"}", x->key);
			else
				put_json(f, m, x, false);
		}
		if (x && is_result) {
			if (!jget(v, "partialFingerprints"))
				fprintf(f, ",\"partialFingerprints\":{\"" FINGERPRINT_NAME "\":\"%s\"}", x->key);
			fprintf(f, ",\"baselineState\":\"%s\"", x->fresh ? "new" : "unchanged");
		}
		fputc('}', f);
		break;
	}
	}
}

static void
write_merged(const char *path)
{
	const struct jval *driver = NULL;
	for (size_t i = 0; i < nall && !driver; i++)
		driver = jget(jget(all[i]->run, "tool"), "driver");
	char *tmp;
	FILE *f = open_output(path, &tmp);
	fputs("{\n\"$schema\":\"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
	      "sarif-schema-2.1.0.json\",\n\"version\":\"2.1.0\",\n\"runs\":[{\n\"tool\":{\"driver\":", f);
	if (driver)
		put_json(f, driver, NULL, false);
	else
		fputs("{\"name\":\"errptr\"}", f);
	fputs("},\n\"originalUriBaseIds\":{\"%SRCROOT%\":{\"uri\":\"file://", f);
	put_uri_path(f, root);
	fputs(strcmp(root, "/") ? "/\"}},\n" : "\"}},\n", f);
	fputs("\"columnKind\":\"unicodeCodePoints\",\n\"results\":[", f);
	for (size_t i = 0; i < nall; i++) {
		fputs(i ? ",\n" : "\n", f);
		put_json(f, all[i]->result, all[i], true);
	}
	fputs("\n]}]}\n", f);
	close_output(f, path, tmp);
}

/* The findings as a flat JSON array: what make validate's report.json holds. */
static void
write_flat_json(const char *path)
{
	char *tmp;
	FILE *f = open_output(path, &tmp);
	fputc('[', f);
	for (size_t i = 0; i < nall; i++) {
		const struct finding *x = all[i];
		fputs(i ? ",\n{\"file\":" : "\n{\"file\":", f);
		put_json_string(f, x->file);
		fprintf(f, ",\"line\":%ld,\"column\":%ld,\"level\":", x->line, x->column);
		put_json_string(f, x->level);
		fputs(",\"tag\":", f);
		put_json_string(f, x->rule);
		fputs(",\"function\":", f);
		put_json_string(f, x->function);
		fputs(",\"message\":", f);
		put_json_string(f, x->message);
		fputs(",\"notes\":[", f);
		for (int j = 0; j < x->nnotes; j++) {
			fputs(j ? ",{\"file\":" : "{\"file\":", f);
			put_json_string(f, x->notes[j].file);
			fprintf(f, ",\"line\":%ld,\"column\":%ld,\"message\":", x->notes[j].line,
				x->notes[j].column);
			put_json_string(f, x->notes[j].text);
			fputc('}', f);
		}
		fputs("]}", f);
	}
	fputs(nall ? "\n]\n" : "]\n", f);
	close_output(f, path, tmp);
}

/* The levels --fail-on takes, lowest first; a SARIF "none" (or anything else) ranks 0. */
static const char *const levels[] = { "note", "warning", "error" };

static int
level_rank(const char *level)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(level, levels[i]) == 0)
			return i + 1;
	return 0;
}

static void
print_location(const char *file, long line, long col)
{
	if (line > 0 && col > 0)
		printf("%s:%ld:%ld: ", file, line, col);
	else if (line > 0)
		printf("%s:%ld: ", file, line);
	else if (*file)
		printf("%s: ", file);
	else
		printf("%s: ", progname);
}

static void
usage(FILE *f)
{
	fprintf(f,
		"usage: %s [--baseline FILE] [--root DIR] [--fail-on LEVEL] [--update | --list]\n"
		"       [--merge FILE] [--json FILE] [-q] SARIF-FILE-OR-DIR...\n"
		"  Print the errptr findings of the SARIF logs that are not in the baseline;\n"
		"  exit 1 when one of them is at LEVEL or above, else 0; 2 on errors.\n"
		"  --baseline FILE  accepted findings (default: " DEFAULT_BASELINE "; none if missing)\n"
		"  --fail-on LEVEL  error, warning or note (default: warning)\n"
		"  --root DIR       findings' files are keyed relative to DIR (default: .)\n"
		"  --update         write the baseline from the logs and exit 0\n"
		"  --merge FILE     also write all findings as one SARIF log (one run) to FILE\n"
		"  --json FILE      also write all findings as a flat JSON array to FILE\n"
		"  --list           print every finding with its level; no baseline; exit 0\n"
		"  -q               no summary line\n"
		"  --version        print errptr's version\n",
		progname);
}

int
main(int argc, char **argv)
{
	const char *baseline_path = DEFAULT_BASELINE;
	const char *root_arg = ".";
	const char *merge_path = NULL, *json_path = NULL;
	bool update = false, quiet = false, list = false;
	const char *fail_on = "warning";
	die_program = progname;
	die_status = 2;
	char **inputs = die_malloc(argc * sizeof(*inputs));
	int ninputs = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--json") == 0 && i + 1 < argc) {
			json_path = argv[++i];
		} else if (strncmp(a, "--json=", 7) == 0) {
			json_path = a + 7;
		} else if (strcmp(a, "--list") == 0) {
			list = true;
		} else if (strcmp(a, "--fail-on") == 0 && i + 1 < argc) {
			fail_on = argv[++i];
		} else if (strncmp(a, "--fail-on=", 10) == 0) {
			fail_on = a + 10;
		} else if (strcmp(a, "--version") == 0) {
			printf("%s %s\n", progname, ERRPTR_VERSION);
			return 0;
		} else if ((strcmp(a, "--baseline") == 0 || strcmp(a, "--root") == 0 ||
			    strcmp(a, "--merge") == 0) && i + 1 < argc) {
			if (a[2] == 'b')
				baseline_path = argv[++i];
			else if (a[2] == 'r')
				root_arg = argv[++i];
			else
				merge_path = argv[++i];
		} else if (strncmp(a, "--merge=", 8) == 0) {
			merge_path = a + 8;
		} else if (strncmp(a, "--baseline=", 11) == 0) {
			baseline_path = a + 11;
		} else if (strncmp(a, "--root=", 7) == 0) {
			root_arg = a + 7;
		} else if (strcmp(a, "--update") == 0) {
			update = true;
		} else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			quiet = true;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--") == 0) {
			while (++i < argc)
				inputs[ninputs++] = argv[i];
		} else if (strcmp(a, "--json") == 0 || strcmp(a, "--baseline") == 0 ||
			   strcmp(a, "--root") == 0 || strcmp(a, "--merge") == 0 ||
			   strcmp(a, "--fail-on") == 0) {
			fprintf(stderr, "%s: option %s needs an argument\n", progname, a);
			usage(stderr);
			return 2;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "%s: unknown option %s\n", progname, a);
			usage(stderr);
			return 2;
		} else {
			inputs[ninputs++] = argv[i];
		}
	}
	if (level_rank(fail_on) == 0) {
		fprintf(stderr, "%s: --fail-on %s: the level is error, warning or note\n", progname,
			fail_on);
		usage(stderr);
		return 2;
	}
	if (ninputs == 0) {
		usage(stderr);
		return 2;
	}
	char *wd = getcwd(NULL, 0);
	if (!wd)
		die("cannot get the current directory: %s", strerror(errno));
	cwd = path_absolute(wd, "/");
	free(wd);
	root = path_absolute(root_arg, cwd);

	for (int i = 0; i < ninputs; i++) {
		struct stat st;
		if (stat(inputs[i], &st) != 0)
			die("%s: %s", inputs[i], strerror(errno));
		if (S_ISDIR(st.st_mode))
			read_dir(inputs[i]);
		else
			read_log(inputs[i]);
	}
	if (nlogs == 0)
		die("no SARIF log (*.sarif) found in %s%s: was the build made with "
		    "-fplugin-arg-errptr-sarif=...?", inputs[0], ninputs > 1 ? " ..." : "");
	drop_stale_logs();
	collect();
	if (json_path)
		write_flat_json(json_path);

	if (list) {
		size_t count[3] = { 0, 0, 0 };
		for (size_t i = 0; i < nall; i++) {
			struct finding *x = all[i];
			print_location(x->shown, x->line, x->column);
			printf("%s: %s [%s]\n", x->level, x->message, x->rule);
			for (int j = 0; j < x->nnotes; j++) {
				print_location(x->notes[j].file, x->notes[j].line, x->notes[j].column);
				printf("note: %s\n", x->notes[j].text);
			}
			count[strcmp(x->level, "error") == 0 ? 0 : strcmp(x->level, "warning") == 0 ? 1 : 2]++;
		}
		if (merge_path)
			write_merged(merge_path);
		fflush(stdout);
		if (!quiet)
			fprintf(stderr, "%s: %zu finding%s: %zu error%s, %zu warning%s, %zu note%s\n",
				progname, nall, nall == 1 ? "" : "s", count[0], count[0] == 1 ? "" : "s",
				count[1], count[1] == 1 ? "" : "s", count[2], count[2] == 1 ? "" : "s");
		return 0;
	}

	if (update) {
		write_baseline(baseline_path);
		if (merge_path)
			write_merged(merge_path);	/* all accepted: "unchanged" */
		if (!quiet)
			fprintf(stderr, "%s: wrote %zu finding%s to %s\n", progname, nall,
				nall == 1 ? "" : "s", baseline_path);
		return 0;
	}

	read_baseline(baseline_path);
	size_t fresh = 0, failing = 0, accepted = 0, gone = 0;
	for (size_t i = 0; i < nall; i++) {
		struct finding *x = all[i];
		if (in_baseline(x->key)) {
			accepted++;
			continue;
		}
		x->fresh = true;
		fresh++;
		failing += level_rank(x->level) >= level_rank(fail_on);
		print_location(x->shown, x->line, x->column);
		printf("%s: %s [%s]\n", x->level, x->message, x->rule);
		for (int j = 0; j < x->nnotes; j++) {
			print_location(x->notes[j].file, x->notes[j].line, x->notes[j].column);
			printf("note: %s\n", x->notes[j].text);
		}
	}
	for (size_t i = 0; i < nbaseline; i++)
		gone += !baseline[i].seen;
	if (merge_path)
		write_merged(merge_path);
	fflush(stdout);
	if (!quiet) {
		fprintf(stderr, "%s: %zu new finding%s, %zu in the baseline", progname, fresh,
			fresh == 1 ? "" : "s", accepted);
		if (fresh > failing)
			fprintf(stderr, "; %zu new below --fail-on=%s, not failing the gate",
				fresh - failing, fail_on);
		if (gone)
			fprintf(stderr, "; %zu baseline entr%s no longer reported (drop %s with --update)",
				gone, gone == 1 ? "y is" : "ies are", gone == 1 ? "it" : "them");
		fputc('\n', stderr);
	}
	return failing ? 1 : 0;
}
