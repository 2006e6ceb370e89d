/*
 * die.c - fatal errors and memory that is never NULL (die.h).
 */
#include "die.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *die_program = "errptr";
int die_status = 1;

void
die(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", die_program);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(die_status);
}

void *
die_realloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

void *
die_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die("out of memory");
	return p;
}

void *
die_malloc(size_t n)
{
	return die_realloc(NULL, n);
}

char *
die_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return (char *)memcpy(die_malloc(n), s, n);
}
