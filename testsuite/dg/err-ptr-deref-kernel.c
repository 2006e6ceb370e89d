/* errptr-err-ptr-deref with the bundled and learned rules of kernel APIs
   that report failure with ERR_PTR(): the shapes found in public
   out-of-tree modules - the result of platform_device_register_full()
   dereferenced untested, root_device_register()'s result handed straight
   to dev_set_drvdata() (an inline helper that stores through it) - and
   their fixed twins.  At the check's default level: a note (its precision
   on the validation kernel is not yet what a warning needs).  Built as for
   Linux 6.1, whose callers of __root_device_register() test only IS_ERR()
   (in 6.12 they are mixed, and a learned contract then needs more).  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-kernel=6.1" } */

#include "kernel-min.h"

struct device {
	void *driver_data;
};

struct platform_device {
	const char *name;
	int id;
	struct device dev;
};

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

struct mydrv {
	struct platform_device *pdev;
	struct device *root;
};

extern const struct platform_device_info mydrv_info;

/* POSITIVE: dereferenced with no test */
int p_register(struct mydrv *d)
{
	struct platform_device *pdev = platform_device_register_full(&mydrv_info);

	pdev->dev.driver_data = d;	/* { dg-message "'pdev' is dereferenced here, but it may be an error pointer from 'platform_device_register_full\(\)' \[errptr-err-ptr-deref\]" } */
	d->pdev = pdev;
	return 0;
}

/* POSITIVE: handed to an inline helper that stores through it */
int p_root(struct mydrv *d)
{
	struct device *root = root_device_register("mydrv");

	dev_set_drvdata(root, d);	/* { dg-message "'root' is passed to 'dev_set_drvdata', which does not accept an error pointer, but it may be one from 'root_device_register\(\)'" } */
	d->root = root;
	return 0;
}

/* NEGATIVE: the fixed twins */
int n_register(struct mydrv *d)
{
	struct platform_device *pdev = platform_device_register_full(&mydrv_info);

	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	pdev->dev.driver_data = d;	/* { dg-bogus "errptr" } */
	d->pdev = pdev;
	return 0;
}

int n_root(struct mydrv *d)
{
	struct device *root = root_device_register("mydrv");

	if (IS_ERR(root))
		return PTR_ERR(root);
	dev_set_drvdata(root, d);	/* { dg-bogus "errptr" } */
	d->root = root;
	return 0;
}

/* NEGATIVE: platform_device_unregister() takes an error pointer */
void n_unregister(struct mydrv *d)
{
	struct platform_device *pdev = platform_device_register_full(&mydrv_info);

	platform_device_unregister(pdev);	/* { dg-bogus "errptr" } */
}
