/* Bad input: accepts= with a word it does not know. Exactly one error, without
   location, naming the file and line; the compile fails (exit status 1, never an
   ICE).  The dg-error below is the only error allowed (excess errors);
   testsuite/tools/bad-input-count.sh also counts the error lines.  See
   docs/reliability.md.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/bad-rules/accepts-value.rules" } */
/* { dg-error "bad-rules/accepts-value\.rules:3: accepts=maybe: expected null, err, both or none \[errptr-rules\]$" "" 0 } */

#include "kernel-min.h"

int akfs_bad_input_unrelated(int x)
{
	return x + 1;	/* { dg-bogus "errptr" } */
}
