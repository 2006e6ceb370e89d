/* Runner self-test (kbuild): the build fails, as annotated.  */
#include <linux/module.h>

#error this module does not build /* { dg-error "this module does not build" } */

MODULE_LICENSE("GPL");
