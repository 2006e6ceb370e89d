/* A helper of this file that returns only 0 or a negative errno bounds what
   its result may be: after "if (err)", err is a negative errno, and
   ERR_PTR(err) an error pointer, proven.  The function below returns NULL
   (from nla_find_nested()) or that error pointer: learned as fails=both,
   and a caller that tests only for NULL lets the error pointer through.
   (A learning run on a small driver directory took such a function for
   fails=null.)  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-errptr-rules=$srcdir/value-int-helper.rules" } */

#include "kernel-min.h"

struct nlattr {
	int nla_len;
};

extern struct nlattr *nla_find_nested(const struct nlattr *nla, int attrtype);

static int check_policy(const struct nlattr *nla, int type)
{
	if (type > 5)
		return -EOPNOTSUPP;
	if (!nla)
		return -EINVAL;
	return 0;
}

/* the helper may also return a positive count: "if (err)" leaves it
   negative or positive, nothing proven */
static int count_attrs(const struct nlattr *nla, int type)
{
	if (type > 5)
		return -EOPNOTSUPP;
	if (!nla)
		return 0;
	return nla->nla_len;
}

static struct nlattr *find_attr(const struct nlattr *nla, int type)
{
	int err = check_policy(nla, type);

	if (err)
		return ERR_PTR(err);
	return nla_find_nested(nla, type);
}

static struct nlattr *find_attr_counted(const struct nlattr *nla, int type)
{
	int err = count_attrs(nla, type);

	if (err)
		return ERR_PTR(err);
	return nla_find_nested(nla, type);
}

/* POSITIVE */
int use_attr(const struct nlattr *nla, int type)
{
	struct nlattr *a = find_attr(nla, type);

	if (!a)	/* { dg-warning "'find_attr' may also return an error pointer, which this NULL test lets through to the use at line 64 \[errptr-mixed-use\]" } */
		return -EINVAL;
	return a->nla_len;
}

/* NEGATIVE: the look-alike with a helper that may return a positive value */
int use_attr_counted(const struct nlattr *nla, int type)
{
	struct nlattr *a = find_attr_counted(nla, type);

	if (!a)	/* { dg-bogus "errptr" } */
		return -EINVAL;
	return a->nla_len;
}
