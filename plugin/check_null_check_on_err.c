/*
 * check_null_check_on_err.c - a NULL test on the result of an API that returns ERR_PTR() on failure: the error pointer goes on as if valid; and tests of results that need none (debugfs).
 *
 * Placeholder: registered in errptr.h and summary.c, implemented in its own change.
 */
#include "errptr.h"

void
check_null_check_on_err(function *fn)
{
}
