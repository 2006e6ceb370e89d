// SPDX-License-Identifier: GPL-2.0
/*
 * akfs_trace.c - install and remove the hooks of an akfs_trace hook table.
 *
 * Originals are found by name with kallsyms_lookup_name(), which modules
 * cannot call directly since Linux 5.7: a kprobe on it tells its address.
 * Calls are redirected with an ftrace handler that rewrites the instruction
 * pointer, the way livepatch does, except for calls made from this module,
 * which are the hooks calling the originals.
 */
#define pr_fmt(fmt) "akfs_trace: " fmt

#include <linux/errno.h>
#include <linux/ftrace.h>
#include <linux/kernel.h>
#include <linux/kprobes.h>
#include <linux/module.h>

#include "akfs_trace.h"

typedef unsigned long (*akfs_lookup_name_t)(const char *name);

static akfs_lookup_name_t akfs_lookup_name;

static int akfs_trace_find_lookup(void)
{
	struct kprobe kp = { .symbol_name = "kallsyms_lookup_name" };
	int ret;

	if (akfs_lookup_name)
		return 0;

	ret = register_kprobe(&kp);
	if (ret < 0) {
		pr_err("cannot find kallsyms_lookup_name: %d\n", ret);
		return ret;
	}
	akfs_lookup_name = (akfs_lookup_name_t)kp.addr;
	unregister_kprobe(&kp);

	return akfs_lookup_name ? 0 : -ENOENT;
}

/* Where the traced call goes on: Linux 6.1 calls the setter
 * ftrace_instruction_pointer_set(), later kernels ftrace_regs_set_instruction_pointer(). */
#ifdef ftrace_regs_set_instruction_pointer
#define akfs_set_ip(fregs, ip)	ftrace_regs_set_instruction_pointer(fregs, ip)
#else
#define akfs_set_ip(fregs, ip)	ftrace_instruction_pointer_set(fregs, ip)
#endif

static void notrace akfs_trace_thunk(unsigned long ip, unsigned long parent_ip,
				     struct ftrace_ops *ops,
				     struct ftrace_regs *fregs)
{
	struct akfs_trace_hook *hook = container_of(ops, struct akfs_trace_hook, ops);

	/* A hook calling its original: let the call through. */
	if (within_module(parent_ip, THIS_MODULE))
		return;

	akfs_set_ip(fregs, (unsigned long)hook->function);
}

static int akfs_trace_install_one(struct akfs_trace_hook *hook)
{
	int ret;

	hook->address = akfs_lookup_name(hook->name);
	if (!hook->address) {
		pr_err("%s: no such symbol\n", hook->name);
		return -ENOENT;
	}
	/* Before the first call reaches the hook. */
	WRITE_ONCE(*hook->original, hook->address);

	hook->ops.func = akfs_trace_thunk;
	hook->ops.flags = FTRACE_OPS_FL_RECURSION |
#ifndef CONFIG_HAVE_DYNAMIC_FTRACE_WITH_ARGS
			  FTRACE_OPS_FL_SAVE_REGS |
#endif
			  FTRACE_OPS_FL_IPMODIFY;

	ret = ftrace_set_filter_ip(&hook->ops, hook->address, 0, 0);
	if (ret) {
		pr_err("%s: ftrace_set_filter_ip: %d\n", hook->name, ret);
		return ret;
	}

	ret = register_ftrace_function(&hook->ops);
	if (ret) {
		pr_err("%s: register_ftrace_function: %d\n", hook->name, ret);
		ftrace_set_filter_ip(&hook->ops, hook->address, 1, 0);
		return ret;
	}

	hook->installed = true;
	pr_debug("%s hooked at %pS\n", hook->name, (void *)hook->address);
	return 0;
}

static void akfs_trace_remove_one(struct akfs_trace_hook *hook)
{
	int ret;

	if (!hook->installed)
		return;

	ret = unregister_ftrace_function(&hook->ops);
	if (ret)
		pr_err("%s: unregister_ftrace_function: %d\n", hook->name, ret);
	ret = ftrace_set_filter_ip(&hook->ops, hook->address, 1, 0);
	if (ret)
		pr_err("%s: ftrace_set_filter_ip: %d\n", hook->name, ret);
	hook->installed = false;
}

int akfs_trace_install(struct akfs_trace_hook *hooks, size_t count)
{
	size_t i;
	int ret;

	ret = akfs_trace_find_lookup();
	if (ret)
		return ret;

	for (i = 0; i < count; i++) {
		ret = akfs_trace_install_one(&hooks[i]);
		if (ret) {
			while (i--)
				akfs_trace_remove_one(&hooks[i]);
			return ret;
		}
	}
	return 0;
}

void akfs_trace_remove(struct akfs_trace_hook *hooks, size_t count)
{
	size_t i;

	for (i = count; i--; )
		akfs_trace_remove_one(&hooks[i]);
}
