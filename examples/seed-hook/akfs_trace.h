/* SPDX-License-Identifier: GPL-2.0 */
/*
 * akfs_trace.h - a small function-hook framework, in the style of the one in
 * the "akfs" security module whose do_filp_open() hook crashed do_sys_open()
 * (see README.md).
 *
 * A module lists the kernel functions it replaces in a hook table:
 *
 *	akfs_trace_declare(do_filp_open);
 *	static struct file *akfs_trace_function(do_filp_open)(int dfd, ...)
 *	{
 *		struct file *(*run)(int, ...) = (void *)akfs_trace_get_original(do_filp_open);
 *		...
 *		return run(dfd, ...);
 *	}
 *
 *	static struct akfs_trace_hook hooks[] = { AKFS_TRACE_HOOK(do_filp_open) };
 *
 * akfs_trace_install() resolves each name, stores the original's address in
 * the variable akfs_trace_declare() made, and redirects every call of the
 * original that does not come from this module to the hook, with ftrace.
 * A hook calls the original through akfs_trace_get_original(); since that
 * call comes from this module, ftrace lets it through.
 *
 * The hook takes the place of the original for all the original's callers,
 * so it must keep the original's contract, failure values included.
 */
#ifndef AKFS_TRACE_H
#define AKFS_TRACE_H

#include <linux/compiler.h>
#include <linux/ftrace.h>
#include <linux/types.h>

struct akfs_trace_hook {
	const char *name;		/* the kernel function to replace */
	void *function;			/* its replacement */
	unsigned long *original;	/* receives the original's address */

	unsigned long address;		/* resolved address of @name */
	struct ftrace_ops ops;
	bool installed;
};

/* The replacement of NAME, and the variable holding the original's address. */
#define akfs_trace_function(name)	akfs_hook_##name
#define akfs_trace_original(name)	akfs_orig_##name

/* Storage for the original's address; use before the hook's definition. */
#define akfs_trace_declare(name) \
	static unsigned long akfs_trace_original(name) __read_mostly

/* The original's address, as an integer: cast it to the original's type. */
#define akfs_trace_get_original(name)	READ_ONCE(akfs_trace_original(name))

/* One entry of a hook table. */
#define AKFS_TRACE_HOOK(_name) {					\
	.name = #_name,							\
	.function = akfs_trace_function(_name),				\
	.original = &akfs_trace_original(_name),			\
}

/* Leave the function with RET when COND does not hold. */
#define assert_error(cond, ret)						\
	do {								\
		if (unlikely(!(cond)))					\
			return ret;					\
	} while (0)

/* Run the statements after LABEL, then jump to LABEL, when COND does not hold. */
#define assert_goto(cond, label, ...)					\
	do {								\
		if (unlikely(!(cond))) {				\
			__VA_ARGS__;					\
			goto label;					\
		}							\
	} while (0)

int akfs_trace_install(struct akfs_trace_hook *hooks, size_t count);
void akfs_trace_remove(struct akfs_trace_hook *hooks, size_t count);

#endif /* AKFS_TRACE_H */
