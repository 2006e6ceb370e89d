/* Inference of calls through struct members (members.c): a call through
   "ops->get" returns what the functions this file stores in that member
   return, when the struct type is defined in this file and every store into
   the member is a function of this file with the same contract.  Tested
   through errptr-mixed-use.  */
/* { dg-do compile } */

#include "kernel-min.h"
#include "infer-ops-shared.h"

struct akfs_item {
	int val;
};

extern struct akfs_item *akfs_table_find(int id);
extern struct akfs_item akfs_items[16];

/* ---- one function in the member, defined after its caller --------------- */
struct akfs_src_ops {
	struct akfs_item *(*get)(int id);
	const char *name;
};

struct akfs_source {
	const struct akfs_src_ops *ops;
};

/* POSITIVE: the caller comes first in the file; errptr analyses it after
   mem_get() all the same.  */
int src_value(struct akfs_source *src, int id)
{
	struct akfs_item *it = src->ops->get(id);	/* { dg-message "\(1\) 'akfs_src_ops.get' may return NULL or an error pointer" } */

	if (IS_ERR(it))		/* { dg-warning "'akfs_src_ops.get' may also return NULL, which this IS_ERR\(\) test lets through to the use at line 36 \[errptr-mixed-use\]" } */
		return PTR_ERR(it);
	return it->val;		/* { dg-message "'it' is dereferenced here while it may be NULL" } */
}

static struct akfs_item *mem_get(int id)	/* { dg-message "'mem_get' is the only function this file stores in 'akfs_src_ops.get', and it returns NULL or an error pointer" } */
{
	if (id < 0)
		return ERR_PTR(-EINVAL);
	if (id >= 16)
		return NULL;
	return &akfs_items[id];
}

static const struct akfs_src_ops mem_ops = {
	.get	= mem_get,
	.name	= "mem",
};

void src_init(struct akfs_source *src)
{
	src->ops = &mem_ops;
}

/* NEGATIVE: the same call, both kinds handled.  */
int src_value_checked(struct akfs_source *src, int id)
{
	struct akfs_item *it = src->ops->get(id);

	if (IS_ERR_OR_NULL(it))	/* { dg-bogus "errptr" } */
		return -ENOENT;
	return it->val;
}

/* ---- two functions with the same contract ------------------------------- */
struct akfs_cache_ops {
	struct akfs_item *(*lookup)(int id);
};

static struct akfs_item *small_lookup(int id)
{
	if (id > 4)
		return ERR_PTR(-ENOSPC);
	return id ? &akfs_items[id] : NULL;
}

static struct akfs_item *big_lookup(int id)
{
	if (id < 0)
		return ERR_PTR(-EINVAL);
	return id < 16 ? &akfs_items[id] : NULL;
}

static const struct akfs_cache_ops small_cache = { .lookup = small_lookup };
static const struct akfs_cache_ops big_cache = { .lookup = big_lookup };

const struct akfs_cache_ops *akfs_pick_cache(int big)
{
	return big ? &big_cache : &small_cache;
}

/* POSITIVE: a NULL test only.  */
int cache_value(const struct akfs_cache_ops *c, int id)
{
	struct akfs_item *it = c->lookup(id);

	if (!it)		/* { dg-warning "'akfs_cache_ops.lookup' may also return an error pointer, which this NULL test lets through to the use at line 102" } */
		return 0;
	return it->val;
}
/* { dg-message "the 2 functions this file stores in 'akfs_cache_ops.lookup' return NULL or an error pointer" "" 100 } */

/* ---- two functions that fail differently: no one contract --------------- */
struct akfs_store_ops {
	struct akfs_item *(*load)(int id);
};

static struct akfs_item *disk_load(int id)
{
	if (id < 0)
		return ERR_PTR(-EIO);
	return &akfs_items[id & 15];
}

static struct akfs_item *ram_load(int id)
{
	return id < 16 ? &akfs_items[id] : NULL;
}

const struct akfs_store_ops akfs_disk_store = { .load = disk_load };
const struct akfs_store_ops akfs_ram_store = { .load = ram_load };

/* NEGATIVE: which one is called is not known here.  */
int store_value(const struct akfs_store_ops *s, int id)
{
	struct akfs_item *it = s->load(id);

	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	return it->val;
}

/* ---- a member something else is stored into ----------------------------- */
struct akfs_hook_ops {
	struct akfs_item *(*find)(int id);
};

static struct akfs_item *default_find(int id)
{
	if (id < 0)
		return ERR_PTR(-EINVAL);
	return id < 16 ? &akfs_items[id] : NULL;
}

static struct akfs_hook_ops hooks = { .find = default_find };

void akfs_set_finder(struct akfs_item *(*fn)(int id))
{
	hooks.find = fn;	/* any function: the targets are open */
}

/* NEGATIVE */
int hook_value(int id)
{
	struct akfs_item *it = hooks.find(id);

	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	return it->val;
}

/* ---- a member of a type from a header ----------------------------------- */
static struct akfs_item *shared_get(int id)
{
	if (id < 0)
		return ERR_PTR(-EINVAL);
	return id < 16 ? &akfs_items[id] : NULL;
}

const struct akfs_shared_ops akfs_shared = { .get = shared_get };

/* NEGATIVE: other files may store other functions in akfs_shared_ops.get.  */
int shared_value(const struct akfs_shared_ops *ops, int id)
{
	struct akfs_item *it = ops->get(id);

	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	return it->val;
}

/* ---- a legitimate NULL-or-ERR_PTR() contract: seq_file's start ----------
   seq_read_iter() and traverse() in fs/seq_file.c handle both kinds: NULL
   ends the sequence, an error pointer is the error.  The same shape here
   must stay quiet.  */
struct akfs_seq {
	const struct akfs_seq_ops *op;
	long index;
	int count;
};

struct akfs_seq_ops {
	void *(*start)(struct akfs_seq *m, long *pos);
	void *(*next)(struct akfs_seq *m, void *v, long *pos);
	int (*show)(struct akfs_seq *m, void *v);
};

static void *items_start(struct akfs_seq *m, long *pos)
{
	if (*pos < 0)
		return ERR_PTR(-EINVAL);
	return *pos < 16 ? &akfs_items[*pos] : NULL;
}

static void *items_next(struct akfs_seq *m, void *v, long *pos)
{
	++*pos;
	return *pos < 16 ? &akfs_items[*pos] : NULL;
}

static int items_show(struct akfs_seq *m, void *v)
{
	struct akfs_item *it = v;

	m->count += it->val;
	return 0;
}

static const struct akfs_seq_ops items_seq_ops = {
	.start	= items_start,
	.next	= items_next,
	.show	= items_show,
};

/* NEGATIVE: fs/seq_file.c traverse(), in substance */
int akfs_traverse(struct akfs_seq *m)
{
	long pos = 0;
	int error = 0;
	void *p;

	m->op = &items_seq_ops;
	for (p = m->op->start(m, &pos); p; p = m->op->next(m, p, &pos)) {	/* { dg-bogus "errptr" } */
		if (IS_ERR(p)) {	/* { dg-bogus "errptr" } */
			error = PTR_ERR(p);
			break;
		}
		error = m->op->show(m, p);
		if (error)
			break;
	}
	return error;
}

/* NEGATIVE: seq_read_iter()'s shape */
int akfs_read_first(struct akfs_seq *m)
{
	void *p = m->op->start(m, &m->index);

	if (!p || IS_ERR(p))	/* { dg-bogus "errptr" } */
		return p ? PTR_ERR(p) : 0;
	return m->op->show(m, p);
}

/* POSITIVE: a show-first helper that forgot the error case */
int akfs_show_first(struct akfs_seq *m)
{
	void *p = m->op->start(m, &m->index);

	if (p == NULL)		/* { dg-warning "'akfs_seq_ops.start' may also return an error pointer, which this NULL test lets through to the use at line 265" } */
		return 0;
	return items_show(m, p);	/* { dg-message "'p' is passed to 'items_show' here, which does not accept an error pointer" } */
}
