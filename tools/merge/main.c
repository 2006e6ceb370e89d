/*
 * errptr-merge - turn the summaries errptr's learn mode left in a build
 * tree's object files into rules.
 *
 *   errptr-merge [-o OUT.rules] [--index OUT.cdb] [--srctree DIR] [--coverage]
 *                [--progress] DIR_OR_OBJ...
 *   errptr-merge --query INDEX.cdb NAME...
 *
 * Each object's ".discard.errptr" section (docs/learn-format.md) holds one
 * or more units (an "ld -r" object holds the units of its parts).  The
 * merge:
 *   - resolves every function's kinds: its own proven kinds, plus, for each
 *     external call whose result it returns, kinds(callee) & allowed, to a
 *     fixed point.  Static functions are keyed by (source file, name); a
 *     name used in a unit is its static when it has one, else the global.
 *     A callee without a summary anywhere adds nothing;
 *   - counts, per callee (function or STRUCT.FIELD), how the distinct call
 *     sites test the result, and keeps a sample caller;
 *   - gives each struct member the union of the kinds of the functions
 *     stored into it;
 *   - writes one rule per global function and member with known kinds
 *     (docs/design-contract.md, "Rules format"), sorted by kind then name,
 *     and with --index a cdb mapping "func:NAME" and "member:S.F" to the
 *     rule line, for the plugin's lazy lookups (plugin/rules_index.c).
 * The stages are the files of this directory (merge.h).
 *
 * Bad input never stops the merge: a malformed record is reported as
 * "OBJECT: line N: ..." and skipped; an object with a corrupt section or a
 * summary version this merge does not read is reported and skipped whole.
 * Exit status: 0 when the rules were written, 1 on a fatal error (cannot
 * write the output, no input), 2 on a usage error.
 */
#include "merge.h"
#include "rules_parse.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static void
usage(FILE *f)
{
	fprintf(f,
		"usage: %s [-o OUT.rules] [--index OUT.cdb] [--srctree DIR] [--kernel X.Y]\n"
		"                    [--coverage] [--progress] DIR_OR_OBJ...\n"
		"       %s --query INDEX.cdb NAME|STRUCT.FIELD...\n"
		"       %s --combine [-o OUT.rules] [--index OUT.cdb] LEARNED.rules...\n"
		"Merge the summaries errptr's learn mode left in the objects' %s sections\n"
		"(every *.o under each DIR; symlinks to directories are not followed) into rules.\n"
		"  -o FILE        write the rules to FILE (default: standard output)\n"
		"  --index FILE   also write a cdb index of the rules (func:NAME, member:S.F)\n"
		"  --srctree DIR  write paths relative to DIR (default: the target of a 'source'\n"
		"                 link in an input directory or above it, as in O= kernel builds)\n"
		"  --kernel X.Y   the kernel the objects were built from: a 'kernels X.Y' line,\n"
		"                 which --combine reads\n"
		"  --coverage     print what was read and written, and by top-level directory\n"
		"                 of the build tree: objects, with summaries, rules\n"
		"  --progress     print a progress line every 1000 objects (standard error)\n"
		"  --combine      the learned rules of several kernels (one file each, its kernel\n"
		"                 from its 'kernels' line or its name, linux-6.12.rules) as one\n"
		"                 file: a line per distinct contract of a name, with versions=\n",
		die_program, die_program, die_program, SUMMARY_SECTION);
}

int
main(int argc, char **argv)
{
	die_program = "errptr-merge";
	const char *out = NULL, *index = NULL, *kernel = NULL;
	bool coverage = false, progress = false, combining = false;
	VEC(char *) inputs = { 0 };

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--query") == 0) {
			if (i != 1 || argc < 4) {
				usage(stderr);
				return 2;
			}
			return query(argv[2], argc - 3, argv + 3);
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--index") == 0 ||
			   strcmp(a, "--srctree") == 0) {
			if (i + 1 >= argc || !*argv[i + 1]) {
				fprintf(stderr, "%s: %s needs an argument\n", die_program, a);
				return 2;
			}
			const char *v = argv[++i];
			if (a[1] == 'o')
				out = v;
			else if (a[2] == 'i')
				index = v;
			else
				srctree = v;
		} else if (strcmp(a, "--kernel") == 0) {
			unsigned v;
			if (i + 1 >= argc || !rules_parse_version(argv[i + 1], &v)) {
				fprintf(stderr, "%s: --kernel needs a kernel version X.Y\n", die_program);
				return 2;
			}
			kernel = argv[++i];
		} else if (strcmp(a, "--combine") == 0) {
			combining = true;
		} else if (strcmp(a, "--coverage") == 0) {
			coverage = true;
		} else if (strcmp(a, "--progress") == 0) {
			progress = true;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--") == 0) {
			for (i++; i < argc; i++)
				PUSH(inputs) = argv[i];
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "%s: unknown option '%s'\n", die_program, a);
			usage(stderr);
			return 2;
		} else {
			PUSH(inputs) = argv[i];
		}
	}
	if (!inputs.n) {
		usage(stderr);
		return 2;
	}
	if (combining)
		return combine(out, index, (int)inputs.n, inputs.a);
	double t0 = seconds();
	for (size_t i = 0; i < inputs.n; i++) {
		add_input(inputs.a[i]);
		if (coverage)
			coverage_find_root(inputs.a[i]);
	}
	if (srctree) {
		char real[PATH_MAX];
		const char *s = realpath(srctree, real) ? real : srctree;
		size_t n = strlen(s);
		char *t = die_realloc(NULL, n + 2);
		sprintf(t, "%s%s", s, n && s[n - 1] == '/' ? "" : "/");
		srctree = t;
		srctree_len = strlen(t);
	}
	read_objects(progress, coverage, t0);
	resolve_kinds();
	make_rules();
	if (srctree) {		/* for the header: without the trailing '/' */
		char *s = (char *)srctree;
		if (srctree_len > 1)
			s[srctree_len - 1] = 0;
	}
	write_rules(out, inputs.n, inputs.a, index, kernel);
	if (index) {
		const char *base = out ? strrchr(out, '/') : NULL;
		write_index(index, base ? base + 1 : out);
	}
	if (coverage) {
		FILE *f = out && strcmp(out, "-") != 0 ? stdout : stderr;
		fprintf(f, "objects read:            %lu\n", stats.objects);
		fprintf(f, "objects with summaries:  %lu (%.1f%%)\n", stats.learned,
			stats.objects ? 100.0 * stats.learned / stats.objects : 0.0);
		fprintf(f, "objects not learned:     %lu\n", stats.not_learned);
		fprintf(f, "objects skipped (bad):   %lu\n", stats.bad_objects);
		fprintf(f, "units:                   %lu (%lu repeated in ld -r objects, read once)\n",
			stats.units - stats.dup_units, stats.dup_units);
		fprintf(f, "malformed records:       %lu\n", stats.malformed);
		fprintf(f, "functions:               %zu\n", fns.n);
		fprintf(f, "call sites:              %lu (%lu of statics)\n",
			stats.sites - stats.dup_sites, stats.static_sites);
		fprintf(f, "members:                 %zu (%lu stores)\n", members.n, stats.stores);
		fprintf(f, "rules written:           %lu%s\n", stats.rules,
			stats.unwritable ? " (some names cannot be written as rules)" : "");
		coverage_print(f);
		fprintf(f, "time:                    %.1fs\n", seconds() - t0);
	}
	return 0;
}
