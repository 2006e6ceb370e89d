/*
 * rules_parse.c - the syntax of rules files (docs/rules.md), without GCC:
 * lines, fields, KEY=VALUE pairs and their values.  See rules_parse.h;
 * plugin/contracts.c stores what it reads, scripts/fuzz/fuzz_rules.c fuzzes it.
 * Common subset of C and C++: no GCC or libiberty header here.
 */
#define _POSIX_C_SOURCE 200809L	/* getc_unlocked */
#include "rules_parse.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *const rules_fails_names[6] = { "unknown", "none", "null", "err", "both", "stored" };
const char *const rules_callers_names[6] = { "unknown", "is_err", "null", "is_err_or_null",
					     "none", "mixed" };
const char *const rules_accepts_names[5] = { "-", "none", "null", "err", "both" };

void
rules_error(struct rules_parser *p, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	p->failed = true;
	p->error(p, msg);
}

static int
word_index(const char *const *words, int n, const char *w)
{
	for (int i = 0; i < n; i++)
		if (strcmp(words[i], w) == 0)
			return i;
	return -1;
}

/* ASCII only, whatever the locale (as libiberty's safe-ctype). */
static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

static bool
is_identifier(const char *s, bool allow_dot)
{
	bool dot_seen = false;

	if (!(is_alpha(*s) || *s == '_'))
		return false;
	for (s++; *s; s++) {
		if (is_alnum(*s) || *s == '_')
			continue;
		if (*s == '.' && allow_dot && !dot_seen && (is_alpha(s[1]) || s[1] == '_')) {
			dot_seen = true;
			continue;
		}
		return false;
	}
	return !allow_dot || dot_seen;
}

bool
rules_parse_version(const char *text, unsigned *out)
{
	char *end;
	if (!is_digit(*text))
		return false;
	long major = strtol(text, &end, 10);
	if (*end != '.' || !is_digit(end[1]) || major < 1 || major > 255)
		return false;
	long minor = strtol(end + 1, &end, 10);
	if (*end || minor > 255)
		return false;
	*out = RULES_KERNEL(major, minor);
	return true;
}

/* "5.10,6.1,6.12" into OUT, ascending, each once; its number, or -1. */
static int
parse_versions(struct rules_parser *p, const char *key, char *val, unsigned *out)
{
	int n = 0;
	for (char *tok = val, *next; tok; tok = next) {
		next = strchr(tok, ',');
		if (next)
			*next++ = 0;
		unsigned v;
		if (!rules_parse_version(tok, &v)) {
			rules_error(p, "%s: '%s' is not a kernel version MAJOR.MINOR", key, tok);
			return -1;
		}
		if (n && v <= out[n - 1]) {
			rules_error(p, "%s: the versions must be ascending, each once", key);
			return -1;
		}
		if (n == RULES_MAX_KERNELS) {
			rules_error(p, "%s: more than %d versions", key, RULES_MAX_KERNELS);
			return -1;
		}
		out[n++] = v;
	}
	return n;
}

bool
rules_contract_fields(struct rules_parser *p, bool member, char **fields, int nfields,
		      struct rule_contract *out)
{
	struct rule_contract c;
	memset(&c, 0, sizeof(c));
	c.nargs = -1;

	if (nfields < 2) {
		rules_error(p, "'%s' needs a name", fields[0]);
		return false;
	}
	char *name = fields[1];
	size_t name_len = strlen(name);
	if (!member && name_len > 1 && name[name_len - 1] == '*') {
		name[name_len - 1] = 0;		/* a prefix: "debugfs_*" */
		c.prefix = true;
	}
	if (!is_identifier(name, member)) {
		if (c.prefix)
			name[name_len - 1] = '*';
		rules_error(p, member ? "'%s' is not STRUCT.FIELD" : "'%s' is not a function name",
			    name);
		return false;
	}
	c.name = name;
	bool have_fails = false;
	unsigned keys_seen = 0;
	static const char *const keys[] = { "fails", "callers", "args", "caller", "src",
					    "range_arg", "since", "until", "versions", "accepts" };
	for (int i = 2; i < nfields; i++) {
		char *eq = strchr(fields[i], '=');
		if (!eq || eq == fields[i] || !eq[1]) {
			rules_error(p, "'%s' is not KEY=VALUE", fields[i]);
			return false;
		}
		*eq = 0;
		const char *key = fields[i], *val = eq + 1;
		/* a key given twice: which value is meant is unknown */
		int ki = word_index(keys, (int)(sizeof(keys) / sizeof(keys[0])), key);
		if (ki >= 0 && (keys_seen & (1u << ki))) {
			rules_error(p, "'%s' is given twice", key);
			return false;
		}
		if (ki >= 0)
			keys_seen |= 1u << ki;
		if (strcmp(key, "fails") == 0) {
			int k = word_index(rules_fails_names, 6, val);
			if (k <= 0) {
				rules_error(p, "fails=%s: expected null, err, both, none or stored", val);
				return false;
			}
			c.fails = k;
			have_fails = true;
		} else if (strcmp(key, "accepts") == 0) {
			int k = word_index(rules_accepts_names, 5, val);
			if (k <= 0) {
				rules_error(p, "accepts=%s: expected null, err, both or none", val);
				return false;
			}
			c.accepts = k;
		} else if (strcmp(key, "callers") == 0) {
			int k = word_index(rules_callers_names, 6, val);
			if (k <= 0) {
				rules_error(p, "callers=%s: expected is_err, null, is_err_or_null, "
					    "none or mixed", val);
				return false;
			}
			c.callers = k;
		} else if (strcmp(key, "args") == 0) {
			char *end;
			long n = strtol(val, &end, 10);
			if (*end || n < 0 || n > 127) {
				rules_error(p, "args=%s: expected a number of arguments", val);
				return false;
			}
			c.nargs = (int)n;
		} else if (strcmp(key, "range_arg") == 0) {
			char *end;
			long n = strtol(val, &end, 10);
			if (*end || n < 1 || n > 127) {
				rules_error(p, "range_arg=%s: expected an argument number, 1 for the first",
					    val);
				return false;
			}
			c.range_arg = (int)n;
		} else if (strcmp(key, "since") == 0 || strcmp(key, "until") == 0) {
			unsigned v;
			if (!rules_parse_version(val, &v)) {
				rules_error(p, "%s=%s: expected a kernel version MAJOR.MINOR", key, val);
				return false;
			}
			*(key[0] == 's' ? &c.since : &c.until) = v;
		} else if (strcmp(key, "versions") == 0) {
			c.nversions = parse_versions(p, "versions", (char *)val, c.versions);
			if (c.nversions < 0)
				return false;
		} else if (strcmp(key, "caller") == 0) {
			c.caller = val;
		} else if (strcmp(key, "src") == 0) {
			c.src = val;
		} else {
			rules_error(p, "unknown key '%s'", key);
			return false;
		}
	}
	if (c.prefix && keys_seen != 1u << 9) {
		rules_error(p, "'%s*' names every function it begins: it takes accepts= and nothing else",
			    name);
		return false;
	}
	if (member && c.accepts) {
		rules_error(p, "accepts= describes a function's arguments, not a member");
		return false;
	}
	if (!have_fails && !c.accepts) {
		rules_error(p, "'%s' needs fails=", name);
		return false;
	}
	if (c.since && c.until && c.since > c.until) {
		rules_error(p, "since= is after until=");
		return false;
	}
	if (c.nversions && (c.since || c.until)) {
		rules_error(p, "versions= (learned) and since=/until= (written) do not go together");
		return false;
	}
	if (c.range_arg && c.nargs >= 0 && c.range_arg > c.nargs) {
		rules_error(p, "range_arg=%d: '%s' has %d arguments", c.range_arg, name, c.nargs);
		return false;
	}
	*out = c;
	return true;
}

static void
parse_standin(struct rules_parser *p, char **fields, int nfields)
{
	if (nfields != 3 || strncmp(fields[2], "for=", 4) != 0) {
		rules_error(p, "expected 'standin FUNCTION for=API'");
		return;
	}
	const char *api = fields[2] + 4;
	if (!is_identifier(fields[1], false) || !is_identifier(api, false)) {
		rules_error(p, "'standin' takes two function names");
		return;
	}
	p->standin(p, fields[1], api);
}

static void
parse_api(struct rules_parser *p, char **fields, int nfields)
{
	if (nfields < 2) {
		rules_error(p, "'api' needs KEY=NAME fields");
		return;
	}
	for (int i = 1; i < nfields; i++) {
		char *eq = strchr(fields[i], '=');
		if (!eq || eq == fields[i] || !eq[1]) {
			rules_error(p, "'%s' is not KEY=NAME", fields[i]);
			return;
		}
		*eq = 0;
		/* the same key twice in a file: which name is meant is unknown */
		static const char *const keys[] = { "is_err", "is_err_or_null", "err_ptr", "ptr_err",
						    "err_cast", "ptr_err_or_zero", "max_errno" };
		int k = word_index(keys, (int)(sizeof(keys) / sizeof(keys[0])), fields[i]);
		if (k >= 0 && (p->api_seen & (1u << k))) {
			rules_error(p, "api key '%s' is given twice in this file", fields[i]);
			return;
		}
		if (k >= 0)
			p->api_seen |= 1u << k;
		if (strcmp(fields[i], "max_errno") == 0) {
			char *end;
			long n = strtol(eq + 1, &end, 10);
			if (*end || !p->api_max_errno(n)) {
				rules_error(p, "max_errno=%s: expected a number from 1 to 65535", eq + 1);
				return;
			}
			continue;
		}
		if (!is_identifier(eq + 1, false)) {
			rules_error(p, "'%s' is not a name", eq + 1);
			return;
		}
		if (!p->api_name(fields[i], eq + 1)) {
			rules_error(p, "unknown api key '%s' (expected is_err, is_err_or_null, err_ptr, "
				    "ptr_err, err_cast, ptr_err_or_zero or max_errno)", fields[i]);
			return;
		}
	}
}

/* "kernels 5.10 6.1 6.12 7.2": what a learned file was learned from. */
static void
parse_kernels(struct rules_parser *p, char **fields, int nfields)
{
	unsigned v[RULES_MAX_KERNELS];
	int n = 0;
	if (!p->kernels) {
		rules_error(p, "'kernels' belongs in a learned rules file");
		return;
	}
	if (nfields < 2) {
		rules_error(p, "'kernels' needs the versions, e.g. 'kernels 6.1 6.12'");
		return;
	}
	for (int i = 1; i < nfields; i++) {
		if (!rules_parse_version(fields[i], &v[n])) {
			rules_error(p, "kernels: '%s' is not a kernel version MAJOR.MINOR", fields[i]);
			return;
		}
		if (n && v[n] <= v[n - 1]) {
			rules_error(p, "kernels: the versions must be ascending, each once");
			return;
		}
		if (++n == RULES_MAX_KERNELS && i + 1 < nfields) {
			rules_error(p, "kernels: more than %d versions", RULES_MAX_KERNELS);
			return;
		}
	}
	p->kernels(p, v, n);
}

int
rules_split_fields(struct rules_parser *p, char *line, char **fields)
{
	char *hash = strchr(line, '#');
	if (hash)
		*hash = 0;
	int n = 0;
	for (char *tok = strtok(line, " \t\r"); tok; tok = strtok(NULL, " \t\r")) {
		if (n == RULES_MAX_FIELDS) {
			rules_error(p, "too many fields");
			return -1;
		}
		fields[n++] = tok;
	}
	return n;
}

void
rules_parse_line(struct rules_parser *p, char *line)
{
	char *fields[RULES_MAX_FIELDS];
	struct rule_contract c;
	int n = rules_split_fields(p, line, fields);
	if (n <= 0)
		return;
	if (strcmp(fields[0], "func") == 0 || strcmp(fields[0], "member") == 0) {
		bool member = fields[0][0] == 'm';
		if (rules_contract_fields(p, member, fields, n, &c))
			p->contract(p, member, &c);
	} else if (strcmp(fields[0], "standin") == 0) {
		parse_standin(p, fields, n);
	} else if (strcmp(fields[0], "api") == 0) {
		parse_api(p, fields, n);
	} else if (strcmp(fields[0], "kernels") == 0) {
		parse_kernels(p, fields, n);
	} else {
		rules_error(p, "unknown keyword '%s' (expected func, member, standin, api or kernels)",
			    fields[0]);
	}
}

/* One line of F into BUF (RULES_MAX_LINE + 2 bytes): its length, newline
 * included, RULES_MAX_LINE + 1 at most; 0 at the end of the file.  Unlike
 * fgets() and strlen(), it counts NUL bytes. */
static size_t
read_line(FILE *f, char *buf)
{
	size_t n = 0;
	int ch;

	while (n < RULES_MAX_LINE + 1 && (ch = getc_unlocked(f)) != EOF) {
		buf[n++] = (char)ch;
		if (ch == '\n')
			break;
	}
	buf[n] = 0;
	return n;
}

void
rules_read(struct rules_parser *p, FILE *f)
{
	char buf[RULES_MAX_LINE + 2];
	size_t len;
	bool skipping = false;

	while ((len = read_line(f, buf)) > 0) {
		bool complete = buf[len - 1] == '\n';
		if (skipping) {		/* the rest of an over-long line */
			if (memchr(buf, 0, len))
				break;	/* binary (/dev/zero): the long line failed the file */
			skipping = !complete;
			continue;
		}
		p->line++;
		if (memchr(buf, 0, len)) {
			rules_error(p, "binary data in a rules file");
			break;
		}
		if (!complete && !feof(f)) {
			rules_error(p, "line longer than %d characters", RULES_MAX_LINE);
			skipping = true;
			continue;
		}
		bool bad = false;
		for (size_t i = 0; i < len; i++) {
			unsigned char ch = buf[i];
			if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
				bad = true;
		}
		if (bad) {
			rules_error(p, "control characters in a rules file");
			continue;
		}
		if (complete)
			buf[len - 1] = 0;
		rules_parse_line(p, buf);
	}
	if (ferror(f))
		rules_error(p, "read error: %s", strerror(errno));
}
