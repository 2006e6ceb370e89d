/*
 * sarif.c - SARIF 2.1.0 log of errptr's findings (-fplugin-arg-errptr-sarif=FILE).
 *
 * report.c hands over every diagnostic it emits: the result (check,
 * severity, location, message), its path events and its notes.  They are
 * kept until the end of the translation unit and written as one SARIF log:
 *
 *   - tool.driver: "errptr", its version and one rule per check of checks[];
 *   - one result per finding: ruleId "errptr-CHECK", level, message (the
 *     tag is dropped: ruleId carries it), the location with the enclosing
 *     function as a logical location, the notes as relatedLocations, the
 *     path events as a codeFlow, and partialFingerprints "errptr/v1";
 *   - paths under the working directory are relative URIs against the base
 *     "%SRCROOT%" (given in originalUriBaseIds), other paths file:// URIs;
 *   - the unit's main file is the artifact with role "analysisTarget", so
 *     that a reader can tell which unit wrote a log (errptr-gate keeps only
 *     the newest log of each unit).
 *
 * The fingerprint survives line drift: lib/fingerprint.c hashes the ruleId,
 * the file (as in the URI, or its absolute path), the name of the enclosing
 * function and the message without line numbers; ":K" numbers the results
 * with the same hash in source order.  errptr-gate computes the same key
 * with the same code.
 *
 * Layout: one result per line, so that logs diff and grep well.
 *
 * FILE may hold "%p", replaced by the base name of the main input file and
 * the compiler's pid ("out/%p.sarif" -> "out/file_hook.c.4711.sarif"), so
 * that every unit of a build writes its own log; "%%" is a '%'.  Without
 * "%p" every unit writes FILE and the last one to finish wins.  Units
 * compiling /dev/null or standard input without a finding (kbuild's
 * compiler probes) write no log.  The log is
 * written to a temporary file beside FILE and renamed over it, so a reader
 * never sees half a log (a FILE that is a device, a pipe or a symbolic
 * link, /dev/null say, is written through instead).  A log that cannot be
 * written is one error naming FILE, and the compilation fails.
 *
 * The log is written when the unit is finished (PLUGIN_FINISH_UNIT, called
 * by errptr.c), or, when GCC skips that because the unit had errors (an
 * errptr error is one), at PLUGIN_FINISH, which sarif_open() registers.
 */
#include "sarif.h"
#include "names.h"
#include "options.h"
/* lib/: shared with tools/gate/errptr-gate.c */
#include "fingerprint.h"
#include "json_write.h"
#include "path.h"

/* Keep in step with errptr.c's ERRPTR_VERSION. */
#ifndef ERRPTR_VERSION
#define ERRPTR_VERSION "0.1"
#endif

#define SARIF_SCHEMA \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* ---- what report.c hands over ------------------------------------------- */
struct sloc {
	char *file;	/* absolute, normalised; NULL: no location */
	int line;
	int column;	/* in Unicode code points, 1-based; 0: unknown */
};

struct snote {
	struct sloc loc;
	char *text;
};

struct sresult {
	enum check_id check;
	enum severity sev;
	struct sloc loc;
	char *message;		/* without the tag */
	char *function;		/* enclosing function, "" at file scope */
	struct snote *related;
	int nrelated;
	struct snote *events;
	int nevents;
	unsigned seq;		/* order of arrival, to keep sorting stable */
	char fingerprint[FINGERPRINT_KEY_SIZE];
};

static struct {
	bool open;
	bool written;
	char *path;		/* as given, maybe with %p */
	char *cwd;		/* working directory, no trailing '/' */
	struct sresult *results;
	size_t n, cap;
	struct {
		const char *key;
		char *json;
	} props[8];		/* the run's properties, "errptr/KEY" */
	int nprops;
} sarif;

bool
sarif_enabled(void)
{
	return sarif.open;
}

void
sarif_property(const char *key, const char *json)
{
	for (int i = 0; i < sarif.nprops; i++) {
		if (strcmp(sarif.props[i].key, key) == 0) {
			free(sarif.props[i].json);
			sarif.props[i].json = xstrdup(json);
			return;
		}
	}
	if (sarif.nprops < (int)ARRAY_SIZE(sarif.props)) {
		sarif.props[sarif.nprops].key = key;
		sarif.props[sarif.nprops++].json = xstrdup(json);
	}
}

/* ABS relative to the working directory, or NULL when it is not under it. */
static const char *
under_cwd(const char *abs)
{
	return path_below(abs, sarif.cwd);
}

/* The file part of the fingerprint and the order of results: the path
 * relative to the working directory, else the absolute one. */
static const char *
display_file(const struct sloc *l)
{
	if (!l->file)
		return "";
	const char *rel = under_cwd(l->file);
	return rel ? rel : l->file;
}

static void
capture_location(location_t loc, struct sloc *out)
{
	memset(out, 0, sizeof(*out));
	if (loc == UNKNOWN_LOCATION)
		return;
	expanded_location x = expand_location(user_location(loc));
	/* "<built-in>", "<command-line>": not a file. */
	if (!x.file || !x.file[0] || x.line <= 0 || (x.file[0] == '<' && strchr(x.file, '>')))
		return;
	out->file = path_absolute(x.file, sarif.cwd);
	out->line = x.line;
	out->column = x.column > 0 ? x.column : 0;
	/* GCC counts bytes; SARIF (columnKind unicodeCodePoints) counts
	 * characters: skip UTF-8 continuation bytes before the column. */
	if (x.column > 1) {
		char_span line = errptr_source_line(x.file, x.line);
		if (line && (size_t)x.column - 1 <= line.length()) {
			int col = 1;
			for (size_t i = 0; i < (size_t)x.column - 1; i++)
				if ((line[i] & 0xc0) != 0x80)
					col++;
			out->column = col;
		}
	}
}

static bool
before(const expanded_location &a, const expanded_location &b)
{
	return a.line < b.line || (a.line == b.line && a.column < b.column);
}

/* The function whose body holds LOC: the innermost one whose span, from
 * its name to its closing brace, covers LOC. */
static const char *
function_at(location_t loc)
{
	expanded_location x = expand_location(user_location(loc));
	tree best = NULL_TREE;
	expanded_location best_start = {};
	cgraph_node *node;

	if (x.file && x.line > 0) {
		FOR_EACH_FUNCTION(node) {
			tree decl = node->decl;
			function *fn = DECL_STRUCT_FUNCTION(decl);
			if (!fn || fn->function_end_locus == UNKNOWN_LOCATION)
				continue;
			expanded_location s = expand_location(user_location(DECL_SOURCE_LOCATION(decl)));
			expanded_location e = expand_location(user_location(fn->function_end_locus));
			if (!s.file || !e.file || strcmp(s.file, x.file) != 0 ||
			    strcmp(e.file, x.file) != 0)
				continue;
			if (before(x, s) || before(e, x))
				continue;
			if (!best || before(best_start, s)) {
				best = decl;
				best_start = s;
			}
		}
	}
	if (!best && current_function_decl)
		best = current_function_decl;
	return best ? decl_name(best) : "";
}

/* MESSAGE without " [errptr-NAME]" at its end. */
static char *
strip_tag(const char *message, enum check_id check)
{
	char *tag = concat(" [errptr-", checks[check].name, "]", NULL);
	size_t n = strlen(message), t = strlen(tag);
	char *out = (n > t && strcmp(message + n - t, tag) == 0) ? xstrndup(message, n - t)
								 : xstrdup(message);
	free(tag);
	return out;
}

/* The main input file, or NULL for standard input ("-", "<stdin>"). */
static const char *
main_input(void)
{
	const char *in = main_input_filename;
	if (!in || !*in || strcmp(in, "-") == 0 || in[0] == '<')
		return NULL;
	return in;
}

/* ---- the interface ------------------------------------------------------- */
static void sarif_finish_callback(void *gcc_data, void *user_data);

void
sarif_open(const char *path)
{
	if (!path || !*path || sarif.open)
		return;
	sarif.open = true;
	sarif.path = xstrdup(path);
	char *cwd = getcwd(NULL, 0);
	sarif.cwd = cwd ? path_absolute(cwd, "/") : xstrdup("/");
	free(cwd);
	/* GCC does not run PLUGIN_FINISH_UNIT after an error; PLUGIN_FINISH
	 * always runs.  sarif_close() writes once, whichever comes first. */
	register_callback(errptr_plugin_name ? errptr_plugin_name : "errptr", PLUGIN_FINISH,
			  sarif_finish_callback, NULL);
}

void
sarif_result(enum check_id check, enum severity sev, location_t loc, const char *message)
{
	if (!sarif.open || sarif.written || check < 0 || check >= CHECK_COUNT)
		return;
	if (sarif.n == sarif.cap) {
		sarif.cap = sarif.cap * 2 + 16;
		sarif.results = XRESIZEVEC(struct sresult, sarif.results, sarif.cap);
	}
	struct sresult *r = &sarif.results[sarif.n];
	memset(r, 0, sizeof(*r));
	r->check = check;
	r->sev = sev;
	r->seq = sarif.n++;
	capture_location(loc, &r->loc);
	r->message = strip_tag(message ? message : "", check);
	r->function = xstrdup(function_at(loc));
}

static void
add_note(struct snote **list, int *n, location_t loc, const char *message)
{
	*list = XRESIZEVEC(struct snote, *list, *n + 1);
	struct snote *note = &(*list)[(*n)++];
	capture_location(loc, &note->loc);
	note->text = xstrdup(message ? message : "");
}

void
sarif_related(location_t loc, const char *message)
{
	if (!sarif.open || sarif.written || sarif.n == 0)
		return;
	struct sresult *r = &sarif.results[sarif.n - 1];
	add_note(&r->related, &r->nrelated, loc, message);
}

void
sarif_event(location_t loc, const char *message)
{
	if (!sarif.open || sarif.written || sarif.n == 0)
		return;
	struct sresult *r = &sarif.results[sarif.n - 1];
	add_note(&r->events, &r->nevents, loc, message);
}

/* ---- fingerprints (lib/fingerprint.c: errptr-gate computes the same) ------- */
static unsigned long long
result_hash(const struct sresult *r)
{
	char *rule = concat("errptr-", checks[r->check].name, NULL);
	char *msg = fingerprint_message_key(r->message);
	unsigned long long h = fingerprint_hash(rule, display_file(&r->loc), r->function, msg);
	free(rule);
	free(msg);
	return h;
}

static int
compare_results(const void *pa, const void *pb)
{
	const struct sresult *a = (const struct sresult *)pa, *b = (const struct sresult *)pb;
	int c = strcmp(display_file(&a->loc), display_file(&b->loc));
	if (c)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.column != b->loc.column)
		return a->loc.column < b->loc.column ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void
compute_fingerprints(void)
{
	unsigned long long *hash = XNEWVEC(unsigned long long, sarif.n + 1);
	for (size_t i = 0; i < sarif.n; i++) {
		hash[i] = result_hash(&sarif.results[i]);
		fingerprint_key(sarif.results[i].fingerprint, hash[i], fingerprint_rank(hash, i));
	}
	free(hash);
}

/* ---- writing -------------------------------------------------------------- */
static const char *
level_name(enum severity sev)
{
	switch (sev) {
	case SEV_ERROR: return "error";
	case SEV_WARNING: return "warning";
	case SEV_NOTE: return "note";
	default: return "none";
	}
}

static void
sb_artifact_location(struct sbuf *b, const char *abs)
{
	const char *rel = under_cwd(abs);
	sb_puts(b, "{\"uri\":\"");
	if (rel) {
		json_uri_path(b, rel);
		sb_puts(b, "\",\"uriBaseId\":\"%SRCROOT%\"}");
	} else {
		sb_puts(b, "file://");
		json_uri_path(b, abs);
		sb_puts(b, "\"}");
	}
}

static void
sb_physical_location(struct sbuf *b, const struct sloc *l)
{
	sb_puts(b, "\"physicalLocation\":{\"artifactLocation\":");
	sb_artifact_location(b, l->file);
	sb_printf(b, ",\"region\":{\"startLine\":%d", l->line);
	if (l->column > 0)
		sb_printf(b, ",\"startColumn\":%d", l->column);
	sb_puts(b, "}}");
}

/* A location object: physical location (if any), then MESSAGE (if any). */
static void
sb_location(struct sbuf *b, const struct sloc *l, const char *message, int id,
	    const char *function)
{
	bool comma = false;
	sb_putc(b, '{');
	if (id >= 0) {
		sb_printf(b, "\"id\":%d", id);
		comma = true;
	}
	if (l->file) {
		if (comma)
			sb_putc(b, ',');
		sb_physical_location(b, l);
		comma = true;
	}
	if (function && *function) {
		if (comma)
			sb_putc(b, ',');
		sb_puts(b, "\"logicalLocations\":[{\"name\":");
		json_string(b, function);
		sb_puts(b, ",\"kind\":\"function\"}]");
		comma = true;
	}
	if (message) {
		if (comma)
			sb_putc(b, ',');
		sb_puts(b, "\"message\":{\"text\":");
		json_string(b, message);
		sb_putc(b, '}');
	}
	sb_putc(b, '}');
}

static void
sb_result(struct sbuf *b, const struct sresult *r)
{
	sb_printf(b, "{\"ruleId\":\"errptr-%s\",\"ruleIndex\":%d,\"level\":\"%s\",\"message\":{\"text\":",
		  checks[r->check].name, (int)r->check, level_name(r->sev));
	json_string(b, r->message);
	sb_puts(b, "},\"locations\":[");
	sb_location(b, &r->loc, NULL, -1, r->function);
	sb_puts(b, "],\"partialFingerprints\":{\"" FINGERPRINT_NAME "\":\"");
	sb_puts(b, r->fingerprint);
	sb_puts(b, "\"}");
	if (r->nrelated) {
		sb_puts(b, ",\"relatedLocations\":[");
		for (int i = 0; i < r->nrelated; i++) {
			if (i)
				sb_putc(b, ',');
			sb_location(b, &r->related[i].loc, r->related[i].text, i + 1, NULL);
		}
		sb_putc(b, ']');
	}
	/* The path as the compiler shows it: only when it has two events or more. */
	if (r->nevents > 1) {
		sb_puts(b, ",\"codeFlows\":[{\"threadFlows\":[{\"locations\":[");
		for (int i = 0; i < r->nevents; i++) {
			if (i)
				sb_putc(b, ',');
			sb_puts(b, "{\"location\":");
			sb_location(b, &r->events[i].loc, r->events[i].text, -1, NULL);
			sb_printf(b, ",\"executionOrder\":%d}", i + 1);
		}
		sb_puts(b, "]}]}]");
	}
	sb_putc(b, '}');
}

static void
build_log(struct sbuf *b)
{
	size_t n_counted = 0;
	for (size_t i = 0; i < sarif.n; i++)
		n_counted += sarif.results[i].sev >= SEV_WARNING;
	/* Errors that are not errptr's findings (a warning of errptr's may
	 * count as an error under -Werror, hence the generous count). */
	bool other_errors = (size_t)(errorcount + sorrycount) > n_counted;

	sb_puts(b, "{\n\"$schema\":\"" SARIF_SCHEMA "\",\n\"version\":\"2.1.0\",\n\"runs\":[{\n");
	sb_puts(b, "\"tool\":{\"driver\":{\"name\":\"errptr\",\"version\":\"" ERRPTR_VERSION "\",");
	sb_puts(b, "\"rules\":[\n");
	for (int c = 0; c < CHECK_COUNT; c++) {
		sb_printf(b, "{\"id\":\"errptr-%s\",\"shortDescription\":{\"text\":", checks[c].name);
		json_string(b, checks[c].what);
		sb_printf(b, "},\"defaultConfiguration\":{\"level\":\"%s\"}}%s\n",
			  level_name(checks[c].default_severity), c + 1 < CHECK_COUNT ? "," : "");
	}
	sb_puts(b, "]}},\n");

	sb_printf(b, "\"invocations\":[{\"executionSuccessful\":%s,\"workingDirectory\":{\"uri\":\"file://",
		  other_errors ? "false" : "true");
	json_uri_path(b, sarif.cwd);
	sb_puts(b, strcmp(sarif.cwd, "/") ? "/\"}" : "\"}");
	if (other_errors)
		sb_puts(b, ",\"toolExecutionNotifications\":[{\"level\":\"error\",\"message\":{\"text\":"
			   "\"the unit had errors besides errptr's findings; they may be incomplete\"}}]");
	sb_puts(b, "}],\n");

	sb_puts(b, "\"originalUriBaseIds\":{\"%SRCROOT%\":{\"uri\":\"file://");
	json_uri_path(b, sarif.cwd);
	sb_puts(b, strcmp(sarif.cwd, "/") ? "/\"}},\n" : "\"}},\n");

	if (main_input()) {
		char *main_abs = path_absolute(main_input(), sarif.cwd);
		sb_puts(b, "\"artifacts\":[{\"location\":");
		sb_artifact_location(b, main_abs);
		sb_puts(b, ",\"roles\":[\"analysisTarget\"]}],\n");
		free(main_abs);
	}
	if (sarif.nprops) {
		sb_puts(b, "\"properties\":{");
		for (int i = 0; i < sarif.nprops; i++)
			sb_printf(b, "%s\"errptr/%s\":%s", i ? "," : "", sarif.props[i].key,
				  sarif.props[i].json);
		sb_puts(b, "},\n");
	}
	sb_puts(b, "\"columnKind\":\"unicodeCodePoints\",\n\"results\":[");
	for (size_t i = 0; i < sarif.n; i++) {
		sb_puts(b, i ? ",\n" : "\n");
		sb_result(b, &sarif.results[i]);
	}
	sb_puts(b, "\n]}]}\n");
}

/* PATH with "%p" replaced by the main input's base name and the pid, "%%" by '%'. */
static char *
expand_path(const char *path)
{
	struct sbuf b = {};
	sb_puts(&b, "");
	for (const char *p = path; *p; p++) {
		if (p[0] == '%' && p[1] == 'p') {
			sb_printf(&b, "%s.%ld", main_input() ? lbasename(main_input()) : "stdin",
				  (long)getpid());
			p++;
		} else if (p[0] == '%' && p[1] == '%') {
			sb_putc(&b, '%');
			p++;
		} else {
			sb_putc(&b, *p);
		}
	}
	return b.p;
}

/* Write DATA to PATH through a temporary file in the same directory.
 * On failure, *ERR is errno and *TMP_FAILED tells whether the temporary
 * file could not even be created. */
static bool
write_atomically(const char *path, const char *data, size_t len, int *err, char **tmp_failed)
{
	/* A device (/dev/null), a pipe or a symbolic link is written through,
	 * never replaced: renaming over /dev/null would turn it into a file. */
	struct stat st;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		FILE *f = fopen(path, "w");
		bool ok = f && fwrite(data, 1, len, f) == len;
		*err = errno;
		if (f && fclose(f) != 0 && ok) {
			ok = false;
			*err = errno;
		}
		return ok;
	}

	char *tmp = XNEWVEC(char, strlen(path) + 64);
	sprintf(tmp, "%s.tmp.%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "w");
	if (!f) {
		*err = errno;
		*tmp_failed = tmp;
		return false;
	}
	bool ok = fwrite(data, 1, len, f) == len;
	if (!ok)
		*err = errno;
	if (fclose(f) != 0 && ok) {
		ok = false;
		*err = errno;
	}
	if (ok && rename(tmp, path) != 0) {
		ok = false;
		*err = errno;
	}
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok;
}

void
sarif_close(void)
{
	if (!sarif.open || sarif.written)
		return;
	sarif.written = true;
	/* A compiler probe (kbuild's cc-option and friends compile /dev/null
	 * or standard input with the build's flags): nothing to report, and
	 * without %p its log would replace a real one. */
	if ((!main_input() || strcmp(main_input(), "/dev/null") == 0) && sarif.n == 0)
		return;

	qsort(sarif.results, sarif.n, sizeof(*sarif.results), compare_results);
	compute_fingerprints();
	struct sbuf log = {};
	build_log(&log);

	char *path = expand_path(sarif.path);
	int err = 0;
	char *tmp = NULL;
	/* No source location: the problem is the file, not the code. */
	if (write_atomically(path, log.p, log.len, &err, &tmp))
		;
	else if (tmp)
		error_at(UNKNOWN_LOCATION, "errptr: cannot write the SARIF log %qs: cannot create %qs: %s",
			 path, tmp, xstrerror(err ? err : EIO));
	else
		error_at(UNKNOWN_LOCATION, "errptr: cannot write the SARIF log %qs: %s", path,
			 xstrerror(err ? err : EIO));
	free(tmp);
	free(path);
	free(log.p);
}

static void
sarif_finish_callback(void *gcc_data, void *user_data)
{
	sarif_close();
}
