/*
 * summary.c - the store of this unit's function summaries (summaries.h to
 * read them, facts.h's summary_edit() to make and fill one).
 */
#include "summaries.h"
#include "facts.h"

static htab_t summaries;
static struct fn_summary *summary_list;

hashval_t
decl_entry_hash(const void *p)
{
	return htab_hash_pointer(*(const tree *)p);
}

int
decl_entry_eq(const void *a, const void *b)
{
	return *(const tree *)a == *(const tree *)b;
}

static struct fn_summary *
lookup(tree fndecl, bool create)
{
	struct fn_summary key;

	if (!summaries) {
		if (!create)
			return NULL;
		summaries = htab_create(64, decl_entry_hash, decl_entry_eq, NULL);
	}
	key.decl = fndecl;
	void **slot = htab_find_slot(summaries, &key, create ? INSERT : NO_INSERT);
	if (!slot)
		return NULL;
	if (!*slot) {
		struct fn_summary *s = XCNEW(struct fn_summary);
		s->decl = fndecl;
		s->next = summary_list;
		summary_list = s;
		*slot = s;
	}
	return (struct fn_summary *)*slot;
}

struct fn_summary *
summary_edit(tree fndecl)
{
	return lookup(fndecl, true);
}

const struct fn_summary *
summary_find(tree fndecl)
{
	return lookup(fndecl, false);
}

const struct fn_summary *
summary_of_call(const gimple *stmt)
{
	tree fndecl = is_gimple_call(stmt) ? gimple_call_fndecl(stmt) : NULL_TREE;
	const struct fn_summary *s = fndecl ? summary_find(fndecl) : NULL;
	return s && s->analysed ? s : NULL;
}

const struct fn_summary *
summary_first(void)
{
	return summary_list;
}

bool
defined_in_unit(tree fndecl)
{
	struct cgraph_node *node = cgraph_node::get(fndecl);
	return node && node->definition;
}

void
standin_note(struct fn_summary *s, enum standin_kind kind, const struct contract *c,
	     const char *via, location_t loc)
{
	struct standin *e = &s->evidence[kind];

	if (e->api)
		return;		/* keep the first */
	e->kind = kind;
	e->api = c->name;
	e->contract = c;
	e->via = via;
	e->loc = loc;
}
