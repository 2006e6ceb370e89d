/* Bad input: binary garbage with NUL bytes in a rules file (from line 3 on). One error
   for the file (rules_parse.c stops reading at binary data). Exactly one error,
   without location, naming the file and the first line with binary data; the
   compile fails (exit status 1, never an ICE).  The dg-error below is the only
   error allowed (excess errors); testsuite/tools/bad-input-count.sh also counts the
   error lines.  See docs/reliability.md.
   Was a known failure (docs/reliability.md, bug 1), fixed in ad29c7b.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/bad-rules/binary.rules" } */
/* { dg-error "bad-rules/binary\.rules:3: binary data in a rules file \[errptr-rules\]$" "" 0 } */

#include "kernel-min.h"

int akfs_bad_input_unrelated(int x)
{
	return x + 1;	/* { dg-bogus "errptr" } */
}
