/*
 * contracts.c - the contract store: what each API returns on failure and
 * how its callers test the result, read from rules files.
 *
 * Format (docs/rules.md): one entry per line, blank-separated fields,
 * '#' comments.
 *     func NAME fails=F [callers=C] [args=N] [caller=PATH:LINE:FN] [src=PATH:LINE]
 *     member STRUCT.FIELD fails=F [callers=C] ...
 *     standin FUNCTION for=API
 *     api KEY=NAME ...
 * A file read later overrides entries of one read earlier; the same name
 * twice in one file is an error.  Every error names the file and line and
 * fails the compilation: silently wrong rules would be worse than none.
 */
#include "errptr.h"

#define MAX_LINE 4096

static htab_t functions, members, standins;

struct entry {
	const char *key;
	struct contract c;
};

static hashval_t
entry_hash(const void *p)
{
	return htab_hash_string(((const struct entry *)p)->key);
}

static int
entry_eq(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->key, ((const struct entry *)b)->key) == 0;
}

void
contracts_init(void)
{
	if (functions)
		return;
	functions = htab_create(512, entry_hash, entry_eq, NULL);
	members = htab_create(64, entry_hash, entry_eq, NULL);
	standins = htab_create(16, entry_hash, entry_eq, NULL);
}

static const struct contract *
lookup(htab_t table, const char *key)
{
	struct entry probe;

	if (!table)
		return NULL;
	probe.key = key;
	struct entry *e = (struct entry *)htab_find(table, &probe);
	return e ? &e->c : NULL;
}

const struct contract *
contract_for_function(const char *name)
{
	const struct contract *c = lookup(functions, name);
	return c ? c : rules_index_lookup(false, name);	/* learned index */
}

/* A declaration the front end finished: remember it when it is an API with
 * a contract, so stand-in detection can compare prototypes. */
void
contracts_note_declaration(tree decl)
{
	if (!decl || TREE_CODE(decl) != FUNCTION_DECL || !DECL_NAME(decl) || !functions)
		return;
	struct entry probe;
	probe.key = IDENTIFIER_POINTER(DECL_NAME(decl));
	struct entry *e = (struct entry *)htab_find(functions, &probe);
	struct contract *c = e ? &e->c : rules_index_lookup(false, probe.key);
	if (c && !c->decl)
		c->decl = decl;
}

const struct contract *
contract_for_member(const char *type_name, const char *field)
{
	char key[512];

	if (!type_name || !field)
		return NULL;
	snprintf(key, sizeof(key), "%s.%s", type_name, field);
	const struct contract *c = lookup(members, key);
	return c ? c : rules_index_lookup(true, key);		/* learned index */
}

const struct contract *
standin_rule_for(const char *name)
{
	return lookup(standins, name);
}

bool
contract_name_exists(const char *name, size_t len)
{
	char key[256];

	if (len >= sizeof(key))
		return false;
	memcpy(key, name, len);
	key[len] = 0;
	return lookup(functions, key) != NULL || rules_index_has(false, key);
}

static const char *const fails_names[] = { "unknown", "none", "null", "err", "both" };
static const char *const callers_names[] = { "unknown", "is_err", "null", "is_err_or_null",
					     "none", "mixed" };

const char *
fails_name(enum fail_kind k)
{
	return fails_names[k];
}

const char *
callers_name(enum callers_kind k)
{
	return callers_names[k];
}

unsigned
fails_to_mask(enum fail_kind k)
{
	switch (k) {
	case FAILS_NONE: return VK_VALID;
	case FAILS_NULL: return VK_NULL | VK_VALID;
	case FAILS_ERR:  return VK_ERR | VK_VALID;
	case FAILS_BOTH: return VK_NULL | VK_ERR | VK_VALID;
	default:         return VK_UNKNOWN;
	}
}

static int
word_index(const char *const *words, int n, const char *w)
{
	for (int i = 0; i < n; i++)
		if (strcmp(words[i], w) == 0)
			return i;
	return -1;
}

static bool
is_identifier(const char *s, bool allow_dot)
{
	bool dot_seen = false;

	if (!(ISALPHA(*s) || *s == '_'))
		return false;
	for (s++; *s; s++) {
		if (ISALNUM(*s) || *s == '_')
			continue;
		if (*s == '.' && allow_dot && !dot_seen && (ISALPHA(s[1]) || s[1] == '_')) {
			dot_seen = true;
			continue;
		}
		return false;
	}
	return !allow_dot || dot_seen;
}

struct reader {
	const char *file;
	int line;
	bool failed;
	htab_t seen;		/* "kind name" of this file, to find duplicates */
};

static void ATTRIBUTE_PRINTF_2
rule_error(struct reader *rd, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (rd->line)
		error("%s:%d: %s [errptr-rules]", rd->file, rd->line, msg);
	else	/* a line of the learned index: FILE names the index and key */
		error("%s: %s [errptr-rules]", rd->file, msg);
	rd->failed = true;
}

static bool
first_in_file(struct reader *rd, const char *kind, const char *name)
{
	char *key = concat(kind, " ", name, NULL);
	struct entry probe;
	probe.key = key;
	void **slot = htab_find_slot(rd->seen, &probe, INSERT);
	if (*slot) {
		free(key);
		return false;
	}
	struct entry *e = XCNEW(struct entry);
	e->key = key;
	*slot = e;
	return true;
}

static void
store(htab_t table, const char *key, const struct contract *c)
{
	struct entry probe;
	probe.key = key;
	void **slot = htab_find_slot(table, &probe, INSERT);
	struct entry *e = (struct entry *)*slot;
	if (!e) {
		e = XCNEW(struct entry);
		e->key = xstrdup(key);
		*slot = e;
	}
	e->c = *c;
	e->c.name = e->key;
}

/* The fields of a "func" or "member" line as a contract; false (after an
 * error naming the file and line) when they are malformed.  Shared by the
 * rules files and the learned index (rules_index.c), which parses the one
 * line it looks up. */
static bool
contract_from_fields(struct reader *rd, bool member, char **fields, int nfields,
		     struct contract *out)
{
	struct contract c;
	memset(&c, 0, sizeof(c));
	c.nargs = -1;
	c.is_member = member;
	c.rule_file = rd->file;
	c.rule_line = rd->line;

	if (nfields < 2) {
		rule_error(rd, "'%s' needs a name", fields[0]);
		return false;
	}
	const char *name = fields[1];
	if (!is_identifier(name, member)) {
		rule_error(rd, member ? "'%s' is not STRUCT.FIELD" : "'%s' is not a function name",
			   name);
		return false;
	}
	bool have_fails = false;
	for (int i = 2; i < nfields; i++) {
		char *eq = strchr(fields[i], '=');
		if (!eq || eq == fields[i] || !eq[1]) {
			rule_error(rd, "'%s' is not KEY=VALUE", fields[i]);
			return false;
		}
		*eq = 0;
		const char *key = fields[i], *val = eq + 1;
		if (strcmp(key, "fails") == 0) {
			int k = word_index(fails_names, ARRAY_SIZE(fails_names), val);
			if (k <= 0) {
				rule_error(rd, "fails=%s: expected null, err, both or none", val);
				return false;
			}
			c.fails = (enum fail_kind)k;
			have_fails = true;
		} else if (strcmp(key, "callers") == 0) {
			int k = word_index(callers_names, ARRAY_SIZE(callers_names), val);
			if (k <= 0) {
				rule_error(rd, "callers=%s: expected is_err, null, is_err_or_null, "
					   "none or mixed", val);
				return false;
			}
			c.callers = (enum callers_kind)k;
		} else if (strcmp(key, "args") == 0) {
			char *end;
			long n = strtol(val, &end, 10);
			if (*end || n < 0 || n > 127) {
				rule_error(rd, "args=%s: expected a number of arguments", val);
				return false;
			}
			c.nargs = (int)n;
		} else if (strcmp(key, "caller") == 0) {
			c.caller = xstrdup(val);
		} else if (strcmp(key, "src") == 0) {
			c.src = xstrdup(val);
		} else {
			rule_error(rd, "unknown key '%s'", key);
			return false;
		}
	}
	if (!have_fails) {
		rule_error(rd, "'%s' needs fails=", name);
		return false;
	}
	*out = c;
	return true;
}

static void
parse_contract(struct reader *rd, bool member, char **fields, int nfields)
{
	struct contract c;

	if (!contract_from_fields(rd, member, fields, nfields, &c))
		return;
	if (!first_in_file(rd, fields[0], fields[1])) {
		rule_error(rd, "'%s' is already described in this file", fields[1]);
		return;
	}
	store(member ? members : functions, fields[1], &c);
}

static void
parse_standin(struct reader *rd, char **fields, int nfields)
{
	if (nfields != 3 || strncmp(fields[2], "for=", 4) != 0) {
		rule_error(rd, "expected 'standin FUNCTION for=API'");
		return;
	}
	const char *api = fields[2] + 4;
	if (!is_identifier(fields[1], false) || !is_identifier(api, false)) {
		rule_error(rd, "'standin' takes two function names");
		return;
	}
	if (!first_in_file(rd, "standin", fields[1])) {
		rule_error(rd, "'%s' is already described in this file", fields[1]);
		return;
	}
	struct contract c;
	memset(&c, 0, sizeof(c));
	c.nargs = -1;
	c.standin_for = xstrdup(api);
	c.rule_file = rd->file;
	c.rule_line = rd->line;
	store(standins, fields[1], &c);
}

static void
parse_api(struct reader *rd, char **fields, int nfields)
{
	if (nfields < 2) {
		rule_error(rd, "'api' needs KEY=NAME fields");
		return;
	}
	for (int i = 1; i < nfields; i++) {
		char *eq = strchr(fields[i], '=');
		if (!eq || eq == fields[i] || !eq[1]) {
			rule_error(rd, "'%s' is not KEY=NAME", fields[i]);
			return;
		}
		*eq = 0;
		if (strcmp(fields[i], "max_errno") == 0) {
			char *end;
			long n = strtol(eq + 1, &end, 10);
			if (*end || !api_set_max_errno(n)) {
				rule_error(rd, "max_errno=%s: expected a number from 1 to 65535", eq + 1);
				return;
			}
			continue;
		}
		if (!is_identifier(eq + 1, false)) {
			rule_error(rd, "'%s' is not a name", eq + 1);
			return;
		}
		if (!api_set_name(fields[i], eq + 1)) {
			rule_error(rd, "unknown api key '%s' (expected is_err, is_err_or_null, err_ptr, "
				   "ptr_err, err_cast, ptr_err_or_zero or max_errno)", fields[i]);
			return;
		}
	}
}

#define MAX_FIELDS 32

/* Split LINE (modified) into blank-separated FIELDS, up to a '#' comment:
 * their number, or -1 after an error. */
static int
split_fields(struct reader *rd, char *line, char **fields)
{
	char *hash = strchr(line, '#');
	if (hash)
		*hash = 0;
	int n = 0;
	for (char *tok = strtok(line, " \t\r"); tok; tok = strtok(NULL, " \t\r")) {
		if (n == MAX_FIELDS) {
			rule_error(rd, "too many fields");
			return -1;
		}
		fields[n++] = tok;
	}
	return n;
}

static void
parse_line(struct reader *rd, char *line)
{
	char *fields[MAX_FIELDS];
	int n = split_fields(rd, line, fields);
	if (n <= 0)
		return;
	if (strcmp(fields[0], "func") == 0)
		parse_contract(rd, false, fields, n);
	else if (strcmp(fields[0], "member") == 0)
		parse_contract(rd, true, fields, n);
	else if (strcmp(fields[0], "standin") == 0)
		parse_standin(rd, fields, n);
	else if (strcmp(fields[0], "api") == 0)
		parse_api(rd, fields, n);
	else
		rule_error(rd, "unknown keyword '%s' (expected func, member, standin or api)",
			   fields[0]);
}

bool
contracts_load_file(const char *path)
{
	contracts_init();
	FILE *f = fopen(path, "r");
	if (!f) {
		error("%s: cannot read rules: %s [errptr-rules]", path, xstrerror(errno));
		return false;
	}
	struct reader rd;
	rd.file = xstrdup(path);
	rd.line = 0;
	rd.failed = false;
	rd.seen = htab_create(64, entry_hash, entry_eq, NULL);

	char buf[MAX_LINE + 2];
	bool skipping = false;
	while (fgets(buf, sizeof(buf), f)) {
		size_t len = strlen(buf);
		bool complete = len > 0 && buf[len - 1] == '\n';
		if (skipping) {		/* the rest of an over-long line */
			skipping = !complete;
			continue;
		}
		rd.line++;
		if (!complete && !feof(f)) {
			rule_error(&rd, "line longer than %d characters", MAX_LINE);
			skipping = true;
			continue;
		}
		if (memchr(buf, 0, len) || strlen(buf) != len) {
			rule_error(&rd, "binary data in a rules file");
			break;
		}
		bool bad = false;
		for (size_t i = 0; i < len; i++) {
			unsigned char ch = buf[i];
			if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
				bad = true;
		}
		if (bad) {
			rule_error(&rd, "control characters in a rules file");
			continue;
		}
		if (complete)
			buf[len - 1] = 0;
		parse_line(&rd, buf);
	}
	if (ferror(f))
		rule_error(&rd, "read error: %s", xstrerror(errno));
	fclose(f);
	htab_delete(rd.seen);
	return !rd.failed;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* In rules/learned/, an index X.cdb stands for X.rules (rules_index.c). */
static bool
indexed(const char *dir, const char *rules_name)
{
	char *cdb = concat(dir, "/", rules_name, NULL);
	strcpy(cdb + strlen(cdb) - 6, ".cdb");
	bool yes = access(cdb, F_OK) == 0;
	free(cdb);
	return yes;
}

/* Load DIR/learned/ *.rules, then DIR/ *.rules, each in name order, so
 * hand-written rules override learned ones.  The learned indexes
 * (learned/ *.cdb) are opened, not read: their lines are looked up when a
 * name misses the rules in memory. */
static bool
load_rules_in(const char *dir, bool must_exist, bool learned)
{
	DIR *d = opendir(dir);
	if (!d) {
		if (!must_exist)
			return true;
		error("%s: cannot read rules directory: %s [errptr-rules]", dir, xstrerror(errno));
		return false;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	bool indexes_ok = true;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (learned && len > 4 && strcmp(de->d_name + len - 4, ".cdb") == 0) {
			char *path = concat(dir, "/", de->d_name, NULL);
			indexes_ok &= rules_index_open(path);
			free(path);
			continue;
		}
		if (len <= 6 || strcmp(de->d_name + len - 6, ".rules") != 0)
			continue;
		if (learned && indexed(dir, de->d_name))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			names = XRESIZEVEC(char *, names, cap);
		}
		names[n++] = concat(dir, "/", de->d_name, NULL);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), compare_names);
	bool ok = indexes_ok;
	for (size_t i = 0; i < n; i++)
		ok &= contracts_load_file(names[i]);
	free(names);
	return ok;
}

bool
contracts_load_dir(const char *dir)
{
	char *learned = concat(dir, "/learned", NULL);
	bool ok = load_rules_in(learned, false, true);
	free(learned);
	return load_rules_in(dir, true, false) && ok;
}

/* ---- one line of the learned index (rules_index.c) --------------------
 * TEXT (modified) must be a "func" (or, MEMBER, "member") rule for NAME;
 * WHERE names the index and key in messages. */
bool
contracts_parse_rule(const char *where, char *text, bool member, const char *name,
		     struct contract *out)
{
	struct reader rd;
	rd.file = where;
	rd.line = 0;
	rd.failed = false;
	rd.seen = NULL;

	char *fields[MAX_FIELDS];
	int n = split_fields(&rd, text, fields);
	if (n < 0)
		return false;
	if (n < 2 || strcmp(fields[0], member ? "member" : "func") != 0 ||
	    strcmp(fields[1], name) != 0) {
		rule_error(&rd, "expected a '%s %s' rule", member ? "member" : "func", name);
		return false;
	}
	return contract_from_fields(&rd, member, fields, n, out);
}
