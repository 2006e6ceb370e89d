// SPDX-License-Identifier: MIT
/*
 * backend_file.c - "file:DIR", a store in a directory, one file per key.
 *
 * open() keeps kv_open()'s contract: every failure is kv_mk_err(-errno).
 * errptr stays silent here.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kv.h"

struct file_store {
	struct kv_store store;		/* first: kv_open() fills it in */
	char dir[256];
};

static struct kv_store *file_open(const char *name, int flags)
{
	struct file_store *f;
	struct stat st;

	if (strlen(name) >= sizeof(f->dir))
		return kv_mk_err(-ENAMETOOLONG);
	if ((flags & KV_CREATE) && mkdir(name, 0777) != 0 && errno != EEXIST)
		return kv_mk_err(-errno);
	if (stat(name, &st) != 0)
		return kv_mk_err(-errno);
	if (!S_ISDIR(st.st_mode))
		return kv_mk_err(-ENOTDIR);
	f = calloc(1, sizeof(*f));
	if (!f)
		return kv_mk_err(-ENOMEM);
	strcpy(f->dir, name);
	return &f->store;
}

static int file_path(struct file_store *f, const char *key, char *path, size_t size)
{
	if (!*key || strchr(key, '/'))
		return -EINVAL;
	if ((size_t)snprintf(path, size, "%s/%s", f->dir, key) >= size)
		return -ENAMETOOLONG;
	return 0;
}

static int file_get(struct kv_store *s, const char *key, char *buf, size_t size)
{
	char path[512];
	int err = file_path((struct file_store *)s, key, path, sizeof(path));
	FILE *fp;

	if (err)
		return err;
	fp = fopen(path, "r");
	if (!fp)
		return -errno;
	if (!fgets(buf, size, fp))
		buf[0] = 0;
	fclose(fp);
	return 0;
}

static int file_put(struct kv_store *s, const char *key, const char *value)
{
	char path[512];
	int err = file_path((struct file_store *)s, key, path, sizeof(path));
	FILE *fp;

	if (err)
		return err;
	fp = fopen(path, "w");
	if (!fp)
		return -errno;
	fputs(value, fp);
	return fclose(fp) == 0 ? 0 : -errno;
}

static void file_close(struct kv_store *s)
{
	free(s);
}

const struct kv_backend kv_file_backend = {
	.scheme	= "file",
	.open	= file_open,
	.get	= file_get,
	.put	= file_put,
	.close	= file_close,
};
