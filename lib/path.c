/*
 * path.c - normalised absolute paths (path.h).
 */
#include "path.h"

#include <stdlib.h>
#include <string.h>

#include "sbuf.h"

char *
path_absolute(const char *path, const char *base)
{
	struct sbuf full = { 0, 0, 0 };
	if (path[0] != '/') {
		sb_puts(&full, base);
		sb_putc(&full, '/');
	}
	sb_puts(&full, path);
	char *out = (char *)die_malloc(full.len + 2);
	size_t len = 0;
	const char *p = full.p;
	while (*p) {
		while (*p == '/')
			p++;
		const char *end = p;
		while (*end && *end != '/')
			end++;
		size_t n = end - p;
		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;		/* the '/' before the removed part */
		} else {
			out[len++] = '/';
			memcpy(out + len, p, n);
			len += n;
		}
		p = end;
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = 0;
	free(full.p);
	return out;
}

const char *
path_below(const char *abs, const char *dir)
{
	size_t n = strlen(dir);
	if (n == 1 && dir[0] == '/')
		return abs[1] ? abs + 1 : NULL;
	if (strncmp(abs, dir, n) == 0 && abs[n] == '/' && abs[n + 1])
		return abs + n + 1;
	return NULL;
}
