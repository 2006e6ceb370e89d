/* A hook calls the API it replaces through a pointer its framework filled
   in; the call has the API's contract, however the pointer is named:
   stored from a lookup by name in the module's init, its address in a hook
   table, a KHOOK-style hook entry, a typedef of the API's prototype
   (originals.c, callee.c).  Observable here: a NULL test of the original's
   result misses its error (null-check-on-err), and a NULL that reaches the
   hook's return only past IS_ERR_OR_NULL() of the original's result is no
   NULL the original ever returns.  */
/* { dg-do compile } */

#include "kernel-min.h"

struct open_flags {
	int open_flag;
	umode_t mode;
	int acc_mode;
	int intent;
	int lookup_flags;
};

typedef struct file *(*open_t)(int, struct filename *, const struct open_flags *);
typedef struct file *(*do_filp_open_t)(int, struct filename *, const struct open_flags *);
extern void akfs_report(struct file *file);
extern unsigned long resolve(const char *name);

/* ---- stored from a lookup by name at init ---- */
static open_t real_open;

int akfs_resolve(void)
{
	real_open = (open_t)kallsyms_lookup_name("do_filp_open");
	return real_open ? 0 : -ENOENT;
}

void akfs_unresolve(void)
{
	real_open = NULL;
}

/* NEGATIVE: the seed's hook, written right: the original's NULL-or-error
   test lets no NULL through, since the original never returns one.  */
struct file *akfs_hook_open(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f;

	if (!try_module_get(THIS_MODULE))
		return ERR_PTR(-ENODEV);
	f = real_open(dfd, name, op);
	if (IS_ERR_OR_NULL(f))
		goto out;
	akfs_report(f);
out:
	module_put(THIS_MODULE);
	return f;	/* { dg-bogus "errptr" } */
}

/* POSITIVE: the seed's bug with that pointer.  */
struct file *akfs_hook_open_bug(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f;

	if (!try_module_get(THIS_MODULE))
		return NULL;	/* { dg-error "'akfs_hook_open_bug' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]" } */
	f = real_open(dfd, name, op);	/* { dg-message "'akfs_hook_open_bug' stands in for 'do_filp_open': it returns the result of calling 'do_filp_open' through 'real_open'" } */
	module_put(THIS_MODULE);
	return f;
}

/* POSITIVE: a NULL test of the original's result misses its error.  */
struct file *akfs_hook_null_test(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = real_open(dfd, name, op);

	if (!f)	/* { dg-warning "'do_filp_open' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return ERR_PTR(-ENOENT);
	akfs_report(f);
	return f;
}

/* ---- a pointer told two different APIs: nothing known ---- */
static open_t some_open;

void akfs_pick(bool by_name)
{
	if (by_name)
		some_open = (open_t)kallsyms_lookup_name("do_filp_open");
	else
		some_open = (open_t)kallsyms_lookup_name("file_open_name");
}

/* NEGATIVE: the look-alike of akfs_hook_null_test().  */
struct file *akfs_some_null_test(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = some_open(dfd, name, op);

	if (!f)	/* { dg-bogus "errptr" } */
		return ERR_PTR(-ENOENT);
	return f;
}

/* ---- the address of the pointer in a hook table entry ---- */
struct hook_entry {
	const char *name;
	void *function;
	unsigned long *original;
};

static unsigned long saved;

static struct file *hook_via_table(int dfd, struct filename *name, const struct open_flags *op)
{
	open_t orig = (open_t)READ_ONCE(saved);
	struct file *f = orig(dfd, name, op);

	if (!f)	/* { dg-warning "this test misses the error \[errptr-null-check-on-err\]" } */
		return ERR_PTR(-ENOENT);
	return f;
}

struct hook_entry hooks[] = { { "do_filp_open", hook_via_table, &saved } };

/* ---- KHOOK: the entry is a variable, the original one of its members ---- */
typedef struct {
	void *fn;
	const char *name;
	void *orig;
} khook_t;

static struct file *khook_do_filp_open(int dfd, struct filename *name, const struct open_flags *op);
static khook_t __khook_do_filp_open = { .fn = khook_do_filp_open, .name = "do_filp_open" };
#define KHOOK_ORIGIN(t, ...) ((__typeof__(t) *)__khook_##t.orig)(__VA_ARGS__)

static struct file *khook_do_filp_open(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = KHOOK_ORIGIN(do_filp_open, dfd, name, op);

	if (!f)	/* { dg-warning "this test misses the error \[errptr-null-check-on-err\]" } */
		return ERR_PTR(-ENOENT);
	return f;
}

void *khook_table(void)
{
	return &__khook_do_filp_open;
}

/* ---- a pointer of the API's typedef, set by a framework elsewhere ---- */
extern do_filp_open_t akfs_original;

struct file *akfs_typedef_null_test(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = akfs_original(dfd, name, op);

	if (!f)	/* { dg-warning "this test misses the error \[errptr-null-check-on-err\]" } */
		return ERR_PTR(-ENOENT);
	return f;
}

/* NEGATIVE: a typedef named after nothing with a contract.  */
extern open_t akfs_other;

struct file *akfs_other_null_test(int dfd, struct filename *name, const struct open_flags *op)
{
	struct file *f = akfs_other(dfd, name, op);

	if (!f)	/* { dg-bogus "errptr" } */
		return ERR_PTR(-ENOENT);
	return f;
}

/* ---- a hook whose original comes from nowhere errptr can see ---- */
static open_t passed_open;

void akfs_set_original(open_t fn)
{
	passed_open = fn;
}

/* NEGATIVE: a stand-in (hook table below) whose NULL could only come from
   a call errptr knows nothing about: possible, never an error.  */
static struct file *hook_unknown_original(int dfd, struct filename *name,
					  const struct open_flags *op)
{
	struct file *f = passed_open(dfd, name, op);

	if (IS_ERR_OR_NULL(f))
		goto out;
	akfs_report(f);
out:
	return f;	/* { dg-bogus "errptr" } */
}

struct hook_entry unknown_hooks[] = { { "do_filp_open", hook_unknown_original, NULL } };
