#!/bin/sh
# learned-rules.sh - spot checks of the contracts errptr learned from Linux 6.1 itself
# (rules/learned/linux.rules, made by "make rules": the rules of every kernel learned,
# each with the kernels it holds in): each 6.1 contract against what the 6.1 source says,
# read by hand (rules/kernel.rules has the hand-checked twin of each), and the changes
# between kernels that are known.
. "$(dirname "$0")/lib.sh"

rules=$top/rules/learned/linux.rules
index=$top/rules/learned/linux.cdb
merge=${ERRPTR_MERGE:-$top/tools/errptr-merge}

if [ ! -f "$rules" ]; then
	fail "learned rules: $rules is missing (make rules)"
	finish
fi

# expect_in KERNEL KIND NAME FIELD...: the learned line for NAME in KERNEL has every FIELD
expect_in() {
	kernel=$1 kind=$2 name=$3
	shift 3
	line=$(grep "^$kind $name " "$rules" |
		grep -E "versions=([0-9.]+,)*$(echo "$kernel" | sed 's/\./\\./g')(,| |\$)" | head -n 1)
	if [ -z "$line" ]; then
		fail "learned: no rule for $name"
		return
	fi
	for field in "$@"; do
		case " $line " in
		*" $field "*) ;;
		*) fail "learned: $name has no '$field': $line"; return ;;
		esac
	done
	pass "learned ($kernel): $name $*"
	if [ -x "$merge" ] && [ -f "$index" ]; then
		key=$name
		if "$merge" --query "$index" "$key" 2>/dev/null | grep -q "^$kind $name "; then
			pass "learned index: $name"
		else
			fail "learned index: $name not answered by $index"
		fi
	fi
}

expect() { expect_in 6.1 "$@"; }

# the seed: every caller of do_filp_open tests only IS_ERR() (fs/open.c, fs/exec.c)
expect func do_filp_open fails=err callers=is_err
expect func filp_open fails=err
expect func kmalloc fails=null callers=null
expect func kzalloc fails=null callers=null
expect func ioremap fails=null
expect func of_iomap fails=null
expect func devm_ioremap_resource fails=err callers=is_err
expect func devm_gpiod_get_optional fails=both
expect func kthread_create_on_node fails=err
expect member file_system_type.mount fails=err callers=is_err

# the kernels learned, and the changes between them that are known
kernels=$(sed -n 's/^kernels //p' "$rules")
case " $kernels " in
*" 6.1 "*) pass "learned: kernels $kernels" ;;
*) fail "learned: no 6.1 among the kernels learned ('$kernels')" ;;
esac
case " $kernels " in
*" 6.12 "*)
	# __filemap_get_folio() returned NULL in 6.1 and returns ERR_PTR() since 6.4
	expect_in 6.1 func __filemap_get_folio fails=null
	expect_in 6.12 func __filemap_get_folio fails=err
	expect_in 6.12 func do_filp_open fails=err callers=is_err ;;
esac

# the learned set is a real one: thousands of rules, sorted, and the plugin reads it
n=$(grep -c '^func \|^member ' "$rules")
if [ "$n" -ge 1000 ]; then pass "learned: $n rules"; else fail "learned: only $n rules"; fi
if grep '^func \|^member ' "$rules" | LC_ALL=C sort -c -k1,1 -k2,2 2>/dev/null; then
	pass "learned: rules sorted by kind and name"
else
	fail "learned: rules not sorted"
fi
finish
