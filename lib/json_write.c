/*
 * json_write.c - writing JSON strings and URI paths (json_write.h).
 */
#include "json_write.h"

#include <string.h>

size_t
utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len;
	unsigned min;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, min = 0x10000;
	else
		return 0;
	if (len > n)
		return 0;
	unsigned cp = c & (0x7f >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

void
json_string(struct sbuf *b, const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t n = strlen((const char *)s);
	sb_putc(b, '"');
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		if (c == '"' || c == '\\') {
			sb_putc(b, '\\');
			sb_putc(b, (char)c);
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			switch (c) {
			case '\b': sb_puts(b, "\\b"); break;
			case '\f': sb_puts(b, "\\f"); break;
			case '\n': sb_puts(b, "\\n"); break;
			case '\r': sb_puts(b, "\\r"); break;
			case '\t': sb_puts(b, "\\t"); break;
			default: sb_printf(b, "\\u%04x", c); break;
			}
			i++;
		} else {
			size_t len = utf8_len(s + i, n - i);
			if (len) {
				sb_add(b, (const char *)s + i, len);
				i += len;
			} else {
				sb_puts(b, "\xef\xbf\xbd");
				i++;
			}
		}
	}
	sb_putc(b, '"');
}

/* ASCII only, whatever the locale. */
static int
uri_unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

void
json_uri_path(struct sbuf *b, const char *path)
{
	for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
		if (uri_unreserved(*s))
			sb_putc(b, (char)*s);
		else
			sb_printf(b, "%%%02X", *s);
	}
}
