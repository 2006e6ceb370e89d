/* Runner self-test: every annotation in this file must PASS.
   Uses only plain GCC diagnostics, no plugin.  */
/* { dg-do compile } */
/* { dg-options "-Wall" } */

__attribute__((deprecated)) int old_api(void);	/* { dg-message "declared here" } */

int use_old(void)
{
	return old_api();	/* { dg-warning "'old_api' is deprecated" } */
}

/* { dg-warning "unused variable 'below'" "target on the next line" .+3 } */
int unused_locals(void)
{
	int below;
	int here;	/* { dg-warning "unused variable 'here'" } */
	int above;
	/* { dg-warning "unused variable 'above'" "" { target *-*-* } .-1 } */
	int absolute;
	/* { dg-warning "^unused variable 'absolute' \[-Wunused-variable\]$" 20 } */
	return 0;
}

int clean(int x)
{
	return x + 1;	/* { dg-bogus "." "nothing at all on this line" } */
}

#warning selftest quote "hi" and [brackets]
/* { dg-warning "quote \"hi\" and \[brackets\] \[-Wcpp\]" .-1 } */
/* { dg-warning "\\\[brackets\\\] \\\[-Wcpp\\\]" "Tcl spelling of a bracket" .-2 } */
/* { dg-bogus "unused|deprecated" "other kinds do not match here" .-3 } */
