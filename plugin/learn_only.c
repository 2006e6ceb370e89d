/*
 * learn_only.c - -fplugin-arg-errptr-learn-only: learn a unit's contracts and compile
 * nothing else; -fplugin-arg-errptr-analysis-only: the same stop in check mode (every
 * finding is reported before it: make validate scans a tree for findings this way).
 *
 * Learning reads only what errptr's passes produce: the summaries are complete once
 * errptr's unit-wide IPA pass (errptr_checks, right after "build_ssa_passes") has run, and
 * learn.c writes them into the assembler output at the end of the unit.  Everything GCC
 * does after that pass - the early and IPA optimisations, RTL, register allocation, the
 * assembly of every function and variable - costs most of a -O2 compilation and adds
 * nothing to the summary.  This pass, right after errptr_checks, removes every function
 * from the symbol table, and every variable whose initializer leads to one, so that GCC
 * has no code left to optimise or emit: the object file still comes out (kbuild needs
 * it, with its .discard.errptr section), holding the section, the unit's top-level asm
 * statements and the data that points to no code (a module's .modinfo strings: modpost
 * reads them).
 *
 * Why that is safe, in GCC 11 to 16:
 *  - Removing nodes is what GCC itself does to unreachable symbols at this stage
 *    (symbol_table::remove_unreachable_nodes calls cgraph_node::remove and
 *    varpool_node::remove during the small IPA passes and right after them); the rest of
 *    the pass manager walks the symbol table, so the early local passes, the IPA summary
 *    and regular passes, expand_all_functions and output_variables find nothing to do.
 *    No clones or inline copies exist yet (no inlining has run), nested functions are
 *    unnested before the IPA passes, and removal drops each node's edges and references.
 *    A variable that stays refers to no removed symbol (its references, recorded when
 *    the unit was analysed, are followed to a fixed point before anything is removed).
 *  - The alternative the pass manager offers, a PLUGIN_OVERRIDE_GATE that turns every
 *    later pass off, is not enough: each function that reaches cgraph_node::expand()
 *    without the "final" pass trips its check that the function was written
 *    (gcc_assert (TREE_ASM_WRITTEN (decl))).  Functions must not reach expansion.
 *  - Debug info: dwarf2out's early DIEs are already written for the whole unit; a
 *    function or variable that is never output only lacks an address, as one GCC
 *    removed as unreachable does.
 *  - Diagnostics of later passes (-Wmaybe-uninitialized, -Warray-bounds, ...) are not
 *    given.  The object is for errptr-merge and kbuild's bookkeeping, never for running.
 *  - aux, which marks the variables to remove, is free between IPA passes and left
 *    NULL again.
 *  - A unit with errors never gets here (symbol_table::compile stops first), as in a
 *    normal build.
 * Not for a compilation whose assembly text is the product: kbuild compiles
 * asm-offsets.c and devicetable-offsets.c with -S and reads back the asm() strings of
 * their function bodies (scripts/learn-kernel.sh gives -S compilations no errptr).
 */
#include "compat.h"
#include "learn_only.h"

static const pass_data learn_only_pass_data = {
	/* .type = */ SIMPLE_IPA_PASS,
	/* .name = */ "errptr_learn_only",
	/* .optinfo_flags = */ OPTGROUP_NONE,
	/* .tv_id = */ TV_NONE,
	/* .properties_required = */ 0,
	/* .properties_provided = */ 0,
	/* .properties_destroyed = */ 0,
	/* .todo_flags_start = */ 0,
	/* .todo_flags_finish = */ 0,
};

/* Does VAR's initializer refer to a function, or to a variable marked (aux) before? */
static bool
refers_to_code(varpool_node *var)
{
	ipa_ref *ref;
	for (unsigned i = 0; var->iterate_reference(i, ref); i++)
		if (is_a<cgraph_node *>(ref->referred) || ref->referred->aux)
			return true;
	return false;
}

/* Every function out of the symbol table, and every variable whose initializer leads to
 * one (ops tables, export entries, and what refers to them): nothing is left to compile
 * but data without code pointers (a module's .modinfo strings, constant tables), which
 * keeps the object whole for kbuild's modpost. */
static void
remove_code(void)
{
	varpool_node *var, *next_var;
	bool changed = true;
	while (changed) {
		changed = false;
		FOR_EACH_VARIABLE(var) {
			if (!var->aux && refers_to_code(var)) {
				var->aux = (void *)1;
				changed = true;
			}
		}
	}
	cgraph_node *fn, *next_fn;
	for (fn = symtab->first_function(); fn; fn = next_fn) {
		next_fn = symtab->next_function(fn);
		fn->remove();
	}
	for (var = symtab->first_variable(); var; var = next_var) {
		next_var = symtab->next_variable(var);
		if (var->aux) {
			var->aux = NULL;
			var->remove();
		}
	}
}

class learn_only_pass : public simple_ipa_opt_pass {
public:
	learn_only_pass(gcc::context *ctxt) : simple_ipa_opt_pass(learn_only_pass_data, ctxt) {}
	unsigned int execute(function *) override
	{
		remove_code();
		return 0;
	}
};

void
learn_only_register(const char *plugin_name, const char *reference_pass)
{
	struct register_pass_info pass;
	pass.pass = new learn_only_pass(g);
	pass.reference_pass_name = reference_pass;
	pass.ref_pass_instance_number = 1;
	pass.pos_op = PASS_POS_INSERT_AFTER;
	register_callback(plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
}
