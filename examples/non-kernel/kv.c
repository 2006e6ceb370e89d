// SPDX-License-Identifier: MIT
/*
 * kv.c - libkv's core: finds the backend of a URI and opens the store.
 */
#include <errno.h>
#include <string.h>

#include "kv.h"

static const struct kv_backend *const backends[] = {
	&kv_mem_backend,
	&kv_file_backend,
};

static const struct kv_backend *find_backend(const char *uri, const char **name)
{
	const char *colon = strchr(uri, ':');

	if (!colon)
		return NULL;
	for (size_t i = 0; i < sizeof(backends) / sizeof(backends[0]); i++) {
		const struct kv_backend *b = backends[i];

		if (strlen(b->scheme) == (size_t)(colon - uri) &&
		    strncmp(b->scheme, uri, colon - uri) == 0) {
			*name = colon + 1;
			return b;
		}
	}
	return NULL;
}

struct kv_store *kv_open(const char *uri, int flags)
{
	const struct kv_backend *b;
	struct kv_store *s;
	const char *name;

	b = find_backend(uri, &name);
	if (!b)
		return kv_mk_err(-ENOENT);
	/*
	 * The backend keeps kv_open()'s contract, so its result is tested
	 * only with kv_is_err().  A backend that returns NULL crashes here.
	 */
	s = b->open(name, flags);
	if (kv_is_err(s))
		return s;
	s->backend = b;
	s->uri = uri;
	return s;
}

int kv_get(struct kv_store *s, const char *key, char *buf, size_t size)
{
	return s->backend->get(s, key, buf, size);
}

int kv_put(struct kv_store *s, const char *key, const char *value)
{
	return s->backend->put(s, key, value);
}

void kv_close(struct kv_store *s)
{
	s->backend->close(s);
}
