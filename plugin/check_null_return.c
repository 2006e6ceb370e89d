/*
 * check_null_return.c - the seed bug: a stand-in returns NULL where the API
 * it replaces never does and that API's callers test only IS_ERR().
 *
 * A security module hooked do_filp_open(); on a failed try_module_get() the
 * hook returned NULL.  do_sys_open() tests do_filp_open()'s result with
 * IS_ERR() only (IS_ERR(NULL) is false), so it went on to
 * fsnotify_open(NULL) and oopsed at address 0x18.  The fix is to return
 * ERR_PTR(-E...).  The error is reported at each return whose value may be
 * NULL, with the path of that NULL, the evidence that the function stands
 * in for the API, a caller that tests only IS_ERR(), and a fix-it.
 */
#include "check.h"
#include "callers.h"
#include "report.h"
#include "standin.h"

/* Where the NULL comes from, unless "return NULL;" itself is reported. */
static void
describe_origin(struct report *r, const struct null_return *nr, tree fndecl)
{
	if (!nr->literal)
		report_null_origin(r, &nr->origin, fndecl, true);
}

static void
explain_callers(struct report *r, const struct standin *st)
{
	const struct contract *c = st->contract;
	char where[512];

	if (st->kind == STANDIN_LOCAL_CALLERS) {
		report_note(r, st->loc,
			    "'%s' returns %s() on other paths and its callers test only %s(), "
			    "e.g. '%s' at %s",
			    st->api, api_name(API_ERR_PTR), api_name(API_IS_ERR), st->via,
			    location_text(st->loc, where, sizeof(where)));
		return;
	}
	char how[128];
	if (c->fails == FAILS_NONE)
		snprintf(how, sizeof(how), "never fails and never returns NULL");
	else
		snprintf(how, sizeof(how), "reports failure with %s(), never NULL",
			 api_name(API_ERR_PTR));
	if (c->caller) {
		/* caller=PATH:LINE:FUNCTION */
		const char *last = strrchr(c->caller, ':');
		if (last) {
			report_note(r, UNKNOWN_LOCATION,
				    "'%s' %s; callers test only %s(), e.g. '%s' at %.*s", st->api,
				    how, api_name(API_IS_ERR), last + 1, (int)(last - c->caller),
				    c->caller);
			return;
		}
	}
	report_note(r, UNKNOWN_LOCATION, "'%s' %s; callers test only %s()", st->api, how,
		    api_name(API_IS_ERR));
}

static void
null_return_on_summary(const struct fn_summary *s)
{
	struct standin st;
	char evidence[512];

	if (!s->null_returns || !standin_find(s, contract_callers_break_on_null, &st))
		return;
	/* The code at hand beats knowledge from elsewhere: a learned
	 * contract of this very function (from another tree, another
	 * version) never makes its own "return NULL;" an error, and neither
	 * does any rule of it when this file's callers test its result for
	 * NULL. */
	if (st.kind == STANDIN_DEFINITION) {
		enum callers_kind here = callers_tested_as(s->decl, NULL);
		if (st.contract->learned || here == CALLERS_NULL || here == CALLERS_IS_ERR_OR_NULL)
			return;
	}
	const char *fn = decl_name(s->decl);
	for (struct null_return *nr = s->null_returns; nr; nr = nr->next) {
		/* ERR_PTR(0): err-ptr-zero reports it at the ERR_PTR() call */
		if (nr->origin.kind == ORIGIN_ERR_PTR_ZERO &&
		    check_severity[CHECK_ERR_PTR_ZERO] != SEV_OFF)
			continue;
		/* A NULL that only a test of something errptr knows nothing
		 * about lets through ("f = real_open(...); if
		 * (IS_ERR_OR_NULL(f)) goto out; ... out: return f;", the
		 * original called through a pointer errptr cannot tie to the
		 * API) is possible, not certain: the original may never
		 * return NULL.  This check is an error: it reports only NULLs
		 * something proves. */
		if (nr->origin.kind == ORIGIN_TEST)
			continue;
		/* Weak evidence - this file's callers, or the function's own
		 * contract (it is the API: include/linux/reset.h's
		 * devm_reset_control_get_exclusive() returns what
		 * __devm_reset_control_get() does, NULL only for optional=true,
		 * which it never passes) - and a NULL that only flows to the
		 * return (a variable set to NULL earlier, a call's or a
		 * parameter's NULL): on the kernel such NULLs hang on state the
		 * callers set up (a flag they never pass, a count that is never
		 * 0), 0 true of 5 in the validation.  Only a "return NULL;"
		 * written there is reported on it. */
		/* So is a function that returns the API's result with the API's
		 * prototype and nothing else says it stands in for it: a wrapper
		 * may have callers of its own that take NULL. */
		bool weak = st.kind == STANDIN_LOCAL_CALLERS || st.kind == STANDIN_DEFINITION ||
			    st.kind == STANDIN_DIRECT_CALL;
		if (weak && (!nr->literal || nr->guarded))
			continue;	/* and one that only some arguments reach (mpol_new) */
		/* This file's callers are weaker evidence than a contract or a
		 * hook: a warning of its own (local-null-return). */
		struct report *r = st.kind == STANDIN_LOCAL_CALLERS
			? report_begin(CHECK_LOCAL_NULL_RETURN, nr->loc,
				"'%s' returns NULL here, but its callers test the result only with "
				"%s()", fn, api_name(API_IS_ERR))
			: report_begin(CHECK_NULL_RETURN, nr->loc,
				"'%s' returns NULL here, but it stands in for '%s', whose callers "
				"test the result only with %s()", fn, st.api, api_name(API_IS_ERR));
		if (!r)
			continue;	/* check off, or silenced at this site */
		describe_origin(r, nr, s->decl);
		report_event(r, nr->loc, s->decl, "'%s' returns NULL to callers of '%s'", fn, st.api);
		if (report_emit(r)) {
			if (st.kind != STANDIN_LOCAL_CALLERS)
				report_note(r, st.loc, "'%s' stands in for '%s': %s", fn, st.api,
					    standin_evidence_text(&st, evidence, sizeof(evidence)));
			explain_callers(r, &st);
			if (nr->literal) {
				char fix[128];
				snprintf(fix, sizeof(fix), "%s(%s)", api_name(API_ERR_PTR),
					 nr->errno_hint ? nr->errno_hint : "-EINVAL");
				report_note_replace(r, nr->loc, "NULL", fix,
					"return an error pointer instead, e.g. '%s'", fix);
			}
		}
		report_end(r);
	}
}

const struct check_hooks null_return_hooks = {
	.on_summary = null_return_on_summary,
};
