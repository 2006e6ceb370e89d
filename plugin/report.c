/*
 * report.c - the only place that emits diagnostics.
 *
 * A finding becomes one error or warning (its severity set per check by
 * plugin arguments), tagged "[errptr-CHECK]" so it can be told apart under
 * -Werror and filtered in CI, with a diagnostic path showing how the bad
 * value travels (printed like -fanalyzer's paths) and notes that explain
 * the contract, the evidence and the fix.
 */
#include "report.h"
#include "sarif.h"

#define MAX_EVENTS 16

struct report {
	enum check_id check;
	char *events_text;	/* event texts, '\n'-separated, for SARIF */
	location_t events_loc[MAX_EVENTS];
	int nevents;
	location_t loc;
	char *message;
	rich_location *richloc;
	simple_diagnostic_path *path;
	auto_diagnostic_group *group;
	bool emitted;
};

static char *
vformat(const char *fmt, va_list ap)
{
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		return xstrdup(fmt);
	return s;
}

/* Does LINE carry a marker silencing CHECK: "errptr-ignore" (every check)
 * or "errptr-ignore(null-return, is-err-on-null)"? */
static bool
line_silences(char_span line, enum check_id check)
{
	static const char marker[] = "errptr-ignore";
	size_t mlen = sizeof(marker) - 1;

	for (size_t i = 0; line && i + mlen <= line.length(); i++) {
		if (memcmp(line.get_buffer() + i, marker, mlen) != 0)
			continue;
		size_t j = i + mlen;
		if (j >= line.length() || line[j] != '(')
			return true;
		/* a list of check names */
		size_t name_len = strlen(checks[check].name);
		for (j++; j < line.length() && line[j] != ')'; j++) {
			if (j + name_len <= line.length() &&
			    memcmp(line.get_buffer() + j, checks[check].name, name_len) == 0 &&
			    (j + name_len == line.length() || !ISIDNUM(line[j + name_len])) &&
			    line[j + name_len] != '-')
				return true;
		}
	}
	return false;
}

/* A marker on the diagnostic's line or the line above silences it. */
static bool
silenced_in_source(location_t loc, enum check_id check)
{
	expanded_location x = expand_location(loc);
	if (!x.file || x.line <= 0)
		return false;
	if (line_silences(errptr_source_line(x.file, x.line), check))
		return true;
	return x.line > 1 && line_silences(errptr_source_line(x.file, x.line - 1), check);
}

struct report *
report_begin(enum check_id check, location_t loc, const char *fmt, ...)
{
	if (check_severity[check] == SEV_OFF || silenced_in_source(user_location(loc), check))
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
	r->path = errptr_new_path(event_pp);
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
	r->events_text = r->events_text ? reconcat(r->events_text, r->events_text, "\n", text, NULL)
					: xstrdup(text);
	r->events_loc[r->nevents < MAX_EVENTS ? r->nevents++ : MAX_EVENTS - 1] = user_location(loc);
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
	if (r->emitted) {
		sarif_result(r->check, check_severity[r->check], r->loc, r->message);
		char *text = r->events_text;
		for (int i = 0; text && i < r->nevents; i++) {
			char *nl = strchr(text, '\n');
			if (nl)
				*nl = 0;
			sarif_event(r->events_loc[i], text);
			text = nl ? nl + 1 : NULL;
		}
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
	loc = loc == UNKNOWN_LOCATION ? r->loc : user_location(loc);
	inform(loc, "%s", text);
	sarif_related(loc, text);
	free(text);
}

/* Add to RICHLOC a fix-it replacing the first TOKEN at or after LOC's
 * column on its line by REPLACEMENT; false when TOKEN is not there. */
static bool
add_replace(rich_location *richloc, location_t loc, const char *token, const char *replacement)
{
	loc = user_location(loc);
	expanded_location x = expand_location(loc);
	if (!x.file || x.column <= 0)
		return false;
	char_span line = errptr_source_line(x.file, x.line);
	size_t tlen = strlen(token);
	if (!line)
		return false;
	for (size_t i = x.column - 1; i + tlen <= line.length(); i++) {
		if (memcmp(line.get_buffer() + i, token, tlen) != 0)
			continue;
		bool starts = i == 0 || !(ISIDNUM(line[i - 1])) || !ISIDNUM(token[0]);
		bool ends = i + tlen == line.length() || !(ISIDNUM(line[i + tlen])) ||
			    !ISIDNUM(token[tlen - 1]);
		if (!starts || !ends)
			continue;
		location_t start = linemap_position_for_loc_and_offset(line_table, loc,
								       i - (x.column - 1));
		location_t finish = linemap_position_for_loc_and_offset(
			line_table, loc, i + tlen - 1 - (x.column - 1));
		richloc->add_fixit_replace(make_location(start, start, finish), replacement);
		return true;
	}
	return false;
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
	add_replace(&richloc, loc, token, replacement);
	inform(&richloc, "%s", text);
	sarif_related(loc, text);
	free(text);
}

bool
report_note_replace2(struct report *r, location_t loc, const char *token, const char *replacement,
		     location_t loc2, const char *token2, const char *replacement2,
		     const char *fmt, ...)
{
	if (!r || !r->emitted)
		return false;
	loc = user_location(loc);
	rich_location richloc(line_table, loc);
	if (!add_replace(&richloc, loc, token, replacement) ||
	    !add_replace(&richloc, loc2, token2, replacement2))
		return false;
	va_list ap;
	va_start(ap, fmt);
	char *text = vformat(fmt, ap);
	va_end(ap);
	inform(&richloc, "%s", text);
	sarif_related(loc, text);
	free(text);
	return true;
}

void
report_null_origin(struct report *r, const struct origin *o, tree fndecl, bool with_test)
{
	if (o->loc == UNKNOWN_LOCATION)
		return;
	switch (o->kind) {
	case ORIGIN_LITERAL:
		report_event(r, o->loc, fndecl, "NULL is assigned here");
		break;
	case ORIGIN_ERR_PTR_ZERO:
		report_event(r, o->loc, fndecl, "%s() of a value that may be 0 is NULL",
			     api_name(API_ERR_PTR));
		break;
	case ORIGIN_CALL:
		if (o->callee)
			report_event(r, o->loc, fndecl, "'%s' may return NULL",
				     call_written_name(o->loc, decl_name(o->callee)));
		else
			report_event(r, o->loc, fndecl, "this call may return NULL");
		break;
	case ORIGIN_TEST:
		if (with_test)
			report_event(r, o->loc, fndecl, "the value may be NULL when this test holds");
		break;
	default:
		break;
	}
}

void
report_end(struct report *r)
{
	if (!r)
		return;
	delete r->group;
	delete r->richloc;
	delete r->path;
	free(r->events_text);
	free(r->message);
	free(r);
}
