/*
 * coverage.c - --coverage by top-level directory: for each directory of the build tree
 * (arch/ by architecture), the objects read, those with summaries, and the rules of the
 * functions defined there (by their src=; struct members have a row of their own).
 *
 * The build tree is the first directory, from an input directory up, that holds a
 * "source" link (an O= kernel build) or a .config (a kernel built in place); objects
 * outside it count as "(elsewhere)", and so do rules of functions outside the source tree.
 */
#define _GNU_SOURCE	/* realpath */
#include "merge.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static char *root;		/* the build tree, real path; NULL: none found */

struct area {
	char *name;
	unsigned long objects, learned, rules;
};
static VEC(struct area) areas;

static bool
exists(const char *dir, const char *name, bool link)
{
	char path[PATH_MAX];
	struct stat sb;
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path))
		return false;
	return (link ? lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode) : stat(path, &sb) == 0);
}

void
coverage_find_root(const char *input)
{
	char buf[PATH_MAX];
	if (root || !realpath(input, buf))
		return;
	for (;;) {
		if (exists(buf, "source", true) || exists(buf, ".config", false)) {
			root = die_strdup(buf);
			return;
		}
		char *slash = strrchr(buf, '/');
		if (!slash || slash == buf)
			return;
		*slash = 0;
	}
}

/* The area of REL, a path relative to the tree: its first directory, two for arch/. */
static struct area *
area_of(const char *rel)
{
	char name[256];
	const char *slash = strchr(rel, '/');
	size_t n = slash ? (size_t)(slash - rel) : 0;
	if (!slash)
		snprintf(name, sizeof(name), ".");
	else if (n == 4 && strncmp(rel, "arch", 4) == 0 && strchr(slash + 1, '/'))
		snprintf(name, sizeof(name), "%.*s", (int)(strchr(slash + 1, '/') - rel), rel);
	else
		snprintf(name, sizeof(name), "%.*s", (int)n, rel);
	for (size_t i = 0; i < areas.n; i++)
		if (strcmp(areas.a[i].name, name) == 0)
			return &areas.a[i];
	struct area *a = &PUSH(areas);
	memset(a, 0, sizeof(*a));
	a->name = die_strdup(name);
	return a;
}

static struct area *
elsewhere(void)
{
	return area_of("(elsewhere)/");
}

void
coverage_object(const char *path, bool learned)
{
	char buf[PATH_MAX];
	size_t n = root ? strlen(root) : 0;
	struct area *a;
	if (root && realpath(path, buf) && strncmp(buf, root, n) == 0 && buf[n] == '/')
		a = area_of(buf + n + 1);
	else
		a = elsewhere();
	a->objects++;
	a->learned += learned;
}

static int
area_cmp(const void *x, const void *y)
{
	return strcmp(((const struct area *)x)->name, ((const struct area *)y)->name);
}

void
coverage_print(FILE *f)
{
	for (size_t i = 0; i < rules.n; i++) {
		if (rules.a[i].member) {
			area_of("(struct members)/")->rules++;
			continue;
		}
		const struct fn *def = &fns.a[rules.a[i].fn];
		const char *file = S(def->file);
		area_of(file[0] == '/' ? "(elsewhere)/" : file)->rules++;
	}
	if (areas.n)
		qsort(areas.a, areas.n, sizeof(*areas.a), area_cmp);
	fprintf(f, "by directory%s%s:\n", root ? " of " : "", root ? root : "");
	fprintf(f, "  %-24s %8s %22s %8s\n", "", "objects", "with summaries", "rules");
	for (size_t i = 0; i < areas.n; i++) {
		struct area *a = &areas.a[i];
		if (a->objects)
			fprintf(f, "  %-24s %8lu %12lu (%5.1f%%) %8lu\n", a->name, a->objects, a->learned,
				100.0 * a->learned / a->objects, a->rules);
		else
			fprintf(f, "  %-24s %8s %22s %8lu\n", a->name, "-", "-", a->rules);
	}
}
