/* Runner self-test: the fake compiler reports an ICE after a matching error:
   the dg-error PASSes, the crash FAILs.  */

int f(void);	/* { dg-error "about to crash \[errptr-selftest\]" .+1 } */
int g(void);
