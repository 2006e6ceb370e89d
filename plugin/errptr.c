/*
 * errptr.c - plugin entry: version check, arguments, help, rules, and the
 * registration of errptr's passes (pass.c schedules the work) and callbacks.
 */
#include "check.h"
#include "contracts.h"
#include "errapi.h"
#include "kernel.h"
#include "learn.h"
#include "options.h"
#include "pass.h"
#include "sarif.h"
#include "learn_only.h"
#include "plugin-version.h"	/* defines gcc_version: this file only */

int plugin_is_GPL_compatible;

/* The GCC this build is for, "errptr-built-for-gcc=14.2.0": the loader
 * (loader.c) reads it in the file before it opens the file, and refuses a
 * build for another GCC in one line (dlopen() would fail on a symbol that
 * GCC renamed, with an "undefined symbol" that names neither version). */
#define ERRPTR_STR_(x) #x
#define ERRPTR_STR(x) ERRPTR_STR_(x)
extern const char errptr_built_for[];
__attribute__((used, section(".errptr_built_for"))) const char errptr_built_for[] =
	"errptr-built-for-gcc=" ERRPTR_STR(GCCPLUGIN_VERSION_MAJOR) "." ERRPTR_STR(
		GCCPLUGIN_VERSION_MINOR) "." ERRPTR_STR(GCCPLUGIN_VERSION_PATCHLEVEL);

bool errptr_verbose;
const char *errptr_plugin_name;

/* ERRPTR_VERSION: the file VERSION, given by the Makefile as -DERRPTR_VERSION="..." */

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
	"  -fplugin-arg-errptr-kernel=X.Y      the kernel the unit is compiled against\n"
	"                                      (default: read from the kernel build tree)\n"
	"  -fplugin-arg-errptr-learn           record contract facts in the object file\n"
	"                                      (section .discard.errptr, for errptr-merge)\n"
	"  -fplugin-arg-errptr-analysis-only   check, and compile nothing else: no optimisation,\n"
	"                                      no code (scanning a tree for findings fast)\n"
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
		} else if (strcmp(key, "kernel") == 0) {
			if (!value || !kernel_set_version(value)) {
				error("errptr: %qs takes the kernel version the unit is compiled "
				      "against, %<=MAJOR.MINOR%> (e.g. %<=6.12%>)",
				      option_text(info, key, value));
				ok = false;
			}
		} else if (strcmp(key, "no-default-rules") == 0 && !value) {
			default_rules = false;
		} else if (strcmp(key, "learn") == 0 && !value) {
			errptr_learn = true;
		} else if (strcmp(key, "learn-only") == 0 && !value) {
			errptr_learn = learn_only = true;
		} else if (strcmp(key, "analysis-only") == 0 && !value) {
			learn_only = true;	/* the same stop, without the records */
		} else if (strcmp(key, "verbose") == 0 && !value) {
			errptr_verbose = true;
		} else if (strcmp(key, "help") == 0 && !value) {
			print_help();
		} else if (value && (strcmp(key, "no-default-rules") == 0 || strcmp(key, "learn") == 0 ||
				     strcmp(key, "learn-only") == 0 || strcmp(key, "analysis-only") == 0 ||
				     strcmp(key, "verbose") == 0 ||
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
		return 0;	/* the error fails the compilation; 1 would add a second line */
	}
	errptr_plugin_name = info->base_name;
	register_callback(info->base_name, PLUGIN_INFO, NULL, &errptr_info);

	/* A bad argument or rule is an error of this compilation (it fails,
	 * with one line per problem); errptr then stays out of the way. */
	if (!parse_arguments(info))
		return 0;

	pass_register(info->base_name);
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
