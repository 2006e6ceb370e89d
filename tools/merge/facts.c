/*
 * facts.c - what errptr-merge knows (merge.h): interned names and paths, the functions
 * the summaries define, the calls whose results they return, struct members and the
 * functions stored into them, and how callers test each callee's result.
 */
#include "merge.h"

#include <stdlib.h>
#include <string.h>

uint64_t
hash_bytes(const void *p, size_t n, uint64_t h)
{
	const unsigned char *s = p;
	if (!h)
		h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

uint64_t
mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	x ^= x >> 33;
	return x;
}

/* ------------------------------------------------------------ strings */
static char *pool;
static size_t pool_len, pool_cap;
static VEC(uint32_t) str_off;		/* id -> offset in pool */
static uint32_t *str_tab;		/* open addressing: id + 1, 0 = empty */
static size_t str_tab_size;

const char *
S(uint32_t id)
{
	return pool + str_off.a[id];
}

uint32_t
intern(const char *s, size_t n)
{
	if (str_off.n * 2 >= str_tab_size) {
		size_t size = str_tab_size ? 2 * str_tab_size : 1 << 16;
		uint32_t *tab = die_calloc(size, sizeof(*tab));
		for (size_t i = 0; i < str_off.n; i++) {
			const char *t = S(i);
			size_t j = hash_bytes(t, strlen(t), 0) & (size - 1);
			while (tab[j])
				j = (j + 1) & (size - 1);
			tab[j] = i + 1;
		}
		free(str_tab);
		str_tab = tab;
		str_tab_size = size;
	}
	size_t j = hash_bytes(s, n, 0) & (str_tab_size - 1);
	for (; str_tab[j]; j = (j + 1) & (str_tab_size - 1)) {
		const char *t = S(str_tab[j] - 1);
		if (strncmp(t, s, n) == 0 && t[n] == 0)
			return str_tab[j] - 1;
	}
	if (pool_len + n + 1 > pool_cap) {
		pool_cap = (pool_len + n + 1) * 2 + (1 << 20);
		pool = die_realloc(pool, pool_cap);
	}
	uint32_t id = str_off.n;
	PUSH(str_off) = pool_len;
	memcpy(pool + pool_len, s, n);
	pool[pool_len + n] = 0;
	pool_len += n + 1;
	str_tab[j] = id + 1;
	return id;
}

uint32_t
intern0(const char *s)
{
	return intern(s, strlen(s));
}

/* ------------------------------------------------------------ u64 -> u32 maps */
uint32_t
map_get(const struct map *m, uint64_t key)
{
	if (!m->size)
		return NONE;
	for (size_t j = mix64(key) & (m->size - 1); m->vals[j] != NONE; j = (j + 1) & (m->size - 1))
		if (m->keys[j] == key)
			return m->vals[j];
	return NONE;
}

uint32_t
map_put(struct map *m, uint64_t key, uint32_t val)
{
	if ((m->used + 1) * 2 > m->size) {
		struct map n = { 0, 0, m->size ? 2 * m->size : 1024, 0 };
		n.keys = die_calloc(n.size, sizeof(*n.keys));
		n.vals = die_realloc(NULL, n.size * sizeof(*n.vals));
		memset(n.vals, 0xff, n.size * sizeof(*n.vals));
		for (size_t i = 0; i < m->size; i++)
			if (m->vals[i] != NONE)
				map_put(&n, m->keys[i], m->vals[i]);
		free(m->keys);
		free(m->vals);
		*m = n;
	}
	size_t j = mix64(key) & (m->size - 1);
	for (; m->vals[j] != NONE; j = (j + 1) & (m->size - 1))
		if (m->keys[j] == key)
			return m->vals[j];
	m->keys[j] = key;
	m->vals[j] = val;
	m->used++;
	return val;
}

struct tuple { uint32_t v[4]; };
static struct {
	struct tuple *a;
	size_t size, used;
} tuples;

bool
tuple_insert(uint32_t a, uint32_t b, uint32_t c, uint32_t d)
{
	struct tuple t = { { a, b, c, d } };
	if ((tuples.used + 1) * 2 > tuples.size) {
		size_t size = tuples.size ? 2 * tuples.size : 1 << 14;
		struct tuple *tab = die_realloc(NULL, size * sizeof(*tab));
		memset(tab, 0xff, size * sizeof(*tab));
		for (size_t i = 0; i < tuples.size; i++) {
			if (tuples.a[i].v[0] == NONE)
				continue;
			size_t j = hash_bytes(&tuples.a[i], sizeof(t), 0) & (size - 1);
			while (tab[j].v[0] != NONE)
				j = (j + 1) & (size - 1);
			tab[j] = tuples.a[i];
		}
		free(tuples.a);
		tuples.a = tab;
		tuples.size = size;
	}
	size_t j = hash_bytes(&t, sizeof(t), 0) & (tuples.size - 1);
	for (; tuples.a[j].v[0] != NONE; j = (j + 1) & (tuples.size - 1))
		if (memcmp(&tuples.a[j], &t, sizeof(t)) == 0)
			return false;
	tuples.a[j] = t;
	tuples.used++;
	return true;
}

/* ------------------------------------------------------------ the facts */
struct fn_vec fns;
struct ret_vec rets;
struct member_vec members;
struct store_vec stores;
struct callers_vec callers;
struct map fn_map, member_map, callee_map;
struct stats stats;

const char *srctree;
size_t srctree_len;

uint32_t
intern_path(const char *s, size_t n)
{
	if (srctree_len && n > srctree_len && strncmp(s, srctree, srctree_len) == 0) {
		s += srctree_len;
		n -= srctree_len;
	}
	while (n > 2 && s[0] == '.' && s[1] == '/') {
		s += 2;
		n -= 2;
	}
	return intern(s, n);
}

uint32_t
new_callers(void)
{
	struct callers *c = &PUSH(callers);
	memset(c, 0, sizeof(*c));
	for (int t = 0; t < SUMMARY_TEST_COUNT; t++)
		c->sample[t].caller = NONE;
	return callers.n - 1;
}

uint32_t
member_of(uint32_t name)
{
	uint32_t m = map_put(&member_map, name, members.n);
	if (m == members.n) {
		struct member *mb = &PUSH(members);
		mb->name = name;
		mb->stores = NONE;
		mb->callers = NONE;
		mb->kinds = 0;
	}
	return m;
}

int
site_cmp(const struct site *a, const struct site *b)
{
	int c = strcmp(S(a->file), S(b->file));
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return strcmp(S(a->caller), S(b->caller));
}

void
count_call(uint32_t ci, enum summary_test t, uint32_t file, uint32_t line, uint32_t caller)
{
	struct callers *c = &callers.a[ci];
	struct site s = { file, line, caller };
	c->count[t]++;
	if (c->sample[t].caller == NONE || site_cmp(&s, &c->sample[t]) < 0)
		c->sample[t] = s;
}

void
map_free(struct map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

void
facts_reset(void)
{
	free(pool);
	pool = NULL;
	pool_len = pool_cap = 0;
	VEC_FREE(str_off);
	free(str_tab);
	str_tab = NULL;
	str_tab_size = 0;
	free(tuples.a);
	memset(&tuples, 0, sizeof(tuples));
	map_free(&fn_map);
	map_free(&member_map);
	map_free(&callee_map);
	VEC_FREE(fns);
	VEC_FREE(rets);
	VEC_FREE(members);
	VEC_FREE(stores);
	VEC_FREE(callers);
	memset(&stats, 0, sizeof(stats));
}
