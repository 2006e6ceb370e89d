/* Bad input: two 'api is_err=' lines in one rules file (design-contract.md: the same
   NAME twice in one file is an error). Exactly one error, without location, naming
   the file and the line of the second one; the compile fails (exit status 1, never
   an ICE).  The dg-error below is the only error allowed (excess errors);
   testsuite/tools/bad-input-count.sh also counts the error lines.  See
   docs/reliability.md.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/bad-rules/dup-api.rules" } */
/* { dg-error "bad-rules/dup-api\.rules:4: .*is_err.*\[errptr-rules\]$" "" 0 } */

#include "kernel-min.h"

int akfs_bad_input_unrelated(int x)
{
	return x + 1;	/* { dg-bogus "errptr" } */
}
