// SPDX-License-Identifier: MIT
/*
 * backend_mem.c - "mem:NAME", a store in memory.
 *
 * THE BUG: when calloc() fails, mem_open() returns NULL.  mem_open() is
 * libkv's open() backend hook (struct kv_backend.open), and kv_open()
 * tests the hook's result only with kv_is_err(): NULL is no error pointer,
 * so kv_open() takes it for a store and writes s->backend, a NULL pointer
 * dereference.  No compiler warning: the code is valid C, and mem_open()
 * has no caller that a checker could follow, only a slot in a table.
 * The fix: return kv_mk_err(-ENOMEM).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kv.h"

#define MEM_SLOTS	16

struct mem_store {
	struct kv_store store;		/* first: kv_open() fills it in */
	char *keys[MEM_SLOTS];
	char *values[MEM_SLOTS];
};

/* KV_FAIL_ALLOC=1 in the environment makes the allocation fail, to see the crash. */
static void *mem_alloc(size_t size)
{
	const char *fail = getenv("KV_FAIL_ALLOC");

	if (fail && *fail == '1')
		return NULL;
	return calloc(1, size);
}

static struct kv_store *mem_open(const char *name, int flags)
{
	struct mem_store *m = mem_alloc(sizeof(*m));

	if (!m)
		/* { dg-error "'mem_open' returns NULL here, but it stands in for 'kv_backend.open', whose callers test the result only with kv_is_err\(\) \[errptr-null-return\]" "" { target *-*-* } .+1 } */
		return NULL;
	return &m->store;
}

static int mem_find(struct mem_store *m, const char *key)
{
	for (int i = 0; i < MEM_SLOTS; i++)
		if (m->keys[i] && strcmp(m->keys[i], key) == 0)
			return i;
	return -1;
}

static int mem_get(struct kv_store *s, const char *key, char *buf, size_t size)
{
	struct mem_store *m = (struct mem_store *)s;
	int i = mem_find(m, key);

	if (i < 0)
		return -ENOENT;
	strncpy(buf, m->values[i], size - 1);
	buf[size - 1] = 0;
	return 0;
}

static int mem_put(struct kv_store *s, const char *key, const char *value)
{
	struct mem_store *m = (struct mem_store *)s;
	int i = mem_find(m, key);

	if (i < 0) {
		for (i = 0; i < MEM_SLOTS && m->keys[i]; i++)
			;
		if (i == MEM_SLOTS)
			return -ENOSPC;
	}
	free(m->keys[i]);
	free(m->values[i]);
	m->keys[i] = strdup(key);
	m->values[i] = strdup(value);
	return m->keys[i] && m->values[i] ? 0 : -ENOMEM;
}

static void mem_close(struct kv_store *s)
{
	struct mem_store *m = (struct mem_store *)s;

	for (int i = 0; i < MEM_SLOTS; i++) {
		free(m->keys[i]);
		free(m->values[i]);
	}
	free(m);
}

/* { dg-message "'mem_open' stands in for 'kv_backend.open': it is assigned to 'kv_backend.open'" "" 0 } */
const struct kv_backend kv_mem_backend = {
	.scheme	= "mem",
	.open	= mem_open,
	.get	= mem_get,
	.put	= mem_put,
	.close	= mem_close,
};
