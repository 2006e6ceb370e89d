/* Bad input: a prefix rule with fails=. Exactly one error, without
   location, naming the file and line; the compile fails (exit status 1, never an
   ICE).  The dg-error below is the only error allowed (excess errors);
   testsuite/tools/bad-input-count.sh also counts the error lines.  See
   docs/reliability.md.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/bad-rules/accepts-prefix.rules" } */
/* { dg-error "bad-rules/accepts-prefix\.rules:3: 'akfs_\*' names every function it begins: it takes accepts= and nothing else \[errptr-rules\]$" "" 0 } */

#include "kernel-min.h"

int akfs_bad_input_unrelated(int x)
{
	return x + 1;	/* { dg-bogus "errptr" } */
}
