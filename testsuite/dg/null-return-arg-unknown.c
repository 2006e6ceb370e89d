/* An unknown plugin argument is an error (design-contract.md: "any other
   key: error: errptr: unknown argument '-fplugin-arg-errptr-KEY' and
   failure").  The error has no location: target line 0.  GCC may add its
   own "fail to initialize plugin" error when the plugin's init fails: the
   second annotation also accepts that one.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-bogus" } */
/* { dg-error "errptr: unknown argument '-fplugin-arg-errptr-bogus'" "" 0 } */
/* { dg-error "errptr: unknown argument '-fplugin-arg-errptr-bogus'|fail to initialize plugin" "and GCC's own line, if any" 0 } */

#include "kernel-min.h"

int akfs_unrelated(int x)
{
	return x + 1;	/* { dg-bogus "errptr-null-return" } */
}
