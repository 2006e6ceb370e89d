/* Contracts for the kernel being compiled (versions.c): newer than every learned kernel: the nearest (7.2), proven only where it held in all (vt_alloc), not vt_get_folio; and of a contract whose failure kinds are the same in all but whose callers differ (vt_register), the failure kinds */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules-dir=${srcdir}/versions -fplugin-arg-errptr-rules=${srcdir}/versions/written.rules -fplugin-arg-errptr-kernel=7.6" } */

#include "kernel-min.h"

struct folio {
	int flags;
};

extern struct folio *vt_get_folio(int index);
extern struct folio *vt_alloc(int size);
extern struct folio *vw_lock(int index);
extern struct folio *vt_register(int id);

int t_folio_is_err(int i)
{
	struct folio *f = vt_get_folio(i);

	if (IS_ERR(f))	/* { dg-bogus "errptr" } */
		return PTR_ERR(f);
	return f->flags;
}

int t_folio_null(int i)
{
	struct folio *f = vt_get_folio(i);

	if (!f)	/* { dg-bogus "errptr" } */
		return -ENOMEM;
	return f->flags;
}

int t_alloc_is_err(int i)
{
	struct folio *f = vt_alloc(i);

	if (IS_ERR(f))	/* { dg-warning "IS_ERR\(\) does not catch the NULL that .* \[errptr-is-err-on-null\]" } */
		return PTR_ERR(f);
	return f->flags;
}

int t_lock_is_err(int i)
{
	struct folio *f = vw_lock(i);

	if (IS_ERR(f))	/* { dg-bogus "errptr" } */
		return PTR_ERR(f);
	return f->flags;
}

int t_lock_null(int i)
{
	struct folio *f = vw_lock(i);

	if (!f)	/* { dg-warning "this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOMEM;
	return f->flags;
}

int t_register_null(int i)
{
	struct folio *f = vt_register(i);

	if (!f)	/* { dg-warning "'vt_register' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENOMEM;
	return f->flags;
}
