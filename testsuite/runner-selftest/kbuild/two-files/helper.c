/* Runner self-test (kbuild): the second annotation must FAIL.  */
#include <linux/kernel.h>

int selftest_helper(int x);

#warning helper warns /* { dg-warning "helper warns" } */

int selftest_helper(int x)
{
	return x;	/* { dg-warning "a warning that never comes" } */
}
