/* Torture: loops whose pointer PHIs form cycles: two and three pointers
   rotating through each other every iteration, a PHI that is its own argument
   (a value kept around a loop nest), irreducible control flow (a goto into a
   loop), and a loop that only ever swaps an ERR_PTR() and a valid pointer.
   The analysis must terminate and stay silent: zero errptr diagnostics, no ICE,
   at -O0 and -O2 (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];
int akfs_more(int i);
struct akfs_obj *akfs_get(int n);	/* fails with ERR_PTR() */

/* NEGATIVE: a, b, c rotate; none of them is ever NULL. */
struct akfs_obj *akfs_rotate(int n)
{
	struct akfs_obj *a = &akfs_objs[0], *b = ERR_PTR(-EAGAIN), *c = &akfs_objs[2], *t;

	for (int i = 0; akfs_more(i); i++) {
		t = a;
		a = b;
		b = c;
		c = t;
		if (i == n)
			break;
	}
	return n & 1 ? a : c;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: swap loop, nested loops keeping p unchanged (p = PHI(p, p)). */
static struct akfs_obj *akfs_swap(int n, int m)
{
	struct akfs_obj *p = akfs_get(n), *q = ERR_PTR(-ENOENT), *t;

	while (akfs_more(n--)) {
		for (int j = 0; j < m; j++)
			for (int k = 0; k < j; k++)
				if (akfs_more(k))
					continue;
		t = p;
		p = q;
		q = t;
	}
	return p;	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: irreducible: entered in the middle, two entries into one cycle. */
static struct akfs_obj *akfs_irreducible(int n)
{
	struct akfs_obj *p = &akfs_objs[1], *q = &akfs_objs[3];

	if (n > 5)
		goto middle;
top:
	p = akfs_get(n);
	if (IS_ERR(p))
		return p;	/* { dg-bogus "errptr" } */
middle:
	q = p;
	p = akfs_get(n + 1);
	if (akfs_more(n--))
		goto top;
	return IS_ERR(p) ? q : p;	/* { dg-bogus "errptr" } */
}

int akfs_use_cycles(int n)
{
	struct akfs_obj *a = akfs_rotate(n);
	struct akfs_obj *b = akfs_swap(n, n);
	struct akfs_obj *c = akfs_irreducible(n);

	if (IS_ERR(a) || IS_ERR(b) || IS_ERR(c))
		return -EIO;
	return a->id + b->id + c->id;
}
