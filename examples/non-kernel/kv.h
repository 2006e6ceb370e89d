/* SPDX-License-Identifier: MIT */
/*
 * kv.h - libkv, a tiny key-value store library with pluggable backends.
 *
 * libkv reports failure the way the Linux kernel does, under its own names:
 * a function that returns a pointer returns either a valid pointer or an
 * error pointer made by kv_mk_err(-errno), never NULL.  Callers test the
 * result with kv_is_err() and get the errno back with kv_ptr_errno():
 *
 *	struct kv_store *s = kv_open("mem:cache", 0);
 *	if (kv_is_err(s))
 *		return kv_ptr_errno(s);
 *
 * errptr learns these names from the "api" line of errptr.rules.
 */
#ifndef KV_H
#define KV_H

#include <stdbool.h>
#include <stddef.h>

/* The last KV_MAX_ERRNO addresses are error pointers, never valid objects. */
#define KV_MAX_ERRNO	4095

static inline void *kv_mk_err(long err)
{
	return (void *)err;
}

static inline long kv_ptr_errno(const void *p)
{
	return (long)p;
}

static inline bool kv_is_err(const void *p)
{
	return (unsigned long)p >= (unsigned long)-KV_MAX_ERRNO;
}

static inline bool kv_is_err_or_null(const void *p)
{
	return !p || kv_is_err(p);
}

struct kv_store;

/*
 * A backend.  open() must keep kv_open()'s contract: a store or
 * kv_mk_err(-errno), never NULL (kv_open() tests its result only with
 * kv_is_err()).
 */
struct kv_backend {
	const char *scheme;		/* "mem" in "mem:NAME" */
	struct kv_store *(*open)(const char *name, int flags);
	int (*get)(struct kv_store *s, const char *key, char *buf, size_t size);
	int (*put)(struct kv_store *s, const char *key, const char *value);
	void (*close)(struct kv_store *s);
};

/* Every store starts with this header; kv_open() fills it in. */
struct kv_store {
	const struct kv_backend *backend;
	const char *uri;
};

#define KV_CREATE	1

/* "SCHEME:NAME": a store, or kv_mk_err(-ENOENT/-ENOMEM/...), never NULL. */
struct kv_store *kv_open(const char *uri, int flags);
int kv_get(struct kv_store *s, const char *key, char *buf, size_t size);
int kv_put(struct kv_store *s, const char *key, const char *value);
void kv_close(struct kv_store *s);

extern const struct kv_backend kv_mem_backend;
extern const struct kv_backend kv_file_backend;

#endif /* KV_H */
