/*
 * compat.h - the one place that includes GCC's plugin headers and hides the
 * differences between the GCC versions errptr supports (11 and 12, the
 * versions Debian 12 ships plugin headers for).
 *
 * Every errptr source includes this header first and no GCC header itself.
 * Each version difference below cites the GCC change it follows.
 */
#ifndef ERRPTR_COMPAT_H
#define ERRPTR_COMPAT_H

/* System headers GCC's system.h does not bring in; before it, as it poisons names. */
#include <dirent.h>
#include <dlfcn.h>

#include "gcc-plugin.h"
#include "bversion.h"
#include "tree.h"
#include "tree-pass.h"
#include "context.h"
#include "function.h"
#include "basic-block.h"
#include "cfg.h"
#include "dominance.h"
#include "gimple.h"
/* GCC 13 (r13-1215) requires gimple-iterator.h before gimple-fold.h; we
 * include it right after gimple.h, which is correct for every version. */
#include "gimple-iterator.h"
#include "gimple-walk.h"
#include "gimple-ssa.h"
#include "tree-phinodes.h"
#include "ssa-iterators.h"
#include "stringpool.h"
#include "value-range.h"
#include "tree-ssanames.h"
#include "tree-dfa.h"
#include "cgraph.h"
#include "varasm.h"
#include "diagnostic.h"
#include "diagnostic-path.h"
#include "gcc-rich-location.h"
#include "input.h"
#include "langhooks.h"
#include "print-tree.h"
#include "output.h"

#if BUILDING_GCC_VERSION < 11000 || BUILDING_GCC_VERSION >= 13000
/* Supported: 11 and 12.  13 moved the gimple-fold include order (above) and
 * 14 removed last_stmt(); errptr uses neither, but nobody has tested those
 * releases, so refuse to build rather than guess. */
#error "errptr supports GCC 11 and 12 (the plugin headers Debian 12 ships)"
#endif

/* The last statement of a basic block.  GCC 14 (r14-3214) removed
 * last_stmt(); gsi_last_nondebug_bb() exists in every supported version. */
static inline gimple *
errptr_last_stmt(basic_block bb)
{
	gimple_stmt_iterator gsi = gsi_last_nondebug_bb(bb);

	return gsi_end_p(gsi) ? NULL : gsi_stmt(gsi);
}

/* The TODO flags of an analysis pass.  GCC 16 no longer exposes
 * TODO_verify_il to plugins; an analysis pass needs none anyway. */
#define ERRPTR_PASS_TODO_FINISH 0

#endif /* ERRPTR_COMPAT_H */
