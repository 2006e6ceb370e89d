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
 */
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
	char path[PATH_MAX];
	const char *slash = strrchr(info->full_name, '/');
	int dirlen = slash ? (int)(slash - info->full_name) : 1;
	const char *dir = slash ? info->full_name : ".";
	int major = atoi(version->basever);

	snprintf(path, sizeof(path), "%.*s/%s-gcc%d.so", dirlen, dir, info->base_name, major);
	if (access(path, R_OK) != 0) {
		fprintf(stderr, "cc1: error: errptr: no build of errptr for GCC %s: %s is missing; "
			"build it with 'make CC=gcc-%d' in the errptr tree\n",
			version->basever, path, major);
		return 1;
	}
	void *handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
	if (!handle) {
		fprintf(stderr, "cc1: error: errptr: cannot load %s: %s\n", path, dlerror());
		return 1;
	}
	plugin_init_fn init = (plugin_init_fn)dlsym(handle, "plugin_init");
	if (!init) {
		fprintf(stderr, "cc1: error: errptr: %s has no plugin_init\n", path);
		return 1;
	}
	return init(info, version);
}
