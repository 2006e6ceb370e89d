/*
 * combine.c - errptr-merge --combine: the learned rules of several kernels as one file.
 *
 *   errptr-merge --combine [-o OUT.rules] [--index OUT.cdb] LEARNED.rules...
 *
 * Each input is the rules "make rules" learned from one kernel tree (errptr-merge's
 * output; its kernel is its "kernels X.Y" line, else the X.Y its file name ends in,
 * linux-6.12.rules) or an earlier combined file (its rules' versions= say where each
 * holds), so that a kernel is added to the shipped file without the others' trees.  The output says "kernels A B ..." and holds one line per
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
 * A kernel in two inputs (learned again): the later input's rules of it replace the
 * earlier's.  A line that is not a well-formed rule is an error naming the file and
 * line: nothing is written and the exit status is 1.
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
	unsigned version;	/* a kernel it holds in */
	int input;		/* the input it came from */
};

static VEC(struct line) lines;
static unsigned kernels[RULES_MAX_KERNELS];	/* of every input, ascending */
static int kernel_input[RULES_MAX_KERNELS];	/* the last input that has it */
static int nkernels;
static int cur_input;
static const char *cur_path;

static void
parse_error(struct rules_parser *p, const char *msg)
{
	die("%s:%d: %s", cur_path, p->line, msg);
}

static void
got_kernels(struct rules_parser *p, const unsigned *v, int n)
{
	(void)p, (void)v, (void)n;	/* file_versions() read them */
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

static void
version_text(struct sbuf *b, unsigned v)
{
	sb_printf(b, "%u.%u", v >> 8, v & 255);
}

/* One line (no newline) of the input being read, checked by the rules parser first.
 * A rule of a file of one kernel holds in FILE_KERNEL; one of a combined file, in the
 * kernels of its versions=. */
static void
take_line(struct rules_parser *p, const char *raw, const unsigned *file_kernels, int nfile)
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
	unsigned held[RULES_MAX_KERNELS];
	int nheld = 0;
	for (int i = 2; i < n; i++) {
		if (strncmp(fields[i], "versions=", 9) == 0) {
			/* the parser checked it: versions of the file's kernels line */
			for (char *v = strtok(fields[i] + 9, ","); v && nheld < RULES_MAX_KERNELS;
			     v = strtok(NULL, ",")) {
				if (!rules_parse_version(v, &held[nheld]))
					continue;
				bool known = false;
				for (int k = 0; k < nfile; k++)
					known |= file_kernels[k] == held[nheld];
				if (!known || nfile < 2)
					die("%s:%d: versions=: %s is not a kernel of its 'kernels' line",
					    cur_path, p->line, v);
				nheld++;
			}
			continue;
		}
		sb_printf(&text, " %s", fields[i]);
		if (strncmp(fields[i], "caller=", 7) != 0 && strncmp(fields[i], "src=", 4) != 0)
			sb_printf(&sig, " %s", fields[i]);
	}
	if (!nheld) {
		if (nfile != 1)
			die("%s:%d: a rule without versions= in a file of several kernels",
			    cur_path, p->line);
		held[nheld++] = file_kernels[0];
	}
	char *k = sb_take(&key), *sg = sb_take(&sig), *tx = sb_take(&text);
	for (int i = 0; i < nheld; i++) {
		struct line *l = &PUSH(lines);
		l->key = k;
		l->sig = sg;
		l->text = tx;
		l->version = held[i];
		l->input = cur_input;
	}
	free(body);
}

/* The kernels a file was learned from, first line to last: its "kernels" line, read
 * before its rules (the parser wants it first), else the X.Y of its name. */
static int
file_versions(const char *path, unsigned *out)
{
	FILE *f = fopen(path, "r");
	if (!f)
		die("%s: cannot read: %s", path, strerror(errno));
	char buf[RULES_MAX_LINE + 2];
	int n = 0;
	while (fgets(buf, sizeof(buf), f)) {
		if (strncmp(buf, "kernels", 7) != 0 || (buf[7] != ' ' && buf[7] != '\t'))
			continue;
		for (char *t = strtok(buf + 7, " \t\r\n"); t && n < RULES_MAX_KERNELS;
		     t = strtok(NULL, " \t\r\n"))
			if (rules_parse_version(t, &out[n]))
				n++;
		break;
	}
	fclose(f);
	if (!n && version_from_name(path, &out[0]))
		n = 1;
	if (!n)
		die("%s: which kernel? no 'kernels X.Y' line and no X.Y before '.rules' in its name",
		    path);
	return n;
}

static char **inputs_path;

static void
read_input(const char *path)
{
	unsigned vs[RULES_MAX_KERNELS];
	int nv = file_versions(path, vs);
	for (int i = 0; i < nv; i++) {
		int j = 0;
		while (j < nkernels && kernels[j] != vs[i])
			j++;
		if (j < nkernels) {
			struct sbuf b = { 0 };
			version_text(&b, vs[i]);
			fprintf(stderr, "%s: %s: its rules of kernel %s replace those of %s\n",
				die_program, path, b.p, inputs_path[kernel_input[j]]);
			free(b.p);
		} else if (nkernels == RULES_MAX_KERNELS) {
			die("%s: more than %d kernels in all", path, RULES_MAX_KERNELS);
		} else {
			kernels[nkernels++] = vs[i];
		}
		kernel_input[j] = cur_input;
	}
	FILE *f = fopen(path, "r");
	if (!f)
		die("%s: cannot read: %s", path, strerror(errno));
	cur_path = path;
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
		take_line(&p, buf, vs, nv);
	}
	if (ferror(f))
		die("%s: read error: %s", path, strerror(errno));
	fclose(f);
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
	return x->version < y->version ? 1 : x->version > y->version ? -1 : 0;	/* newest first */
}

int
combine(const char *out, const char *index, int ninputs, char **inputs)
{
	if (ninputs < 1)
		die("--combine needs learned rules files");
	inputs_path = inputs;
	for (cur_input = 0; cur_input < ninputs; cur_input++)
		read_input(inputs[cur_input]);
	/* a kernel of two inputs: the later one's rules of it (a kernel learned again) */
	size_t kept = 0;
	for (size_t i = 0; i < lines.n; i++) {
		int k = 0;
		while (kernels[k] != lines.a[i].version)
			k++;
		if (kernel_input[k] == lines.a[i].input)
			lines.a[kept++] = lines.a[i];
	}
	lines.n = kept;
	/* kernels ascending, each with the input it comes from */
	for (int i = 0; i < nkernels; i++)
		for (int j = i + 1; j < nkernels; j++)
			if (kernels[j] < kernels[i]) {
				unsigned t = kernels[i];
				int ti = kernel_input[i];
				kernels[i] = kernels[j];
				kernel_input[i] = kernel_input[j];
				kernels[j] = t;
				kernel_input[j] = ti;
			}
	qsort(lines.a, lines.n, sizeof(*lines.a), line_cmp);

	/* one rule a distinct contract of a name, the newest kernel's text */
	rules_reset();
	for (size_t i = 0; i < lines.n;) {
		size_t j = i;
		bool held[RULES_MAX_KERNELS] = { false };
		for (; j < lines.n && strcmp(lines.a[j].key, lines.a[i].key) == 0 &&
		       strcmp(lines.a[j].sig, lines.a[i].sig) == 0; j++)
			for (int k = 0; k < nkernels; k++)
				if (kernels[k] == lines.a[j].version)
					held[k] = true;
		struct sbuf line = { 0 };
		sb_printf(&line, "%s versions=", lines.a[i].text);
		bool first = true;
		for (int k = 0; k < nkernels; k++) {
			if (!held[k])
				continue;
			if (!first)
				sb_printf(&line, ",");
			version_text(&line, kernels[k]);
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
	stats.rules = rules.n;
	struct sbuf kt = { 0 };
	for (int i = 0; i < nkernels; i++) {
		if (i)
			sb_printf(&kt, " ");
		version_text(&kt, kernels[i]);
	}
	char *kernels_text = sb_take(&kt);
	char **sources = die_realloc(NULL, ninputs * sizeof(*sources));
	for (int i = 0; i < ninputs; i++) {
		struct sbuf s = { 0 };
		const char *base = strrchr(inputs[i], '/');
		sb_printf(&s, "%s", base ? base + 1 : inputs[i]);
		sources[i] = sb_take(&s);
	}
	write_combined_rules(out, ninputs, sources, kernels_text, index);
	if (index) {
		const char *base = out ? strrchr(out, '/') : NULL;
		write_index_kernels(index, base ? base + 1 : out, kernels_text);
	}
	fprintf(stderr, "%s: %d kernels (%s), %zu rules written\n", die_program, nkernels,
		kernels_text, rules.n);
	return 0;
}
