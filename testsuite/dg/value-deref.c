/* A pointer loaded or stored through is not NULL after that: the code would
   have oopsed first.  Regression: kernel/bpf/btf.c __btf_resolve_size(),
   whose "return array_type ?: type;" was taken to return NULL because
   btf_type_by_id() can, although every path there reads type->info first
   (errptr-mixed-use at btf_struct_walk()).  The look-alike dereferences on
   one path only.  */
/* { dg-do compile } */

#include "kernel-min.h"

struct vd_type {
	int kind;
	int next;
	int size;
};

extern struct vd_type vd_types[16];

/* NULL for an id out of range */
static struct vd_type *vd_type_by_id(int id)
{
	if (id < 0 || id >= 16)
		return NULL;
	return &vd_types[id];
}

static struct vd_type *vd_resolve(struct vd_type *type, int *size)
{
	struct vd_type *array = NULL;

	for (int i = 0; i < 8; i++) {
		switch (type->kind) {
		case 0:
			*size = type->size;
			goto resolved;
		case 1:
			type = vd_type_by_id(type->next);
			break;
		case 2:
			if (!array)
				array = type;
			type = vd_type_by_id(type->next);
			break;
		default:
			return ERR_PTR(-EINVAL);
		}
	}
	return ERR_PTR(-EINVAL);
resolved:
	return array ?: type;
}

/* NEGATIVE: vd_resolve() returns an error pointer or a valid one */
int n_resolved(struct vd_type *t)
{
	int size;
	struct vd_type *r = vd_resolve(t, &size);

	if (IS_ERR(r))		/* { dg-bogus "errptr" } */
		return PTR_ERR(r);
	return r->size + size;
}

int vd_resolve_user(struct vd_type *t)
{
	int size;
	struct vd_type *r = vd_resolve(t, &size);

	return IS_ERR_OR_NULL(r) ? -EINVAL : size;
}

/* the look-alike: only one path reads through t */
static struct vd_type *vd_lookup(int id, int mark)
{
	struct vd_type *t;

	if (id > 64)
		return ERR_PTR(-EINVAL);
	t = vd_type_by_id(id);
	if (mark)
		t->kind = 1;
	return t;
}

/* POSITIVE */
int p_lookup(int id)
{
	struct vd_type *t = vd_lookup(id, 0);

	if (IS_ERR(t))		/* { dg-warning "'vd_lookup' may also return NULL.*\[errptr-mixed-use\]" } */
		return PTR_ERR(t);
	return t->size;
}

int vd_lookup_user(int id)
{
	struct vd_type *t = vd_lookup(id, 1);

	return IS_ERR_OR_NULL(t) ? -ENOENT : t->size;
}
