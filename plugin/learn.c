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
#include "summary_format.h"	/* lib/: the records, shared with errptr-merge */

bool errptr_learn;

static struct sbuf text;	/* the records of this unit */

#define MAX_RETURNED 32
static struct {
	const char *callee;
	unsigned allowed;
} returned[MAX_RETURNED];
static int nreturned;

/* A field: no tab, newline or other control character inside. */
static void
field(const char *s)
{
	summary_field(&text, s);
}

static void
field_int(long n)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%ld", n);
	field(buf);
}

/* VK_NULL, VK_ERR, VK_VALID (and VK_UNKNOWN: any unsure kind) as the summary's bits. */
static unsigned
summary_kinds(unsigned vk)
{
	return ((vk & VK_NULL) ? SUMMARY_NULL : 0) | ((vk & VK_ERR) ? SUMMARY_ERR : 0) |
	       ((vk & VK_VALID) ? SUMMARY_VALID : 0) | ((vk & VK_UNKNOWN) ? SUMMARY_UNKNOWN : 0);
}

static void
field_kinds(unsigned kinds)
{
	char buf[5];
	summary_kinds_text(summary_kinds(kinds), buf);
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
	if (!text.len)
		summary_header(&text, main_input_filename);
	sb_puts(&text, kind);
}

static void
end_record(void)
{
	sb_putc(&text, '\n');
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
		/* ALLOWED: kinds of VK_KINDS (note_returned_calls() keeps to them) */
		char buf[512], kinds[5];
		summary_kinds_text(summary_kinds(returned[i].allowed & VK_KINDS), kinds);
		snprintf(buf, sizeof(buf), "%s:%s", returned[i].callee, kinds);
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
	if (!text.len)
		begin_record("");	/* the header line alone */
	fprintf(asm_out_file, "\t.pushsection " SUMMARY_SECTION ",\"\",@progbits\n");
	const char *p = text.p;
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
	free(text.p);
	memset(&text, 0, sizeof(text));
}
