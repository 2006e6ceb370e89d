// SPDX-License-Identifier: GPL-2.0
/*
 * errptr kbuild test (optional-plugin): the module's API.  opt_connect() fails
 * with an error pointer, never NULL (optional-plugin.rules says so for the
 * files that do not see this body).
 */
#include <linux/err.h>
#include <linux/module.h>
#include <linux/slab.h>
#include "opt.h"

/* NEGATIVE: the API itself keeps its contract. */
struct opt_conn *opt_connect(int id)
{
	struct opt_conn *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return ERR_PTR(-ENOMEM);	/* { dg-bogus "errptr" } */
	c->id = id;
	return c;
}
EXPORT_SYMBOL_GPL(opt_connect);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("errptr test: tools/errptr.mk, errptr optional in a module Makefile");
