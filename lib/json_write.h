/*
 * json_write.h - writing JSON text: strings and URI paths, as the plugin's SARIF log (sarif.c)
 * and errptr-gate's merged log and flat report write them, byte for byte the same.
 *
 * Common subset of C and C++, no GCC header (see die.h).
 */
#ifndef ERRPTR_JSON_WRITE_H
#define ERRPTR_JSON_WRITE_H

#include <stddef.h>

#include "sbuf.h"

/* The length of the valid UTF-8 sequence at S (at most N bytes, N > 0), 0 if it is not
 * one: no overlong forms, no surrogates, nothing above U+10FFFF. */
size_t utf8_len(const unsigned char *s, size_t n);

/* S (NULL: "") as a JSON string: quotes, backslashes and control characters escaped;
 * bytes that are not UTF-8 become U+FFFD (JSON text must be UTF-8). */
void json_string(struct sbuf *b, const char *s);

/* PATH as URI characters: unreserved characters and '/' stay, every other byte is %XX
 * (so ':' cannot pass for a scheme, and paths that are not UTF-8 survive unchanged). */
void json_uri_path(struct sbuf *b, const char *path);

#endif
