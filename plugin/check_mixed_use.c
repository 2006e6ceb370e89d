/*
 * check_mixed_use.c - a result that may be NULL or ERR_PTR(), used after a test for one kind only.
 *
 * Placeholder: registered in errptr.h and summary.c, implemented in its own change.
 */
#include "errptr.h"

void
check_mixed_use(function *fn)
{
}
