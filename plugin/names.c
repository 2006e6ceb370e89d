/*
 * names.c - how errptr names and places things in messages and records.
 */
#include "names.h"

location_t
user_location(location_t loc)
{
	if (loc == UNKNOWN_LOCATION)
		return loc;
	return linemap_resolve_location(line_table, loc, LRK_MACRO_EXPANSION_POINT, NULL);
}

const char *
location_text(location_t loc, char *buf, size_t size)
{
	expanded_location x = expand_location(user_location(loc));
	if (!x.file)
		snprintf(buf, size, "<unknown>");
	else
		snprintf(buf, size, "%s:%d", x.file, x.line);
	return buf;
}

const char *
decl_name(tree decl)
{
	if (!decl || !DECL_P(decl) || !DECL_NAME(decl))
		return "<anonymous>";
	return IDENTIFIER_POINTER(DECL_NAME(decl));
}

const char *
type_name_of(tree type)
{
	if (!type)
		return NULL;
	type = TYPE_MAIN_VARIANT(type);
	tree name = TYPE_NAME(type);
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	if (name && TREE_CODE(name) == IDENTIFIER_NODE)
		return IDENTIFIER_POINTER(name);
	return NULL;
}

const char *
ssa_var_name(tree t)
{
	if (!t || TREE_CODE(t) != SSA_NAME)
		return NULL;
	tree var = SSA_NAME_VAR(t);
	if (!var || !DECL_P(var) || !DECL_NAME(var) || DECL_ARTIFICIAL(var))
		return NULL;
	return IDENTIFIER_POINTER(DECL_NAME(var));
}
