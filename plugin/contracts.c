/*
 * contracts.c - the contract store: what each API returns on failure and
 * how its callers test the result, read from rules files.
 *
 * Format (docs/rules.md): one entry per line, blank-separated fields,
 * '#' comments.
 *     func NAME fails=F [callers=C] [args=N] [range_arg=K] [caller=PATH:LINE:FN]
 *          [src=PATH:LINE]
 *     member STRUCT.FIELD fails=F [callers=C] ...
 *     standin FUNCTION for=API
 *     api KEY=NAME ...
 * A file read later overrides entries of one read earlier; the same name
 * twice in one file is an error.  Every error names the file and line and
 * fails the compilation: silently wrong rules would be worse than none.
 * The syntax is read by rules_parse.c (no GCC there, so it can be fuzzed:
 * tools/fuzz/); this file keeps the store, the duplicates and the messages.
 */
#include "contracts.h"
#include "errapi.h"
#include "rules_index.h"
#include "rules_parse.h"	/* the syntax: lines, fields, values */
#include "versions.h"

static htab_t functions, members, standins;

/* What functions take in their pointer arguments and do nothing harmful
 * with (accepts=): by name, and by prefix ("func debugfs_* accepts=both").
 * A later file's says wins, as for contracts. */
struct accepting {
	const char *name;	/* the name, or the prefix */
	unsigned kinds;		/* VK_NULL, VK_ERR */
	const char *file;
};
static htab_t accepting_names;
static struct accepting *accepting_prefixes;
static int naccepting_prefixes;

static hashval_t
accepting_hash(const void *p)
{
	return htab_hash_string(((const struct accepting *)p)->name);
}

static int
accepting_eq(const void *a, const void *b)
{
	return strcmp(((const struct accepting *)a)->name,
		      ((const struct accepting *)b)->name) == 0;
}

/* The rules of one name: the written ones of the last file that has any,
 * the learned ones of the last learned file read (not indexed) that has
 * any; each may be several, for different kernels (versions.c). */
struct rule_set {
	struct contract **c;
	int n;
	const char *file;
};

struct entry {
	const char *key;
	struct rule_set written, learned;
	bool chosen;			/* choice made for the unit's kernel */
	const struct contract *choice;
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

static struct entry *
find(htab_t table, const char *key)
{
	struct entry probe;

	if (!table)
		return NULL;
	probe.key = key;
	return (struct entry *)htab_find(table, &probe);
}

/* The contract of KEY for the unit's kernel: a written rule that holds for
 * it, else a learned one (read, or looked up in the learned index). */
static const struct contract *
lookup(htab_t table, const char *key, bool member)
{
	struct entry *e = find(table, key);
	if (!e)
		return table == standins ? NULL : rules_index_lookup(member, key);
	if (!e->chosen) {
		e->chosen = true;
		e->choice = versions_choose_written(e->written.c, e->written.n);
		if (!e->choice && e->learned.n)
			e->choice = versions_choose_learned(e->learned.c, e->learned.n);
		else if (!e->choice && table != standins)
			e->choice = rules_index_lookup(member, key);
	}
	return e->choice;
}

/* Since Linux 6.10 (memory allocation profiling, "lib: add allocation tagging
 * support for memory allocation profiling") an allocator API X is a macro,
 * "#define X(...) alloc_hooks(X_noprof(__VA_ARGS__))": the call in the unit
 * is to X_noprof, which fails as X does; Linux 7.x makes some of those a
 * macro for _X_noprof() with one more argument (a kmalloc token).  Without a
 * contract of its own, X_noprof and _X_noprof have X's (kzalloc, kmalloc,
 * kmemdup, alloc_workqueue, ...). */
#define NOPROF_SUFFIX "_noprof"

const struct contract *
contract_for_function(const char *name)
{
	const struct contract *c = lookup(functions, name, false);
	size_t len = strlen(name), slen = sizeof(NOPROF_SUFFIX) - 1;

	/* a written rule of its own, or not an X_noprof: that is all */
	if ((c && !c->learned) || len <= slen + 1 || len - slen >= 256 ||
	    strcmp(name + len - slen, NOPROF_SUFFIX) != 0)
		return c;
	char stem[256];
	memcpy(stem, name, len - slen);
	stem[len - slen] = 0;
	const struct contract *x = lookup(functions, stem, false);
	if (!x && stem[0] == '_' && stem[1] != '_')
		x = lookup(functions, stem + 1, false);
	/* X's written rule beats what was learned of X_noprof (written rules
	 * win over learned ones; X_noprof exists only in newer kernels, so
	 * for the others its learned contract is not even proven) */
	if (x && (!c || !x->learned))
		return x;
	return c;
}

/* A declaration the front end finished: remember the first declaration of
 * each function name (a pointer table keyed by the identifier; no rule
 * lookup), so stand-in detection can compare prototypes. */
static htab_t declared;

static hashval_t
declared_hash(const void *p)
{
	return htab_hash_pointer(DECL_NAME((const_tree)p));
}

static int
declared_eq(const void *entry, const void *id)
{
	return DECL_NAME((const_tree)entry) == (const_tree)id;
}

void
contracts_note_declaration(tree decl)
{
	if (!decl || TREE_CODE(decl) != FUNCTION_DECL || !DECL_NAME(decl) || !functions)
		return;
	if (!declared)
		declared = htab_create(1024, declared_hash, declared_eq, NULL);
	tree id = DECL_NAME(decl);
	void **slot = htab_find_slot_with_hash(declared, id, htab_hash_pointer(id), INSERT);
	if (!*slot)
		*slot = decl;
}

tree
contract_declaration(const struct contract *c)
{
	if (c->decl)
		return c->decl;
	if (!declared || !c->name || c->is_member)
		return NULL_TREE;
	tree id = maybe_get_identifier(c->name);
	if (!id)
		return NULL_TREE;
	tree d = (tree)htab_find_with_hash(declared, id, htab_hash_pointer(id));
	((struct contract *)c)->decl = d;
	return d;
}

const struct contract *
contract_for_member(const char *type_name, const char *field)
{
	char key[512];

	if (!type_name || !field)
		return NULL;
	snprintf(key, sizeof(key), "%s.%s", type_name, field);
	return lookup(members, key, true);
}

const struct contract *
standin_rule_for(const char *name)
{
	return lookup(standins, name, false);
}

bool
contract_name_exists(const char *name, size_t len)
{
	char key[256];

	if (len >= sizeof(key))
		return false;
	memcpy(key, name, len);
	key[len] = 0;
	return find(functions, key) != NULL || rules_index_has(false, key);
}

const struct contract *
contract_named_in(const char *ident, size_t min_len,
		  bool (*wanted)(const struct contract *, void *), void *data)
{
	size_t len = strlen(ident);
	const struct contract *best = NULL;
	size_t best_len = 0;

	for (size_t i = 0; i < len; i++) {
		if (i > 0 && ident[i - 1] != '_')
			continue;
		for (size_t j = len; j > i + min_len; j--) {
			if ((j < len && ident[j] != '_') || (i == 0 && j == len) || j - i <= best_len)
				continue;
			if (!contract_name_exists(ident + i, j - i))
				continue;
			char *api = xstrndup(ident + i, j - i);
			const struct contract *c = contract_for_function(api);
			free(api);
			if (c && (!wanted || wanted(c, data))) {
				best = c;
				best_len = j - i;
			}
		}
	}
	return best;
}

const struct contract *
contract_looked_up_by(const gimple *call)
{
	for (unsigned i = 0; i < gimple_call_num_args(call); i++) {
		tree a = gimple_call_arg(call, i);
		STRIP_NOPS(a);
		if (TREE_CODE(a) == ADDR_EXPR)
			a = TREE_OPERAND(a, 0);
		if (TREE_CODE(a) == ARRAY_REF)
			a = TREE_OPERAND(a, 0);
		if (TREE_CODE(a) != STRING_CST)
			continue;
		const struct contract *c = contract_for_function(TREE_STRING_POINTER(a));
		if (c)
			return c;
	}
	return NULL;
}

const char *
contract_origin_text(const struct contract *c, char *buf, size_t size)
{
	if (c->learned)
		snprintf(buf, size, "learned from %s%s%s%s; rule %s:%d",
			 c->versions ? "Linux " : "the kernel", c->versions ? c->versions : "",
			 c->src ? ", " : "", c->src ? c->src : "",
			 c->rule_file ? lbasename(c->rule_file) : "?", c->rule_line);
	else if (c->rule_file)
		snprintf(buf, size, "%s:%d", c->rule_file, c->rule_line);
	else
		snprintf(buf, size, "a rule");
	return buf;
}

bool
contract_callers_break_on_null(const struct contract *c)
{
	return c->callers == CALLERS_IS_ERR && c->fails != FAILS_NULL && c->fails != FAILS_BOTH;
}

const char *
fails_name(enum fail_kind k)
{
	return rules_fails_names[k];
}

const char *
callers_name(enum callers_kind k)
{
	return rules_callers_names[k];
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

struct reader {
	struct rules_parser p;	/* p.ctx: this reader */
	const char *file;
	htab_t seen;		/* standin names of this file, to find duplicates */
	/* a learned file's "kernels" line */
	unsigned *kernels;
	int nkernels;
};

/* The parser's errors (rules_parse.c formats them), through GCC. */
static void
report_rule_error(struct rules_parser *p, const char *msg)
{
	const char *file = ((struct reader *)p->ctx)->file;
	if (p->line)
		error("%s:%d: %s [errptr-rules]", file, p->line, msg);
	else	/* a line of the learned index: FILE names the index and key */
		error("%s: %s [errptr-rules]", file, msg);
}

static bool
first_in_file(struct reader *rd, const char *name)
{
	struct entry probe;
	probe.key = name;
	void **slot = htab_find_slot(rd->seen, &probe, INSERT);
	if (*slot)
		return false;
	struct entry *e = XCNEW(struct entry);
	e->key = xstrdup(name);
	*slot = e;
	return true;
}

static struct entry *
entry_of(htab_t table, const char *key)
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
	return e;
}

/* C into the rule set of its kind for KEY: a file read later replaces an
 * earlier one's rules of the name; in one file, rules of one name must be
 * for different kernels.  False when C's kernels are already described. */
static bool
store(htab_t table, const char *key, const struct contract *c, const char *file)
{
	struct entry *e = entry_of(table, key);
	struct rule_set *set = c->learned ? &e->learned : &e->written;
	if (set->file != file) {
		set->n = 0;
		set->file = file;
	}
	for (int i = 0; i < set->n; i++)
		if (versions_overlap(set->c[i], c))
			return false;
	set->c = XRESIZEVEC(struct contract *, set->c, set->n + 1);
	struct contract *copy = XNEW(struct contract);
	*copy = *c;
	copy->name = e->key;
	set->c[set->n++] = copy;
	e->chosen = false;
	return true;
}

/* The fields of a "func" or "member" line (rules_parse.c) as a contract. */
/* Set while the files of rules/learned/ are read. */
static bool reading_learned;

/* The kernel a learned rules file of one version was learned from, by its
 * name: "linux-6.1.rules" -> "6.1"; NULL if the name says none. */
const char *
contract_file_version(const char *file)
{
	const char *base = lbasename(file);
	if (strncmp(base, "linux-", 6) != 0)
		return NULL;
	const char *v = base + 6;
	size_t n = strspn(v, "0123456789.");
	while (n && v[n - 1] == '.')
		n--;
	return n ? xstrndup(v, n) : NULL;
}

static void
contract_of(struct reader *rd, bool member, const struct rule_contract *rc, struct contract *out)
{
	struct contract c;
	memset(&c, 0, sizeof(c));
	c.is_member = member;
	c.fails = (enum fail_kind)rc->fails;
	c.callers = (enum callers_kind)rc->callers;
	c.nargs = rc->nargs;
	c.range_arg = rc->range_arg;
	c.caller = rc->caller ? xstrdup(rc->caller) : NULL;
	c.src = rc->src ? xstrdup(rc->src) : NULL;
	c.rule_file = rd->file;
	c.rule_line = rd->p.line;
	c.learned = reading_learned;
	c.since = rc->since;
	c.until = rc->until;
	if (reading_learned && rc->nversions) {
		unsigned *v = XNEWVEC(unsigned, rc->nversions);
		memcpy(v, rc->versions, rc->nversions * sizeof(*v));
		c.held_in = v;
		c.nheld_in = rc->nversions;
		c.learned_from = rd->kernels;
		c.nlearned_from = rd->nkernels;
		c.versions = versions_text(v, rc->nversions);
	} else {
		c.versions = reading_learned ? contract_file_version(rd->file) : NULL;
	}
	*out = c;
}

/* An accepts= of RC; false (after the error) when this file said it before. */
static bool
take_accepts(struct reader *rd, const struct rule_contract *rc)
{
	static const unsigned kinds[] = { 0, 0, VK_NULL, VK_ERR, VK_NULL | VK_ERR };
	struct accepting a = { rc->name, kinds[rc->accepts], rd->file };
	struct accepting *slot = NULL;
	if (rc->prefix) {
		for (int i = 0; i < naccepting_prefixes; i++)
			if (strcmp(accepting_prefixes[i].name, rc->name) == 0)
				slot = &accepting_prefixes[i];
		if (!slot) {
			accepting_prefixes = XRESIZEVEC(struct accepting, accepting_prefixes,
							naccepting_prefixes + 1);
			slot = &accepting_prefixes[naccepting_prefixes++];
			slot->file = NULL;
		}
	} else {
		if (!accepting_names)
			accepting_names = htab_create(64, accepting_hash, accepting_eq, NULL);
		void **e = htab_find_slot(accepting_names, &a, INSERT);
		if (!*e) {
			*e = XCNEW(struct accepting);
			((struct accepting *)*e)->file = NULL;
		}
		slot = (struct accepting *)*e;
	}
	if (slot->file == rd->file) {
		rules_error(&rd->p, "what '%s%s' accepts is already said in this file", rc->name,
			    rc->prefix ? "*" : "");
		return false;
	}
	slot->name = xstrdup(rc->name);
	slot->kinds = a.kinds;
	slot->file = rd->file;
	return true;
}

bool
contracts_accepts(const char *name, unsigned *kinds)
{
	if (accepting_names) {
		struct accepting probe = { name, 0, NULL };
		const struct accepting *a =
			(const struct accepting *)htab_find(accepting_names, &probe);
		if (a) {
			*kinds = a->kinds;
			return true;
		}
	}
	size_t best = 0;
	for (int i = 0; i < naccepting_prefixes; i++) {
		size_t n = strlen(accepting_prefixes[i].name);
		if (n > best && strncmp(name, accepting_prefixes[i].name, n) == 0) {
			best = n;
			*kinds = accepting_prefixes[i].kinds;
		}
	}
	return best > 0;
}

static void
take_contract(struct rules_parser *p, bool member, const struct rule_contract *rc)
{
	struct reader *rd = (struct reader *)p->ctx;
	struct contract c;

	if (rc->nversions && !rd->nkernels) {
		rules_error(p, "versions= needs the file's 'kernels' line before it");
		return;
	}
	for (int i = 0; i < rc->nversions; i++) {
		bool known = false;
		for (int k = 0; k < rd->nkernels && !known; k++)
			known = rd->kernels[k] == rc->versions[i];
		if (!known) {
			rules_error(p, "versions=: %u.%u is not on the file's 'kernels' line",
				    rc->versions[i] >> 8, rc->versions[i] & 255);
			return;
		}
	}
	if (rc->accepts && !take_accepts(rd, rc))
		return;
	if (!rc->fails)
		return;		/* accepts= alone: no failure contract */
	contract_of(rd, member, rc, &c);
	if (!store(member ? members : functions, rc->name, &c, rd->file))
		rules_error(p, "'%s' is already described in this file%s", rc->name,
			    c.since || c.until || c.nheld_in ? " for these kernels" : "");
}

static void
take_standin(struct rules_parser *p, const char *fn, const char *api)
{
	struct reader *rd = (struct reader *)p->ctx;

	if (!first_in_file(rd, fn)) {
		rules_error(p, "'%s' is already described in this file", fn);
		return;
	}
	struct contract c;
	memset(&c, 0, sizeof(c));
	c.nargs = -1;
	c.standin_for = xstrdup(api);
	c.rule_file = rd->file;
	c.rule_line = rd->p.line;
	store(standins, fn, &c, rd->file);
}

static void
take_kernels(struct rules_parser *p, const unsigned *versions, int n)
{
	struct reader *rd = (struct reader *)p->ctx;
	if (rd->nkernels) {
		rules_error(p, "a second 'kernels' line");
		return;
	}
	rd->kernels = XNEWVEC(unsigned, n);
	memcpy(rd->kernels, versions, n * sizeof(*versions));
	rd->nkernels = n;
}

static void
reader_init(struct reader *rd, const char *file)
{
	memset(rd, 0, sizeof(*rd));
	rd->p.ctx = rd;
	rd->p.error = report_rule_error;
	rd->p.contract = take_contract;
	rd->p.standin = take_standin;
	rd->p.api_name = api_set_name;
	rd->p.api_max_errno = api_set_max_errno;
	rd->p.kernels = reading_learned ? take_kernels : NULL;
	rd->file = file;
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
	reader_init(&rd, xstrdup(path));
	rd.seen = htab_create(64, entry_hash, entry_eq, NULL);
	rules_read(&rd.p, f);
	fclose(f);
	htab_delete(rd.seen);
	return !rd.p.failed;
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
	reading_learned = learned;
	for (size_t i = 0; i < n; i++)
		ok &= contracts_load_file(names[i]);
	reading_learned = false;
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
		     const unsigned *kernels, int nkernels, struct contract *out)
{
	struct reader rd;
	bool was = reading_learned;
	reading_learned = true;
	reader_init(&rd, where);
	reading_learned = was;
	rd.kernels = (unsigned *)kernels;
	rd.nkernels = nkernels;

	char *fields[RULES_MAX_FIELDS];
	int n = rules_split_fields(&rd.p, text, fields);
	if (n < 0)
		return false;
	if (n < 2 || strcmp(fields[0], member ? "member" : "func") != 0 ||
	    strcmp(fields[1], name) != 0) {
		rules_error(&rd.p, "expected a '%s %s' rule", member ? "member" : "func", name);
		return false;
	}
	struct rule_contract rc;
	if (!rules_contract_fields(&rd.p, member, fields, n, &rc))
		return false;
	if (rc.nversions && !nkernels) {
		rules_error(&rd.p, "versions= in an index without 'errptr:kernels'");
		return false;
	}
	was = reading_learned;
	reading_learned = true;
	contract_of(&rd, member, &rc, out);
	reading_learned = was;
	return true;
}
