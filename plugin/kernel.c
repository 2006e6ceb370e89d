/*
 * kernel.c - which Linux kernel this unit is compiled against.
 *
 * Kernel APIs change their failure convention between releases
 * (__filemap_get_folio() returned NULL in 6.1 and ERR_PTR() since 6.4), so
 * contracts are chosen for the kernel at hand (contracts.c).  The version
 * comes from, first to last:
 *   - -fplugin-arg-errptr-kernel=X.Y;
 *   - the kernel build tree the unit includes: every kbuild compile
 *     includes OBJTREE/include/generated/autoconf.h (through
 *     -include linux/kconfig.h), and OBJTREE/include/config/kernel.release
 *     ("6.1.192") or OBJTREE/include/generated/uapi/linux/version.h
 *     (LINUX_VERSION_CODE) beside it says which kernel that is; found in
 *     the unit's line maps, so it works for in-tree and M= builds alike,
 *     wherever the compiler runs;
 *   - nothing: code that is not built against a kernel (version 0).
 * Known once the front end is done; asked for the first time by a
 * contract lookup in errptr's pass.
 */
#include "kernel.h"

static struct {
	bool known;
	unsigned version;	/* KERNEL_VERSION(major, minor), 0: none */
	char release[64];	/* "6.1.192", "6.12" */
	char source[512];	/* where it was read */
} K;

/* "6.1.192", "6.12-rc3", "7.2.12-amd64": major and minor. */
static unsigned
parse_release(const char *text)
{
	char *end;
	long major = strtol(text, &end, 10);
	if (end == text || *end != '.' || major <= 0 || major > 255)
		return 0;
	const char *p = end + 1;
	long minor = strtol(p, &end, 10);
	if (end == p || minor < 0 || minor > 255)
		return 0;
	return KERNEL_VERSION(major, minor);
}

bool
kernel_set_version(const char *text)
{
	unsigned v = text ? parse_release(text) : 0;
	if (!v)
		return false;
	K.known = true;
	K.version = v;
	snprintf(K.release, sizeof(K.release), "%s", text);
	snprintf(K.source, sizeof(K.source), "-fplugin-arg-errptr-kernel=%s", text);
	return true;
}

/* The first line of FILE, into BUF. */
static bool
read_line(const char *file, char *buf, size_t size)
{
	FILE *f = fopen(file, "r");
	if (!f)
		return false;
	bool ok = fgets(buf, size, f) != NULL;
	fclose(f);
	if (ok)
		buf[strcspn(buf, "\r\n")] = 0;
	return ok && *buf;
}

/* LINUX_VERSION_CODE from a generated version.h. */
static unsigned
version_code(const char *file)
{
	FILE *f = fopen(file, "r");
	if (!f)
		return 0;
	char line[256];
	unsigned v = 0;
	while (fgets(line, sizeof(line), f)) {
		unsigned long code;
		if (sscanf(line, "#define LINUX_VERSION_CODE %lu", &code) == 1) {
			v = KERNEL_VERSION((code >> 16) & 255, (code >> 8) & 255);
			break;
		}
	}
	fclose(f);
	return v;
}

/* OBJTREE: the kernel build tree whose generated headers the unit read. */
static bool
from_build_tree(const char *objtree)
{
	char *release = concat(objtree, "/include/config/kernel.release", NULL);
	char buf[64];
	bool ok = false;
	if (read_line(release, buf, sizeof(buf)) && parse_release(buf)) {
		K.version = parse_release(buf);
		snprintf(K.release, sizeof(K.release), "%s", buf);
		char *full = lrealpath(release);
		snprintf(K.source, sizeof(K.source), "%s", full);
		free(full);
		ok = true;
	} else {
		char *vh = concat(objtree, "/include/generated/uapi/linux/version.h", NULL);
		unsigned v = version_code(vh);
		if (v) {
			K.version = v;
			snprintf(K.release, sizeof(K.release), "%u.%u", v >> 8, v & 255);
			char *full = lrealpath(vh);
			snprintf(K.source, sizeof(K.source), "%s", full);
			free(full);
			ok = true;
		}
		free(vh);
	}
	free(release);
	return ok;
}

/* The build tree of a generated header among the files the unit read. */
static void
detect(void)
{
	static const char *const marks[] = {
		"/include/generated/autoconf.h",
		"/include/generated/uapi/linux/version.h",
	};
	unsigned n = LINEMAPS_ORDINARY_USED(line_table);
	const char *last = NULL;
	for (unsigned i = 0; i < n; i++) {
		const line_map_ordinary *map = LINEMAPS_ORDINARY_MAP_AT(line_table, i);
		const char *file = ORDINARY_MAP_FILE_NAME(map);
		if (!file || file == last)
			continue;
		last = file;
		size_t len = strlen(file);
		for (size_t m = 0; m < ARRAY_SIZE(marks); m++) {
			size_t ml = strlen(marks[m]);
			if (len < ml || strcmp(file + len - ml, marks[m]) != 0)
				continue;
			char *objtree = xstrndup(file, len - ml);
			bool ok = from_build_tree(*objtree ? objtree : ".");
			free(objtree);
			if (ok)
				return;
		}
	}
}

unsigned
kernel_version(void)
{
	if (!K.known) {
		K.known = true;
		detect();
	}
	return K.version;
}

const char *
kernel_release(void)
{
	return kernel_version() ? K.release : NULL;
}

const char *
kernel_version_source(void)
{
	return kernel_version() ? K.source : NULL;
}
