/*
 * value.c - what each pointer (or errno integer) may hold, per function.
 *
 * Works on SSA form right after it is built (before inlining).  The value
 * of an SSA name is the union of what its definition can produce: a
 * constant, ERR_PTR(x) (NULL too when x may be 0), a call (from the
 * callee's contract or this file's summary of it), a PHI (union of its
 * arguments, each seen on its incoming edge).  Where a value is used, the
 * tests that must have held to get there refine it: walking up the
 * dominator tree, every edge that is the only way into a block on the
 * walk and leaves a condition on the same value applies that condition.
 * That is path-sensitive for the shapes that matter ("if (!f) return f;",
 * "if (IS_ERR(f)) goto out;") and costs one walk per use, with results of
 * definitions memoised: no path enumeration.
 */
#include "value.h"
#include "memory.h"
#include "callee.h"
#include "summaries.h"

#define MAX_DEPTH 1000		/* recursion through copies and PHIs */
#define MAX_DOM_STEPS 512	/* dominator walk for one use */

enum { ST_NONE = 0, ST_BUSY, ST_DONE };

#define MAX_FACTS 4
struct block_facts {
	int n[2];
	struct value_test t[2][MAX_FACTS];
};

static struct {
	function *fn;
	unsigned nnames;
	unsigned char *state;
	unsigned char *mask;
	struct origin *why;
	/* per basic block: the test its final condition makes, if any */
	unsigned nblocks;
	tree *cond_root;
	unsigned char *cond_kinds;
	location_t *cond_loc;
	/* per basic block whose condition combines tests ("!a || !b"): the
	 * tests that hold on its true [0] and false [1] edge */
	struct block_facts **facts;
	htab_t derefs;		/* (block, SSA version) pairs: loads and stores through it */
	sbitmap tested;		/* SSA versions that some condition tests */
	sbitmap derefd;		/* SSA versions loaded or stored through somewhere */
	bool derefs_scanned;	/* derefs and derefd are filled in (scan_derefs()) */
	htab_t paths;		/* refine_along_paths() memo */
	bool own_dominators;
	unsigned busy_hits;
	unsigned depth;
	unsigned long work;
} V;

static unsigned popcount3(unsigned m)
{
	return !!(m & 1) + !!(m & 2) + !!(m & 4);
}

/* Restrict MASK to the kinds ALLOWED by a test that held at LOC.  A test
 * that leaves an unknown value one kind proves that kind: a test that
 * allows one kind ("if (!p)"), or one that leaves one of the kinds a source
 * bounded the value to ("err = helper(); if (err)" where the helper of
 * this file returns 0 or a negative errno: err is negative). */
static unsigned
restrict_mask(unsigned mask, unsigned allowed, location_t loc, struct origin *why)
{
	unsigned proven = VK_PROVEN(mask) & allowed;
	unsigned unsure = VK_UNSURE(mask) & allowed;
	bool one_left = !proven && popcount3(unsure) == 1 && VK_UNSURE(mask) != VK_KINDS;

	if (unsure && (popcount3(allowed) == 1 || one_left)) {
		if (unsure == VK_NULL && !(proven & VK_NULL) && why) {
			why->kind = ORIGIN_TEST;
			why->loc = loc;
			why->callee = NULL_TREE;
		}
		proven |= unsure;
		unsure = 0;
	} else if ((unsure & VK_NULL) && !(allowed & VK_VALID) && !(proven & VK_NULL) && why &&
		   why->kind == ORIGIN_NONE) {
		why->kind = ORIGIN_TEST;	/* "may be NULL when this test holds" */
		why->loc = loc;
		why->callee = NULL_TREE;
	}
	return proven | (unsure << VK_UNK_SHIFT);
}

/* The value the condition ending E->src tests, and in *ALLOWED the kinds
 * it leaves that value on E; NULL_TREE when it tests none. */
static tree
edge_test(edge e, unsigned *allowed)
{
	basic_block src = e->src;
	if ((unsigned)src->index >= V.nblocks || !V.cond_root[src->index] ||
	    !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
		return NULL_TREE;
	unsigned kinds = V.cond_kinds[src->index];
	*allowed = (e->flags & EDGE_TRUE_VALUE) ? kinds : (~kinds & VK_KINDS);
	return V.cond_root[src->index];
}

/* Apply the condition that ends E->src, if it tests ROOT, for E taken. */
static unsigned
refine_on_edge(edge e, tree root, unsigned mask, struct origin *why)
{
	basic_block src = e->src;
	unsigned allowed;
	tree tested = edge_test(e, &allowed);

	if (tested && tested == root)
		return restrict_mask(mask, allowed, V.cond_loc[src->index], why);
	if ((unsigned)src->index >= V.nblocks || !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
		return mask;
	bool on_true = e->flags & EDGE_TRUE_VALUE;
	const struct block_facts *f = V.facts[src->index];
	for (int i = 0; f && i < f->n[!on_true]; i++)
		if (f->t[!on_true][i].root == root)
			mask = restrict_mask(mask, f->t[!on_true][i].kinds, V.cond_loc[src->index],
					     why);
	return mask;
}

/* ---- dereferences -------------------------------------------------------
 * A pointer loaded or stored through in a block is not NULL after it: the
 * code would have oopsed.  "for (;;) switch (type->info) { ... goto
 * resolved; } resolved: return array_type ?: type;" (kernel/bpf/btf.c
 * __btf_resolve_size()) never returns a NULL type.  Recorded per block for
 * the value's root; applied on the paths out of the block. */
static inline void *
deref_key(int bb, unsigned version)
{
	return (void *)(((uintptr_t)(unsigned)bb + 1) << 32 | version);
}

static bool
note_deref(gimple *stmt, tree base, tree, void *)
{
	if (TREE_CODE(base) != MEM_REF || TREE_CODE(TREE_OPERAND(base, 0)) != SSA_NAME)
		return false;
	tree root = value_root(TREE_OPERAND(base, 0));
	if (!root || TREE_CODE(root) != SSA_NAME || !gimple_bb(stmt))
		return false;
	if (!V.derefs)
		V.derefs = htab_create(32, htab_hash_pointer, htab_eq_pointer, NULL);
	if (SSA_NAME_VERSION(root) < V.nnames)
		bitmap_set_bit(V.derefd, SSA_NAME_VERSION(root));
	*htab_find_slot(V.derefs, deref_key(gimple_bb(stmt)->index, SSA_NAME_VERSION(root)),
			INSERT) = deref_key(gimple_bb(stmt)->index, SSA_NAME_VERSION(root));
	return false;
}

/* Every load and store of the function, walked once, when a value that
 * may be NULL is first refined: most functions never need it. */
static void
scan_derefs(void)
{
	if (V.derefs_scanned)
		return;
	V.derefs_scanned = true;
	basic_block bb;
	FOR_EACH_BB_FN(bb, V.fn)
		for (gimple_stmt_iterator gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi))
			if (gimple_has_mem_ops(gsi_stmt(gsi)))
				walk_stmt_load_store_ops(gsi_stmt(gsi), NULL, note_deref, note_deref);
}

static unsigned
refine_by_deref(basic_block bb, tree root, unsigned mask)
{
	if (!(VK_POSSIBLE(mask) & VK_NULL))
		return mask;
	scan_derefs();
	if (!V.derefs || !htab_find(V.derefs, deref_key(bb->index, SSA_NAME_VERSION(root))))
		return mask;
	return restrict_mask(mask, VK_ERR | VK_VALID, UNKNOWN_LOCATION, NULL);
}

/* The only edge into BB that is not a back edge (a loop's header entered
 * from one place), or NULL; with ROOT, the only one on which ROOT can be
 * of a kind in WANT. */
edge
value_entry_edge(basic_block bb, tree root, unsigned want)
{
	edge e, found = NULL;
	edge_iterator ei;
	FOR_EACH_EDGE(e, ei, bb->preds) {
		if (dominated_by_p(CDI_DOMINATORS, e->src, bb))
			continue;
		if (root && !(VK_POSSIBLE(value_on_edge(root, e, UNKNOWN_LOCATION, NULL)) & want))
			continue;
		if (found)
			return NULL;
		found = e;
	}
	return found;
}

basic_block
value_step_up(basic_block bb, edge *e)
{
	*e = single_pred_p(bb) ? single_pred_edge(bb) : value_entry_edge(bb, NULL_TREE, 0);
	return get_immediate_dominator(CDI_DOMINATORS, bb);
}

/* Apply every test on ROOT that must have held to reach BB.  A loop's
 * header entered through one edge counts as that edge: the values a back
 * edge brings in came through it first. */
static unsigned
refine_by_dominators(tree root, basic_block bb, unsigned mask, struct origin *why)
{
	basic_block entry = ENTRY_BLOCK_PTR_FOR_FN(V.fn);
	for (int steps = 0; bb && bb != entry && steps < MAX_DOM_STEPS; steps++) {
		edge e;
		bb = value_step_up(bb, &e);
		if (e)
			mask = refine_on_edge(e, root, mask, why);
	}
	return mask;
}

/* Paths merge at labels ("if (IS_ERR_OR_NULL(f)) goto out; ... out:
 * return f;"): the value of OP in BB is the union, over BB's incoming
 * edges, of its value at the edge's source refined by the edge.  Walks
 * back from BB to OP's definition, each block once (memoised per OP and
 * block).  A back edge into BB (a loop; "retry:" with gotos) adds nothing:
 * OP's definition dominates BB, so whatever comes round the loop entered
 * BB by another edge first, and tests on the way round only narrow it.  A
 * very large function falls back to the dominator walk, which only takes
 * edges every path must cross. */
struct path_memo {
	unsigned version;
	int bb;
	unsigned mask;
	struct origin why;
};

static hashval_t
path_memo_hash(const void *p)
{
	const struct path_memo *m = (const struct path_memo *)p;
	return m->version * 7919u + (unsigned)m->bb;
}

static int
path_memo_eq(const void *a, const void *b)
{
	const struct path_memo *x = (const struct path_memo *)a, *y = (const struct path_memo *)b;
	return x->version == y->version && x->bb == y->bb;
}

#define MAX_PATH_BLOCKS 4000

static unsigned
refine_along_paths(tree op, tree root, basic_block def_bb, basic_block bb, unsigned mask,
		   struct origin *why, int depth)
{
	basic_block entry = ENTRY_BLOCK_PTR_FOR_FN(V.fn);
	if (!bb || bb == def_bb || bb == entry)
		return mask;
	if (single_pred_p(bb)) {
		edge e = single_pred_edge(bb);
		unsigned m = refine_along_paths(op, root, def_bb, e->src, mask, why, depth + 1);
		return refine_on_edge(e, root, refine_by_deref(e->src, root, m), why);
	}
	if (depth > 256 || n_basic_blocks_for_fn(V.fn) > MAX_PATH_BLOCKS)
		return refine_by_dominators(root, bb, mask, why);

	struct path_memo key, *hit;
	key.version = SSA_NAME_VERSION(op);
	key.bb = bb->index;
	if (!V.paths)
		V.paths = htab_create(64, path_memo_hash, path_memo_eq, free);
	hit = (struct path_memo *)htab_find(V.paths, &key);
	if (hit) {
		if (why && why->kind == ORIGIN_NONE)
			*why = hit->why;
		return hit->mask;
	}
	edge e;
	edge_iterator ei;
	void **slot = htab_find_slot(V.paths, &key, INSERT);
	hit = XCNEW(struct path_memo);
	hit->version = key.version;
	hit->bb = key.bb;
	hit->mask = mask;	/* provisional, if a path comes back here */
	*slot = hit;

	unsigned out = 0;
	struct origin o = { ORIGIN_NONE, UNKNOWN_LOCATION, NULL_TREE };
	FOR_EACH_EDGE(e, ei, bb->preds) {
		if (dominated_by_p(CDI_DOMINATORS, e->src, bb))
			continue;	/* a back edge */
		struct origin oe = { ORIGIN_NONE, UNKNOWN_LOCATION, NULL_TREE };
		unsigned m = refine_along_paths(op, root, def_bb, e->src, mask, &oe, depth + 1);
		m = refine_on_edge(e, root, refine_by_deref(e->src, root, m), &oe);
		if ((m & VK_NULL) || (VK_UNSURE(m) & VK_NULL))
			if (o.kind == ORIGIN_NONE)
				o = oe;
		out |= m;
	}
	/* the slot may have moved if the table grew */
	hit = (struct path_memo *)htab_find(V.paths, &key);
	if (hit) {
		hit->mask = out;
		hit->why = o;
	}
	if (why && why->kind == ORIGIN_NONE)
		*why = o;
	return out;
}

/* OP's value MASK, refined by the tests on the way from its definition
 * to BB. */
static unsigned
refine_use(tree op, basic_block bb, unsigned mask, struct origin *why)
{
	tree root = value_root(op);
	if (!root || TREE_CODE(root) != SSA_NAME || SSA_NAME_VERSION(root) >= V.nnames)
		return mask;
	/* the walk only when something on the way can change the value: a
	 * test of it, or a dereference that rules out a NULL it is proven to be */
	if (!bitmap_bit_p(V.tested, SSA_NAME_VERSION(root))) {
		if (!(VK_PROVEN(mask) & VK_NULL))
			return mask;
		scan_derefs();
		if (!bitmap_bit_p(V.derefd, SSA_NAME_VERSION(root)))
			return mask;
	}
	basic_block def_bb = SSA_NAME_IS_DEFAULT_DEF(op) ? NULL : gimple_bb(SSA_NAME_DEF_STMT(op));
	return refine_along_paths(op, root, def_bb, bb, mask, why, 0);
}

static void
set_origin(struct origin *why, enum origin_kind kind, location_t loc, tree callee)
{
	if (why && why->kind == ORIGIN_NONE) {
		why->kind = kind;
		why->loc = loc;
		why->callee = callee;
	}
}

/* The kinds of a constant. */
static unsigned
constant_mask(tree c, location_t loc, struct origin *why)
{
	if (TREE_CODE(c) == INTEGER_CST) {
		if (integer_zerop(c)) {
			if (POINTER_TYPE_P(TREE_TYPE(c)))
				set_origin(why, ORIGIN_LITERAL, loc, NULL_TREE);
			return VK_ZERO;
		}
		/* A pointer constant in the error range is a sentinel
		 * ("#define HTB_DIRECT ((struct htb_class *)-1L)", net/sched),
		 * compared with ==, not an error pointer: those come from
		 * ERR_PTR() - unless the project's err_ptr is a macro
		 * ("#define res_err(e) ((void *)(intptr_t)(e))") and the
		 * constant comes from its expansion. */
		bool ptr = POINTER_TYPE_P(TREE_TYPE(c));
		if (ptr && !api_macro_at(loc, API_ERR_PTR))
			return VK_VALID;
		if (ptr || wi::neg_p(wi::to_wide(c), TYPE_SIGN(TREE_TYPE(c))) ||
		    TYPE_PRECISION(TREE_TYPE(c)) == TYPE_PRECISION(ptr_type_node)) {
			/* -1 .. -MAX_ERRNO, in the type's precision */
			wide_int w = wi::to_wide(c);
			unsigned prec = w.get_precision();
			wide_int lo = wi::neg(wi::shwi(api_max_errno(), prec));
			if (wi::ges_p(w, lo) && wi::lts_p(w, wi::zero(prec)))
				return VK_ERR;
		}
		return VK_VALID;
	}
	if (TREE_CODE(c) == ADDR_EXPR)
		return VK_VALID;
	return VK_UNKNOWN;
}

static unsigned value_of_op(tree op, location_t loc, struct origin *why);

/* ---- an index the caller bounds ----------------------------------------
 * A callee that fails only for a too large argument K (contract.range_arg)
 * called past a test that bounds that argument above ("i < gc->ngpio &&
 * (desc = gpiochip_get_desc(gc, i))"): whether the two bounds agree is
 * beyond the analysis, so the failure is possible, not proven. */

tree
value_strip_copies(tree t)
{
	for (int depth = 0; depth < 8 && t && TREE_CODE(t) == SSA_NAME &&
			    !SSA_NAME_IS_DEFAULT_DEF(t); depth++) {
		gimple *def = SSA_NAME_DEF_STMT(t);
		if (!is_gimple_assign(def) || (gimple_assign_rhs_code(def) != SSA_NAME &&
					       !CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))))
			break;
		t = gimple_assign_rhs1(def);
	}
	return t;
}

bool
value_edge_orders(edge e, tree *lo, tree *hi)
{
	if (!(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
		return false;
	gimple *last = errptr_last_stmt(e->src);
	gcond *c = last ? dyn_cast<gcond *>(last) : NULL;
	if (!c || !INTEGRAL_TYPE_P(TREE_TYPE(gimple_cond_lhs(c))))
		return false;
	enum tree_code code = gimple_cond_code(c);
	if (!(e->flags & EDGE_TRUE_VALUE))
		code = invert_tree_comparison(code, false);
	tree a = value_strip_copies(gimple_cond_lhs(c));
	tree b = value_strip_copies(gimple_cond_rhs(c));
	if (code == LT_EXPR || code == LE_EXPR) {
		*lo = a;
		*hi = b;
		return true;
	}
	if (code == GT_EXPR || code == GE_EXPR) {
		*lo = b;
		*hi = a;
		return true;
	}
	return false;
}

/* Does every path to BB take an edge that shows ARG below a bound that is
 * not a constant ("arg < gc->ngpio" held, "arg >= n" failed)? */
static bool
bounded_above(tree arg, basic_block bb)
{
	arg = value_strip_copies(arg);
	if (!arg || TREE_CODE(arg) != SSA_NAME)
		return false;
	basic_block entry = ENTRY_BLOCK_PTR_FOR_FN(V.fn);
	for (int steps = 0; bb && bb != entry && steps < MAX_DOM_STEPS; steps++) {
		edge e;
		tree lo, hi;
		bb = value_step_up(bb, &e);
		if (e && value_edge_orders(e, &lo, &hi) && lo == arg && hi != arg &&
		    TREE_CODE(hi) != INTEGER_CST)
			return true;
	}
	return false;
}

/* M, the value of CALL to a function that fails only for a too large
 * argument RANGE_ARG (1-based; 0: any failure), with its failures unsure
 * when the caller bounds that argument. */
static unsigned
index_in_range(gimple *call, int range_arg, unsigned m)
{
	const unsigned fail = VK_NULL | VK_ERR;
	if (range_arg <= 0 || (unsigned)range_arg > gimple_call_num_args(call) ||
	    !(VK_PROVEN(m) & fail) ||
	    !bounded_above(gimple_call_arg(call, range_arg - 1), gimple_bb(call)))
		return m;
	return (m & ~fail) | ((VK_PROVEN(m) & fail) << VK_UNK_SHIFT);
}

unsigned
value_of_call(gimple *call, struct origin *why)
{
	location_t loc = gimple_location(call);
	basic_block bb = gimple_bb(call);
	enum api_fn fn = api_of_call(call);
	unsigned m;

	switch (fn) {
	case API_ERR_PTR:
		if (gimple_call_num_args(call) != 1)
			return VK_UNKNOWN;
		m = value_at_block(gimple_call_arg(call, 0), bb, NULL);
		{
			/* Same bits, integer to pointer; but an argument we know
			 * nothing about is taken to be an errno: ERR_PTR(err). */
			unsigned out = m;
			if (VK_UNSURE(m) == VK_KINDS)
				out = VK_PROVEN(m) | VK_ERR | ((VK_NULL | VK_VALID) << VK_UNK_SHIFT);
			if (VK_TESTED(out) & VK_NULL)
				set_origin(why, ORIGIN_ERR_PTR_ZERO, loc, NULL_TREE);
			return out;
		}
	case API_ERR_CAST:
		if (gimple_call_num_args(call) != 1)
			return VK_UNKNOWN;
		return value_at_block(gimple_call_arg(call, 0), bb, why);
	case API_PTR_ERR:
		if (gimple_call_num_args(call) != 1)
			return VK_UNKNOWN;
		return value_at_block(gimple_call_arg(call, 0), bb, NULL);
	case API_PTR_ERR_OR_ZERO:
		if (gimple_call_num_args(call) != 1)
			return VK_UNKNOWN;
		m = value_at_block(gimple_call_arg(call, 0), bb, NULL);
		{
			unsigned p = VK_PROVEN(m), u = VK_UNSURE(m);
			p = ((p & VK_ERR) ? VK_NEG : 0) | ((p & (VK_NULL | VK_VALID)) ? VK_ZERO : 0);
			u = ((u & VK_ERR) ? VK_NEG : 0) | ((u & (VK_NULL | VK_VALID)) ? VK_ZERO : 0);
			return p | (u << VK_UNK_SHIFT);
		}
	case API_IS_ERR:
	case API_IS_ERR_OR_NULL:
		return VK_UNKNOWN;
	default:
		break;
	}

	struct callee c;
	if (!callee_resolve(call, &c))
		return VK_UNKNOWN;
	if (c.basis == CALLEE_MEMBER) {
		/* ops->get(): the functions this file stores in the member */
		if (c.kinds & VK_NULL)
			set_origin(why, ORIGIN_CALL, loc, c.decl);
		return c.kinds;
	}
	m = index_in_range(call, c.range_arg, c.kinds);
	if (m & VK_NULL)
		set_origin(why, ORIGIN_CALL, loc, gimple_call_fndecl(call));
	return m ? m : VK_UNKNOWN;
}

#define MAX_JOIN_STORES 8

/* What the load defining NAME (in BB, at LOC) reads: the value a store of
 * this function left there, seen where the load is; else unknown. */
static unsigned
value_of_load(tree name, basic_block bb, location_t loc, struct origin *why)
{
	gimple *store;
	tree src = memory_source(name, &store);
	if (!src) {
		/* "if (x) p->a = f(); else p->a = NULL; ... p->a": each store's
		 * value, seen along its way into the join */
		tree vals[MAX_JOIN_STORES];
		edge edges[MAX_JOIN_STORES];
		gimple *stores[MAX_JOIN_STORES];
		int n = memory_join_sources(name, vals, edges, stores, MAX_JOIN_STORES);
		if (!n)
			return VK_UNKNOWN;
		unsigned m = 0;
		for (int i = 0; i < n; i++)
			m |= value_on_edge(vals[i], edges[i], gimple_location(stores[i]), why);
		return m;
	}
	if (TREE_CODE(src) == SSA_NAME)
		return value_at_block(src, bb, why);
	return value_of_op(src, store ? gimple_location(store) : loc, why);
}

/* The value an SSA name's definition produces, memoised. */
unsigned
value_of_name(tree name, struct origin *why)
{
	if (TREE_CODE(name) != SSA_NAME)
		return value_of_op(name, UNKNOWN_LOCATION, why);
	unsigned v = SSA_NAME_VERSION(name);
	if (v >= V.nnames)
		return VK_UNKNOWN;
	if (V.state[v] == ST_DONE) {
		if (why && why->kind == ORIGIN_NONE)
			*why = V.why[v];
		return V.mask[v];
	}
	if (V.state[v] == ST_BUSY) {
		V.busy_hits++;
		return 0;	/* a cycle: its other arguments give the value */
	}
	if (V.depth >= MAX_DEPTH || SSA_NAME_IS_DEFAULT_DEF(name))
		return VK_UNKNOWN;

	V.state[v] = ST_BUSY;
	V.depth++;
	V.work++;
	unsigned hits_before = V.busy_hits;
	struct origin o = { ORIGIN_NONE, UNKNOWN_LOCATION, NULL_TREE };
	unsigned m = VK_UNKNOWN;
	gimple *def = SSA_NAME_DEF_STMT(name);
	basic_block bb = gimple_bb(def);

	if (gphi *phi = dyn_cast<gphi *>(def)) {
		m = 0;
		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
			edge e = gimple_phi_arg_edge(phi, i);
			m |= value_on_edge(gimple_phi_arg_def(phi, i), e,
					   gimple_phi_arg_location(phi, i), &o);
		}
	} else if (is_gimple_call(def)) {
		m = value_of_call(def, &o);
	} else if (is_gimple_assign(def)) {
		enum tree_code code = gimple_assign_rhs_code(def);
		tree r1 = gimple_assign_rhs1(def);
		location_t loc = gimple_location(def);
		if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code) || code == VIEW_CONVERT_EXPR) {
			if (TREE_CODE(r1) == SSA_NAME)
				m = value_at_block(r1, bb, &o);
			else
				m = value_of_op(r1, loc, &o);
		} else if (code == INTEGER_CST || code == ADDR_EXPR) {
			m = constant_mask(r1, loc, &o);
		} else if (memory_load_p(def)) {
			m = value_of_load(name, bb, loc, &o);
		} else if (code == NEGATE_EXPR && TREE_CODE(r1) == SSA_NAME) {
			/* -x: swap negative and positive, proven and unsure */
			unsigned a = value_at_block(r1, bb, NULL);
			unsigned swap = VK_NEG | VK_POS | ((VK_NEG | VK_POS) << VK_UNK_SHIFT);
			m = (a & ~swap) | ((a & (VK_NEG | (VK_NEG << VK_UNK_SHIFT))) << 1) |
			    ((a & (VK_POS | (VK_POS << VK_UNK_SHIFT))) >> 1);
		} else if (code == COND_EXPR) {
			m = value_of_op(gimple_assign_rhs2(def), loc, &o) |
			    value_of_op(gimple_assign_rhs3(def), loc, &o);
		} else {
			m = VK_UNKNOWN;
		}
	}

	V.depth--;
	if (V.busy_hits == hits_before || V.work > 64ul * V.nnames + 1024) {
		V.state[v] = ST_DONE;
		V.mask[v] = m;
		V.why[v] = o;
	} else {
		V.state[v] = ST_NONE;	/* part of a cycle: compute again */
	}
	if (why && why->kind == ORIGIN_NONE)
		*why = o;
	return m;
}

/* The value of an operand without refinement. */
static unsigned
value_of_op(tree op, location_t loc, struct origin *why)
{
	if (TREE_CODE(op) == SSA_NAME)
		return value_of_name(op, why);
	if (CONSTANT_CLASS_P(op) || TREE_CODE(op) == ADDR_EXPR)
		return constant_mask(op, loc, why);
	return VK_UNKNOWN;
}

/* The value of OP where it is used in BB. */
unsigned
value_at_block(tree op, basic_block bb, struct origin *why)
{
	if (TREE_CODE(op) != SSA_NAME)
		return value_of_op(op, UNKNOWN_LOCATION, why);
	struct origin o = { ORIGIN_NONE, UNKNOWN_LOCATION, NULL_TREE };
	unsigned m = value_of_name(op, &o);
	m = refine_use(op, bb, m, &o);
	if (why && why->kind == ORIGIN_NONE && (VK_TESTED(m) & VK_NULL))
		*why = o;
	return m;
}

/* The value of OP flowing along edge E (a PHI argument); LOC is where the
 * argument was assigned. */
unsigned
value_on_edge(tree op, edge e, location_t loc, struct origin *why)
{
	struct origin o = { ORIGIN_NONE, UNKNOWN_LOCATION, NULL_TREE };
	unsigned m = value_of_op(op, loc, &o);
	if (TREE_CODE(op) == SSA_NAME) {
		m = refine_use(op, e->src, m, &o);
		m = refine_on_edge(e, value_root(op), m, &o);
	}
	if (why && why->kind == ORIGIN_NONE && (VK_TESTED(m) & VK_NULL))
		*why = o;
	return m;
}

/* The tests a condition combining several makes on each edge of BB. */
static void
note_combined_tests(basic_block bb, gcond *cond)
{
	struct block_facts f;
	f.n[0] = cond_conjuncts(cond, true, f.t[0], MAX_FACTS);
	f.n[1] = cond_conjuncts(cond, false, f.t[1], MAX_FACTS);
	if (!f.n[0] && !f.n[1])
		return;
	V.facts[bb->index] = XNEW(struct block_facts);
	*V.facts[bb->index] = f;
	V.cond_loc[bb->index] = gimple_location(cond);
	for (int e = 0; e < 2; e++)
		for (int i = 0; i < f.n[e]; i++)
			if (SSA_NAME_VERSION(f.t[e][i].root) < V.nnames)
				bitmap_set_bit(V.tested, SSA_NAME_VERSION(f.t[e][i].root));
}

void
value_begin_function(function *fn)
{
	memset(&V, 0, sizeof(V));
	V.fn = fn;
	V.nnames = num_ssa_names;
	V.state = XCNEWVEC(unsigned char, V.nnames);
	V.mask = XCNEWVEC(unsigned char, V.nnames);
	V.why = XCNEWVEC(struct origin, V.nnames);
	V.nblocks = last_basic_block_for_fn(fn);
	V.cond_root = XCNEWVEC(tree, V.nblocks);
	V.cond_kinds = XCNEWVEC(unsigned char, V.nblocks);
	V.cond_loc = XCNEWVEC(location_t, V.nblocks);
	V.facts = XCNEWVEC(struct block_facts *, V.nblocks);
	V.tested = sbitmap_alloc(V.nnames);
	bitmap_clear(V.tested);
	V.derefd = sbitmap_alloc(V.nnames);
	bitmap_clear(V.derefd);
	memory_begin_function();

	if (!dom_info_available_p(fn, CDI_DOMINATORS)) {
		calculate_dominance_info(CDI_DOMINATORS);
		V.own_dominators = true;
	}

	basic_block bb;
	FOR_EACH_BB_FN(bb, fn) {
		gimple *last = errptr_last_stmt(bb);
		if (!last || gimple_code(last) != GIMPLE_COND)
			continue;
		struct value_test t;
		note_combined_tests(bb, as_a<gcond *>(last));
		if (!cond_test(as_a<gcond *>(last), &t) || TREE_CODE(t.root) != SSA_NAME)
			continue;
		V.cond_root[bb->index] = t.root;
		V.cond_kinds[bb->index] = t.kinds;
		V.cond_loc[bb->index] = gimple_location(last);
		if (SSA_NAME_VERSION(t.root) < V.nnames)
			bitmap_set_bit(V.tested, SSA_NAME_VERSION(t.root));
	}
}

/* The test the condition ending BB makes, if any. */
bool
value_block_test(basic_block bb, struct value_test *t, location_t *loc)
{
	if ((unsigned)bb->index >= V.nblocks || !V.cond_root[bb->index])
		return false;
	t->root = V.cond_root[bb->index];
	t->kinds = V.cond_kinds[bb->index];
	if (loc)
		*loc = V.cond_loc[bb->index];
	return true;
}

void
value_end_function(void)
{
	memory_end_function();
	if (V.own_dominators)
		free_dominance_info(CDI_DOMINATORS);
	XDELETEVEC(V.state);
	XDELETEVEC(V.mask);
	XDELETEVEC(V.why);
	XDELETEVEC(V.cond_root);
	XDELETEVEC(V.cond_kinds);
	XDELETEVEC(V.cond_loc);
	for (unsigned i = 0; i < V.nblocks; i++)
		free(V.facts[i]);
	XDELETEVEC(V.facts);
	sbitmap_free(V.tested);
	sbitmap_free(V.derefd);
	if (V.derefs)
		htab_delete(V.derefs);
	if (V.paths)
		htab_delete(V.paths);
	memset(&V, 0, sizeof(V));
}

/* The call the value VAL comes from - through copies, casts, ?:, ERR_CAST()
 * and PHIs - whose own value has the kinds WANTED asks for (e.g. "may be
 * NULL, never an error pointer"): for a check to name the API involved. */
static gimple *
source_call(tree val, bool (*wanted)(unsigned mask), bitmap visited, int depth)
{
	if (depth > 64 || !val || TREE_CODE(val) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(val) ||
	    !bitmap_set_bit(visited, SSA_NAME_VERSION(val)))
		return NULL;
	gimple *def = SSA_NAME_DEF_STMT(val);
	if (gphi *phi = dyn_cast<gphi *>(def)) {
		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
			gimple *g = source_call(gimple_phi_arg_def(phi, i), wanted, visited, depth + 1);
			if (g)
				return g;
		}
		return NULL;
	}
	if (memory_load_p(def)) {
		gimple *store;
		tree src = memory_source(val, &store);
		if (src)
			return source_call(src, wanted, visited, depth + 1);
		/* stores on every path into a join: like a PHI's arguments */
		tree vals[MAX_JOIN_STORES];
		edge edges[MAX_JOIN_STORES];
		gimple *stores[MAX_JOIN_STORES];
		int n = memory_join_sources(val, vals, edges, stores, MAX_JOIN_STORES);
		for (int i = 0; i < n; i++) {
			gimple *g = source_call(vals[i], wanted, visited, depth + 1);
			if (g)
				return g;
		}
		return NULL;
	}
	if (is_gimple_assign(def)) {
		enum tree_code code = gimple_assign_rhs_code(def);
		if (code == SSA_NAME || CONVERT_EXPR_CODE_P(code) || code == VIEW_CONVERT_EXPR)
			return source_call(gimple_assign_rhs1(def), wanted, visited, depth + 1);
		if (code == COND_EXPR) {
			gimple *g = source_call(gimple_assign_rhs2(def), wanted, visited, depth + 1);
			return g ? g : source_call(gimple_assign_rhs3(def), wanted, visited, depth + 1);
		}
		return NULL;
	}
	if (!is_gimple_call(def))
		return NULL;
	enum api_fn api = api_of_call(def);
	if (api == API_ERR_CAST && gimple_call_num_args(def) == 1)
		return source_call(gimple_call_arg(def, 0), wanted, visited, depth + 1);
	if (api != API_NONE)
		return NULL;
	return wanted(value_of_name(val, NULL)) ? def : NULL;
}

gimple *
value_source_call(tree val, bool (*wanted)(unsigned mask))
{
	bitmap visited = BITMAP_ALLOC(NULL);
	gimple *g = source_call(val, wanted, visited, 0);
	BITMAP_FREE(visited);
	return g;
}

/* The nearest test on ROOT that must hold (*HOLDS) or fail to reach BB and
 * lets a value of a kind in WANT through, none in AVOID (and narrows it):
 * where a check's diagnostic path says "this test let it through". */
bool
value_nearest_test(function *fn, tree root, basic_block bb, unsigned want, unsigned avoid,
		   location_t *loc, unsigned *allowed_out, bool *holds)
{
	basic_block entry = ENTRY_BLOCK_PTR_FOR_FN(fn);

	for (int steps = 0; bb && bb != entry && steps < MAX_DOM_STEPS; steps++) {
		if (single_pred_p(bb)) {
			edge e = single_pred_edge(bb);
			struct value_test t;
			location_t l = UNKNOWN_LOCATION;
			if ((e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)) &&
			    value_block_test(e->src, &t, &l) && t.root == root) {
				unsigned allowed = (e->flags & EDGE_TRUE_VALUE) ? t.kinds
										: (~t.kinds & VK_KINDS);
				if ((allowed & want) && !(allowed & avoid) && allowed != VK_KINDS &&
				    l != UNKNOWN_LOCATION) {
					*loc = l;
					*holds = (e->flags & EDGE_TRUE_VALUE) != 0;
					*allowed_out = allowed;
					return true;
				}
			}
		}
		bb = get_immediate_dominator(CDI_DOMINATORS, bb);
	}
	return false;
}

/* ---- values that meet at one join ---------------------------------------
 * net/ipv6/icmp.c icmpv6_route_lookup():
 *	relookup_failed:
 *		if (dst)
 *			return dst;
 *		return ERR_PTR(err);
 * err and dst meet at the label (err a PHI, dst a variable whose address
 * is taken, loaded there).  err is 0 only on the edge that falls through
 * after "dst = dst2", dst2 an xfrm_lookup() result: ERR_PTR(err) sees that
 * 0 only if dst2 can be NULL, which nothing shows.  How an edge E into a
 * join fares against the tests, on the way from the join to BB, of other
 * values that meet there: a PHI of the join (its argument on E) or a local
 * variable loaded in it (the value the last store on E wrote; unknown if
 * the last write on E is not a store to it).  Tests of SELF do not count:
 * they are the value's own refinement. */
#define MAX_JOIN_TESTS 4

/* The value the tested root Y has when the join E->dest is entered along
 * E; NULL_TREE when Y is no value that meets there, or when it is but its
 * value on E is not known (then *UNKNOWN is set). */
static tree
joined_value(tree y, edge e, bool *unknown)
{
	basic_block join = e->dest;
	*unknown = false;
	if (TREE_CODE(y) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(y))
		return NULL_TREE;
	gimple *def = SSA_NAME_DEF_STMT(y);
	if (gimple_bb(def) != join)
		return NULL_TREE;
	if (gphi *phi = dyn_cast<gphi *>(def))
		return PHI_ARG_DEF_FROM_EDGE(phi, e);
	/* "dst.40_34 = dst;" at the join, its memory state a PHI there */
	if (!gimple_assign_single_p(def) || !gimple_vuse(def))
		return NULL_TREE;
	tree var = gimple_assign_rhs1(def);
	if (TREE_CODE(var) != VAR_DECL || is_global_var(var))
		return NULL_TREE;
	gimple *mem = SSA_NAME_DEF_STMT(gimple_vuse(def));
	gphi *mphi = mem ? dyn_cast<gphi *>(mem) : NULL;
	if (!mphi || gimple_bb(mphi) != join)
		return NULL_TREE;
	tree in = PHI_ARG_DEF_FROM_EDGE(mphi, e);
	gimple *store = in && TREE_CODE(in) == SSA_NAME ? SSA_NAME_DEF_STMT(in) : NULL;
	if (store && gimple_assign_single_p(store) && gimple_assign_lhs(store) == var)
		return gimple_assign_rhs1(store);
	*unknown = true;
	return NULL_TREE;
}

enum join_edge
value_join_edge(edge e, basic_block bb, tree self)
{
	basic_block join = e->dest;
	if (bb == join || !dominated_by_p(CDI_DOMINATORS, bb, join))
		return JOIN_PASSES;
	enum join_edge out = JOIN_PASSES;
	int n = 0;
	for (int steps = 0; bb != join && n < MAX_JOIN_TESTS && steps < MAX_DOM_STEPS; steps++) {
		edge t;
		unsigned allowed;
		basic_block up = value_step_up(bb, &t);
		tree y = t ? edge_test(t, &allowed) : NULL_TREE;
		if (y && y != self) {
			bool unknown;
			tree v = joined_value(y, e, &unknown);
			if (v || unknown) {
				unsigned m = unknown ? VK_UNKNOWN
					     : TREE_CODE(v) == SSA_NAME
						     ? value_on_edge(v, e, UNKNOWN_LOCATION, NULL)
						     : value_of_op(v, UNKNOWN_LOCATION, NULL);
				n++;
				if (!(VK_POSSIBLE(m) & allowed))
					return JOIN_BLOCKED;
				if (!(VK_PROVEN(m) & allowed))
					out = JOIN_UNPROVEN;
			}
		}
		bb = up;
		if (!bb)
			return JOIN_PASSES;
	}
	return out;
}

/* ---- what the failure side of a test does with the value ---------------- */

edge
value_test_side(basic_block bb, tree root, bool err)
{
	struct value_test t;
	if (!value_block_test(bb, &t, NULL) || t.root != root ||
	    (t.kinds != VK_ERR && t.kinds != (VK_NULL | VK_VALID)))
		return NULL;
	bool want_true = (t.kinds == VK_ERR) == err;
	edge e;
	edge_iterator ei;
	FOR_EACH_EDGE(e, ei, bb->succs) {
		if (!(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
			continue;
		if (((e->flags & EDGE_TRUE_VALUE) != 0) == want_true)
			return e;
	}
	return NULL;
}

/* Where the ERR side of the test ending BB on ROOT starts, or NULL. */
static basic_block
err_side(basic_block bb, tree root)
{
	edge e = value_test_side(bb, root, true);
	return e && single_pred_p(e->dest) ? e->dest : NULL;
}

/* The PTR_ERR() or ERR_CAST() of ROOT on the ERR side of the test ending
 * BB ("if (IS_ERR(p)) return PTR_ERR(p);"): once the test is "!p", that
 * side gets NULL, and PTR_ERR(NULL) is 0 (success), ERR_CAST(NULL) NULL. */
gimple *
value_errno_use_on_err_side(function *fn, basic_block bb, tree root)
{
	basic_block side = err_side(bb, root);
	if (!side)
		return NULL;
	basic_block b;
	FOR_EACH_BB_FN(b, fn) {
		if (!dominated_by_p(CDI_DOMINATORS, b, side))
			continue;
		for (gimple_stmt_iterator gsi = gsi_start_bb(b); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			enum api_fn a = api_of_call(stmt);
			if ((a == API_PTR_ERR || a == API_ERR_CAST) && gimple_call_num_args(stmt) == 1 &&
			    value_root(gimple_call_arg(stmt, 0)) == root)
				return stmt;
		}
	}
	return NULL;
}
