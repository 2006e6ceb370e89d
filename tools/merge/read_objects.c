/*
 * read_objects.c - the objects under errptr-merge's inputs, and the summary section of
 * each (libelf, mmap: only the section headers and the one section are read).
 *
 * Directories are walked for *.o (kbuild's *.mod.o left out); symbolic links to
 * directories are not followed (an O= build's "source" link leads to the whole source
 * tree), a linked object is read once.  An object without the section is "not learned",
 * one whose section cannot be read "bad"; the text of the section goes to read_summary().
 */
#define _GNU_SOURCE
#include "merge.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <libelf.h>
#include <gelf.h>

static void
read_object(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	stats.objects++;
	if (fd < 0) {
		fprintf(stderr, "%s: error: cannot open: %s\n", path, strerror(errno));
		stats.bad_objects++;
		return;
	}
	struct stat sb;
	if (fstat(fd, &sb) == 0 && sb.st_size == 0) {
		stats.not_learned++;	/* kbuild's empty objects */
		close(fd);
		return;
	}
	Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF) {
		fprintf(stderr, "%s: warning: not an ELF object; not learned\n", path);
		stats.not_learned++;
		goto out;
	}
	size_t shstrndx, shnum, nscn = 0;
	GElf_Ehdr eh;
	if (!gelf_getehdr(elf, &eh) || elf_getshdrnum(elf, &shnum) != 0 ||
	    elf_getshdrstrndx(elf, &shstrndx) != 0) {
		fprintf(stderr, "%s: error: corrupt ELF object: %s\n", path, elf_errmsg(-1));
		stats.bad_objects++;
		goto out;
	}
	bool found = false, ok = true;
	char *text = NULL;
	size_t text_len = 0;
	for (Elf_Scn *scn = elf_nextscn(elf, NULL); scn; scn = elf_nextscn(elf, scn)) {
		GElf_Shdr sh;
		const char *name;
		nscn++;
		if (!gelf_getshdr(scn, &sh) || !(name = elf_strptr(elf, shstrndx, sh.sh_name))) {
			nscn = 0;	/* reported below */
			break;
		}
		if (strcmp(name, SUMMARY_SECTION) != 0)
			continue;
		found = true;
		if (sh.sh_type == SHT_NOBITS) {
			fprintf(stderr, "%s: error: section %s has no contents; object skipped\n", path,
				SUMMARY_SECTION);
			ok = false;
			break;
		}
		if ((sh.sh_flags & SHF_COMPRESSED) && elf_compress(scn, 0, 0) < 0) {
			fprintf(stderr, "%s: error: cannot decompress %s: %s; object skipped\n", path,
				SUMMARY_SECTION, elf_errmsg(-1));
			ok = false;
			break;
		}
		Elf_Data *d = elf_rawdata(scn, NULL);
		if (!d || (sh.sh_size && (!d->d_buf || d->d_size != sh.sh_size))) {
			fprintf(stderr, "%s: error: cannot read section %s (%s); object skipped\n", path,
				SUMMARY_SECTION, elf_errmsg(-1));
			ok = false;
			break;
		}
		text = die_realloc(text, text_len + d->d_size + 1);
		memcpy(text + text_len, d->d_buf, d->d_size);
		text_len += d->d_size;
	}
	/* libelf leaves out section headers that lie outside the file */
	if (eh.e_shnum > shnum)
		shnum = eh.e_shnum;
	if (ok && nscn + 1 < shnum) {
		fprintf(stderr, "%s: error: corrupt ELF object (section headers outside the file)\n",
			path);
		stats.bad_objects++;
	} else if (!found) {
		stats.not_learned++;
	} else if (!ok || !read_summary(path, text, text_len)) {
		stats.bad_objects++;
	} else {
		stats.learned++;
	}
	free(text);
out:
	if (elf)
		elf_end(elf);
	close(fd);
}

static VEC(char *) paths;
static struct map seen_files, seen_dirs;	/* by (dev, ino) */

static bool
first_visit(struct map *m, const struct stat *sb)
{
	uint64_t key = mix64(sb->st_dev) ^ sb->st_ino;
	return map_get(m, key) == NONE && map_put(m, key, 1) == 1;
}

static bool
is_object_name(const char *name)
{
	size_t n = strlen(name);
	/* kbuild's generated module info objects are never compiled with the plugin */
	if (n > 6 && strcmp(name + n - 6, ".mod.o") == 0)
		return false;
	return n > 2 && strcmp(name + n - 2, ".o") == 0;
}

static void
walk(const char *dir, int depth)
{
	if (depth > 64) {
		fprintf(stderr, "%s: warning: nested too deep, not searched\n", dir);
		return;
	}
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "%s: warning: cannot read directory: %s\n", dir, strerror(errno));
		return;
	}
	struct stat sb;
	if (fstat(dirfd(d), &sb) == 0 && !first_visit(&seen_dirs, &sb)) {
		closedir(d);
		return;
	}
	struct dirent *de;
	size_t dlen = strlen(dir);
	while ((de = readdir(d))) {
		const char *name = de->d_name;
		if (name[0] == '.' && (!name[1] || (name[1] == '.' && !name[2])))
			continue;
		unsigned char type = de->d_type;
		if (type == DT_UNKNOWN) {
			if (fstatat(dirfd(d), name, &sb, AT_SYMLINK_NOFOLLOW) != 0)
				continue;
			type = S_ISDIR(sb.st_mode) ? DT_DIR : S_ISLNK(sb.st_mode) ? DT_LNK
			     : S_ISREG(sb.st_mode) ? DT_REG : DT_UNKNOWN;
		}
		/* Directories are entered, symlinks to directories are not (an O=
		 * build's "source" link leads to the whole source tree); a symlink
		 * to an object is read, once. */
		if (type != DT_DIR && !((type == DT_REG || type == DT_LNK) && is_object_name(name)))
			continue;
		char *path = die_realloc(NULL, dlen + strlen(name) + 2);
		sprintf(path, "%s%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/", name);
		if (type == DT_DIR) {
			walk(path, depth + 1);
			free(path);
		} else if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && first_visit(&seen_files, &sb)) {
			PUSH(paths) = path;
		} else {
			free(path);
		}
	}
	closedir(d);
}

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* An O= build directory links its source tree as "source": paths in the
 * summaries are made relative to it. */
static void
find_srctree(const char *input)
{
	char buf[PATH_MAX], link[PATH_MAX];
	if (!realpath(input, buf))
		return;
	for (;;) {
		size_t n = strlen(buf);
		if (n + 8 >= sizeof(buf))
			return;
		strcpy(buf + n, "/source");
		ssize_t k = readlink(buf, link, sizeof(link) - 1);
		buf[n] = 0;
		if (k > 0) {
			link[k] = 0;
			char real[PATH_MAX];
			if (link[0] != '/' || !realpath(link, real))
				return;
			srctree = die_strdup(real);
			return;
		}
		char *slash = strrchr(buf, '/');
		if (!slash || slash == buf)
			return;
		*slash = 0;
	}
}

void
add_input(const char *input)
{
	struct stat sb;
	if (stat(input, &sb) != 0)
		die("%s: %s", input, strerror(errno));
	if (!srctree && S_ISDIR(sb.st_mode))
		find_srctree(input);
	if (S_ISDIR(sb.st_mode))
		walk(input, 0);
	else if (first_visit(&seen_files, &sb))
		PUSH(paths) = die_strdup(input);
}

double
seconds(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return tv.tv_sec + tv.tv_usec / 1e6;
}

void
read_objects(bool progress, bool coverage, double t0)
{
	if (elf_version(EV_CURRENT) == EV_NONE)
		die("libelf: %s", elf_errmsg(-1));
	if (paths.n)
		qsort(paths.a, paths.n, sizeof(*paths.a), path_cmp);
	if (progress)
		fprintf(stderr, "%s: %zu objects to read\n", die_program, paths.n);
	for (size_t i = 0; i < paths.n; i++) {
		unsigned long learned = stats.learned;
		read_object(paths.a[i]);
		if (coverage)
			coverage_object(paths.a[i], stats.learned > learned);
		if (progress && (i + 1) % 1000 == 0)
			fprintf(stderr, "%s: %zu/%zu objects read, %lu with summaries, %.1fs\n",
				die_program, i + 1, paths.n, stats.learned, seconds() - t0);
	}
}
