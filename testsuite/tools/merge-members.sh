#!/bin/sh
# merge-members: a struct member gets the union of the kinds of the functions stored into
# it, across files (initializers and assignments), statics resolved in the storing file.
. "$(dirname "$0")/merge-lib.inc"
plugin_ok

cat >"$T/ops.h" <<'C'
struct x;
struct fs_ops {
	struct x *(*mount)(int flags, const char *dev);
	struct x *(*lookup)(const char *name);
};
C
# one.c: a static ->mount returning ERR_PTR, set by an initializer
cat >"$T/one.c" <<'C'
#include "kernel-min.h"
#include "ops.h"
static int y;
static struct x *one_mount(int flags, const char *dev)
{
	if (!dev)
		return ERR_PTR(-EINVAL);
	return (struct x *)&y;
}
const struct fs_ops one_ops = { .mount = one_mount };
C
# two.c: a global ->mount returning NULL, assigned in code; ->lookup only valid pointers
cat >"$T/two.c" <<'C'
#include "kernel-min.h"
#include "ops.h"
static int z;
struct x *two_mount(int flags, const char *dev) { if (flags) return NULL; return (struct x *)&z; }
static struct x *two_lookup(const char *name) { return (struct x *)&z; }
void two_setup(struct fs_ops *ops) { ops->mount = two_mount; ops->lookup = two_lookup; }
C
# user.c: calls through the member, testing IS_ERR
cat >"$T/user.c" <<'C'
#include "kernel-min.h"
#include "ops.h"
int do_mount(const struct fs_ops *ops)
{
	struct x *root = ops->mount(0, "dev");
	if (IS_ERR(root))
		return PTR_ERR(root);
	return 0;
}
C
for f in one two user; do
	check "learn $f.c" learn $f.c
done
check "merge one.c alone" "$MERGE" -o "$T/one.rules" "$T/one.o" "$T/user.o"
check "a static stored into a member gives it its kinds: fails=err" \
	expect_rule "$T/one.rules" member fs_ops.mount "member fs_ops.mount fails=err callers=is_err args=2"
check "the member's callers are counted" \
	has "$T/one.rules" "^member fs_ops\.mount .* caller=user\.c:6:do_mount  # tests: is_err=1 null=0 both=0 none=0 returned=0$"
check "statics get no func rule" hasnt "$T/one.rules" "^func one_mount "
check "merge all" "$MERGE" -o "$T/all.rules" "$T/one.o" "$T/two.o" "$T/user.o"
check "the union over the files: fails=both" \
	expect_rule "$T/all.rules" member fs_ops.mount "member fs_ops.mount fails=both callers=is_err args=2"
check "a member of valid pointers only: fails=none" \
	expect_rule "$T/all.rules" member fs_ops.lookup "member fs_ops.lookup fails=none args=1"
check "members come after functions" \
	sh -c "grep -v '^#' '$T/all.rules' | awk '{print \$1}' | uniq | tr '\n' ' ' | grep -x 'func member '"
finish
