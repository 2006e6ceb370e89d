/*
 * combine.c - errptr-merge --combine: the learned rules of several kernels as one file.
 *
 *   errptr-merge --combine [-o OUT.rules] [--index OUT.cdb] LEARNED.rules...
 *
 * Each input is the rules "make rules" learned from one kernel tree (errptr-merge's
 * output): its kernel is its "kernels X.Y" line, else the X.Y its file name ends in
 * (linux-6.12.rules).  The output says "kernels A B ..." and holds one line per
 * distinct contract of a name, with the kernels it was learned from:
 *
 *   func f fails=null callers=null args=1 src=mm/filemap.c:1901 versions=5.10,6.1
 *   func f fails=err callers=is_err args=1 src=mm/filemap.c:1950 versions=6.12,7.2
 *
 * Two kernels' lines are the same contract when they differ only in where they were
 * seen (caller=, src=, and the comment); the line written is the newest kernel's.  Most
 * contracts hold in every kernel, so the file grows by about one "versions=" field a
 * line, not by a copy a kernel.  The plugin picks a unit's kernel's contract
 * (plugin/versions.c).  The index maps each name to all of its lines, one a line
 * (index version 2, with "errptr:kernels").
 *
 * A line that is not a well-formed rule is an error naming the file and line: nothing
 * is written and the exit status is 1.
 */
#include "merge.h"
#include "rules_parse.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INPUTS RULES_MAX_KERNELS

struct line {
	char *key;		/* "func NAME" / "member S.F" */
	char *sig;		/* the contract: the fields but caller=, src=, versions= */
	char *text;		/* the rule as written, without versions= and comment */
	int input;		/* index into the inputs, which are in kernel order */
};

static struct {
	const char *path;
	unsigned version;
} in[MAX_INPUTS];
static int nin;
static VEC(struct line) lines;
static const char *cur_path;

static void
parse_error(struct rules_parser *p, const char *msg)
{
	die("%s:%d: %s", cur_path, p->line, msg);
}

static unsigned file_kernels[MAX_INPUTS];
static int nfile_kernels;

static void
got_kernels(struct rules_parser *p, const unsigned *v, int n)
{
	(void)p;
	memcpy(file_kernels, v, n * sizeof(*v));
	nfile_kernels = n;
}

static void
ignore_contract(struct rules_parser *p, bool member, const struct rule_contract *c)
{
	(void)p, (void)member, (void)c;
}

static void
ignore_standin(struct rules_parser *p, const char *fn, const char *api)
{
	(void)p, (void)fn, (void)api;
}

static char *
dup_n(const char *s, size_t n)
{
	char *d = die_realloc(NULL, n + 1);
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

/* The kernel the file name says: the "X.Y" before ".rules" ("linux-6.12.rules"). */
static bool
version_from_name(const char *path, unsigned *v)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strstr(base, ".rules");
	if (!dot)
		return false;
	const char *start = dot;
	while (start > base && (start[-1] == '.' || (start[-1] >= '0' && start[-1] <= '9')))
		start--;
	char buf[32];
	if (dot - start <= 0 || dot - start >= (long)sizeof(buf))
		return false;
	memcpy(buf, start, dot - start);
	buf[dot - start] = 0;
	return rules_parse_version(buf, v);
}

/* One rule line (no newline) of input IDX, checked by the rules parser first. */
static void
take_line(struct rules_parser *p, const char *raw, int idx)
{
	/* the fields, up to a comment */
	const char *hash = strchr(raw, '#');
	char *body = dup_n(raw, hash ? (size_t)(hash - raw) : strlen(raw));
	char *fields[RULES_MAX_FIELDS + 1];
	int n = 0;
	for (char *t = strtok(body, " \t\r"); t && n < RULES_MAX_FIELDS; t = strtok(NULL, " \t\r"))
		fields[n++] = t;
	if (n >= 1 && (strcmp(fields[0], "api") == 0 || strcmp(fields[0], "standin") == 0))
		die("%s:%d: '%s' is not a learned rule: give the rules errptr-merge learned",
		    cur_path, p->line, fields[0]);
	char *check = dup_n(raw, strlen(raw));
	rules_parse_line(p, check);	/* dies on an error */
	free(check);
	if (n < 2 || (strcmp(fields[0], "func") != 0 && strcmp(fields[0], "member") != 0)) {
		free(body);
		return;		/* "kernels", blank and comment lines */
	}
	struct sbuf key = { 0 }, sig = { 0 }, text = { 0 };
	sb_printf(&key, "%s %s", fields[0], fields[1]);
	sb_printf(&text, "%s %s", fields[0], fields[1]);
	sb_printf(&sig, "%s %s", fields[0], fields[1]);
	for (int i = 2; i < n; i++) {
		if (strncmp(fields[i], "versions=", 9) == 0)
			die("%s:%d: already combined (versions=): give the rules of one kernel",
			    cur_path, p->line);
		sb_printf(&text, " %s", fields[i]);
		if (strncmp(fields[i], "caller=", 7) != 0 && strncmp(fields[i], "src=", 4) != 0)
			sb_printf(&sig, " %s", fields[i]);
	}
	struct line *l = &PUSH(lines);
	l->key = sb_take(&key);
	l->sig = sb_take(&sig);
	l->text = sb_take(&text);
	l->input = idx;
	free(body);
}

static void
read_input(const char *path, int idx)
{
	FILE *f = fopen(path, "r");
	if (!f)
		die("%s: cannot read: %s", path, strerror(errno));
	cur_path = path;
	nfile_kernels = 0;
	struct rules_parser p;
	memset(&p, 0, sizeof(p));
	p.error = parse_error;
	p.contract = ignore_contract;
	p.standin = ignore_standin;
	p.kernels = got_kernels;
	size_t first = lines.n;
	char buf[RULES_MAX_LINE + 2];
	while (fgets(buf, sizeof(buf), f)) {
		size_t len = strlen(buf);
		p.line++;
		if (len && buf[len - 1] == '\n')
			buf[--len] = 0;
		else if (!feof(f))
			die("%s:%d: line longer than %d characters", path, p.line, RULES_MAX_LINE);
		take_line(&p, buf, idx);
	}
	if (ferror(f))
		die("%s: read error: %s", path, strerror(errno));
	fclose(f);
	if (nfile_kernels > 1)
		die("%s: learned from %d kernels already: give the rules of one kernel", path,
		    nfile_kernels);
	if (nfile_kernels == 1)
		in[idx].version = file_kernels[0];
	else if (!version_from_name(path, &in[idx].version))
		die("%s: which kernel? no 'kernels X.Y' line and no X.Y before '.rules' in its name",
		    path);
	if (lines.n == first)
		die("%s: no rules", path);
}

static int
line_cmp(const void *a, const void *b)
{
	const struct line *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	c = strcmp(x->sig, y->sig);
	if (c)
		return c;
	return y->input - x->input;	/* newest kernel first */
}

static void
version_text(struct sbuf *b, unsigned v)
{
	sb_printf(b, "%u.%u", v >> 8, v & 255);
}

int
combine(const char *out, const char *index, int ninputs, char **inputs)
{
	if (ninputs < 1 || ninputs > MAX_INPUTS)
		die("--combine takes 1 to %d learned rules files", MAX_INPUTS);
	nin = ninputs;
	for (int i = 0; i < nin; i++) {
		in[i].path = inputs[i];
		read_input(inputs[i], i);
	}
	/* the inputs in kernel order, each kernel once */
	for (int i = 0; i < nin; i++)
		for (int j = i + 1; j < nin; j++)
			if (in[j].version == in[i].version)
				die("%s and %s are rules of the same kernel", in[i].path, in[j].path);
	int order[MAX_INPUTS], rank[MAX_INPUTS];
	for (int i = 0; i < nin; i++)
		order[i] = i;
	for (int i = 0; i < nin; i++)
		for (int j = i + 1; j < nin; j++)
			if (in[order[j]].version < in[order[i]].version) {
				int t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
	for (int i = 0; i < nin; i++)
		rank[order[i]] = i;
	for (size_t i = 0; i < lines.n; i++)
		lines.a[i].input = rank[lines.a[i].input];
	qsort(lines.a, lines.n, sizeof(*lines.a), line_cmp);

	/* one rule a distinct contract of a name, in the form write.c writes */
	rules_reset();
	struct sbuf kernels = { 0 };
	for (int i = 0; i < nin; i++) {
		if (i)
			sb_printf(&kernels, " ");
		version_text(&kernels, in[order[i]].version);
	}
	for (size_t i = 0; i < lines.n;) {
		size_t j = i;
		struct sbuf line = { 0 };
		sb_printf(&line, "%s versions=", lines.a[i].text);
		bool held[MAX_INPUTS] = { false };
		for (; j < lines.n && strcmp(lines.a[j].key, lines.a[i].key) == 0 &&
		       strcmp(lines.a[j].sig, lines.a[i].sig) == 0; j++)
			held[lines.a[j].input] = true;
		bool first = true;
		for (int k = 0; k < nin; k++) {
			if (!held[k])
				continue;
			if (!first)
				sb_printf(&line, ",");
			version_text(&line, in[order[k]].version);
			first = false;
		}
		struct rule *r = &PUSH(rules);
		memset(r, 0, sizeof(*r));
		r->member = strncmp(lines.a[i].key, "member ", 7) == 0;
		r->name = intern0(strchr(lines.a[i].key, ' ') + 1);
		r->fn = NONE;
		r->line = sb_take(&line);
		i = j;
	}
	/* the newest kernel's contract of a name first, as the rules were sorted */
	stats.rules = rules.n;
	char **sources = die_realloc(NULL, nin * sizeof(*sources));
	for (int i = 0; i < nin; i++) {
		struct sbuf s = { 0 };
		sb_printf(&s, "%s (", in[order[i]].path);
		version_text(&s, in[order[i]].version);
		sb_printf(&s, ")");
		sources[i] = sb_take(&s);
	}
	char *kernels_text = sb_take(&kernels);
	write_combined_rules(out, nin, sources, kernels_text, index);
	if (index) {
		const char *base = out ? strrchr(out, '/') : NULL;
		write_index_kernels(index, base ? base + 1 : out, kernels_text);
	}
	fprintf(stderr, "%s: %d kernels (%s), %zu lines read, %zu rules written\n", die_program,
		nin, kernels_text, lines.n, rules.n);
	return 0;
}
