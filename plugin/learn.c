/*
 * learn.c - learn mode: what this translation unit tells about contracts.
 *
 * With -fplugin-arg-errptr-learn, the facts of docs/learn-format.md (each
 * pointer-returning function's kinds and the external calls it passes on,
 * how each call's result is tested, which functions go into which struct
 * members) are collected while the functions are analysed and written at
 * the end of the unit into the object file's ".discard.errptr" section.
 * In the object, they survive ccache, distcc and make -j without locks;
 * errptr-merge reads them back from the build tree.
 */
#include "learn.h"
#include "names.h"

bool errptr_learn;

static char *text;		/* the records of this unit */
static size_t text_len, text_cap;

#define MAX_RETURNED 32
static struct {
	const char *callee;
	unsigned allowed;
} returned[MAX_RETURNED];
static int nreturned;

static void
append(const char *s, size_t n)
{
	if (text_len + n + 1 > text_cap) {
		text_cap = (text_len + n + 1) * 2 + 4096;
		text = XRESIZEVEC(char, text, text_cap);
	}
	memcpy(text + text_len, s, n);
	text_len += n;
	text[text_len] = 0;
}

/* A field: no tab, newline or other control character inside. */
static void
field(const char *s)
{
	append("\t", 1);
	if (!s || !*s) {
		append("?", 1);
		return;
	}
	for (; *s; s++) {
		char c = ((unsigned char)*s < 0x20 || *s == 0x7f) ? '?' : *s;
		append(&c, 1);
	}
}

static void
field_int(long n)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%ld", n);
	field(buf);
}

static void
field_kinds(unsigned kinds)
{
	char buf[5];
	int n = 0;
	if (kinds & VK_NULL)
		buf[n++] = 'n';
	if (kinds & VK_ERR)
		buf[n++] = 'e';
	if (kinds & VK_VALID)
		buf[n++] = 'v';
	if (kinds & VK_UNKNOWN)
		buf[n++] = 'u';
	if (!n)
		buf[n++] = '-';
	buf[n] = 0;
	field(buf);
}

static void
field_location(location_t loc)
{
	expanded_location x = expand_location(user_location(loc));
	char buf[1024];
	snprintf(buf, sizeof(buf), "%s:%d", x.file ? x.file : "?", x.line);
	field(buf);
}

static void
begin_record(const char *kind)
{
	if (!text_len) {
		append("errptr-summary", 14);
		field("1");
		field(main_input_filename);
		append("\n", 1);
	}
	append(kind, strlen(kind));
}

static void
end_record(void)
{
	append("\n", 1);
}

void
learn_begin_function(void)
{
	nreturned = 0;
}

void
learn_returned_call(const char *callee, unsigned allowed)
{
	for (int i = 0; i < nreturned; i++) {
		if (strcmp(returned[i].callee, callee) == 0) {
			returned[i].allowed |= allowed;
			return;
		}
	}
	if (nreturned < MAX_RETURNED) {
		returned[nreturned].callee = callee;
		returned[nreturned++].allowed = allowed;
	}
}

void
learn_function(struct fn_summary *s)
{
	tree decl = s->decl;
	if (!errptr_learn || !DECL_NAME(decl) || !POINTER_TYPE_P(TREE_TYPE(TREE_TYPE(decl))))
		return;
	int nargs = 0;
	for (tree a = DECL_ARGUMENTS(decl); a; a = DECL_CHAIN(a))
		nargs++;
	begin_record("F");
	field(decl_name(decl));
	field(TREE_PUBLIC(decl) ? "global" : "static");
	field_location(DECL_SOURCE_LOCATION(decl));
	field_int(nargs);
	/* proven kinds, and 'u' when some return is of unknown origin */
	field_kinds(VK_PROVEN(s->returns) | (VK_UNSURE(s->returns) ? VK_UNKNOWN : 0));
	/* its failures only for a too large argument: not when a callee's
	 * result it returns may bring others */
	bool range_only = s->range_arg > 0;
	for (int i = 0; i < nreturned; i++)
		if (returned[i].allowed & (VK_NULL | VK_ERR))
			range_only = false;
	if (range_only) {
		char buf[32];
		snprintf(buf, sizeof(buf), "range_arg=%d", s->range_arg);
		field(buf);
	}
	for (int i = 0; i < nreturned; i++) {
		char buf[512];
		unsigned k = returned[i].allowed;
		snprintf(buf, sizeof(buf), "%s:%s%s%s%s", returned[i].callee, (k & VK_NULL) ? "n" : "",
			 (k & VK_ERR) ? "e" : "", (k & VK_VALID) ? "v" : "", k ? "" : "-");
		field(buf);
	}
	end_record();
}

void
learn_call(const char *callee, tree caller, location_t loc, const char *test)
{
	if (!errptr_learn || !callee)
		return;
	begin_record("C");
	field(callee);
	field(decl_name(caller));
	field_location(loc);
	field(test);
	end_record();
}

void
learn_member(const char *type_name, const char *field_name, tree fndecl, location_t loc)
{
	if (!errptr_learn || !type_name || !field_name || !DECL_NAME(fndecl))
		return;
	char key[512];
	snprintf(key, sizeof(key), "%s.%s", type_name, field_name);
	begin_record("M");
	field(key);
	field(decl_name(fndecl));
	field_location(loc);
	end_record();
}

/* The records go into the object as one non-allocated section; push and
 * pop keep GCC's idea of the current section right. */
void
learn_write_section(void)
{
	if (!errptr_learn || !asm_out_file)
		return;
	/* A unit with nothing to say still says so, so that coverage can
	 * tell "nothing to learn" from "not compiled with errptr". */
	if (!text_len)
		begin_record("");	/* the header line alone */
	fprintf(asm_out_file, "\t.pushsection .discard.errptr,\"\",@progbits\n");
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
		fputs("\t.ascii \"", asm_out_file);
		for (size_t i = 0; i < n; i++) {
			unsigned char c = p[i];
			if (c == '"' || c == '\\')
				fprintf(asm_out_file, "\\%c", c);
			else if (c < 0x20 || c >= 0x7f)
				fprintf(asm_out_file, "\\%03o", c);
			else
				fputc(c, asm_out_file);
		}
		fputs("\"\n", asm_out_file);
		p += n;
	}
	fprintf(asm_out_file, "\t.popsection\n");
	free(text);
	text = NULL;
	text_len = text_cap = 0;
}
