/* Runner self-test (kbuild): every annotation in this file must PASS.  */
#include <linux/module.h>
#include <linux/init.h>

int selftest_helper(int x);

static int __init selftest_init(void)
{
	int unused_in_module;	/* { dg-warning "unused variable 'unused_in_module'" } */
	return selftest_helper(0);	/* { dg-bogus "." } */
}

static void __exit selftest_exit(void)
{
}

module_init(selftest_init);
module_exit(selftest_exit);
MODULE_LICENSE("GPL");
