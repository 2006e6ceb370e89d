/*
 * sbuf.c - a growable string (sbuf.h).
 */
#include "sbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2 + 256;
		b->p = (char *)die_realloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

void
sb_puts(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

void
sb_putc(struct sbuf *b, char c)
{
	sb_add(b, &c, 1);
}

void
sb_printf(struct sbuf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		sb_add(b, small, n);
		return;
	}
	char *big = (char *)die_malloc(n + 1);
	va_start(ap, fmt);
	vsnprintf(big, n + 1, fmt, ap);
	va_end(ap);
	sb_add(b, big, n);
	free(big);
}

char *
sb_take(struct sbuf *b)
{
	if (!b->p)
		sb_add(b, "", 0);
	return b->p;
}
