/*
 * learn_only.c - -fplugin-arg-errptr-learn-only: learn a unit's contracts and compile
 * nothing else.
 *
 * Learning reads only what errptr's passes produce: the summaries are complete once
 * errptr's unit-wide IPA pass (errptr_checks, right after "build_ssa_passes") has run, and
 * learn.c writes them into the assembler output at the end of the unit.  Everything GCC
 * does after that pass - the early and IPA optimisations, RTL, register allocation, the
 * assembly of every function and variable - costs most of a -O2 compilation and adds
 * nothing to the summary.  This pass, right after errptr_checks, removes every function
 * and variable from the symbol table, so that GCC has nothing left to optimise or emit:
 * the object file still comes out (kbuild needs it, with its .discard.errptr section),
 * holding the section, the unit's top-level asm statements and nothing else.
 *
 * Why that is safe, in GCC 11 to 16:
 *  - Removing nodes is what GCC itself does to unreachable symbols at this stage
 *    (symbol_table::remove_unreachable_nodes calls cgraph_node::remove and
 *    varpool_node::remove during the small IPA passes and right after them); the rest of
 *    the pass manager walks the symbol table, so the early local passes, the IPA summary
 *    and regular passes, expand_all_functions and output_variables find nothing to do.
 *    No clones or inline copies exist yet (no inlining has run), nested functions are
 *    unnested before the IPA passes, and removal drops each node's edges and references.
 *  - The alternative the pass manager offers, a PLUGIN_OVERRIDE_GATE that turns every
 *    later pass off, is not enough: each function that reaches cgraph_node::expand()
 *    without the "final" pass trips its check that the function was written
 *    (gcc_assert (TREE_ASM_WRITTEN (decl))).  Functions must not reach expansion.
 *  - Debug info: dwarf2out's early DIEs are already written for the whole unit; a
 *    function or variable that is never output only lacks an address, as one GCC
 *    removed as unreachable does.
 *  - Diagnostics of later passes (-Wmaybe-uninitialized, -Warray-bounds, ...) are not
 *    given, and references that only function bodies made are gone: the object is for
 *    errptr-merge and kbuild's bookkeeping, never for linking.
 *  - A unit with errors never gets here (symbol_table::compile stops first), as in a
 *    normal build.
 */
#include "errptr.h"
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

/* Every function and variable out of the symbol table: nothing left to compile. */
static void
remove_every_symbol(void)
{
	cgraph_node *fn, *next_fn;
	for (fn = symtab->first_function(); fn; fn = next_fn) {
		next_fn = symtab->next_function(fn);
		fn->remove();
	}
	varpool_node *var, *next_var;
	for (var = symtab->first_variable(); var; var = next_var) {
		next_var = symtab->next_variable(var);
		var->remove();
	}
}

class learn_only_pass : public simple_ipa_opt_pass {
public:
	learn_only_pass(gcc::context *ctxt) : simple_ipa_opt_pass(learn_only_pass_data, ctxt) {}
	unsigned int execute(function *) override
	{
		remove_every_symbol();
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
