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
		loc = LOCATION_LOCUS(errptr_macro_expansion_point(map));
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
	char_span line = errptr_source_line(x.file, x.line);
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

bool
location_before(location_t a, location_t b)
{
	expanded_location xa = expand_location(user_location(a));
	expanded_location xb = expand_location(user_location(b));
	if (xa.line != xb.line)
		return xa.line < xb.line;
	return xa.column < xb.column;
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

/* ---- what the source calls a value ------------------------------------------ */
#define MAX_NAME_DEPTH 6

static bool render(tree t, struct sbuf_text *out, int depth);

struct sbuf_text {
	char *buf;
	size_t size, len;
	bool ok;
};

static void
put(struct sbuf_text *out, const char *s)
{
	size_t n = strlen(s);
	if (out->len + n + 1 > out->size) {
		out->ok = false;
		return;
	}
	memcpy(out->buf + out->len, s, n + 1);
	out->len += n;
}

/* The expression T, as the source wrote it, for the forms a message names: a
 * variable, a field through a pointer or of a struct, an array slot with a
 * constant or named index, a dereference; through the loads of SSA names
 * ("_1 = hw->eint; _1->base[j]" is hw->eint->base[j]). */
static bool
render(tree t, struct sbuf_text *out, int depth)
{
	if (!t || depth > MAX_NAME_DEPTH)
		return false;
	switch (TREE_CODE(t)) {
	case SSA_NAME: {
		const char *name = ssa_var_name(t);
		if (name) {
			put(out, name);
			return true;
		}
		if (SSA_NAME_IS_DEFAULT_DEF(t))
			return false;
		gimple *def = SSA_NAME_DEF_STMT(t);
		if (!gimple_assign_single_p(def) || gimple_vdef(def))
			return false;
		return render(gimple_assign_rhs1(def), out, depth + 1);
	}
	case VAR_DECL:
	case PARM_DECL:
		if (!DECL_NAME(t) || DECL_ARTIFICIAL(t))
			return false;
		put(out, IDENTIFIER_POINTER(DECL_NAME(t)));
		return true;
	case INTEGER_CST: {
		char num[32];
		if (!tree_fits_shwi_p(t))
			return false;
		snprintf(num, sizeof(num), HOST_WIDE_INT_PRINT_DEC, tree_to_shwi(t));
		put(out, num);
		return true;
	}
	case COMPONENT_REF: {
		tree base = TREE_OPERAND(t, 0), field = TREE_OPERAND(t, 1);
		if (!DECL_NAME(field))
			return false;
		if (TREE_CODE(base) == MEM_REF && integer_zerop(TREE_OPERAND(base, 1))) {
			if (!render(TREE_OPERAND(base, 0), out, depth + 1))
				return false;
			put(out, "->");
		} else {
			if (!render(base, out, depth + 1))
				return false;
			put(out, ".");
		}
		put(out, IDENTIFIER_POINTER(DECL_NAME(field)));
		return true;
	}
	case ARRAY_REF:
		if (!render(TREE_OPERAND(t, 0), out, depth + 1))
			return false;
		put(out, "[");
		if (!render(TREE_OPERAND(t, 1), out, depth + 1))
			return false;
		put(out, "]");
		return true;
	case MEM_REF:
		if (!integer_zerop(TREE_OPERAND(t, 1)))
			return false;
		put(out, "*");
		return render(TREE_OPERAND(t, 0), out, depth + 1);
	default:
		return false;
	}
}

const char *
value_name(tree t)
{
	/* a few names in one message: a ring of buffers */
	static char ring[4][128];
	static int next;
	const char *name = ssa_var_name(t);
	if (name || !t || TREE_CODE(t) != SSA_NAME)
		return name;
	/* through copies and value-preserving conversions to a load */
	for (int depth = 0; depth < MAX_NAME_DEPTH && !SSA_NAME_IS_DEFAULT_DEF(t); depth++) {
		gimple *def = SSA_NAME_DEF_STMT(t);
		if (!is_gimple_assign(def))
			return NULL;
		enum tree_code code = gimple_assign_rhs_code(def);
		tree rhs = gimple_assign_rhs1(def);
		if ((code == SSA_NAME || CONVERT_EXPR_CODE_P(code)) && TREE_CODE(rhs) == SSA_NAME) {
			if ((name = ssa_var_name(rhs)))
				return name;
			t = rhs;
			continue;
		}
		if (!gimple_assign_single_p(def) || gimple_vdef(def) ||
		    (TREE_CODE(rhs) != COMPONENT_REF && TREE_CODE(rhs) != ARRAY_REF &&
		     TREE_CODE(rhs) != MEM_REF && !(TREE_CODE(rhs) == VAR_DECL && !is_gimple_reg(rhs))))
			return NULL;
		struct sbuf_text out = { ring[next], sizeof(ring[0]), 0, true };
		out.buf[0] = 0;
		if (!render(rhs, &out, 0) || !out.ok)
			return NULL;
		next = (next + 1) % 4;
		return out.buf;
	}
	return NULL;
}

const char *
value_or_root_name(tree t, tree root)
{
	const char *name = value_name(t);
	return name ? name : value_name(root);
}
