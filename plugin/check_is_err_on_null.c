/*
 * check_is_err_on_null.c - IS_ERR() on the result of an API that returns NULL on failure: the NULL case goes unhandled.
 *
 * Placeholder: registered in errptr.h and summary.c, implemented in its own change.
 */
#include "errptr.h"

void
check_is_err_on_null(function *fn)
{
}
