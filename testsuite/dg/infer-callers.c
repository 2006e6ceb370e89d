/* What this file's callers agree on (callers.c, callers_tested_as()): for a
   function declared here but defined elsewhere and without a rule, how its
   results are tested.  This is data for checks, not a contract: callers
   agreeing with each other prove nothing about the callee, and a rule made
   of their habit could only ever flag the one caller that differs, which is
   as likely to be the right one.  -fplugin-arg-errptr-verbose shows it.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-verbose" } */

#include "kernel-min.h"

struct akfs_item {
	int val;
};

extern struct akfs_item *akfs_null_getter(int id);	/* { dg-message "errptr: the 2 tested calls of 'akfs_null_getter' in this file test its result only for NULL \(no rule; not taken as a contract\)" } */
extern struct akfs_item *akfs_err_getter(int id);	/* { dg-message "errptr: the 3 tested calls of 'akfs_err_getter' in this file test its result only with IS_ERR\(\)" } */
extern struct akfs_item *akfs_both_getter(int id);	/* { dg-message "errptr: the 2 tested calls of 'akfs_both_getter' in this file test its result for NULL and with IS_ERR\(\)" } */
extern struct akfs_item *akfs_odd_getter(int id);	/* { dg-message "errptr: the 2 tested calls of 'akfs_odd_getter' in this file test its result in different ways" } */
extern struct akfs_item *akfs_once_getter(int id);	/* { dg-bogus "tested calls" } */

int n1(int id) { struct akfs_item *it = akfs_null_getter(id); if (!it) return -ENOENT; return it->val; }
int n2(int id) { struct akfs_item *it = akfs_null_getter(id); return it ? it->val : 0; }

int e1(int id) { struct akfs_item *it = akfs_err_getter(id); if (IS_ERR(it)) return PTR_ERR(it); return it->val; }
int e2(int id) { struct akfs_item *it = akfs_err_getter(id); if (IS_ERR(it)) return PTR_ERR(it); return it->val + 1; }
int e3(int id) { struct akfs_item *it = akfs_err_getter(id); return PTR_ERR_OR_ZERO(it); }

int b1(int id) { struct akfs_item *it = akfs_both_getter(id); if (IS_ERR_OR_NULL(it)) return -ENOENT; return it->val; }
int b2(int id) { struct akfs_item *it = akfs_both_getter(id); if (!it || IS_ERR(it)) return -ENOENT; return it->val; }

int o1(int id) { struct akfs_item *it = akfs_odd_getter(id); if (!it) return -ENOENT; return it->val; }
int o2(int id) { struct akfs_item *it = akfs_odd_getter(id); if (IS_ERR(it)) return PTR_ERR(it); return it->val; }

int s1(int id) { struct akfs_item *it = akfs_once_getter(id); if (!it) return -ENOENT; return it->val; }
