// SPDX-License-Identifier: GPL-2.0
/*
 * errptr kbuild test (optional-plugin): a stand-in for the module's own API.
 * Only optional-plugin.rules, which the Makefile passes in ccflags-$(ERRPTR_ON),
 * tells errptr that opt_connect() never returns NULL: without the rules this
 * file is silent, and without null-return=warning its finding is an error.
 */
#include <linux/err.h>
#include <linux/module.h>
#include "opt.h"

/* POSITIVE: same prototype as opt_connect(), returns its result, and NULL. */
struct opt_conn *opt_connect_cached(int id)
{
	if (id < 0)
		return NULL;	/* { dg-warning "'opt_connect_cached' returns NULL here, but it stands in for 'opt_connect', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	return opt_connect(id);
}
EXPORT_SYMBOL_GPL(opt_connect_cached);

/* NEGATIVE: the same stand-in, failing the way opt_connect() does. */
struct opt_conn *opt_connect_checked(int id)
{
	if (id < 0)
		return ERR_PTR(-EINVAL);	/* { dg-bogus "errptr" } */
	return opt_connect(id);
}
EXPORT_SYMBOL_GPL(opt_connect_checked);
