/*
 * loader.c - errptr.so, the file users name in -fplugin=.
 *
 * A GCC plugin only runs in the exact GCC it was built against, and a
 * plugin built for another GCC usually fails in dlopen() with an obscure
 * "undefined symbol".  This loader uses no GCC symbol at all: it reads the
 * version of the GCC that loads it, picks errptr-gccMAJOR.so beside itself
 * (built by "make CC=gcc-MAJOR") and hands over to it, or says in one line
 * which build is missing.  Plain C; the two structures below have had this
 * layout since GCC 4.5 (gcc-plugin.h).
 *
 * A build for another GCC (copied from another machine, or left from before
 * a compiler upgrade) would fail in dlopen() on a symbol that GCC renamed,
 * or be refused by its own version check: the loader reads the GCC version
 * the build was made for from the file first (errptr.c, errptr_built_for,
 * in a section of its own) and refuses a different one in one line.  Its refusals go through the
 * compiler's own error(), found by name, so that GCC does not add a second
 * line ("failed to initialize plugin"); without it, stderr and status 1.
 */
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The section errptr.c puts its errptr_built_for marker in. */
#define ERRPTR_BUILT_FOR_SECTION ".errptr_built_for"

struct plugin_argument;

struct plugin_name_args {
	char *base_name;
	const char *full_name;
	int argc;
	struct plugin_argument *argv;
	const char *version;
	const char *help;
};

struct plugin_gcc_version {
	const char *basever;
	const char *datestamp;
	const char *devphase;
	const char *revision;
	const char *configuration_arguments;
};

int plugin_is_GPL_compatible;

typedef int (*plugin_init_fn)(struct plugin_name_args *, struct plugin_gcc_version *);

/* Report MSG as an error of this compilation, in one line.  GCC's
 * error(const char *, ...) is a C++ function of cc1 (exported to plugins);
 * after it the compilation fails and plugin_init returns 0, so GCC adds no
 * line of its own. */
static int
refuse(const char *msg)
{
	typedef void (*error_fn)(const char *, ...);
	error_fn gcc_error = (error_fn)dlsym(RTLD_DEFAULT, "_Z5errorPKcz");

	if (gcc_error) {
		gcc_error("%s", msg);
		return 0;
	}
	fprintf(stderr, "cc1: error: %s\n", msg);
	return 1;
}

/* The GCC version PATH was built for ("14.2.0"), from the marker errptr.c
 * puts in its own section (ERRPTR_BUILT_FOR_SECTION), into OUT; 0 when the
 * file has no such section (an older build, or not a native ELF file).
 * Only the ELF header, the section headers, their names and that section are
 * read: the build is 4 MB with its debug information, and reading all of it
 * was most of what the plugin cost a small unit. */
static int
built_for(const char *path, char *out, size_t size)
{
	static const char marker[] = "errptr-built-for-gcc=";
	Elf64_Ehdr eh;
	Elf64_Shdr *sh = NULL;
	char *names = NULL, *sec = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC), found = 0;

	if (fd < 0)
		return 0;
	if (pread(fd, &eh, sizeof(eh), 0) != (ssize_t)sizeof(eh) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shnum == 0 || eh.e_shstrndx >= eh.e_shnum)
		goto out;
	sh = malloc(eh.e_shnum * sizeof(*sh));
	if (!sh || pread(fd, sh, eh.e_shnum * sizeof(*sh), eh.e_shoff) !=
			   (ssize_t)(eh.e_shnum * sizeof(*sh)))
		goto out;
	Elf64_Shdr *strs = &sh[eh.e_shstrndx];
	names = malloc(strs->sh_size + 1);
	if (!names || pread(fd, names, strs->sh_size, strs->sh_offset) != (ssize_t)strs->sh_size)
		goto out;
	names[strs->sh_size] = 0;
	for (int i = 0; i < eh.e_shnum; i++) {
		if (sh[i].sh_name >= strs->sh_size ||
		    strcmp(names + sh[i].sh_name, ERRPTR_BUILT_FOR_SECTION) != 0)
			continue;
		if (sh[i].sh_size <= sizeof(marker) - 1 || sh[i].sh_size > 256 ||
		    !(sec = malloc(sh[i].sh_size + 1)) ||
		    pread(fd, sec, sh[i].sh_size, sh[i].sh_offset) != (ssize_t)sh[i].sh_size)
			break;
		sec[sh[i].sh_size] = 0;
		if (strncmp(sec, marker, sizeof(marker) - 1) == 0) {
			snprintf(out, size, "%s", sec + sizeof(marker) - 1);
			found = 1;
		}
		break;
	}
out:
	free(sec);
	free(names);
	free(sh);
	close(fd);
	return found;
}

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
	char path[PATH_MAX], msg[PATH_MAX + 256], built[64];
	const char *slash = strrchr(info->full_name, '/');
	int dirlen = slash ? (int)(slash - info->full_name) : 1;
	const char *dir = slash ? info->full_name : ".";
	int major = atoi(version->basever);

	snprintf(path, sizeof(path), "%.*s/%s-gcc%d.so", dirlen, dir, info->base_name, major);
	if (access(path, R_OK) != 0) {
		snprintf(msg, sizeof(msg), "errptr: no build of errptr for GCC %s: %s is missing; "
			 "build it with 'make CC=gcc-%d' in the errptr tree",
			 version->basever, path, major);
		return refuse(msg);
	}
	if (built_for(path, built, sizeof(built)) && strcmp(built, version->basever) != 0) {
		snprintf(msg, sizeof(msg), "errptr: %s was built for GCC %s and cannot run in GCC %s; "
			 "rebuild it with 'make CC=gcc-%d' in the errptr tree",
			 path, built, version->basever, major);
		return refuse(msg);
	}
	/* Lazy binding: the build is for this very GCC (checked above), so every
	 * symbol it calls is there; binding all ~300 of them at load (RTLD_NOW)
	 * was a tenth of what the plugin cost an empty unit. */
	void *handle = dlopen(path, RTLD_LAZY | RTLD_GLOBAL);
	if (!handle) {
		snprintf(msg, sizeof(msg), "errptr: cannot load %s (built for another GCC than %s?): %s; "
			 "rebuild it with 'make CC=gcc-%d' in the errptr tree",
			 path, version->basever, dlerror(), major);
		return refuse(msg);
	}
	plugin_init_fn init = (plugin_init_fn)dlsym(handle, "plugin_init");
	if (!init) {
		snprintf(msg, sizeof(msg), "errptr: %s has no plugin_init", path);
		return refuse(msg);
	}
	return init(info, version);
}
