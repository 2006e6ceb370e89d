/* Runner self-test: this file tests that the runner reports FAIL.
   Every annotation below must FAIL (see ../expected.out), and so must
   "excess errors" and the exit status.  */
/* { dg-options "-Wall" } */

int f(void)
{
	int wrong_line;	/* { dg-warning "unused variable 'wrong_line'" .+1 } */
	int bogus;	/* { dg-bogus "unused variable" } */
	int wrong_text;	/* { dg-warning "unused variable 'other_name'" } */
	int kind;	/* { dg-message "unused variable 'kind'" "a warning is not a note" } */
	int bad_re;	/* { dg-warning "unused variable (" } */
	return 0;	/* { dg-error "expected error that never comes" } */
}
/* { dg-final { scan-tree-dump "unsupported" "original" } } */
// { dg-warning "no closing brace"
