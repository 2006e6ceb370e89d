/* Bad input: a value for an argument that takes none, -fplugin-arg-errptr-verbose=3.
   Exactly one error, without location, naming the argument; the compile fails (exit
   status 1, never an ICE).  The dg-error below is the only error allowed (excess
   errors); testsuite/tools/bad-input-count.sh also counts the error lines.  See
   docs/reliability.md.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-verbose=3" } */
/* { dg-error "^errptr: .*'-fplugin-arg-errptr-verbose(=3)?'" "" 0 } */

#include "kernel-min.h"

int akfs_bad_input_unrelated(int x)
{
	return x + 1;	/* { dg-bogus "errptr" } */
}
