/* Torture: arrays of pointers to pointer-returning functions: a plain array,
   a 2-D array, an array of structs pairing names with hooks (the seed's hook
   table shape, with a correct hook), a const table in a struct of ops, calls
   through the arrays with computed indices, and a function returning a
   pointer to such a function.  The code keeps the error-pointer contract:
   zero errptr diagnostics, no ICE, at -O0 and -O2 (testsuite/tools/torture.sh).  */
/* { dg-do compile } */

#include "kernel-min.h"

struct akfs_obj { int id; };
struct akfs_obj akfs_objs[4];
typedef struct akfs_obj *(*akfs_getter)(int);

struct open_flags {
	int open_flag;
	umode_t mode;
	int acc_mode;
	int intent;
	int lookup_flags;
};

static struct akfs_obj *akfs_g0(int n) { return n ? &akfs_objs[0] : ERR_PTR(-ENOENT); }
static struct akfs_obj *akfs_g1(int n) { return n > 1 ? &akfs_objs[1] : ERR_PTR(-EINVAL); }
static struct akfs_obj *akfs_g2(int n) { return &akfs_objs[n & 3]; }

akfs_getter akfs_getters[] = { akfs_g0, akfs_g1, akfs_g2, akfs_g0 };
akfs_getter akfs_grid[2][3] = { { akfs_g0, akfs_g1, akfs_g2 }, { akfs_g2, akfs_g1, akfs_g0 } };

typedef struct file *(*akfs_open_fn)(int, struct filename *, const struct open_flags *);
static akfs_open_fn akfs_real_open;

/* NEGATIVE: a correct hook of do_filp_open: ERR_PTR() when refused. */
static struct file *akfs_hook_open(int dfd, struct filename *name, const struct open_flags *op)
{
	if (!try_module_get(THIS_MODULE))
		return ERR_PTR(-ENODEV);	/* { dg-bogus "errptr" } */
	struct file *f = akfs_real_open(dfd, name, op);
	module_put(THIS_MODULE);
	return f;	/* { dg-bogus "errptr" } */
}

struct akfs_hook {
	const char *name;
	void *function;
	void *original;
};

struct akfs_hook akfs_hooks[] = {
	{ "do_filp_open", akfs_hook_open, &akfs_real_open },
	{ "akfs_unused", NULL, NULL },
};

struct akfs_ops {
	const char *name;
	const akfs_getter get[3];
};

const struct akfs_ops akfs_ops_table[] = {
	{ "first", { akfs_g0, akfs_g1, akfs_g2 } },
	{ "second", { akfs_g2, akfs_g2, akfs_g1 } },
};

/* a function returning a pointer to a pointer-returning function */
static akfs_getter akfs_choose(int n)
{
	return akfs_getters[n & 3];
}

static struct akfs_obj *(*akfs_choose2(int n))(int)
{
	return akfs_grid[n & 1][n % 3];
}

/* NEGATIVE: results of calls through the tables, never NULL. */
struct akfs_obj *akfs_dispatch(int n)
{
	struct akfs_obj *o = akfs_getters[n & 3](n);

	if (IS_ERR(o))
		return o;	/* { dg-bogus "errptr" } */
	o = akfs_grid[n & 1][(n >> 1) % 3](n);
	if (IS_ERR(o))
		return akfs_ops_table[n & 1].get[n % 3](n);	/* { dg-bogus "errptr" } */
	o = akfs_choose(n)(n + 1);
	return IS_ERR(o) ? akfs_choose2(n)(n) : o;	/* { dg-bogus "errptr" } */
}

int akfs_use_dispatch(int n)
{
	struct akfs_obj *o = akfs_dispatch(n);

	return IS_ERR(o) ? (int)PTR_ERR(o) : o->id;
}
