/* Torture: asm goto (the kernel's static keys and uaccess shapes: an asm that
   may jump to a C label, with outputs in GCC 11+) deciding which pointer is
   returned.  The code keeps the error-pointer contract: zero errptr
   diagnostics, no ICE, at -O0 and -O2 (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];
struct akfs_obj *akfs_get(int n);	/* fails with ERR_PTR() */

/* a static branch as arch/x86/include/asm/jump_label.h writes it (no patching) */
static __always_inline bool akfs_static_branch(void)
{
	asm goto("1: .byte 0x0f,0x1f,0x44,0x00,0x00\n\t"
		 ".pushsection .discard.akfs_jump_table, \"aw\"\n\t"
		 ".quad 1b, %l[l_yes]\n\t"
		 ".popsection"
		 : : : : l_yes);
	return false;
l_yes:
	return true;
}

/* NEGATIVE: which object depends on the static branch; never NULL. */
struct akfs_obj *akfs_asm_pick(int n)
{
	if (akfs_static_branch())
		return akfs_get(n);	/* { dg-bogus "errptr" } */
	return &akfs_objs[n & 3];	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: an asm goto with an output that jumps to the failure label. */
static struct akfs_obj *akfs_asm_load(const int *src)
{
	int v;

	asm goto("movl %1, %0\n\t"
		 "testl %0, %0\n\t"
		 "js %l[fault]"
		 : "=r"(v) : "m"(*src) : "cc" : fault);
	return &akfs_objs[v & 3];
fault:
	return ERR_PTR(-EFAULT);	/* { dg-bogus "errptr" } */
}

int akfs_use_asm(int n, const int *src)
{
	struct akfs_obj *a = akfs_asm_pick(n);
	struct akfs_obj *b = akfs_asm_load(src);

	if (IS_ERR(a) || IS_ERR(b))
		return -EIO;
	return a->id + b->id;
}
