/*
 * rules.c - a rule line per global function and struct member with known kinds
 * (docs/rules.md): fails= from the kinds, callers= from how the call sites test, a sample
 * caller, the definition; sorted by kind (functions, then members) and name.
 */
#include "merge.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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

struct rule_vec rules;

static const char *
fails_of(uint8_t k)
{
	if ((k & SUMMARY_NULL) && (k & SUMMARY_ERR))
		return "both";
	if (k & SUMMARY_NULL)
		return "null";
	if (k & SUMMARY_ERR)
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
		stats.unwritable++;
		return;
	}
	if (c) {
		uint32_t is_err = c->count[SUMMARY_TEST_IS_ERR], null = c->count[SUMMARY_TEST_NULL], both = c->count[SUMMARY_TEST_BOTH];
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
				sample = &c->sample[SUMMARY_TEST_IS_ERR];
			} else if (null && !is_err && !both) {
				verdict = "null";
				sample = &c->sample[SUMMARY_TEST_NULL];
			} else if (both && !is_err && !null) {
				verdict = "is_err_or_null";
				sample = &c->sample[SUMMARY_TEST_BOTH];
			} else {
				verdict = "mixed";
				sample = is_err ? &c->sample[SUMMARY_TEST_IS_ERR] : null ? &c->sample[SUMMARY_TEST_NULL]
									  : &c->sample[SUMMARY_TEST_BOTH];
			}
		} else {
			for (int t = 0; t < SUMMARY_TEST_COUNT; t++)
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
	if (!(kinds & (SUMMARY_NULL | SUMMARY_ERR))) {
		if (verdict && strcmp(verdict, "null") == 0)
			fails = "null";
		else if (verdict && strcmp(verdict, "is_err") == 0)
			fails = "err";
		else if (verdict && strcmp(verdict, "is_err_or_null") == 0)
			fails = "both";
		else if (kinds & SUMMARY_UNKNOWN) {
			stats.unwritable++;
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
	if (def && def->range_arg && def->range_arg <= nargs && (kinds & (SUMMARY_NULL | SUMMARY_ERR)))
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
	    c->count[SUMMARY_TEST_IS_ERR], c->count[SUMMARY_TEST_NULL], c->count[SUMMARY_TEST_BOTH], c->count[SUMMARY_TEST_NONE],
	    c->count[SUMMARY_TEST_RETURNED]);
	struct rule *r = &PUSH(rules);
	r->member = member;
	r->name = name;
	r->fn = def ? (uint32_t)(def - fns.a) : NONE;
	r->line = die_strdup(buf);
}

static int
rule_cmp(const void *a, const void *b)
{
	const struct rule *x = a, *y = b;
	if (x->member != y->member)
		return x->member ? 1 : -1;
	return strcmp(S(x->name), S(y->name));
}

void
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
	stats.rules = rules.n;
}

void
rules_reset(void)
{
	for (size_t i = 0; i < rules.n; i++)
		free(rules.a[i].line);
	VEC_FREE(rules);
}
