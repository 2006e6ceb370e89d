/*
 * die.h - fatal errors and memory that is never NULL, for errptr's programs and the code
 * they share with the plugin (lib/).
 *
 * Written in the common subset of C and C++, without GCC's headers: the tools compile it
 * as C, the plugin as C++.  The allocators carry their own names, not libiberty's xmalloc
 * family: the plugin is loaded into cc1, which exports those.
 */
#ifndef ERRPTR_DIE_H
#define ERRPTR_DIE_H

#include <stddef.h>

#ifdef __GNUC__
#define DIE_NORETURN __attribute__((noreturn))
#define DIE_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DIE_NORETURN
#define DIE_PRINTF(f, a)
#endif

/* Set by a program's main(): the prefix of its messages ("errptr-merge") and the exit
 * status of die() (default "errptr" and 1). */
extern const char *die_program;
extern int die_status;

/* "PROGRAM: MESSAGE" on standard error, then exit(die_status). */
void die(const char *fmt, ...) DIE_NORETURN DIE_PRINTF(1, 2);

/* realloc(), calloc(), malloc() and strdup() that die("out of memory") instead of
 * returning NULL; a size of 0 allocates 1 byte. */
void *die_realloc(void *p, size_t n);
void *die_calloc(size_t n, size_t size);
void *die_malloc(size_t n);
char *die_strdup(const char *s);

#endif
