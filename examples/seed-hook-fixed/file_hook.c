// SPDX-License-Identifier: GPL-2.0
/*
 * file_hook.c - akfs file monitor: sees every file opened on the system by
 * replacing do_filp_open() through the akfs_trace hook framework.
 *
 * THE FIX (see README.md): when try_module_get() fails, the hook returns
 * ERR_PTR(-ENODEV), not NULL.  do_filp_open() never returns NULL: it reports
 * failure with ERR_PTR(), and its caller do_sys_openat2() tests the result
 * only with IS_ERR(); the hook, which takes its place, must do the same.
 */
#define pr_fmt(fmt) "akfs: " fmt

#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>

#include "akfs_trace.h"

/*
 * struct open_flags lives in fs/internal.h, which is not a public header.
 * Hook modules carry a copy; this one is Linux 6.1's.
 */
struct open_flags {
	int open_flag;
	umode_t mode;
	int acc_mode;
	int intent;
	int lookup_flags;
};

enum akfs_file_event {
	FILE_TYPE_OPEN,
	FILE_TYPE_CREATE,
};

static void file_file_put(struct task_struct *task, struct file *file,
			  enum akfs_file_event type)
{
	pr_debug("%s[%d] %s %pD\n", task->comm, task_pid_nr(task),
		 type == FILE_TYPE_CREATE ? "create" : "open", file);
}

akfs_trace_declare(do_filp_open);
static struct file *akfs_trace_function(do_filp_open)(int dfd, struct filename *pathname,
						     const struct open_flags *op)
{
	struct file *(*run)(int, struct filename *, const struct open_flags *) =
		(void *)akfs_trace_get_original(do_filp_open);
	struct file *file = NULL;

	/* { dg-bogus "errptr" "" { target *-*-* } .+1 } */
	assert_error(try_module_get(THIS_MODULE), ERR_PTR(-ENODEV));

	file = run(dfd, pathname, op);
	assert_goto(!IS_ERR_OR_NULL(file), out, );

	file_file_put(current, file,
		      (op->open_flag & O_CREAT) ? FILE_TYPE_CREATE : FILE_TYPE_OPEN);
out:
	module_put(THIS_MODULE);

	/* { dg-bogus "errptr" "" { target *-*-* } .+1 } */
	return file;
}

/* { dg-bogus "errptr" "" { target *-*-* } .+1 } */
static struct akfs_trace_hook file_hooks[] = { AKFS_TRACE_HOOK(do_filp_open) };

static int __init akfs_file_init(void)
{
	int ret;

	ret = akfs_trace_install(file_hooks, ARRAY_SIZE(file_hooks));
	if (ret)
		return ret;
	pr_info("file monitor loaded\n");
	return 0;
}

static void __exit akfs_file_exit(void)
{
	akfs_trace_remove(file_hooks, ARRAY_SIZE(file_hooks));
	pr_info("file monitor unloaded\n");
}

module_init(akfs_file_init);
module_exit(akfs_file_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("akfs file monitor (errptr example: the seed bug, fixed)");
