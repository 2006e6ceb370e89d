/*
 * check_err_ptr_zero.c - ERR_PTR(x) where x may be 0 (yields NULL) or
 * positive, in a function whose callers test only IS_ERR().
 *
 * Placeholder: registered in errptr.h and errptr.c, implemented in its own change.
 */
#include "errptr.h"

void
check_err_ptr_zero(struct fn_summary *s)
{
}
