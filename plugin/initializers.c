/*
 * initializers.c - what the initializers of this unit's variables tell:
 * hook tables pairing a function of this file with an API it replaces (by
 * name, "do_filp_open", or address, &do_filp_open), and functions stored
 * in struct members ("static const struct file_operations fops = {
 * .open = my_open }").  A builder (summarize.h): it records stand-in
 * evidence and member stores through facts.h and learn.h.
 */
#include "summarize.h"
#include "facts.h"
#include "learn.h"
#include "names.h"
#include "standin.h"

static const char *
string_of(tree t)
{
	STRIP_NOPS(t);
	if (TREE_CODE(t) == ADDR_EXPR)
		t = TREE_OPERAND(t, 0);
	if (TREE_CODE(t) == ARRAY_REF)
		t = TREE_OPERAND(t, 0);
	if (TREE_CODE(t) == STRING_CST)
		return TREE_STRING_POINTER(t);
	return NULL;
}

static tree
function_of(tree t)
{
	STRIP_NOPS(t);
	if (TREE_CODE(t) == ADDR_EXPR && TREE_CODE(TREE_OPERAND(t, 0)) == FUNCTION_DECL)
		return TREE_OPERAND(t, 0);
	return NULL_TREE;
}

#define MAX_TABLE_ITEMS 16

/* One initializer: a hook table entry pairs the functions defined here
 * with names ("do_filp_open") and addresses (&do_filp_open) of APIs. */
static void
scan_initializer(tree ctor, tree var, int depth)
{
	tree mine[MAX_TABLE_ITEMS], vars[MAX_TABLE_ITEMS];
	const struct contract *apis[MAX_TABLE_ITEMS];
	bool by_name[MAX_TABLE_ITEMS];
	int nmine = 0, napis = 0, nvars = 0;
	unsigned HOST_WIDE_INT ix;
	tree field, val;

	if (depth > 8)
		return;
	const char *record = TREE_CODE(TREE_TYPE(ctor)) == RECORD_TYPE ? type_name_of(TREE_TYPE(ctor))
								       : NULL;
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(ctor), ix, field, val) {
		tree v = val;
		STRIP_NOPS(v);
		if (TREE_CODE(v) == CONSTRUCTOR) {
			scan_initializer(v, var, depth + 1);
			continue;
		}
		tree fn = function_of(v);
		if (fn) {
			if (record && field && TREE_CODE(field) == FIELD_DECL && DECL_NAME(field)) {
				const char *name = IDENTIFIER_POINTER(DECL_NAME(field));
				learn_member(record, name, fn, DECL_SOURCE_LOCATION(var));
				summarize_member_store(fn, record, name, DECL_SOURCE_LOCATION(var));
			}
			if (defined_in_unit(fn)) {
				if (nmine < MAX_TABLE_ITEMS)
					mine[nmine++] = fn;
			} else if (DECL_NAME(fn)) {
				const struct contract *c =
					contract_for_function(IDENTIFIER_POINTER(DECL_NAME(fn)));
				if (c && napis < MAX_TABLE_ITEMS) {
					apis[napis] = c;
					by_name[napis++] = false;
				}
			}
			continue;
		}
		if (TREE_CODE(v) == ADDR_EXPR && TREE_CODE(TREE_OPERAND(v, 0)) == VAR_DECL) {
			if (nvars < MAX_TABLE_ITEMS)
				vars[nvars++] = TREE_OPERAND(v, 0);
			continue;
		}
		const char *str = string_of(v);
		if (str) {
			const struct contract *c = contract_for_function(str);
			if (c && napis < MAX_TABLE_ITEMS) {
				apis[napis] = c;
				by_name[napis++] = true;
			}
		}
	}
	/* A table entry is one hook: one function of ours, one API, alike;
	 * the variables whose address it holds receive the original, and
	 * an entry that is a variable of its own holds it in a member
	 * (KHOOK's "__khook_do_filp_open.orig"). */
	if (nmine != 1 || napis != 1 || !prototypes_match(mine[0], apis[0]))
		return;
	for (int i = 0; i < nvars; i++)
		originals_note(vars[i], apis[0]);
	if (depth == 0)
		originals_note(var, apis[0]);
	struct fn_summary *s = summary_edit(mine[0]);
	const char *via = DECL_NAME(var) ? IDENTIFIER_POINTER(DECL_NAME(var)) : NULL;
	standin_note(s, by_name[0] ? STANDIN_HOOK_STRING : STANDIN_HOOK_ADDR, apis[0], via,
		     DECL_SOURCE_LOCATION(var));
}

/* "static do_filp_open_t real = do_filp_open;": the API's original. */
static void
scan_pointer_initializer(tree var, tree init)
{
	tree fn = function_of(init);
	if (fn && !defined_in_unit(fn) && DECL_NAME(fn)) {
		const struct contract *c = contract_for_function(IDENTIFIER_POINTER(DECL_NAME(fn)));
		if (c)
			originals_note(var, c);
	}
}

/* Once per unit, at whichever comes first: the unit's checks, or the
 * first analysed function (pass.c builds the member -> functions map from
 * the summarize_member_store() calls this walk makes).  It may run before
 * any body is analysed, so it must not depend on summaries. */
void
initializers_scan(void)
{
	static bool scanned;
	varpool_node *vnode;

	if (scanned)
		return;
	scanned = true;
	FOR_EACH_VARIABLE(vnode) {
		tree var = vnode->decl;
		tree init = DECL_INITIAL(var);
		if (init && TREE_CODE(init) == CONSTRUCTOR)
			scan_initializer(init, var, 0);
		else if (init && init != error_mark_node)
			scan_pointer_initializer(var, init);
	}
}

