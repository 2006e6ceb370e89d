/*
 * fingerprint.c - the baseline key of a finding (fingerprint.h).
 */
#include "fingerprint.h"

#include <stdio.h>
#include <string.h>

#include "sbuf.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

char *
fingerprint_message_key(const char *message)
{
	struct sbuf b = { 0, 0, 0 };
	for (const char *p = message; *p;) {
		if (*p == ':' && is_digit(p[1])) {
			sb_puts(&b, ":N");
			for (p++; is_digit(*p); p++)
				;
		} else if (strncmp(p, "line ", 5) == 0 && is_digit(p[5])) {
			sb_puts(&b, "line N");
			for (p += 5; is_digit(*p); p++)
				;
		} else {
			sb_putc(&b, *p++);
		}
	}
	return sb_take(&b);
}

/* S and its terminating NUL. */
static unsigned long long
fnv1a(unsigned long long h, const char *s)
{
	do {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	} while (*s++);
	return h;
}

unsigned long long
fingerprint_hash(const char *rule, const char *file, const char *function, const char *message_key)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	h = fnv1a(h, rule);
	h = fnv1a(h, file);
	h = fnv1a(h, function);
	h = fnv1a(h, message_key);
	return h;
}

unsigned
fingerprint_rank(const unsigned long long *hash, size_t i)
{
	unsigned k = 1;
	for (size_t j = 0; j < i; j++)
		k += hash[j] == hash[i];
	return k;
}

void
fingerprint_key(char out[FINGERPRINT_KEY_SIZE], unsigned long long hash, unsigned rank)
{
	snprintf(out, FINGERPRINT_KEY_SIZE, "%016llx:%u", hash, rank);
}
