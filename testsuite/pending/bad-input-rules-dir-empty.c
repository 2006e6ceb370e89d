/* Bad input: -fplugin-arg-errptr-rules-dir= names a directory that holds no *.rules
   file: errptr would run without any contract (use -fplugin-arg-errptr-no-default-
   rules for that on purpose). Exactly one error, without location, naming the
   directory; the compile fails (exit status 1, never an ICE).  The dg-error below
   is the only error allowed (excess errors); testsuite/tools/bad-input-count.sh
   also counts the error lines.  See docs/reliability.md.
   KNOWN FAILURE until plugin/contracts.c load_rules_in() rejects a rules-dir without
   *.rules files (today it is accepted silently); see docs/reliability.md.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules-dir=${srcdir}/../dg/bad-rules/empty-dir" } */
/* { dg-error "bad-rules/empty-dir.*\[errptr-rules\]$" "" 0 } */

#include "kernel-min.h"

int akfs_bad_input_unrelated(int x)
{
	return x + 1;	/* { dg-bogus "errptr" } */
}
