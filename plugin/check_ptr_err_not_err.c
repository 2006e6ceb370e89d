/*
 * check_ptr_err_not_err.c - PTR_ERR() of a pointer that may be NULL or valid: it yields 0 (success) or junk.
 *
 * Placeholder: registered in errptr.h and summary.c, implemented in its own change.
 */
#include "errptr.h"

void
check_ptr_err_not_err(function *fn)
{
}
