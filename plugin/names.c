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
macro_written_at(location_t loc)
{
	const char *name = NULL;
	loc = LOCATION_LOCUS(loc);	/* not the ad-hoc location of a block */
	for (int depth = 0; depth < 256 && loc != UNKNOWN_LOCATION &&
			    linemap_location_from_macro_expansion_p(line_table, loc); depth++) {
		const line_map *m = linemap_lookup(line_table, loc);
		if (!m || !linemap_macro_expansion_map_p(m))
			break;
		const line_map_macro *map = linemap_check_macro(m);
		unsigned token = loc - MAP_START_LOCATION(map);
		if (token >= MACRO_MAP_NUM_MACRO_TOKENS(map))
			break;
		location_t spelt = MACRO_MAP_LOCATIONS(map)[2 * token];
		location_t def = MACRO_MAP_LOCATIONS(map)[2 * token + 1];
		if (spelt != def) {
			/* a token of an argument: where the argument is written */
			loc = LOCATION_LOCUS(spelt);
			continue;
		}
		/* a token of the macro's body: written by whoever wrote the
		 * macro's name, out at its expansion point */
		name = linemap_map_get_macro_name(map);
		loc = LOCATION_LOCUS(MACRO_MAP_EXPANSION_POINT_LOCATION(map));
	}
	return name;
}

/* Is LOC spelt NAME (the token there, where it is written, be it in a
 * macro's definition)?  A statement made for a call's argument may carry
 * the location of the outer call ("dev_info(dev, "%d", desc_to_gpio(d))":
 * desc_to_gpio()'s call is at _dev_info's token in dev_info's body). */
static bool
spelt_as(location_t loc, const char *name)
{
	location_t spell = linemap_resolve_location(line_table, loc, LRK_SPELLING_LOCATION, NULL);
	expanded_location x = expand_location(spell);
	if (!x.file || x.column <= 0 || !name)
		return false;
	char_span line = location_get_source_line(x.file, x.line);
	size_t n = strlen(name), i = x.column - 1;
	if (!line || i + n > line.length() || memcmp(line.get_buffer() + i, name, n) != 0)
		return false;
	return i + n == line.length() || !ISIDNUM(line[i + n]);
}

const char *
call_written_name(location_t loc, const char *name)
{
	const char *m = macro_written_at(loc);
	return m && spelt_as(loc, name) ? m : name;
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
