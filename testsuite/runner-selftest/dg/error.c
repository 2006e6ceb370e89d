/* Runner self-test: expected errors; the compile fails, as it must.  */
/* { dg-options "-Wall" } */

#error first failure /* { dg-error "first failure" } */

int f(void)
{
	int x = undeclared_name;	/* { dg-error "'undeclared_name' undeclared" } */
	return x;
}
/* { dg-message "each undeclared identifier is reported only once" "a note on another line" 8 } */
