#!/bin/sh
# merge-plugin: the plugin uses an index errptr-merge built (rules/learned/X.cdb): a module
# that breaks a contract only the index knows is flagged; hand-written and user rules win
# over the index; the learned X.rules beside it is not read; a corrupt index is one clear
# error, never a crash.
. "$(dirname "$0")/merge-lib.inc"
plugin_ok

# The "kernel" the contracts are learned from: akfs_open reports failure with ERR_PTR and
# its callers test IS_ERR; ->get_root of akfs_ops too.
cat >"$T/api.c" <<'C'
#include "kernel-min.h"
struct akfs;
struct akfs_ops { struct akfs *(*get_root)(int id); };
static int store;
struct akfs *akfs_open(const char *name, int flags)
{
	if (!name)
		return ERR_PTR(-EINVAL);
	return (struct akfs *)&store;
}
static struct akfs *akfs_root(int id) { if (id < 0) return ERR_PTR(-ENOENT); return (struct akfs *)&store; }
const struct akfs_ops akfs_default_ops = { .get_root = akfs_root };
C
cat >"$T/callers.c" <<'C'
#include "kernel-min.h"
struct akfs;
struct akfs_ops { struct akfs *(*get_root)(int id); };
extern struct akfs *akfs_open(const char *name, int flags);
int akfs_mount(const char *name)
{
	struct akfs *a = akfs_open(name, 0);
	if (IS_ERR(a))
		return PTR_ERR(a);
	return 0;
}
int akfs_walk(const struct akfs_ops *ops)
{
	struct akfs *r = ops->get_root(1);
	if (IS_ERR(r))
		return PTR_ERR(r);
	return 0;
}
C
check "learn api.c" learn api.c
check "learn callers.c" learn callers.c
mkdir -p "$T/rd/learned" "$T/empty/learned"
check "merge into rd/learned/kern.{rules,cdb}" \
	"$MERGE" -o "$T/rd/learned/kern.rules" --index "$T/rd/learned/kern.cdb" "$T/api.o" "$T/callers.o"
check "learned: akfs_open" has "$T/rd/learned/kern.rules" "^func akfs_open fails=err callers=is_err args=2 "
check "learned: akfs_ops.get_root" has "$T/rd/learned/kern.rules" "^member akfs_ops\.get_root fails=err callers=is_err "
line=$(grep -n '^func akfs_open ' "$T/rd/learned/kern.rules" | cut -d: -f1)

# The module: a hook of akfs_open and an ->get_root that return NULL, a caller that tests
# akfs_open's result for NULL.
cat >"$T/module.c" <<'C'
#include "kernel-min.h"
struct akfs;
struct akfs_ops { struct akfs *(*get_root)(int id); };
extern struct akfs *akfs_open(const char *name, int flags);
extern bool mod_allowed(const char *name);
struct akfs *mod_open(const char *name, int flags)
{
	if (!mod_allowed(name))
		return NULL;
	return akfs_open(name, flags);
}
static struct akfs *mod_root(int id) { if (id) return NULL; return akfs_open("/", 0); }
const struct akfs_ops mod_ops = { .get_root = mod_root };
int mod_check(void)
{
	struct akfs *a = akfs_open("x", 0);
	if (!a)
		return -ENOMEM;
	return 0;
}
C
compile() {	# compile RULES-DIR [OPTIONS]: module.c, output in $T/out
	dir=$1
	shift
	(cd "$T" && $CC -fplugin="$ERRPTR_PLUGIN" -fplugin-arg-errptr-rules-dir="$dir" -O2 \
		-fdiagnostics-plain-output -fno-diagnostics-show-caret -I"$top/testsuite/include" \
		-c module.c -o module.o "$@") >"$T/out" 2>&1
}
compile "$T/rd"
status=$?
check "with the index: the compile fails (null-return is an error)" test "$status" = 1
check "the hook of a learned-only API is flagged" \
	has "$T/out" "^module\.c:9:24: error: 'mod_open' returns NULL here, but it stands in for 'akfs_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]"
check "with the learned sample caller" \
	has "$T/out" "'akfs_open' reports failure with ERR_PTR\(\), never NULL; callers test only IS_ERR\(\), e\.g\. 'akfs_mount' at callers\.c:8"
check "the member contract from the index" \
	has "$T/out" "error: 'mod_root' returns NULL here, but it stands in for 'akfs_ops\.get_root'"
check "the NULL test of the learned API" \
	has "$T/out" "^module\.c:17:[0-9]+: warning: 'akfs_open' returns ERR_PTR\(\) on failure, never NULL.*\[errptr-null-check-on-err\]"
check "the rule is named by the rules file and line the index was built with" \
	has "$T/out" "kern\.rules:$line\)"

compile "$T/empty"
check "without the index: nothing to say" sh -c "test $? = 0 && ! grep -q errptr '$T/out'"

# learned/kern.rules is not read when kern.cdb is there
cp "$T/rd/learned/kern.rules" "$T/kern.rules.orig"
echo "this is not a rule" >>"$T/rd/learned/kern.rules"
compile "$T/rd"
check "the .rules beside the .cdb is not read" hasnt "$T/out" "errptr-rules"
check "the index is" has "$T/out" "errptr-null-return"
cp "$T/kern.rules.orig" "$T/rd/learned/kern.rules"

# a hand-written rule in the rules directory wins over the index
cp -r "$T/rd" "$T/hand"
printf 'func akfs_open fails=null callers=null\n' >"$T/hand/akfs.rules"
compile "$T/hand"
check "a hand-written rule wins over the index" hasnt "$T/out" "stands in for 'akfs_open'"
check "the index still answers other names" has "$T/out" "stands in for 'akfs_ops\.get_root'"
# and so does a user rule (-fplugin-arg-errptr-rules=)
printf 'member akfs_ops.get_root fails=both callers=is_err_or_null\n' >"$T/user.rules"
compile "$T/rd" -fplugin-arg-errptr-rules="$T/user.rules"
check "a user rule wins over the index" hasnt "$T/out" "stands in for 'akfs_ops\.get_root'"
check "the index answers the rest" has "$T/out" "stands in for 'akfs_open'"

# a corrupt index: one error naming it, no crash
mkdir -p "$T/bad/learned"
head -c 3000 /dev/urandom >"$T/bad/learned/kern.cdb"
compile "$T/bad"
status=$?
check "corrupt index: the compile fails, no crash" test "$status" = 1
check "one error naming the file" \
	sh -c "test \$(grep -c 'error:' '$T/out') = 1 && grep -q '$T/bad/learned/kern.cdb: .*\[errptr-rules\]' '$T/out'"
check "no internal compiler error" hasnt "$T/out" "internal compiler error|Segmentation|Aborted"
echo short >"$T/bad/learned/kern.cdb"
compile "$T/bad"
check "a short file: one error naming it" \
	sh -c "test $? = 1 && test \$(grep -c 'error:' '$T/out') = 1 && grep -q 'kern.cdb: not a rules index' '$T/out'"
# an index with a malformed entry (the errptr:index entry is right)
if command -v cdb >/dev/null 2>&1; then
	# cdb -c input: +KEYLEN,VALUELEN:KEY->VALUE
	entry() { printf '+%d,%d:%s->%s\n' ${#1} ${#2} "$1" "$2"; }
	tab=$(printf '\t')
	{ entry errptr:index "1${tab}kern.rules${tab}1"; entry func:akfs_open "3${tab}func akfs_open fails=sometimes"; echo; } |
		cdb -c "$T/bad/learned/kern.cdb"
	compile "$T/bad"
	check "a bad entry: one error naming the index and the entry" \
		sh -c "test $? = 1 && test \$(grep -c 'error:' '$T/out') = 1 && grep -q \"kern.cdb: entry 'func:akfs_open': fails=sometimes: expected null, err, both, none or stored\" '$T/out'"
fi
# damaged copies of the good index: never a crash
good=$T/rd/learned/kern.cdb
size=$(wc -c <"$good")
crashed=0
i=0
while [ $i -lt 40 ]; do
	cp "$good" "$T/bad/learned/kern.cdb"
	off=$(awk -v s="$size" -v r="$i" 'BEGIN { srand(r); print int(rand() * s) }')
	head -c 16 /dev/urandom | dd of="$T/bad/learned/kern.cdb" bs=1 seek="$off" conv=notrunc 2>/dev/null
	compile "$T/bad"
	s=$?
	if [ $s -gt 1 ] || grep -q -E "internal compiler error|Segmentation" "$T/out"; then
		crashed=$((crashed + 1))
		cp "$T/bad/learned/kern.cdb" "$T/crash-$i.cdb"
	fi
	i=$((i + 1))
done
check "40 damaged indexes: no crash" test "$crashed" = 0

# A kbuild module against the installed kernel headers, calling a real API whose contract
# only the index knows (the rules directory holds nothing else).
[ -n "${KDIR:-}" ] || KDIR=$(sh "$top/testsuite/run.sh" --print-kdir 2>/dev/null)
if [ -z "$KDIR" ] || [ ! -f "$KDIR/Makefile" ]; then
	fail "no kernel build directory for the kbuild module (install linux-headers-amd64 or set KDIR)"
	finish
fi
cat >"$T/open.c" <<'C'
#include "kernel-min.h"
struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	if (!filename)
		return ERR_PTR(-EINVAL);
	return (struct file *)filename;
}
int file_open_user(const char *name)
{
	struct file *f = filp_open(name, 0, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	return 0;
}
C
check "learn open.c" learn open.c
mkdir -p "$T/krd/learned" "$T/kmod"
check "merge the kernel's index" "$MERGE" -o "$T/krd/learned/linux.rules" --index "$T/krd/learned/linux.cdb" "$T/open.o"
cat >"$T/kmod/hook.c" <<'C'
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/err.h>

static bool hook_allowed;
module_param(hook_allowed, bool, 0644);

struct file *errptr_hook_open(const char *filename, int flags, umode_t mode)
{
	if (!hook_allowed)
		return NULL;
	return filp_open(filename, flags, mode);
}
EXPORT_SYMBOL_GPL(errptr_hook_open);
MODULE_LICENSE("GPL");
C
echo 'obj-m := hook.o' >"$T/kmod/Makefile"
KBUILD_COMPAT=$(sh "$top/testsuite/kbuild-compat.sh" "$CC" "$KDIR" "$T")
make -C "$KDIR" M="$T/kmod" CC="$CC" $KBUILD_COMPAT KCFLAGS="-fplugin=$ERRPTR_PLUGIN -fplugin-arg-errptr-rules-dir=$T/krd -fdiagnostics-plain-output -fno-diagnostics-show-caret" modules >"$T/kout" 2>&1
check "kbuild module: the hook of filp_open is flagged through the index" \
	has "$T/kout" "hook\.c:11:24: error: 'errptr_hook_open' returns NULL here, but it stands in for 'filp_open', whose callers test the result only with IS_ERR\(\) \[errptr-null-return\]"
check "with the sample caller the index holds" has "$T/kout" "e\.g\. 'file_open_user' at open\.c:11"
finish
