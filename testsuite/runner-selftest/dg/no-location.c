/* Runner self-test: an error without a location is matched by line 0.  */
/* { dg-options "-fno-such-option-for-errptr-selftest" } */
/* { dg-error "unrecognized command-line option '-fno-such-option-for-errptr-selftest'" "" 0 } */

int x;
