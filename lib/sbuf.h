/*
 * sbuf.h - a growable, NUL-terminated string: what the SARIF log, the JSON of errptr-gate
 * and the learn mode's summary records are built in.
 *
 * Common subset of C and C++, no GCC header (see die.h).  A zeroed struct sbuf is an empty
 * string; its p stays NULL until something is added (sb_take() gives "" then).
 */
#ifndef ERRPTR_SBUF_H
#define ERRPTR_SBUF_H

#include <stddef.h>

#include "die.h"

struct sbuf {
	char *p;
	size_t len, cap;
};

void sb_add(struct sbuf *b, const char *s, size_t n);
void sb_puts(struct sbuf *b, const char *s);
void sb_putc(struct sbuf *b, char c);
void sb_printf(struct sbuf *b, const char *fmt, ...) DIE_PRINTF(2, 3);
/* The string, never NULL: the caller frees it (free()). */
char *sb_take(struct sbuf *b);

#endif
