/*
 * errptr.c - plugin entry: version check, arguments, help, rules, and the
 * registration of errptr's pass and callbacks.
 *
 * errptr's GIMPLE pass runs right after "ssa", before any inlining, where
 * IS_ERR(), ERR_PTR() and friends are still calls; it summarises each
 * function (summary.c).  When every function has been summarised (the
 * start of the regular IPA passes, so before any code is generated), the
 * global initializers are scanned for hook tables and the checks run.
 */
#include "errptr.h"
#include "learn_only.h"
#include "plugin-version.h"	/* defines gcc_version: this file only */

int plugin_is_GPL_compatible;

bool errptr_verbose;
const char *errptr_plugin_name;

#define ERRPTR_VERSION "0.1"

#ifndef ERRPTR_RULES_DIR
#define ERRPTR_RULES_DIR "/usr/share/errptr/rules"
#endif

static const char help_text[] =
	"errptr: finds error-pointer contract bugs (NULL vs ERR_PTR) at compile time.\n"
	"  -fplugin-arg-errptr-rules=FILE      also read contracts from FILE (repeatable)\n"
	"  -fplugin-arg-errptr-rules-dir=DIR   read the bundled contracts from DIR\n"
	"  -fplugin-arg-errptr-no-default-rules  read no bundled contracts\n"
	"  -fplugin-arg-errptr-CHECK=LEVEL     LEVEL is error, warning, note or off;\n"
	"                                      CHECK is one of:\n"
	"%s"
	"  -fplugin-arg-errptr-sarif=FILE      also write the findings to FILE (SARIF 2.1.0)\n"
	"  -fplugin-arg-errptr-learn           record contract facts in the object file\n"
	"                                      (section .discard.errptr, for errptr-merge)\n"
	"  -fplugin-arg-errptr-learn-only      learn, and compile nothing else: no optimisation,\n"
	"                                      no code; the object holds the section only\n"
	"  -fplugin-arg-errptr-verbose         explain decisions in notes\n"
	"  -fplugin-arg-errptr-help            print this text\n";

static struct plugin_info errptr_info = {
	/* .version = */ ERRPTR_VERSION,
	/* .help = */ "see -fplugin-arg-errptr-help",
};

static void
print_help(void)
{
	char list[2048] = "";
	for (int i = 0; i < CHECK_COUNT; i++) {
		char line[256];
		snprintf(line, sizeof(line), "                                        %-16s %s\n",
			 checks[i].name, checks[i].what);
		strncat(list, line, sizeof(list) - strlen(list) - 1);
	}
	fprintf(stderr, help_text, list);
}

/* ---- the pass ---------------------------------------------------------- */
static const pass_data errptr_pass_data = {
	/* .type = */ GIMPLE_PASS,
	/* .name = */ "errptr",
	/* .optinfo_flags = */ OPTGROUP_NONE,
	/* .tv_id = */ TV_NONE,
	/* .properties_required = */ PROP_cfg | PROP_ssa,
	/* .properties_provided = */ 0,
	/* .properties_destroyed = */ 0,
	/* .todo_flags_start = */ 0,
	/* .todo_flags_finish = */ ERRPTR_PASS_TODO_FINISH,
};

class errptr_pass : public gimple_opt_pass {
public:
	errptr_pass(gcc::context *ctxt) : gimple_opt_pass(errptr_pass_data, ctxt) {}
	unsigned int execute(function *fn) override
	{
		summary_analyse_function(fn);
		return 0;
	}
	opt_pass *clone() override { return new errptr_pass(m_ctxt); }
};

static bool
any_contract(const struct contract *c)
{
	return true;
}

/* -fplugin-arg-errptr-verbose: what errptr concluded about a function. */
static void
explain_summary(struct fn_summary *s)
{
	struct standin st;
	char evidence[512];
	unsigned m = s->returns;

	inform(DECL_SOURCE_LOCATION(s->decl), "errptr: %qs may return%s%s%s%s", decl_name(s->decl),
	       (m & VK_NULL) ? " NULL/0" : "", (m & VK_ERR) ? " ERR/negative" : "",
	       (m & VK_VALID) ? " valid/positive" : "", (m & VK_UNKNOWN) ? " unknown" : "");
	if (standin_find(s, any_contract, &st))
		inform(DECL_SOURCE_LOCATION(s->decl), "errptr: %qs stands in for %qs: %s",
		       decl_name(s->decl), st.api, standin_evidence_text(&st, evidence, sizeof(evidence)));
}

static int
compare_source_order(const void *a, const void *b)
{
	tree da = (*(struct fn_summary *const *)a)->decl;
	tree db = (*(struct fn_summary *const *)b)->decl;
	expanded_location xa = expand_location(DECL_SOURCE_LOCATION(da));
	expanded_location xb = expand_location(DECL_SOURCE_LOCATION(db));
	int c = strcmp(xa.file ? xa.file : "", xb.file ? xb.file : "");
	if (c)
		return c;
	if (xa.line != xb.line)
		return xa.line < xb.line ? -1 : 1;
	return DECL_UID(da) < DECL_UID(db) ? -1 : DECL_UID(da) > DECL_UID(db);
}

/* Every function has been summarised: find stand-ins, run the checks. */
static void
run_checks(void)
{
	if (seen_error())
		return;
	standin_scan_globals();

	/* In source order, so that output is stable and reads top-down. */
	size_t n = 0;
	for (struct fn_summary *s = summary_first(); s; s = s->next)
		n += s->analysed;
	struct fn_summary **order = XNEWVEC(struct fn_summary *, n + 1);
	n = 0;
	for (struct fn_summary *s = summary_first(); s; s = s->next)
		if (s->analysed)
			order[n++] = s;
	qsort(order, n, sizeof(*order), compare_source_order);
	for (size_t i = 0; i < n; i++) {
		if (errptr_verbose)
			explain_summary(order[i]);
		check_null_return(order[i]);
		check_err_ptr_zero(order[i]);
	}
	XDELETEVEC(order);
}

/* A simple IPA pass right after the container of "ssa" (and so of errptr's
 * pass) has run over every function, before the early optimisations. */
static const pass_data errptr_checks_pass_data = {
	/* .type = */ SIMPLE_IPA_PASS,
	/* .name = */ "errptr_checks",
	/* .optinfo_flags = */ OPTGROUP_NONE,
	/* .tv_id = */ TV_NONE,
	/* .properties_required = */ 0,
	/* .properties_provided = */ 0,
	/* .properties_destroyed = */ 0,
	/* .todo_flags_start = */ 0,
	/* .todo_flags_finish = */ 0,
};

class errptr_checks_pass : public simple_ipa_opt_pass {
public:
	errptr_checks_pass(gcc::context *ctxt) : simple_ipa_opt_pass(errptr_checks_pass_data, ctxt) {}
	unsigned int execute(function *) override
	{
		run_checks();
		return 0;
	}
};

/* ---- arguments ---------------------------------------------------------- */
static bool
parse_severity(const char *value, enum severity *out)
{
	static const char *const names[] = { "off", "note", "warning", "error" };
	if (!value)
		return false;
	for (int i = 0; i < 4; i++) {
		if (strcmp(value, names[i]) == 0) {
			*out = (enum severity)i;
			return true;
		}
	}
	return false;
}

static const char *
plugin_dir(const char *full_name)
{
	const char *slash = strrchr(full_name, '/');
	return slash ? xstrndup(full_name, slash - full_name) : xstrdup(".");
}

static bool
directory_exists(const char *path)
{
	DIR *d = opendir(path);
	if (d)
		closedir(d);
	return d != NULL;
}

/* The bundled rules: installed beside the plugin (errptr/rules next to
 * errptr.so), else the rules/ of the tree it was built from (compiled in),
 * else plugin/../rules for a tree that moved. */
static const char *
default_rules_dir(const char *full_name)
{
	const char *dir = plugin_dir(full_name);
	const char *candidates[] = { concat(dir, "/errptr/rules", NULL), ERRPTR_RULES_DIR,
				     concat(dir, "/../rules", NULL) };
	for (size_t i = 0; i < ARRAY_SIZE(candidates); i++)
		if (directory_exists(candidates[i]))
			return candidates[i];
	return ERRPTR_RULES_DIR;
}

/* "-fplugin-arg-errptr-KEY[=VALUE]", for messages. */
static const char *
option_text(struct plugin_name_args *info, const char *key, const char *value)
{
	return concat("-fplugin-arg-", info->base_name, "-", key, value ? "=" : "",
		      value ? value : "", NULL);
}

static const char *sarif_path;
static bool learn_only;

static void
finish_decl(void *gcc_data, void *user_data)
{
	contracts_note_declaration((tree)gcc_data);
}

static void
finish_unit(void *gcc_data, void *user_data)
{
	learn_write_section();
	sarif_close();
}

static bool
parse_arguments(struct plugin_name_args *info)
{
	const char *rules_dir = NULL;
	bool default_rules = true;
	bool ok = true;

	for (int i = 0; i < CHECK_COUNT; i++)
		check_severity[i] = checks[i].default_severity;

	/* First pass: everything but the rules, which need the api names. */
	for (int i = 0; i < info->argc; i++) {
		const char *key = info->argv[i].key;
		const char *value = info->argv[i].value;
		bool is_check = false;

		for (int c = 0; c < CHECK_COUNT; c++) {
			if (strcmp(key, checks[c].name) != 0)
				continue;
			is_check = true;
			if (!parse_severity(value, &check_severity[c])) {
				error("errptr: %qs takes %<=error%>, %<=warning%>, %<=note%> or "
				      "%<=off%>", option_text(info, key, NULL));
				ok = false;
			}
		}
		if (is_check)
			continue;
		if (strcmp(key, "rules") == 0 || strcmp(key, "rules-dir") == 0) {
			if (!value || !*value) {
				error("errptr: %qs needs %<=PATH%>", option_text(info, key, NULL));
				ok = false;
			} else if (strcmp(key, "rules-dir") == 0) {
				rules_dir = value;
			}
		} else if (strcmp(key, "sarif") == 0) {
			if (!value || !*value) {
				error("errptr: %qs needs %<=FILE%>", option_text(info, key, NULL));
				ok = false;
			} else {
				sarif_path = value;
			}
		} else if (strcmp(key, "no-default-rules") == 0 && !value) {
			default_rules = false;
		} else if (strcmp(key, "learn") == 0 && !value) {
			errptr_learn = true;
		} else if (strcmp(key, "learn-only") == 0 && !value) {
			errptr_learn = learn_only = true;
		} else if (strcmp(key, "verbose") == 0 && !value) {
			errptr_verbose = true;
		} else if (strcmp(key, "help") == 0 && !value) {
			print_help();
		} else if (value && (strcmp(key, "no-default-rules") == 0 || strcmp(key, "learn") == 0 ||
				     strcmp(key, "learn-only") == 0 || strcmp(key, "verbose") == 0 ||
				     strcmp(key, "help") == 0)) {
			error("errptr: %qs takes no value", option_text(info, key, NULL));
			ok = false;
		} else {
			error("errptr: unknown argument %qs (%qs lists them)",
			      option_text(info, key, value), option_text(info, "help", NULL));
			ok = false;
		}
	}
	if (!ok)
		return false;

	contracts_init();
	if (default_rules && !contracts_load_dir(rules_dir ? rules_dir
							   : default_rules_dir(info->full_name)))
		return false;
	for (int i = 0; i < info->argc; i++) {
		if (strcmp(info->argv[i].key, "rules") == 0 &&
		    !contracts_load_file(info->argv[i].value))
			return false;
	}
	return true;
}

int
plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
	if (!plugin_default_version_check(version, &gcc_version)) {
		error("errptr: this build is for GCC %s (%s) and cannot run in GCC %s (%s); "
		      "rebuild errptr with this compiler (%<make CC=gcc-%d%>)",
		      gcc_version.basever, gcc_version.datestamp, version->basever,
		      version->datestamp, atoi(version->basever));
		return 1;
	}
	errptr_plugin_name = info->base_name;
	register_callback(info->base_name, PLUGIN_INFO, NULL, &errptr_info);

	/* A bad argument or rule is an error of this compilation (it fails,
	 * with one line per problem); errptr then stays out of the way. */
	if (!parse_arguments(info))
		return 0;

	struct register_pass_info pass;
	pass.pass = new errptr_pass(g);
	pass.reference_pass_name = "ssa";
	pass.ref_pass_instance_number = 1;
	pass.pos_op = PASS_POS_INSERT_AFTER;
	register_callback(info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);

	struct register_pass_info checks_pass;
	checks_pass.pass = new errptr_checks_pass(g);
	checks_pass.reference_pass_name = "build_ssa_passes";
	checks_pass.ref_pass_instance_number = 1;
	checks_pass.pos_op = PASS_POS_INSERT_AFTER;
	register_callback(info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &checks_pass);
	if (learn_only)
		learn_only_register(info->base_name, "errptr_checks");
	/* A preprocess-only run (distcc's client, -E) compiles nothing: its
	 * empty log must not stand for the real one. */
	if (sarif_path && !flag_preprocess_only)
		sarif_open(sarif_path);
	register_callback(info->base_name, PLUGIN_FINISH_UNIT, finish_unit, NULL);
	register_callback(info->base_name, PLUGIN_FINISH_DECL, finish_decl, NULL);
	return 0;
}
