/* Bad input: one entry gives fails= twice (fails=err ... fails=null): which one is
   meant is unknown, so it is an error like a duplicate entry. Exactly one error,
   without location, naming the file and line; the compile fails (exit status 1,
   never an ICE).  The dg-error below is the only error allowed (excess errors);
   testsuite/tools/bad-input-count.sh also counts the error lines.  See
   docs/reliability.md.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/bad-rules/dup-field.rules" } */
/* { dg-error "bad-rules/dup-field\.rules:3: .*fails.*\[errptr-rules\]$" "" 0 } */

#include "kernel-min.h"

int akfs_bad_input_unrelated(int x)
{
	return x + 1;	/* { dg-bogus "errptr" } */
}
