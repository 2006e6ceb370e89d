/*
 * memory.c - what a load reads: values kept in struct fields, globals,
 * statics, array slots and address-taken locals, followed from the store
 * that wrote them to the load that reads them back.
 *
 *	priv->regs = devm_platform_ioremap_resource(pdev, 0);
 *	if (IS_ERR(priv->regs))			<- reads what the call returned
 *		return PTR_ERR(priv->regs);
 *
 * errptr's pass runs right after "ssa", where that is
 *
 *	_1 = devm_platform_ioremap_resource (pdev_2(D), 0);
 *	# .MEM_4 = VDEF <.MEM_3>
 *	priv_5->regs = _1;
 *	# VUSE <.MEM_4>
 *	_6 = priv_5->regs;
 *
 * Memory is in SSA form too: every statement that may write memory defines
 * a new virtual operand (.MEM_4), every load uses the one live there.  A
 * load's virtual use leads back, definition by definition, through every
 * statement that may have written memory on the way to it; a join of paths
 * is a virtual PHI.  memory_source() walks that chain from the load:
 *
 *   - a store to exactly the load's location (same base, offset and size,
 *     through GCC's own ao_ref decomposition; WRITE_ONCE()'s volatile store
 *     and READ_ONCE()'s volatile load count as plain ones) ends the walk:
 *     the load reads what it stored;
 *   - a statement GCC's alias oracle (stmt_may_clobber_ref_p_1()) says may
 *     write the location - a store through a pointer that may point there,
 *     any call that may (the location is reachable by others, or the callee
 *     gets it), an asm - ends it: unknown;
 *   - a PHI (a join, a loop's back edge) or the function's entry ends it:
 *     unknown, unless an earlier load of the same location saw the same
 *     state, then both read the same value;
 *   - anything else cannot write the location: the walk goes on.
 *
 * Why this is sound where errptr runs: the virtual operands are complete
 * right after "ssa" (GCC's own early uninitialised-use warnings walk them
 * with the same oracle at this point), and without points-to information,
 * which is computed later, the oracle answers "may alias" whenever it
 * cannot prove otherwise: a pointer whose target is unknown may point
 * anywhere, a call may write any memory that is not a local whose address
 * never escaped.  So a value is forwarded only when no path from the store
 * to the load has a statement that could write the location.
 *
 * Two additions to the oracle, both about where a store goes, not about
 * whether something else may write there:
 *   - the convention's own calls (IS_ERR(), PTR_ERR(), ...) only read their
 *     argument: they write nothing;
 *   - "hw->eint->base[j] = f();": GCC loads hw->eint before calling f()
 *     (C leaves the order of an assignment's two sides open), so the call
 *     falls between that load and the store.  The call whose result the
 *     store writes is not taken as a write of the pointers the store's
 *     address was computed from;
 *   - a plain store of a scalar into a field of one struct type does not
 *     write a scalar field of another struct type (no union on either
 *     path): the kernel builds with -fno-strict-aliasing, so GCC's oracle
 *     assumes nothing from types, but reading one struct's pointer field
 *     through another struct type would be type punning the kernel's
 *     structs do not do outside unions.
 */
#include "memory.h"
#include "errapi.h"

#define MAX_WALK 64		/* memory-writing statements passed for one load */
#define MAX_POINTER_DEPTH 8	/* loads of loads: hw->eint->base[j] */

static struct {
	unsigned nnames;
	unsigned char *done;	/* per SSA version: source computed */
	tree *source;
	gimple **store;
	htab_t states;		/* memory state -> loads that saw it */
} M;

bool
memory_load_p(const gimple *stmt)
{
	if (!gimple_assign_single_p(stmt) || !gimple_vuse(stmt) || gimple_vdef(stmt))
		return false;
	tree lhs = gimple_assign_lhs(stmt);
	tree rhs = gimple_assign_rhs1(stmt);
	/* pointers, and the integers that become them or come from them:
	 * "priv->n = fill(); if (priv->n <= 0) return ERR_PTR(priv->n);" */
	if (TREE_CODE(lhs) != SSA_NAME ||
	    !(POINTER_TYPE_P(TREE_TYPE(lhs)) || INTEGRAL_TYPE_P(TREE_TYPE(lhs))))
		return false;
	switch (TREE_CODE(rhs)) {
	case COMPONENT_REF:
	case ARRAY_REF:
	case MEM_REF:
		return true;
	case VAR_DECL:
		return !is_gimple_reg(rhs);
	default:
		return false;
	}
}

/* ---- locations ------------------------------------------------------------ */
static tree pointer_identity(tree p, int depth);

/* REF with the address computations of READ_ONCE()/WRITE_ONCE() undone:
 * "MEM[(volatile T *)_3]" where "_3 = &p_2->f" is p_2->f. */
static tree
canonical_ref(tree ref)
{
	for (int depth = 0; depth < 4 && TREE_CODE(ref) == MEM_REF; depth++) {
		tree ptr = TREE_OPERAND(ref, 0);
		if (TREE_CODE(ptr) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(ptr) ||
		    !integer_zerop(TREE_OPERAND(ref, 1)))
			break;
		gimple *def = SSA_NAME_DEF_STMT(ptr);
		if (!gimple_assign_single_p(def) || TREE_CODE(gimple_assign_rhs1(def)) != ADDR_EXPR)
			break;
		tree inner = TREE_OPERAND(gimple_assign_rhs1(def), 0);
		if (!TYPE_SIZE(TREE_TYPE(inner)) || !TYPE_SIZE(TREE_TYPE(ref)) ||
		    !operand_equal_p(TYPE_SIZE(TREE_TYPE(inner)), TYPE_SIZE(TREE_TYPE(ref)), 0))
			break;
		ref = inner;
	}
	return ref;
}

/* Is A (an index, a pointer) the same value as B? */
static bool
same_value(tree a, tree b)
{
	if (a == b)
		return true;
	if (TREE_CODE(a) == SSA_NAME && TREE_CODE(b) == SSA_NAME)
		return pointer_identity(a, 0) == pointer_identity(b, 0);
	return TREE_CODE(a) != SSA_NAME && TREE_CODE(b) != SSA_NAME && operand_equal_p(a, b, 0);
}

/* The same access path, component by component: fields, array indices
 * (the same index value), and the pointer dereferenced at the bottom. */
static bool
same_path(tree a, tree b)
{
	for (int depth = 0; depth < 16; depth++) {
		if (TREE_CODE(a) != TREE_CODE(b))
			return false;
		switch (TREE_CODE(a)) {
		case COMPONENT_REF:
			if (TREE_OPERAND(a, 1) != TREE_OPERAND(b, 1))
				return false;
			break;
		case ARRAY_REF:
			if (!same_value(TREE_OPERAND(a, 1), TREE_OPERAND(b, 1)))
				return false;
			break;
		case MEM_REF:
			return tree_int_cst_equal(TREE_OPERAND(a, 1), TREE_OPERAND(b, 1)) &&
			       same_value(TREE_OPERAND(a, 0), TREE_OPERAND(b, 0)) &&
			       TYPE_SIZE(TREE_TYPE(a)) && TYPE_SIZE(TREE_TYPE(b)) &&
			       operand_equal_p(TYPE_SIZE(TREE_TYPE(a)), TYPE_SIZE(TREE_TYPE(b)), 0);
		case VAR_DECL:
		case PARM_DECL:
		case RESULT_DECL:
			return a == b;
		default:
			return false;
		}
		a = TREE_OPERAND(a, 0);
		b = TREE_OPERAND(b, 0);
	}
	return false;
}

/* Do the references A and B name exactly the same bytes? */
static bool
same_location(tree a, tree b)
{
	a = canonical_ref(a);
	b = canonical_ref(b);
	if (same_path(a, b))
		return true;
	/* "p->f" and "MEM[(T *)p + 8B]": GCC's decomposition into a base
	 * and a constant bit range */
	ao_ref ra, rb;
	ao_ref_init(&ra, a);
	ao_ref_init(&rb, b);
	tree ba = ao_ref_base(&ra), bb = ao_ref_base(&rb);
	if (!known_size_p(ra.max_size) || !known_eq(ra.size, ra.max_size) ||
	    !known_size_p(rb.max_size) || !known_eq(rb.size, rb.max_size) ||
	    !known_eq(ra.size, rb.size))
		return false;
	poly_int64 oa = ra.offset, ob = rb.offset;
	if (TREE_CODE(ba) == MEM_REF && TREE_CODE(bb) == MEM_REF) {
		if (!same_value(TREE_OPERAND(ba, 0), TREE_OPERAND(bb, 0)) ||
		    !tree_fits_shwi_p(TREE_OPERAND(ba, 1)) || !tree_fits_shwi_p(TREE_OPERAND(bb, 1)))
			return false;
		oa += tree_to_shwi(TREE_OPERAND(ba, 1)) * BITS_PER_UNIT;
		ob += tree_to_shwi(TREE_OPERAND(bb, 1)) * BITS_PER_UNIT;
	} else if (!DECL_P(ba) || ba != bb) {
		return false;
	}
	return known_eq(oa, ob);
}

/* The record type whose scalar field the access REF reads or writes
 * (through array indexing), or NULL: not a scalar, no field, or a union on
 * the way. */
static tree
scalar_field_record(tree ref)
{
	if (AGGREGATE_TYPE_P(TREE_TYPE(ref)))
		return NULL_TREE;
	tree record = NULL_TREE;
	for (tree t = ref; handled_component_p(t); t = TREE_OPERAND(t, 0)) {
		if (TREE_CODE(t) == COMPONENT_REF) {
			tree ctx = DECL_CONTEXT(TREE_OPERAND(t, 1));
			if (!ctx || TREE_CODE(ctx) != RECORD_TYPE)
				return NULL_TREE;
			if (!record)
				record = TYPE_MAIN_VARIANT(ctx);
		} else if (TREE_CODE(t) != ARRAY_REF) {
			return NULL_TREE;
		}
	}
	return record;
}

/* A declared volatile object (a device register, a flag another CPU sets)
 * changes on its own: never forwarded. */
static bool
volatile_object(tree ref)
{
	for (tree t = ref; t; t = handled_component_p(t) ? TREE_OPERAND(t, 0) : NULL_TREE) {
		if (TREE_CODE(t) == COMPONENT_REF && TREE_THIS_VOLATILE(TREE_OPERAND(t, 1)))
			return true;
		if (DECL_P(t) && TREE_THIS_VOLATILE(t))
			return true;
	}
	return false;
}

/* ---- the walk ---------------------------------------------------------------- */
/* Is REF where the pointer STORE writes through was loaded from
 * ("_1 = hw->eint; ... _1->base[j] = x;" and REF hw->eint)? */
static bool
address_part_of(gimple *store, tree ref)
{
	tree t = gimple_assign_lhs(store);
	while (handled_component_p(t))
		t = TREE_OPERAND(t, 0);
	if (TREE_CODE(t) != MEM_REF || TREE_CODE(TREE_OPERAND(t, 0)) != SSA_NAME ||
	    SSA_NAME_IS_DEFAULT_DEF(TREE_OPERAND(t, 0)))
		return false;
	gimple *def = SSA_NAME_DEF_STMT(TREE_OPERAND(t, 0));
	return memory_load_p(def) && same_location(gimple_assign_rhs1(def), ref);
}

/* May STMT (which writes memory) write REF?  PREV is the statement the
 * walk came from (it follows STMT). */
static bool
may_write(gimple *stmt, gimple *prev, tree ref, ao_ref *r)
{
	if (is_gimple_call(stmt)) {
		if (api_of_call(stmt) != API_NONE)
			return false;	/* IS_ERR(), PTR_ERR(): they only read their argument */
		/* the call whose result PREV stores through a pointer loaded
		 * from REF before the call */
		tree lhs = gimple_call_lhs(stmt);
		if (prev && lhs && gimple_assign_single_p(prev) && gimple_store_p(prev) &&
		    gimple_assign_rhs1(prev) == lhs && address_part_of(prev, ref))
			return false;
	} else if (gimple_assign_single_p(stmt) && gimple_store_p(stmt)) {
		tree a = scalar_field_record(gimple_assign_lhs(stmt));
		tree b = scalar_field_record(ref);
		if (a && b && a != b)
			return false;	/* fields of two struct types */
	}
	return stmt_may_clobber_ref_p_1(stmt, r);
}

/* Per memory state (a virtual operand's defining statement): the loads
 * whose walk ended there, to find one that read the same location. */
struct state_loads {
	gimple *state;
	vec<tree> loads;
};

static hashval_t
state_hash(const void *p)
{
	return htab_hash_pointer(((const struct state_loads *)p)->state);
}

static int
state_eq(const void *a, const void *b)
{
	return ((const struct state_loads *)a)->state == ((const struct state_loads *)b)->state;
}

static void
state_free(void *p)
{
	struct state_loads *s = (struct state_loads *)p;
	s->loads.release();
	free(s);
}

/* An earlier load of REF that saw STATE and dominates the load NAME; NAME
 * is remembered for the loads after it. */
static tree
same_state_load(gimple *state, tree ref, tree name)
{
	if (!M.states)
		M.states = htab_create(32, state_hash, state_eq, state_free);
	struct state_loads key;
	key.state = state;
	void **slot = htab_find_slot(M.states, &key, INSERT);
	struct state_loads *s = (struct state_loads *)*slot;
	if (!s) {
		s = XCNEW(struct state_loads);
		s->state = state;
		*slot = s;
	}
	basic_block bb = gimple_bb(SSA_NAME_DEF_STMT(name));
	for (unsigned i = 0; i < s->loads.length(); i++) {
		gimple *other = SSA_NAME_DEF_STMT(s->loads[i]);
		if (dominated_by_p(CDI_DOMINATORS, bb, gimple_bb(other)) &&
		    same_location(gimple_assign_rhs1(other), ref) &&
		    TREE_TYPE(s->loads[i]) == TREE_TYPE(name))
			return s->loads[i];
	}
	s->loads.safe_push(name);
	return NULL_TREE;
}

/* The last statement before the memory state VUSE that may write REF: a
 * store to exactly REF (*VALUE what it stores), or anything else that may
 * write it, a PHI or the function's entry; NULL when the walk is too long. */
static gimple *
last_write(tree vuse, tree ref, ao_ref *r, tree *value)
{
	gimple *prev = NULL;
	*value = NULL_TREE;
	for (int steps = 0; vuse && steps < MAX_WALK; steps++) {
		gimple *def = SSA_NAME_DEF_STMT(vuse);
		if (gimple_nop_p(def) || gimple_code(def) == GIMPLE_PHI)
			return def;
		if (gimple_assign_single_p(def) && gimple_store_p(def) &&
		    same_location(gimple_assign_lhs(def), ref)) {
			tree v = gimple_assign_rhs1(def);
			/* not an aggregate copied whole */
			if (TREE_CODE(v) == SSA_NAME || CONSTANT_CLASS_P(v) || TREE_CODE(v) == ADDR_EXPR)
				*value = v;
			return def;
		}
		if (may_write(def, prev, ref, r))
			return def;
		prev = def;
		vuse = gimple_vuse(def);
	}
	return NULL;
}

static tree
walk_to_source(tree name, gimple **store)
{
	gimple *load = SSA_NAME_DEF_STMT(name);
	tree ref = gimple_assign_rhs1(load);
	*store = NULL;
	if (volatile_object(canonical_ref(ref)))
		return NULL_TREE;
	ao_ref r;
	ao_ref_init(&r, ref);
	tree value;
	gimple *def = last_write(gimple_vuse(load), ref, &r, &value);
	if (!def)
		return NULL_TREE;
	if (value) {
		*store = def;
		return value;
	}
	if (gimple_store_p(def) && gimple_assign_single_p(def) &&
	    same_location(gimple_assign_lhs(def), ref))
		return NULL_TREE;	/* an aggregate copied whole */
	return same_state_load(def, ref, name);
}

tree
memory_truth_source(tree name)
{
	if (!name || TREE_CODE(name) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(name) || !M.done)
		return NULL_TREE;
	gimple *load = SSA_NAME_DEF_STMT(name);
	if (!gimple_assign_single_p(load) || !gimple_vuse(load) || gimple_vdef(load) ||
	    !INTEGRAL_TYPE_P(TREE_TYPE(name)))
		return NULL_TREE;
	switch (TREE_CODE(gimple_assign_rhs1(load))) {
	case COMPONENT_REF:
	case ARRAY_REF:
	case MEM_REF:
		break;
	case VAR_DECL:
		if (is_gimple_reg(gimple_assign_rhs1(load)))
			return NULL_TREE;
		break;
	default:
		return NULL_TREE;
	}
	gimple *store;
	tree v = walk_to_source(name, &store);
	return store && v && TREE_CODE(v) == SSA_NAME ? v : NULL_TREE;
}

int
memory_join_sources(tree name, tree *values, edge *edges, gimple **stores, int max)
{
	if (!name || TREE_CODE(name) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(name) ||
	    !memory_load_p(SSA_NAME_DEF_STMT(name)) || !M.done)
		return 0;
	gimple *load = SSA_NAME_DEF_STMT(name);
	tree ref = gimple_assign_rhs1(load);
	if (volatile_object(canonical_ref(ref)))
		return 0;
	ao_ref r;
	ao_ref_init(&r, ref);
	tree value;
	gimple *def = last_write(gimple_vuse(load), ref, &r, &value);
	gphi *phi = def ? dyn_cast<gphi *>(def) : NULL;
	if (!phi || (int)gimple_phi_num_args(phi) > max)
		return 0;
	basic_block join = gimple_bb(phi);
	int n = 0;
	for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
		edge e = gimple_phi_arg_edge(phi, i);
		if (dominated_by_p(CDI_DOMINATORS, e->src, join))
			return 0;	/* a loop's back edge */
		gimple *s = last_write(gimple_phi_arg_def(phi, i), ref, &r, &value);
		if (!s || !value)
			return 0;	/* not a store of the location on this path */
		values[n] = value;
		edges[n] = e;
		stores[n++] = s;
	}
	return n;
}

tree
memory_source(tree name, gimple **store)
{
	*store = NULL;
	if (!name || TREE_CODE(name) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(name) ||
	    !memory_load_p(SSA_NAME_DEF_STMT(name)))
		return NULL_TREE;
	unsigned v = SSA_NAME_VERSION(name);
	if (v >= M.nnames || !M.done)
		return NULL_TREE;	/* outside a function's value analysis */
	if (M.done[v] == 1) {
		*store = M.store[v];
		return M.source[v];
	}
	if (M.done[v] == 2)
		return NULL_TREE;	/* asked again while walking: a cycle */
	M.done[v] = 2;
	M.source[v] = walk_to_source(name, &M.store[v]);
	M.done[v] = 1;
	*store = M.store[v];
	return M.source[v];
}

/* P through copies, conversions and loads that read the same value: what
 * identifies a pointer for comparing two locations' bases. */
static tree
pointer_identity(tree p, int depth)
{
	for (; depth < MAX_POINTER_DEPTH && p && TREE_CODE(p) == SSA_NAME &&
	       !SSA_NAME_IS_DEFAULT_DEF(p); depth++) {
		gimple *def = SSA_NAME_DEF_STMT(p);
		if (is_gimple_assign(def) && (gimple_assign_rhs_code(def) == SSA_NAME ||
					      CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))) &&
		    TREE_CODE(gimple_assign_rhs1(def)) == SSA_NAME) {
			p = gimple_assign_rhs1(def);
			continue;
		}
		gimple *store;
		tree src = memory_source(p, &store);
		if (!src || TREE_CODE(src) != SSA_NAME)
			return p;
		p = src;
	}
	return p;
}

void
memory_begin_function(void)
{
	memset(&M, 0, sizeof(M));
	M.nnames = num_ssa_names;
	M.done = XCNEWVEC(unsigned char, M.nnames);
	M.source = XCNEWVEC(tree, M.nnames);
	M.store = XCNEWVEC(gimple *, M.nnames);
}

void
memory_end_function(void)
{
	XDELETEVEC(M.done);
	XDELETEVEC(M.source);
	XDELETEVEC(M.store);
	if (M.states)
		htab_delete(M.states);
	memset(&M, 0, sizeof(M));
}
