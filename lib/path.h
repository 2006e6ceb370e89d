/*
 * path.h - file names as the SARIF log and errptr-gate compare them: lexically normalised
 * absolute paths, and a path relative to a directory.
 *
 * Common subset of C and C++, no GCC header (see die.h).
 */
#ifndef ERRPTR_PATH_H
#define ERRPTR_PATH_H

/* PATH made absolute against BASE (when it is relative) and normalised: "." and empty
 * parts dropped, ".." removes the part before it.  Symbolic links are not followed, so
 * that paths keep the names the build used.  The caller frees the result. */
char *path_absolute(const char *path, const char *base);

/* ABS (absolute, normalised) relative to DIR (the same), or NULL when it is not below
 * DIR; DIR itself is not below DIR. */
const char *path_below(const char *abs, const char *dir);

#endif
