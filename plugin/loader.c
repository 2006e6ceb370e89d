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
 * the build was made for from the file first (errptr.c, errptr_built_for)
 * and refuses a different one in one line.  Its refusals go through the
 * compiler's own error(), found by name, so that GCC does not add a second
 * line ("failed to initialize plugin"); without it, stderr and status 1.
 */
#define _GNU_SOURCE	/* memmem */
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
 * puts in it, into OUT; 0 when the file has no marker (an older build). */
static int
built_for(const char *path, char *out, size_t size)
{
	static const char marker[] = "errptr-built-for-gcc=";
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;
	int found = 0;

	if (!f)
		return 0;
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) != 0 ||
	    !(buf = malloc(len))) {
		fclose(f);
		return 0;
	}
	if (fread(buf, 1, len, f) == (size_t)len) {
		const char *m = memmem(buf, len, marker, sizeof(marker) - 1);
		if (m) {
			const char *v = m + sizeof(marker) - 1;
			size_t n = 0;
			while (v + n < buf + len && v[n] && n + 1 < size)
				n++;
			memcpy(out, v, n);
			out[n] = 0;
			found = 1;
		}
	}
	free(buf);
	fclose(f);
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
	void *handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
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
