#!/bin/sh
# merge-make-rules: "make rules" (scripts/learn-kernel.sh) on a fake kernel tree whose
# Makefile compiles each directory's *.c with $(KCFLAGS): configuration, one directory at
# a time, progress lines, the stamps that make a second run skip finished directories,
# a directory with a file that does not compile (make -k), the merge into rules and
# index, and the learned rules in use.
. "$(dirname "$0")/merge-lib.inc"
plugin_ok

K=$T/linux		# the fake source tree
mkdir -p "$K/kernel" "$K/fs" "$K/mm" "$K/scripts" "$K/include"
cp "$top/testsuite/include/kernel-min.h" "$K/include/"
# a host program kbuild builds while configuring (scripts/basic/fixdep): HOSTCC must make
# programs, which the learn-only compiler does not
printf 'int main(void)\n{\n\treturn 0;\n}\n' >"$K/scripts/fixdep.c"
cat >"$K/Makefile" <<'MK'
# a stand-in for the kernel's Makefile: configuration targets and DIR/ targets
VERSION = 6
PATCHLEVEL = 1
O ?= .
allmodconfig:
	mkdir -p $(O)
	$(HOSTCC) -o $(O)/fixdep scripts/fixdep.c && $(O)/fixdep
	printf 'CONFIG_KASAN=y\nCONFIG_MODULES=y\nCONFIG_WERROR=y\n' >$(O)/.config
	echo allmodconfig >>$(O)/calls
olddefconfig:
	echo olddefconfig >>$(O)/calls
%/: FORCE
	echo "build $*" >>$(O)/calls
	mkdir -p $(O)/$*
	st=0; for f in $*/*.c; do \
		$(CC) $(KCFLAGS) -O2 -I$(CURDIR)/include -c $(CURDIR)/$$f -o $(O)/$${f%.c}.o || st=1; \
	done; exit $$st
FORCE:
MK
cat >"$K/scripts/config" <<'SH'
#!/bin/sh
# a stand-in for scripts/config: --file F, -d OPT, -e OPT
while [ $# -gt 0 ]; do
	case $1 in
	--file) f=$2; shift 2 ;;
	-d) sed -i "s/^CONFIG_$2=.*/# CONFIG_$2 is not set/" "$f"; shift 2 ;;
	-e) echo "CONFIG_$2=y" >>"$f"; shift 2 ;;
	*) shift ;;
	esac
done
SH
chmod +x "$K/scripts/config"
cat >"$K/fs/open.c" <<'C'
#include "kernel-min.h"
struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	if (!filename)
		return ERR_PTR(-EINVAL);
	return (struct file *)filename;
}
C
cat >"$K/kernel/user.c" <<'C'
#include "kernel-min.h"
int open_it(const char *name)
{
	struct file *f = filp_open(name, 0, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	return 0;
}
C
cat >"$K/mm/broken.c" <<'C'
this does not compile
C
cat >"$K/mm/fine.c" <<'C'
#include "kernel-min.h"
struct page;
static int pg;
struct page *mm_get_page(int n) { if (n) return NULL; return (struct page *)&pg; }
C
# the hand-written rules used while learning: only rules/*.rules, never rules/learned/
mkdir -p "$T/rules/learned"
printf 'func hand_written fails=err\n' >"$T/rules/hand.rules"
printf 'this would be an error if read\n' >"$T/rules/learned/old.rules"

learn_kernel() {
	KSRC=$K KBUILD_OUT=$T/out LEARN_DIRS="fs kernel mm" LEARN_JOBS=1 KCC=$CC \
	PLUGIN=$ERRPTR_PLUGIN MERGE=$MERGE RULES_DIR=$T/rules LEARNED=$T/build/linux-6.1 \
	COMBINED=$T/rules/learned/linux sh "$top/scripts/learn-kernel.sh"
}
learn_kernel >"$T/run1" 2>&1
status=$?
check "first run succeeds" test "$status" = 0
check "configured once" has "$T/out/calls" "^allmodconfig$"
check "options turned off" sh -c "grep -q '^# CONFIG_KASAN is not set' '$T/out/.config' && grep -q '^# CONFIG_WERROR is not set' '$T/out/.config'"
check "progress: each directory" sh -c "grep -q '^learn: \[1/3\] fs: building' '$T/run1' && grep -q '^learn: \[3/3\] mm: done in' '$T/run1'"
check "a directory with a broken file is finished with make -k" \
	has "$T/run1" "^learn: \[3/3\] mm: done in .*make -k: .*see $T/out/\.errptr-learn/mm\.log"
check "the merge's coverage" has "$T/run1" "^objects with summaries: +3 "
check "rules written" has "$T/build/linux-6.1.rules" "^func filp_open fails=err callers=is_err args=3 caller=kernel/user\.c:5:open_it src=fs/open\.c:2 "
check "the rest of mm learned" has "$T/build/linux-6.1.rules" "^func mm_get_page fails=null "
check "and the index" "$MERGE" --query "$T/build/linux-6.1.cdb" filp_open
check "paths relative to KSRC" hasnt "$T/build/linux-6.1.rules" "^func .*$K"
check "combined into the rules the plugin uses" \
	has "$T/rules/learned/linux.rules" "^func filp_open fails=err callers=is_err args=3 .* versions=6\.1$"
check "which say the kernel" has "$T/rules/learned/linux.rules" "^kernels 6\.1$"
check "with their index" "$MERGE" --query "$T/rules/learned/linux.cdb" filp_open

# resume: finished directories are skipped; a removed stamp is built again
: >"$T/out/calls"
learn_kernel >"$T/run2" 2>&1
check "second run: everything done before" sh -c "test \$(grep -c 'done before' '$T/run2') = 3"
check "nothing configured or built again" test ! -s "$T/out/calls"
rm "$T/out/.errptr-learn/kernel.done"
learn_kernel >"$T/run3" 2>&1
check "a removed stamp: that directory only" sh -c "grep -qx 'build kernel' '$T/out/calls' && test \$(wc -l <'$T/out/calls') = 1"

# a directory that fails before any object is built is not marked done: tried again
mkdir -p "$K/bad"
cp "$K/mm/broken.c" "$K/bad/"
(KSRC=$K KBUILD_OUT=$T/out LEARN_DIRS="fs bad" LEARN_JOBS=1 KCC=$CC PLUGIN=$ERRPTR_PLUGIN \
	MERGE=$MERGE RULES_DIR=$T/rules LEARNED=$T/learned-bad COMBINED=$T/combined-bad \
	sh "$top/scripts/learn-kernel.sh") >"$T/runbad" 2>&1
check "a directory with no object built: not marked done" sh -c \
	"grep -q 'bad: failed with no object built' '$T/runbad' && test ! -f '$T/out/.errptr-learn/bad.done'"
check "the look-alike, mm (a broken file, a fine one): marked done" test -f "$T/out/.errptr-learn/mm.done"
rm -rf "$K/bad"

# the learned rules in use: a hook of filp_open returning NULL
cat >"$T/hook.c" <<'C'
#include "kernel-min.h"
extern bool ok(void);
struct file *my_filp_open(const char *filename, int flags, umode_t mode)
{
	if (!ok())
		return NULL;
	return filp_open(filename, flags, mode);
}
C
rm "$T/rules/learned/old.rules"
(cd "$T" && $CC -fplugin="$ERRPTR_PLUGIN" -fplugin-arg-errptr-rules-dir="$T/rules" -O2 \
	-fdiagnostics-plain-output -I"$top/testsuite/include" -c hook.c -o hook.o) >"$T/hook.out" 2>&1
check "the learned contract flags a hook" \
	has "$T/hook.out" "'my_filp_open' returns NULL here, but it stands in for 'filp_open'"
check "naming the learned rules file" has "$T/hook.out" "e\.g\. 'open_it' at kernel/user\.c:5"

# the defaults: every top-level directory with a Makefile or Kbuild but the excluded ones
# and arch/ other than x86; learn-only; through a compiler wrapper (distcc's place)
mkdir -p "$K/arch/x86/mm" "$K/arch/arm/mm" "$K/samples" "$K/drivers"
for d in kernel fs mm arch/x86 arch/arm samples scripts include drivers; do : >"$K/$d/Makefile"; done
cp "$K/mm/fine.c" "$K/arch/x86/mm/x86.c"
sed -i 's/mm_get_page/x86_get_page/' "$K/arch/x86/mm/x86.c"
cp "$K/arch/x86/mm/x86.c" "$K/arch/arm/mm/arm.c"
cp "$K/arch/x86/mm/x86.c" "$K/samples/sample.c"
sed -i 's/^VERSION = 6$/VERSION = 9/; s/^PATCHLEVEL = 1$/PATCHLEVEL = 7/' "$K/Makefile"
# the fake Makefile builds DIR/*.c only: arch/x86's file sits in arch/x86 itself
mv "$K/arch/x86/mm/x86.c" "$K/arch/x86/x86.c"
cat >"$T/wrap" <<'SH'
#!/bin/sh
echo "$*" >>"${WRAP_LOG:?}"
exec "$@"
SH
chmod +x "$T/wrap"
WRAP_LOG=$T/wrap.log
export WRAP_LOG
(cd "$T" && KSRC=$K KBUILD_OUT=$T/out3 LEARN_JOBS=1 KCC=$CC LEARN_WRAPPER=$T/wrap \
	PLUGIN=$ERRPTR_PLUGIN MERGE=$MERGE RULES_DIR=$T/rules LEARNED=$T/learned3 COMBINED=$T/combined3 \
	sh "$top/scripts/learn-kernel.sh") >"$T/run4" 2>&1
check "the learned rules say their kernel (KSRC's VERSION.PATCHLEVEL)" has "$T/learned3.rules" "^kernels 9\.7$"
check "defaults: arch/x86 first, then the top-level directories, none excluded" \
	has "$T/run4" "^learn: \[1/5\] arch/x86: building"
check "defaults: drivers fs kernel mm" sh -c "grep -q '^learn: \[2/5\] drivers: building' '$T/run4' &&
	grep -q '^learn: \[5/5\] mm: building' '$T/run4'"
check "defaults: not samples, scripts, include or arch/arm" \
	hasnt "$T/run4" "^learn: .*(samples|scripts|include|arch/arm|arch):"
check "defaults: learned from arch/x86" has "$T/learned3.rules" "^func x86_get_page fails=null "
check "the compilations went through the wrapper, with errptr's arguments in errptr-cc" \
	sh -c "grep -q 'errptr-cc .*x86\.c' '$WRAP_LOG' && grep -q -- '-fplugin-arg-errptr-learn-only' '$T/out3/.errptr-learn/errptr-cc'"
check "learn-only by default: no code in the objects" \
	sh -c "test -f '$T/out3/arch/x86/x86.o' && ! nm '$T/out3/arch/x86/x86.o' | grep -q ' T '"
check "LEARN_MODE=learn: code" sh -c "rm -f '$T/out3/.errptr-learn/'*.done '$T/out3/arch/x86/x86.o' &&
	KSRC=$K KBUILD_OUT=$T/out3 LEARN_DIRS=arch/x86 LEARN_MODE=learn KCC=$CC PLUGIN=$ERRPTR_PLUGIN \
	MERGE=$MERGE RULES_DIR=$T/rules LEARNED=$T/learned4 COMBINED=$T/combined4 sh '$top/scripts/learn-kernel.sh' >'$T/run5' 2>&1 &&
	nm '$T/out3/arch/x86/x86.o' | grep -q ' T x86_get_page'"
check "LEARN_MODE=other: a clear error" sh -c "KSRC=$K LEARN_MODE=learnonly PLUGIN=$ERRPTR_PLUGIN MERGE=$MERGE \
	sh '$top/scripts/learn-kernel.sh' 2>&1 | grep -q 'LEARN_MODE=learnonly: learn-only or learn'"

# a tree that is not a kernel
KSRC=$T/nowhere KBUILD_OUT=$T/out2 PLUGIN=$ERRPTR_PLUGIN MERGE=$MERGE sh "$top/scripts/learn-kernel.sh" >"$T/bad" 2>&1
check "KSRC that is not a kernel tree: a clear error" \
	sh -c "test $? = 1 && grep -q 'is not a kernel source tree' '$T/bad'"
finish
