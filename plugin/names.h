/*
 * names.h - how errptr names and places things in messages and records
 * (names.c): declarations, types, variables, source locations.
 */
#ifndef ERRPTR_NAMES_H
#define ERRPTR_NAMES_H

#include "compat.h"

/* Where a message about LOC should point: the outermost macro expansion
 * point, i.e. the line of the user's function, not the body of
 * assert_error() in some header. */
location_t user_location(location_t loc);
/* The macro the user wrote at LOC, when what is there comes from a macro's
 * body: the outermost one written in the user's text ("kthread_run(...)"
 * for the call of kthread_create_on_node() that kthread_run() expands to
 * through kthread_create()), or NULL when the user wrote the token itself
 * (a call written as an argument of a macro, or no macro at all). */
const char *macro_written_at(location_t loc);
/* How to name the call at LOC of a function named NAME in a message: the
 * macro written there, or NAME. */
const char *call_written_name(location_t loc, const char *name);
/* Does A come before B in the source as the user wrote it (line, then column)? */
bool location_before(location_t a, location_t b);
/* "PATH:LINE" of LOC's user location, into BUF. */
const char *location_text(location_t loc, char *buf, size_t size);
/* A declaration's name, "<anonymous>" if it has none. */
const char *decl_name(tree decl);
/* A struct, union or enum type's tag or typedef name, or NULL. */
const char *type_name_of(tree type);
/* The program's name for an SSA name, or NULL for a temporary. */
const char *ssa_var_name(tree t);
/* The same, or for a temporary that holds a load (through copies and
 * conversions) the expression it reads as the source wrote it ("priv->n",
 * "hw->eint->base[j]", "wq"); NULL when neither.  The text lives until four
 * more names are asked for. */
const char *value_name(tree t);
/* value_name(T), else value_name(ROOT) (what T was derived from). */
const char *value_or_root_name(tree t, tree root);

#endif /* ERRPTR_NAMES_H */
