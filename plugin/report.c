/*
 * report.c - the only place that emits diagnostics.
 *
 * A finding becomes one error or warning (its severity set per check by
 * plugin arguments), tagged "[errptr-CHECK]" so it can be told apart under
 * -Werror and filtered in CI, with a diagnostic path showing how the bad
 * value travels (printed like -fanalyzer's paths) and notes that explain
 * the contract, the evidence and the fix.
 */
#include "errptr.h"

const struct check_desc checks[CHECK_COUNT] = {
	/* CHECK_NULL_RETURN */ { "null-return", SEV_ERROR,
		"a stand-in for an API whose callers test only IS_ERR() returns NULL" },
};

enum severity check_severity[CHECK_COUNT];

struct report {
	enum check_id check;
	location_t loc;
	char *message;
	rich_location *richloc;
	simple_diagnostic_path *path;
	auto_diagnostic_group *group;
	bool emitted;
};

/* Where a diagnostic about LOC should point: the outermost macro
 * expansion point, i.e. the line of the user's function, not the body of
 * assert_error() in some header. */
location_t
user_location(location_t loc)
{
	if (loc == UNKNOWN_LOCATION)
		return loc;
	return linemap_resolve_location(line_table, loc, LRK_MACRO_EXPANSION_POINT, NULL);
}

const char *
decl_name(tree decl)
{
	if (!decl || !DECL_P(decl) || !DECL_NAME(decl))
		return "<anonymous>";
	return IDENTIFIER_POINTER(DECL_NAME(decl));
}

const char *
location_text(location_t loc, char *buf, size_t size)
{
	expanded_location x = expand_location(user_location(loc));
	if (!x.file)
		snprintf(buf, size, "<unknown>");
	else
		snprintf(buf, size, "%s:%d", x.file, x.line);
	return buf;
}

static char *
vformat(const char *fmt, va_list ap)
{
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		return xstrdup(fmt);
	return s;
}

struct report *
report_begin(enum check_id check, location_t loc, const char *fmt, ...)
{
	if (check_severity[check] == SEV_OFF)
		return NULL;
	struct report *r = XCNEW(struct report);
	va_list ap;
	va_start(ap, fmt);
	char *msg = vformat(fmt, ap);
	va_end(ap);
	r->check = check;
	r->loc = user_location(loc);
	if (asprintf(&r->message, "%s [errptr-%s]", msg, checks[check].name) < 0)
		r->message = xstrdup(msg);
	free(msg);
	r->richloc = new rich_location(line_table, r->loc);
	/* Events are formatted by their own printer: the global one carries
	 * the prefix of whatever diagnostic it printed last. */
	static pretty_printer *event_pp;
	if (!event_pp)
		event_pp = new pretty_printer();
	r->path = new simple_diagnostic_path(event_pp);
	r->group = new auto_diagnostic_group;
	return r;
}

void
report_event(struct report *r, location_t loc, tree fndecl, const char *fmt, ...)
{
	if (!r || loc == UNKNOWN_LOCATION)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *text = vformat(fmt, ap);
	va_end(ap);
	r->path->add_event(user_location(loc), fndecl, 0, "%s", text);
	free(text);
}

bool
report_emit(struct report *r)
{
	if (!r)
		return false;
	if (r->path->num_events() > 1)
		r->richloc->set_path(r->path);
	if (check_severity[r->check] == SEV_ERROR) {
		error_at(r->richloc, "%s", r->message);
		r->emitted = true;
	} else if (check_severity[r->check] == SEV_WARNING) {
		r->emitted = warning_at(r->richloc, 0, "%s", r->message);
	} else {
		inform(r->richloc, "%s", r->message);
		r->emitted = true;
	}
	return r->emitted;
}

void
report_note(struct report *r, location_t loc, const char *fmt, ...)
{
	if (!r || !r->emitted)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *text = vformat(fmt, ap);
	va_end(ap);
	inform(loc == UNKNOWN_LOCATION ? r->loc : user_location(loc), "%s", text);
	free(text);
}

/* A note at LOC with a fix-it replacing the first TOKEN at or after LOC's
 * column on its line by REPLACEMENT (when TOKEN is there). */
void
report_note_replace(struct report *r, location_t loc, const char *token, const char *replacement,
		    const char *fmt, ...)
{
	if (!r || !r->emitted)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *text = vformat(fmt, ap);
	va_end(ap);

	loc = user_location(loc);
	rich_location richloc(line_table, loc);
	expanded_location x = expand_location(loc);
	if (x.file && x.column > 0) {
		char_span line = location_get_source_line(x.file, x.line);
		size_t tlen = strlen(token);
		if (line) {
			for (size_t i = x.column - 1; i + tlen <= line.length(); i++) {
				if (memcmp(line.get_buffer() + i, token, tlen) != 0)
					continue;
				bool starts = i == 0 || !(ISIDNUM(line[i - 1]));
				bool ends = i + tlen == line.length() || !(ISIDNUM(line[i + tlen]));
				if (!starts || !ends)
					continue;
				location_t start = linemap_position_for_loc_and_offset(
					line_table, loc, i - (x.column - 1));
				location_t finish = linemap_position_for_loc_and_offset(
					line_table, loc, i + tlen - 1 - (x.column - 1));
				location_t range = make_location(start, start, finish);
				richloc.add_fixit_replace(range, replacement);
				break;
			}
		}
	}
	inform(&richloc, "%s", text);
	free(text);
}

void
report_end(struct report *r)
{
	if (!r)
		return;
	delete r->group;
	delete r->richloc;
	delete r->path;
	free(r->message);
	free(r);
}

const char *
standin_evidence_text(const struct standin *s, char *buf, size_t size)
{
	switch (s->kind) {
	case STANDIN_RULE:
		snprintf(buf, size, "a rule says so (%s:%d)", s->via, s->via_line);
		break;
	case STANDIN_HOOK_STRING:
		snprintf(buf, size, "it is paired with \"%s\" in the hook table '%s'", s->api,
			 s->via ? s->via : "?");
		break;
	case STANDIN_HOOK_ADDR:
		snprintf(buf, size, "it is paired with '%s' in the hook table '%s'", s->api,
			 s->via ? s->via : "?");
		break;
	case STANDIN_MEMBER:
		snprintf(buf, size, "it is assigned to '%s'", s->api);
		break;
	case STANDIN_LOOKUP_CALL:
		snprintf(buf, size,
			 "it returns the result of calling '%s' through a pointer looked up by name",
			 s->api);
		break;
	case STANDIN_VAR_CALL:
		snprintf(buf, size, "it returns the result of calling '%s' through '%s'", s->api,
			 s->via ? s->via : "?");
		break;
	case STANDIN_DIRECT_CALL:
		snprintf(buf, size, "it returns the result of calling '%s' and has the same prototype",
			 s->api);
		break;
	case STANDIN_NAME:
		snprintf(buf, size, "its name contains '%s' and its prototype matches", s->api);
		break;
	case STANDIN_DEFINITION:
		snprintf(buf, size, "it is the definition of '%s'", s->api);
		break;
	case STANDIN_LOCAL_CALLERS:
		snprintf(buf, size, "every caller in this file tests its result only with IS_ERR()");
		break;
	default:
		snprintf(buf, size, "?");
		break;
	}
	return buf;
}
