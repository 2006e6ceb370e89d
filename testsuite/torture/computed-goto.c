/* Torture: computed goto (GNU C labels as values): a dispatch loop through a
   table of label addresses, returning pointers from the labels; and an indirect
   goto whose targets yield ERR_PTR() or a valid object.  The code keeps the
   error-pointer contract: zero errptr diagnostics, no ICE, at -O0 and -O2
   (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];

/* NEGATIVE: an interpreter: valid object or ERR_PTR(), never NULL. */
struct akfs_obj *akfs_interp(const unsigned char *code, int n)
{
	static void *const ops[] = { &&op_next, &&op_pick, &&op_fail, &&op_done };
	struct akfs_obj *cur = &akfs_objs[0];
	int pc = 0;

	if (n <= 0)
		return ERR_PTR(-EINVAL);
	goto *ops[code[pc] & 3];
op_next:
	if (++pc >= n)
		return cur;	/* { dg-bogus "errptr" } */
	goto *ops[code[pc] & 3];
op_pick:
	cur = &akfs_objs[code[pc] >> 6];
	goto op_next;
op_fail:
	cur = ERR_PTR(-EIO);
	goto op_next;
op_done:
	return cur;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: the target is a label address stored in a variable. */
static struct akfs_obj *akfs_jump(int which)
{
	void *target = which ? &&ok : &&bad;
	struct akfs_obj *r;

	goto *target;
ok:
	r = &akfs_objs[1];
	goto out;
bad:
	r = ERR_PTR(-ENOENT);
out:
	return r;	/* { dg-bogus "errptr" } */
}

int akfs_use_jump(int which)
{
	struct akfs_obj *r = akfs_jump(which);

	if (IS_ERR(r))
		return (int)PTR_ERR(r);
	return r->id;
}
