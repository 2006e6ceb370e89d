/*
 * query.c - errptr-merge --query INDEX NAME...: the rule line of each name, from the
 * index write.c wrote.
 */
#include "merge.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <cdb.h>

int
query(const char *path, int n, char **names)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct cdb c;
	if (fd < 0) {
		fprintf(stderr, "%s: %s: %s\n", die_program, path, strerror(errno));
		return 1;
	}
	if (cdb_init(&c, fd) != 0 || cdb_find(&c, INDEX_META_KEY, strlen(INDEX_META_KEY)) <= 0) {
		fprintf(stderr, "%s: %s: not an errptr index (corrupt?)\n", die_program, path);
		return 1;
	}
	int status = 0;
	for (int i = 0; i < n; i++) {
		char key[MAX_NAME + 16];
		const char *kind = strchr(names[i], '.') ? "member" : "func";
		int kn = snprintf(key, sizeof(key), "%s:%s", kind, names[i]);
		int r = kn < (int)sizeof(key) ? cdb_find(&c, key, kn) : 0;
		const char *v = r > 0 ? cdb_getdata(&c) : NULL;
		if (r < 0 || (r > 0 && !v)) {
			fprintf(stderr, "%s: %s: corrupt index\n", die_program, path);
			return 1;
		}
		if (!v) {
			fprintf(stderr, "%s: %s: no rule\n", die_program, names[i]);
			status = 1;
			continue;
		}
		/* "LINE\tRULE", a line each when the rules hold in different kernels */
		const char *end = v + cdb_datalen(&c);
		while (v < end) {
			const char *nl = memchr(v, '\n', end - v);
			const char *stop = nl ? nl : end;
			const char *tab = memchr(v, '\t', stop - v);
			const char *rule = tab ? tab + 1 : v;
			printf("%.*s\n", (int)(stop - rule), rule);
			v = nl ? nl + 1 : end;
		}
	}
	cdb_free(&c);
	close(fd);
	return status;
}
