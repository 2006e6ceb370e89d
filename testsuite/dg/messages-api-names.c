/* Messages, notes and fix-its in a project that is not the kernel: its
   "api" line (messages-api-names.rules) names the convention res_failed(),
   res_failed_or_null(), res_err(), res_code(), and every text says those
   names, never IS_ERR() or ERR_PTR().  Its res_err() is a macro, a cast of
   the errno: GCC sees only a pointer constant, which errptr takes for an
   error pointer when it comes from the expansion of the configured
   err_ptr macro (a sentinel constant of another macro stays a valid
   pointer).  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/messages-api-names.rules -fplugin-arg-errptr-no-default-rules" } */

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <errno.h>

#define res_err(e)	((void *)(intptr_t)(e))
#define RES_SENTINEL	((void *)(intptr_t)-1)

static inline bool res_failed(const void *p)
{
	return (unsigned long)p >= (unsigned long)-4095;
}

static inline long res_code(const void *p)
{
	return (long)p;
}

struct conn {
	int fd;
};

struct conn *conn_open(const char *name);
void *buf_alloc(unsigned long size);
int conn_use(struct conn *c);

/* POSITIVE: null-check-on-err in the project's names.  */
int pos_null_test(const char *name)
{
	struct conn *c = conn_open(name);
	if (!c) /* { dg-warning "'conn_open' returns res_err\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOENT;
	/* { dg-message "'conn_open' reports failure with res_err\(\), never NULL"  .-2 } */
	/* { dg-message "test it with 'res_failed\(c\)' instead, and pass on 'res_code\(c\)'"  .-3 } */
	/* { dg-bogus "ERR_PTR|IS_ERR|PTR_ERR"  .-4 } */
	return conn_use(c);
}

/* A function of this file that fails with the macro res_err() or returns
   NULL for "absent": both kinds.  */
static struct conn *conn_find(const char *name, int create)
{
	static struct conn one;

	if (!name)
		return res_err(-EINVAL); /* { dg-bogus "errptr" } */
	if (!create)
		return NULL;
	return &one;
}

/* NEGATIVE: res_failed() of conn_find()'s result is no mistake of
   is-err-on-null: conn_find() returns error pointers (res_err() is the
   project's ERR_PTR()).  */
int neg_macro_err_ptr(const char *name, int create)
{
	struct conn *c = conn_find(name, create);
	if (res_failed(c)) /* { dg-bogus "errptr-is-err-on-null" } */
		return res_code(c);
	return conn_use(c);
}

/* The look-alike: a sentinel of another macro, not an error pointer.  */
static struct conn *conn_peek(const char *name, int create)
{
	static struct conn one;

	if (!name)
		return RES_SENTINEL;
	if (!create)
		return NULL;
	return &one;
}

/* POSITIVE: conn_peek() never returns an error pointer; res_failed()
   misses its NULL.  */
int pos_sentinel(const char *name, int create)
{
	struct conn *c = conn_peek(name, create);
	if (res_failed(c)) /* { dg-warning "res_failed\(\) does not catch the NULL that 'conn_peek' returns on failure \[errptr-is-err-on-null\]" } */
		return res_code(c);
	/* { dg-message "res_failed\(\) is false for NULL"  .-2 } */
	return conn_use(c);
}

/* POSITIVE: buf_alloc() fails with NULL; the fix-it tests for NULL and
   gives the failure an errno of its own (res_code(NULL) is 0).  */
int pos_alloc(void)
{
	struct conn *c = buf_alloc(sizeof(*c));
	if (res_failed(c)) /* { dg-warning "res_failed\(\) does not catch the NULL that 'buf_alloc' returns on failure" } */
		return res_code(c);
	/* { dg-message "test for NULL instead: '!c', and return '-ENOMEM' for it instead of 'res_code\(c\)', which is 0 for NULL"  .-2 } */
	return conn_use(c);
}

/* A stand-in of res_ops.open (fails=err, callers=is_err).  */
struct res_ops {
	struct conn *(*open)(const char *name);
};

static struct conn *mem_open(const char *name)
{
	struct conn *c;

	if (!name)
		return res_err(-EINVAL); /* { dg-bogus "errptr" } */
	c = buf_alloc(sizeof(*c));
	if (!c)
		return NULL; /* { dg-error "'mem_open' returns NULL here, but it stands in for 'res_ops.open', whose callers test the result only with res_failed\(\) \[errptr-null-return\]" } */
	/* { dg-message "'res_ops.open' reports failure with res_err\(\), never NULL; callers test only res_failed\(\)"  .-1 } */
	/* { dg-message "return an error pointer instead, e.g. 'res_err\(-ENOMEM\)'"  .-2 } */
	return c;
}

const struct res_ops mem_ops = {
	.open = mem_open,
};

/* The macro assigned, and as an initializer: GCC's location of the
   constant is the '=' (whose range ends in the expansion) or the
   declarator; both are res_err()'s error pointers.  */
static struct conn *conn_assign(const char *name, int create)
{
	static struct conn one;
	struct conn *r = &one;

	if (!name)
		r = res_err(-EINVAL);
	else if (!create)
		r = NULL;
	return r;
}

static struct conn *conn_init(const char *name, int create)
{
	static struct conn one;

	if (!name) {
		struct conn *e = res_err(-EINVAL);
		return e;
	}
	if (!create)
		return NULL;
	return &one;
}

/* NEGATIVE: both return error pointers too.  */
int neg_macro_assigned(const char *name, int create)
{
	struct conn *c = conn_assign(name, create);
	if (res_failed(c)) /* { dg-bogus "errptr-is-err-on-null" } */
		return res_code(c);
	return conn_use(c);
}

int neg_macro_initializer(const char *name, int create)
{
	struct conn *c = conn_init(name, create);
	if (res_failed(c)) /* { dg-bogus "errptr-is-err-on-null" } */
		return res_code(c);
	return conn_use(c);
}
