/*
 * compat.h - the one place that includes GCC's plugin headers and hides the
 * differences between the GCC versions errptr supports: 11 and 12 (Debian 12),
 * 13 and 14 (Debian 13), 14, 15 and 16 (Debian testing).  One build per major
 * (plugin/errptr-gccN.so); the loader picks the one for the GCC loading it.
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
/* Diagnostic paths (the events printed under a finding, like -fanalyzer's):
 * - GCC 11-14: simple_diagnostic_path is declared in diagnostic-path.h.
 * - GCC 15 moved the concrete path classes (simple_diagnostic_path/_event/
 *   _thread) out of diagnostic-path.h into simple-diagnostic-path.h, and
 *   their events name a function through tree-logical-location.h.
 * - GCC 16 moved the diagnostics headers under diagnostics/ (namespace
 *   diagnostics: diagnostics/paths.h replaced diagnostic-path.h, which is
 *   gone); simple-diagnostic-path.h stays at the top and includes them. */
#if BUILDING_GCC_VERSION >= 16000
#include "simple-diagnostic-path.h"
#include "diagnostics/file-cache.h"	/* errptr_source_line() below */
#elif BUILDING_GCC_VERSION >= 15000
#include "simple-diagnostic-path.h"
#else
#include "diagnostic-path.h"
#endif
#include "gcc-rich-location.h"
#include "input.h"
#include "langhooks.h"
#include "print-tree.h"
#include "output.h"

#if BUILDING_GCC_VERSION < 11000 || BUILDING_GCC_VERSION >= 17000
/* Supported and tested: 11 to 16 (README.md, "Compilers and kernels").  A
 * later GCC changes plugin APIs again; refuse to build rather than guess. */
#error "errptr supports GCC 11 to 16 (the plugin headers Debian 12, 13 and testing ship)"
#endif

/* Line LINE of FILE as GCC's diagnostics read it (tabs, encodings, a BOM
 * handled as in the caret lines), or an empty span.  GCC 14 made the
 * source-file cache a member of the diagnostic context (file_cache,
 * diagnostic_context::get_file_cache()) and removed the global
 * location_get_source_line() from input.h; GCC 16 moved the class into
 * diagnostics/file-cache.h (diagnostics::file_cache), same method. */
#if BUILDING_GCC_VERSION >= 16000
using diagnostics::char_span;
#endif
static inline char_span
errptr_source_line(const char *file, int line)
{
#if BUILDING_GCC_VERSION >= 14000
	return global_dc->get_file_cache().get_source_line(file, line);
#else
	return location_get_source_line(file, line);
#endif
}

/* Where the macro of MAP was expanded.  GCC 14 made the expansion point a
 * private member of line_map_macro (libcpp/include/line-map.h): the accessor
 * function MACRO_MAP_EXPANSION_POINT_LOCATION() is gone, the member function
 * get_expansion_point_location() replaces it. */
static inline location_t
errptr_macro_expansion_point(const line_map_macro *map)
{
#if BUILDING_GCC_VERSION >= 14000
	return map->get_expansion_point_location();
#else
	return MACRO_MAP_EXPANSION_POINT_LOCATION(map);
#endif
}

/* A new, empty diagnostic path whose event texts PP formats.  GCC 16's
 * simple_diagnostic_path names the function of each event through a
 * logical-location manager (tree_logical_location_manager, for fndecls)
 * that must outlive the path: one for the whole compilation.  Before 16 the
 * event holds its fndecl itself (GCC 15: a tree_logical_location). */
static inline simple_diagnostic_path *
errptr_new_path(pretty_printer *pp)
{
#if BUILDING_GCC_VERSION >= 16000
	static tree_logical_location_manager logical_locations;

	return new simple_diagnostic_path(logical_locations, pp);
#else
	return new simple_diagnostic_path(pp);
#endif
}

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
