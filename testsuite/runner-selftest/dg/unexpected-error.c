/* Runner self-test: an error nobody annotated: excess errors and exit status FAIL.  */

#error nobody expects this
