/* Bad input: -fplugin-arg-errptr-rules-dir= names a directory that does not exist.
   Exactly one error, without location, naming the directory; the compile fails
   (exit status 1, never an ICE).  The dg-error below is the only error allowed
   (excess errors); testsuite/tools/bad-input-count.sh also counts the error lines.
   See docs/reliability.md.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules-dir=${srcdir}/bad-rules/no-such-dir" } */
/* { dg-error "bad-rules/no-such-dir: cannot read rules directory: No such file or directory \[errptr-rules\]$" "" 0 } */

#include "kernel-min.h"

int akfs_bad_input_unrelated(int x)
{
	return x + 1;	/* { dg-bogus "errptr" } */
}
