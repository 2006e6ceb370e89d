/* Bad input: -fplugin-arg-errptr-rules= names a directory, not a file. Exactly one
   error, without location, naming the directory; the compile fails (exit status 1,
   never an ICE).  The dg-error below is the only error allowed (excess errors);
   testsuite/tools/bad-input-count.sh also counts the error lines.  See
   docs/reliability.md.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/bad-rules/empty-dir" } */
/* { dg-error "bad-rules/empty-dir(:[0-9]+)?: .*[Ii]s a directory.* \[errptr-rules\]$" "" 0 } */

#include "kernel-min.h"

int akfs_bad_input_unrelated(int x)
{
	return x + 1;	/* { dg-bogus "errptr" } */
}
