// SPDX-License-Identifier: MIT
/*
 * kvtool.c - kvtool URI KEY [VALUE]: store VALUE under KEY, then print KEY's value.
 *
 *	./kvtool mem:demo greeting hello
 *	./kvtool file:/tmp/kv-demo greeting hello
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>

#include "kv.h"

/*
 * kv_open() for the command line: "-" means the default store.  It has
 * kv_open()'s prototype and returns its result, so it stands in for
 * kv_open() and keeps its contract: kv_mk_err(), never NULL.
 */
static struct kv_store *open_store(const char *uri, int flags)
{
	if (!*uri)
		return kv_mk_err(-EINVAL);
	if (strcmp(uri, "-") == 0)
		uri = "mem:default";
	return kv_open(uri, flags);
}

int main(int argc, char **argv)
{
	struct kv_store *s;
	char value[256];
	int err = 0;

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: kvtool URI KEY [VALUE]   (URI: mem:NAME, file:DIR, -)\n");
		return 2;
	}
	s = open_store(argv[1], argc == 4 ? KV_CREATE : 0);
	if (kv_is_err(s)) {
		fprintf(stderr, "kvtool: %s: %s\n", argv[1], strerror(-kv_ptr_errno(s)));
		return 1;
	}
	if (argc == 4)
		err = kv_put(s, argv[2], argv[3]);
	if (!err)
		err = kv_get(s, argv[2], value, sizeof(value));
	if (!err)
		printf("%s=%s\n", argv[2], value);
	else
		fprintf(stderr, "kvtool: %s: %s\n", argv[2], strerror(-err));
	kv_close(s);
	return err ? 1 : 0;
}
