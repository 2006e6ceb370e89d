/* Bad input: an unknown plugin argument, -fplugin-arg-errptr-bogus. Stricter than
   null-return-arg-unknown.c: GCC's own 'failed to initialize plugin' line would be
   a second line for one problem, an excess error here. Exactly one error, without
   location, naming the argument; the compile fails (exit status 1, never an ICE).
   The dg-error below is the only error allowed (excess errors);
   testsuite/tools/bad-input-count.sh also counts the error lines.  See
   docs/reliability.md.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-bogus" } */
/* { dg-error "^errptr: unknown argument '-fplugin-arg-errptr-bogus'" "" 0 } */

#include "kernel-min.h"

int akfs_bad_input_unrelated(int x)
{
	return x + 1;	/* { dg-bogus "errptr" } */
}
