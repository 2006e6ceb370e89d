#!/bin/sh
# merge-coverage: errptr-merge --coverage by top-level directory of the build tree (the
# directory with a "source" link, as in O= kernel builds): objects read, those with
# summaries, rules by the directory of their definition; arch/ by architecture, struct
# members in a row of their own, objects outside the tree as "(elsewhere)".
. "$(dirname "$0")/merge-lib.inc"
plugin_ok

o=$T/out
mkdir -p "$o/fs" "$o/arch/x86/mm" "$o/drivers/gpio" "$T/other"
ln -s "$o" "$o/source"	# what an O= build has (here the sources sit in the tree)
cat >"$o/fs/a.c" <<'C'
#include "kernel-min.h"
struct obj;
static int v;
struct obj *fs_find(int n) { if (n) return ERR_PTR(-ENOENT); return (struct obj *)&v; }
C
printf 'int fs_plain(void) { return 0; }\n' >"$o/fs/b.c"
cat >"$o/arch/x86/mm/p.c" <<'C'
#include "kernel-min.h"
struct page;
static int pg;
struct page *x86_page(int n) { if (n) return NULL; return (struct page *)&pg; }
C
cat >"$o/drivers/gpio/g.c" <<'C'
#include "kernel-min.h"
struct gpio;
struct gpio_ops { struct gpio *(*get)(int); };
static int g;
static struct gpio *g_get(int n) { if (n) return NULL; return (struct gpio *)&g; }
const struct gpio_ops g_ops = { .get = g_get };
C
cp "$o/fs/a.c" "$T/other/x.c"
sed -i 's/fs_find/other_find/' "$T/other/x.c"
cc_learn() {	# cc_learn SRC [PLUGIN-ARGS]: SRC.c into SRC.o
	src=$1
	shift
	$CC "$@" -O2 -I"$top/testsuite/include" -c "$src.c" -o "$src.o"
}
for f in fs/a arch/x86/mm/p drivers/gpio/g; do
	check "learn $f.c" cc_learn "$o/$f" -fplugin="$ERRPTR_PLUGIN" -fplugin-arg-errptr-learn-only \
		-fplugin-arg-errptr-rules-dir="$T/norules"
done
check "fs/b.c compiled without errptr" cc_learn "$o/fs/b"
check "other/x.c, outside the tree" cc_learn "$T/other/x" -fplugin="$ERRPTR_PLUGIN" \
	-fplugin-arg-errptr-learn-only -fplugin-arg-errptr-rules-dir="$T/norules"
check "merge --coverage" sh -c "'$MERGE' --coverage --srctree '$o' -o '$T/out.rules' '$o/fs' '$o/arch/x86' \
	'$o/drivers' '$T/other' >'$T/cov' 2>&1"
check "the tree is named" has "$T/cov" "^by directory of $o:"
check "fs: 2 objects, 1 with a summary, 1 rule" has "$T/cov" "^  fs +2 +1 \( 50\.0%\) +1$"
check "arch/x86: 1 object, 1 with a summary, 1 rule" has "$T/cov" "^  arch/x86 +1 +1 \(100\.0%\) +1$"
check "drivers: 1 object, 1 with a summary, no function rule (g_get is static)" \
	has "$T/cov" "^  drivers +1 +1 \(100\.0%\) +0$"
check "the member's rule in a row of its own" has "$T/cov" "^  \(struct members\) +- +- +1$"
check "the object outside the tree" has "$T/cov" "^  \(elsewhere\) +1 +1 \(100\.0%\) +1$"
check "the rows add up to the totals" sh -c "grep -q '^objects read: *5$' '$T/cov' && grep -q '^rules written: *4 ' '$T/cov'"
check "no row for arch itself" hasnt "$T/cov" "^  arch "
finish
