// SPDX-License-Identifier: GPL-2.0
/*
 * errptr kbuild test: PTR_ERR() of a pointer that may be NULL (0, success)
 * and ERR_PTR() of a value that may be 0 (NULL), against the real 6.1
 * headers, where IS_ERR_OR_NULL(), PTR_ERR() and ERR_PTR() are the
 * kernel's own inlines.  Never loaded: it only has to compile.
 */
#include <linux/module.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/gpio/consumer.h>
#include <linux/platform_device.h>

struct eis_blob {
	size_t len;
	char data[];
};

/* POSITIVE (err-ptr-zero): kernel_read() returns 0 at the end of the file,
 * and ERR_PTR(0) is NULL, which the caller's IS_ERR() lets through.  */
static struct eis_blob *eis_read_blob(struct file *file, size_t max)
{
	struct eis_blob *blob;
	loff_t pos = 0;
	ssize_t ret;

	blob = kmalloc(sizeof(*blob) + max, GFP_KERNEL);
	if (!blob)
		return ERR_PTR(-ENOMEM);	/* { dg-bogus "errptr" } */
	ret = kernel_read(file, blob->data, max, &pos);
	if (ret <= 0) {
		kfree(blob);
		return ERR_PTR(ret);	/* { dg-warning "ERR_PTR\(\) of 'ret', which may be 0 here, is NULL, but callers of 'eis_read_blob' test the result only with IS_ERR\(\) \[errptr-err-ptr-zero\]" } */
	}
	blob->len = ret;
	return blob;
}

/* NEGATIVE: the same, fixed: an empty file gets its own errno.  */
static struct eis_blob *eis_read_blob_fixed(struct file *file, size_t max)
{
	struct eis_blob *blob;
	loff_t pos = 0;
	ssize_t ret;

	blob = kmalloc(sizeof(*blob) + max, GFP_KERNEL);
	if (!blob)
		return ERR_PTR(-ENOMEM);
	ret = kernel_read(file, blob->data, max, &pos);
	if (ret < 0) {
		kfree(blob);
		return ERR_PTR(ret);	/* { dg-bogus "errptr" } */
	}
	if (ret == 0) {
		kfree(blob);
		return ERR_PTR(-ENODATA);	/* { dg-bogus "errptr" } */
	}
	blob->len = ret;
	return blob;
}

static size_t eis_total;

static int eis_load(const char *path)
{
	struct file *file = filp_open(path, O_RDONLY, 0);
	struct eis_blob *a, *b;

	if (IS_ERR(file))
		return PTR_ERR(file);	/* { dg-bogus "errptr" } */
	a = eis_read_blob(file, 4096);
	if (IS_ERR(a)) {
		filp_close(file, NULL);
		return PTR_ERR(a);	/* { dg-bogus "errptr" } */
	}
	b = eis_read_blob_fixed(file, 4096);
	if (IS_ERR(b)) {
		kfree(a);
		filp_close(file, NULL);
		return PTR_ERR(b);	/* { dg-bogus "errptr" } */
	}
	eis_total += b->len;
	kfree(a);
	kfree(b);
	filp_close(file, NULL);
	return 0;
}

/* POSITIVE (ptr-err-or-zero, a note): an absent optional GPIO is NULL, and the
 * probe "succeeds" without the rest of its work.  NULL is an ordinary value of
 * devm_gpiod_get_optional() ("no such line"), and 0 for it is as often meant
 * ("nothing to do", fs/overlayfs/namei.c) as not: a note, not a warning.  */
static int eis_probe(struct platform_device *pdev)
{
	struct gpio_desc *reset;

	reset = devm_gpiod_get_optional(&pdev->dev, "reset", GPIOD_OUT_LOW);	/* { dg-message "'devm_gpiod_get_optional' may return NULL" } */
	if (IS_ERR_OR_NULL(reset))	/* { dg-message "'reset' may be NULL when this test holds" } */
		return PTR_ERR(reset);	/* { dg-message "PTR_ERR\(\) of a pointer that may be NULL yields 0, i\.e\. success \[errptr-ptr-err-or-zero\]" } */
	gpiod_set_value(reset, 0);
	return eis_load("/lib/firmware/eis.bin");
}

/* NEGATIVE: the optional GPIO handled both ways; PTR_ERR_OR_ZERO().  */
static int eis_probe_fixed(struct platform_device *pdev)
{
	struct gpio_desc *reset, *power;

	reset = devm_gpiod_get_optional(&pdev->dev, "reset", GPIOD_OUT_LOW);
	if (IS_ERR(reset))
		return PTR_ERR(reset);	/* { dg-bogus "errptr" } */
	if (reset)
		gpiod_set_value(reset, 0);
	power = devm_gpiod_get_optional(&pdev->dev, "power", GPIOD_OUT_HIGH);
	if (IS_ERR_OR_NULL(power))
		return PTR_ERR_OR_ZERO(power);	/* { dg-bogus "errptr" } */
	gpiod_set_value(power, 1);
	return 0;
}

static struct platform_driver eis_driver = {
	.probe = eis_probe,
	.driver = { .name = "errptr-integer-side" },
};

static struct platform_driver eis_driver_fixed = {
	.probe = eis_probe_fixed,
	.driver = { .name = "errptr-integer-side-fixed" },
};

static int __init eis_init(void)
{
	int ret = platform_driver_register(&eis_driver);

	if (ret)
		return ret;
	ret = platform_driver_register(&eis_driver_fixed);
	if (ret)
		platform_driver_unregister(&eis_driver);
	return ret;
}

static void __exit eis_exit(void)
{
	platform_driver_unregister(&eis_driver_fixed);
	platform_driver_unregister(&eis_driver);
}

module_init(eis_init);
module_exit(eis_exit);
MODULE_LICENSE("GPL");
