/*
 * rules_index.c - the learned rules, looked up by name instead of read.
 *
 * The rules learned from a whole kernel (tools/errptr-merge, "make rules")
 * run to megabytes; reading them for every translation unit would cost more
 * than the unit's own analysis.  errptr-merge --index writes them also as a
 * constant database (tinycdb) mapping "func:NAME" and "member:STRUCT.FIELD"
 * to "LINE\tRULE", the rule and its line in the rules file written with it,
 * plus "errptr:index" to "VERSION\tRULES\tCOUNT" (RULES: that file's name).  When
 * rules/learned/X.cdb exists, contracts.c opens it here instead of reading
 * learned/X.rules; a name that misses the rules in memory (hand-written and
 * user rules, which therefore always win) is looked up in the mmap'd index
 * (tinycdb's cdb_find: no system call per lookup; only the pages a lookup
 * touches are read, and they are the page cache's, shared by every compiler
 * of a build) and only its line is parsed, by contracts.c's own parser.
 * Results, found or not, are kept for the rest of the unit.  errptr-merge
 * writes an index beside it and renames it into place, so the file mapped
 * here is never rewritten under a running compiler.
 *
 * A file that is not an index, or that turns out corrupt during a lookup,
 * gives one error naming it (the compilation fails, as for a bad rules
 * file) and is not used further.
 */
#include <cdb.h>
#include "rules_index.h"
#include "rules_parse.h"	/* RULES_MAX_KERNELS, rules_parse_version() */
#include "versions.h"

#define INDEX_META_KEY	"errptr:index"
/* Version 2: a key's value may hold several rules, one per line (one for each
 * set of kernels they were learned from), and "errptr:kernels" lists the
 * kernels the index was learned from.  Version 1 indexes read as before. */
#define INDEX_VERSION	"2"
#define INDEX_KERNELS_KEY "errptr:kernels"
#define MAX_RULE_LINE	4096
#define MAX_VALUE	(4 * MAX_RULE_LINE)

struct index {
	char *path;
	char *rules;		/* the rules file it indexes, for messages */
	int fd;
	struct cdb db;		/* the file, mapped */
	bool broken;
	char buf[MAX_VALUE + 1];	/* the value last found */
	unsigned dlen;
	unsigned *kernels;	/* learned from ("errptr:kernels") */
	int nkernels;
};

static struct index *indexes;	/* in path order; later ones win */
static int nindexes;

struct cached {
	char *key;		/* "func:NAME" / "member:STRUCT.FIELD" */
	struct contract *c;	/* NULL: no index has it */
};

static htab_t cache;

static hashval_t
cached_hash(const void *p)
{
	return htab_hash_string(((const struct cached *)p)->key);
}

static int
cached_eq(const void *a, const void *b)
{
	return strcmp(((const struct cached *)a)->key, ((const struct cached *)b)->key) == 0;
}

/* One error per index; it is not used after. */
static void ATTRIBUTE_PRINTF_2
index_broken(struct index *ix, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!ix->broken)
		error("%s: %s; rebuild it with 'make rules' or remove it [errptr-rules]", ix->path, msg);
	ix->broken = true;
}

bool
rules_index_open(const char *path)
{
	struct index ix;
	memset(&ix, 0, sizeof(ix));
	ix.path = xstrdup(path);
	ix.fd = open(path, O_RDONLY | O_CLOEXEC);
	if (ix.fd < 0) {
		error("%s: cannot read rules index: %s [errptr-rules]", path, xstrerror(errno));
		free(ix.path);
		return false;
	}
	struct cdb &db = ix.db;
	if (cdb_init(&db, ix.fd) != 0) {
		error("%s: not a rules index (too short or unreadable: %s); rebuild it with "
		      "'make rules' or remove it [errptr-rules]", path, xstrerror(errno));
		close(ix.fd);
		free(ix.path);
		return false;
	}
	int found = cdb_find(&db, INDEX_META_KEY, strlen(INDEX_META_KEY));
	const char *meta = found > 0 ? (const char *)cdb_getdata(&db) : NULL;
	unsigned vlen = found > 0 ? cdb_datalen(&db) : 0;
	size_t want = strlen(INDEX_VERSION);
	if (!meta || vlen < want ||
	    (memcmp(meta, INDEX_VERSION, want) != 0 && memcmp(meta, "1", want) != 0) ||
	    (vlen > want && meta[want] != '\t')) {
		error("%s: not an errptr rules index of version 1 or %s (%s); rebuild it with "
		      "'make rules' or remove it [errptr-rules]", path, INDEX_VERSION,
		      found < 0 ? "corrupt" : meta ? "other version" : "no 'errptr:index' entry");
		cdb_free(&db);
		close(ix.fd);
		free(ix.path);
		return false;
	}
	/* messages name the rules file beside the index (its line is in the entry) */
	const char *name = meta + want + (vlen > want);
	const char *tab = (const char *)memchr(name, '\t', meta + vlen - name);
	size_t name_len = (tab ? tab : meta + vlen) - name;
	const char *slash = strrchr(ix.path, '/');
	if (name_len && !memchr(name, '/', name_len) && !(name_len == 1 && *name == '-')) {
		char *base = xstrndup(name, name_len);
		ix.rules = slash ? concat(xstrndup(ix.path, slash + 1 - ix.path), base, NULL)
				 : base;
	} else {
		ix.rules = ix.path;
	}
	/* the kernels it was learned from: "5.10 6.1 6.12 7.2" */
	found = cdb_find(&db, INDEX_KERNELS_KEY, strlen(INDEX_KERNELS_KEY));
	if (found > 0) {
		char *list = xstrndup((const char *)cdb_getdata(&db), cdb_datalen(&db));
		ix.kernels = XNEWVEC(unsigned, RULES_MAX_KERNELS);
		for (char *tok = strtok(list, " "); tok && ix.nkernels < RULES_MAX_KERNELS;
		     tok = strtok(NULL, " ")) {
			if (!rules_parse_version(tok, &ix.kernels[ix.nkernels++])) {
				ix.nkernels = -1;
				break;
			}
		}
		free(list);
	}
	if (found < 0 || ix.nkernels < 0) {
		error("%s: corrupt rules index (its '" INDEX_KERNELS_KEY "' entry); rebuild it "
		      "with 'make rules' or remove it [errptr-rules]", path);
		cdb_free(&db);
		close(ix.fd);
		free(ix.path);
		return false;
	}

	/* keep them in path order, like the rules files */
	indexes = XRESIZEVEC(struct index, indexes, nindexes + 1);
	int at = nindexes;
	while (at > 0 && strcmp(indexes[at - 1].path, ix.path) > 0) {
		indexes[at] = indexes[at - 1];
		at--;
	}
	indexes[at] = ix;
	nindexes++;
	if (!cache)
		cache = htab_create(256, cached_hash, cached_eq, NULL);
	return true;
}

/* The index holding KEY (the last in path order), with its value found;
 * NULL if none has it. */
static struct index *
find(const char *key)
{
	for (int i = nindexes - 1; i >= 0; i--) {
		struct index *ix = &indexes[i];
		if (ix->broken)
			continue;
		int r = cdb_find(&ix->db, key, strlen(key));
		if (r > 0) {
			unsigned dlen = cdb_datalen(&ix->db);
			if (dlen > MAX_VALUE)
				r = -1;
			else
				memcpy(ix->buf, cdb_getdata(&ix->db), dlen);
			ix->dlen = dlen;
		}
		if (r < 0) {
			index_broken(ix, "corrupt rules index (looking up '%s')", key);
			continue;
		}
		if (r > 0)
			return ix;
	}
	return NULL;
}

static char *
make_key(bool member, const char *name)
{
	return concat(member ? "member:" : "func:", name, NULL);
}

bool
rules_index_has(bool member, const char *name)
{
	if (!nindexes)
		return false;
	return rules_index_lookup(member, name) != NULL;	/* cached, hit or miss */
}

struct contract *
rules_index_lookup(bool member, const char *name)
{
	if (!nindexes)
		return NULL;
	char *key = make_key(member, name);
	struct cached probe;
	probe.key = key;
	void **slot = htab_find_slot(cache, &probe, INSERT);
	if (*slot) {
		free(key);
		return ((struct cached *)*slot)->c;
	}
	struct cached *e = XCNEW(struct cached);
	e->key = key;
	*slot = e;

	struct index *ix = find(key);
	if (!ix)
		return NULL;
	/* one line per set of kernels: "LINE\tRULE\nLINE\tRULE" */
	struct contract *set[RULES_MAX_KERNELS];
	int n = 0;
	const char *val = ix->buf, *end = ix->buf + ix->dlen;
	char *where = concat(ix->path, ": entry '", key, "'", NULL);
	while (val < end) {
		const char *nl = (const char *)memchr(val, '\n', end - val);
		size_t len = (nl ? nl : end) - val;
		const char *tab = (const char *)memchr(val, '\t', len);
		long lineno = 0;
		if (tab) {
			char *stop;
			lineno = strtol(val, &stop, 10);
			if (stop != tab || lineno <= 0)
				tab = NULL;
		}
		if (!tab || len > MAX_RULE_LINE || memchr(val, 0, len) || n == RULES_MAX_KERNELS) {
			index_broken(ix, "corrupt rules index (bad entry '%s')", key);
			n = 0;
			break;
		}
		char *line = xstrndup(tab + 1, len - (tab + 1 - val));
		struct contract c;
		bool ok = contracts_parse_rule(where, line, member, name, ix->kernels,
					       ix->nkernels, &c);
		free(line);
		if (!ok) {
			ix->broken = true;	/* contracts.c said why, naming the entry */
			n = 0;
			break;
		}
		set[n] = XNEW(struct contract);
		*set[n] = c;
		set[n]->name = e->key + strlen(member ? "member:" : "func:");
		set[n]->rule_file = ix->rules;
		if (!set[n]->nheld_in)
			set[n]->versions = contract_file_version(ix->rules);
		set[n]->rule_line = (int)lineno;
		n++;
		val += len + (nl != NULL);
	}
	free(where);
	e->c = (struct contract *)versions_choose_learned(set, n);
	return e->c;
}
