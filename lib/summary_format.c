/*
 * summary_format.c - the records of the .discard.errptr section (summary_format.h).
 */
#include "summary_format.h"

#include <string.h>

const char *const summary_test_names[SUMMARY_TEST_COUNT] = { "is_err", "null", "both", "none",
							      "returned" };

void
summary_header(struct sbuf *b, const char *source_file)
{
	sb_puts(b, SUMMARY_MAGIC);
	summary_field(b, SUMMARY_VERSION);
	summary_field(b, source_file);
	sb_putc(b, '\n');
}

void
summary_field(struct sbuf *b, const char *s)
{
	sb_putc(b, '\t');
	if (!s || !*s) {
		sb_putc(b, '?');
		return;
	}
	for (; *s; s++)
		sb_putc(b, ((unsigned char)*s < 0x20 || *s == 0x7f) ? '?' : *s);
}

void
summary_kinds_text(unsigned kinds, char out[5])
{
	int n = 0;
	if (kinds & SUMMARY_NULL)
		out[n++] = 'n';
	if (kinds & SUMMARY_ERR)
		out[n++] = 'e';
	if (kinds & SUMMARY_VALID)
		out[n++] = 'v';
	if (kinds & SUMMARY_UNKNOWN)
		out[n++] = 'u';
	if (!n)
		out[n++] = '-';
	out[n] = 0;
}

int
summary_split(const char *s, size_t n, struct summary_field *f)
{
	int nf = 0;
	const char *end = s + n;
	for (;;) {
		const char *tab = (const char *)memchr(s, '\t', end - s);
		if (nf == SUMMARY_MAX_FIELDS)
			return -1;
		f[nf].s = s;
		f[nf].n = (tab ? tab : end) - s;
		nf++;
		if (!tab)
			return nf;
		s = tab + 1;
	}
}

bool
summary_parse_kinds(const char *s, size_t n, unsigned char *out)
{
	*out = 0;
	if (n == 1 && *s == '-')
		return true;
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case 'n': *out |= SUMMARY_NULL; break;
		case 'e': *out |= SUMMARY_ERR; break;
		case 'v': *out |= SUMMARY_VALID; break;
		case 'u': *out |= SUMMARY_UNKNOWN; break;
		default: return false;
		}
	}
	return true;
}

int
summary_test_of(const char *s, size_t n)
{
	for (int t = 0; t < SUMMARY_TEST_COUNT; t++)
		if (strlen(summary_test_names[t]) == n && memcmp(summary_test_names[t], s, n) == 0)
			return t;
	return -1;
}
