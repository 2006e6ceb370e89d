/* Bad input: a rules file whose last line (no newline) holds NUL bytes and garbage.
   Exactly one error, without location, naming the file and line; the compile fails
   (exit status 1, never an ICE).  The dg-error below is the only error allowed
   (excess errors); testsuite/tools/bad-input-count.sh also counts the error lines.
   See docs/reliability.md.
   Was a known failure (docs/reliability.md, bug 1), fixed in ad29c7b.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/bad-rules/binary-eof.rules" } */
/* { dg-error "bad-rules/binary-eof\.rules:3: binary data in a rules file \[errptr-rules\]$" "" 0 } */

#include "kernel-min.h"

int akfs_bad_input_unrelated(int x)
{
	return x + 1;	/* { dg-bogus "errptr" } */
}
