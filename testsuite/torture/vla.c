/* Torture: variable-length arrays (of pointers, of arrays, in parameters,
   in a loop that reallocates them) and __builtin_alloca around returned
   pointers.  The code keeps the error-pointer contract: zero errptr
   diagnostics, no ICE, at -O0 and -O2 (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];
struct akfs_obj *akfs_get(int n);	/* fails with ERR_PTR() */

/* NEGATIVE: picks from a VLA of results: an object or ERR_PTR(). */
struct akfs_obj *akfs_vla_pick(int n, int m, int grid[n][m])
{
	struct akfs_obj *cand[n > 0 ? n : 1];
	int best = -1;

	if (n <= 0 || m <= 0)
		return ERR_PTR(-EINVAL);
	for (int i = 0; i < n; i++) {
		cand[i] = akfs_get(grid[i][m - 1]);
		if (IS_ERR(cand[i]))
			return cand[i];	/* { dg-bogus "errptr" } */
		if (best < 0 || cand[i]->id > cand[best]->id)
			best = i;
	}
	return cand[best];	/* { dg-bogus "errptr" } */
}

/* NEGATIVE: a VLA per loop iteration and an alloca'd table. */
static struct akfs_obj *akfs_vla_loop(int n)
{
	struct akfs_obj *last = ERR_PTR(-ENODATA);
	struct akfs_obj **tab = __builtin_alloca(sizeof(*tab) * (n & 15) + sizeof(*tab));

	for (int k = 1; k <= n && k < 16; k++) {
		struct akfs_obj *row[k];
		for (int j = 0; j < k; j++)
			row[j] = &akfs_objs[j & 3];
		tab[k - 1] = row[k - 1];
		last = tab[k - 1];
	}
	return last;	/* { dg-bogus "errptr" } */
}

int akfs_use_vla(int n)
{
	int grid[2][3] = { { 1, 2, 3 }, { 4, 5, 6 } };
	struct akfs_obj *p = akfs_vla_pick(2, 3, grid);
	struct akfs_obj *q = akfs_vla_loop(n);

	if (IS_ERR(p) || IS_ERR(q))
		return -EIO;
	return p->id + q->id;
}
