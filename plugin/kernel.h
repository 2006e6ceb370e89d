/*
 * kernel.h - which Linux kernel this unit is compiled against (kernel.c).
 */
#ifndef ERRPTR_KERNEL_H
#define ERRPTR_KERNEL_H

#include "compat.h"

/* A version as one number, comparable: 6.12 is KERNEL_VERSION(6, 12). */
#define KERNEL_VERSION(major, minor) (((unsigned)(major) << 8) | (unsigned)(minor))

/* -fplugin-arg-errptr-kernel=X.Y; false when TEXT is no version. */
bool kernel_set_version(const char *text);
/* The version, 0 for code not built against a kernel; found on first use,
 * once the front end is done. */
unsigned kernel_version(void);
/* "6.1.192" (or as given), and where it was read; NULL when none. */
const char *kernel_release(void);
const char *kernel_version_source(void);

#endif /* ERRPTR_KERNEL_H */
