/* Runner self-test: the fake compiler exits with status 139 (SIGSEGV): FAIL.  */
int f(void);
