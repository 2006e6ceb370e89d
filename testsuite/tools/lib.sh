# lib.sh - sourced by the testsuite/tools/*.sh tests: settings, scratch space, results.
#
# Settings come from the environment (testsuite/tools/run.sh sets them):
#   CC             compiler (default gcc)
#   ERRPTR_PLUGIN  the plugin to load (default plugin/errptr.so of this tree)
#   KDIR           kernel build directory (default: what testsuite/run.sh --print-kdir finds)
#   ERRPTR_GATE    a built errptr-gate (default: built here from tools/gate/ and lib/)
#   KEEP=1         keep the scratch directory (its path is printed)
# Each test prints "PASS: TEST: what" / "FAIL: TEST: what" lines and exits 1 if any failed.

top=$(cd "$(dirname "$0")/../.." && pwd)
test_name=$(basename "$0" .sh)
: "${CC:=gcc}"
: "${ERRPTR_PLUGIN:=$top/plugin/errptr.so}"
[ -n "${KDIR:-}" ] || KDIR=$(sh "$top/testsuite/run.sh" --print-kdir 2>/dev/null)
export LC_ALL=C

T=$(mktemp -d "${TMPDIR:-/tmp}/errptr-$test_name.XXXXXX") || exit 2
if [ "${KEEP:-0}" = 1 ]; then
	echo "note: $test_name: scratch directory $T kept"
else
	trap 'rm -rf "$T"' EXIT
fi

npass=0
nfail=0
pass() { echo "PASS: $test_name: $*"; npass=$((npass + 1)); }
fail() { echo "FAIL: $test_name: $*"; nfail=$((nfail + 1)); }
# check WHAT COMMAND...: PASS if COMMAND succeeds
check() {
	what=$1
	shift
	if "$@" >"$T/check.out" 2>&1; then
		pass "$what"
	else
		fail "$what"
		sed 's/^/  /' "$T/check.out"
	fi
}
finish() {
	[ "$nfail" = 0 ]
	exit $?
}

# Python 3 with jsonschema: Debian's python3-jsonschema first.
python_with_jsonschema() {
	for py in /usr/bin/python3 python3; do
		if "$py" -c 'import jsonschema' >/dev/null 2>&1; then
			echo "$py"
			return 0
		fi
	done
	return 1
}
PY=$(python_with_jsonschema || command -v python3 || echo python3)
CHECK_PY=$top/testsuite/tools/sarif-check.py

# The contracts the tests rely on, whatever the bundled rules say (a later rules file
# wins).  The bundled directory is named, so that a plugin built elsewhere finds it.
cat >"$T/tools.rules" <<'RULES'
# contracts for testsuite/tools
func do_filp_open fails=err callers=is_err args=3 caller=fs/open.c:1331:do_sys_openat2
func filp_open fails=err callers=is_err args=3 caller=fs/open.c:1340:file_open_name
RULES
RULES_FLAGS="-fplugin-arg-errptr-rules-dir=$top/rules -fplugin-arg-errptr-rules=$T/tools.rules"

plugin_ok() {
	if [ ! -f "$ERRPTR_PLUGIN" ]; then
		fail "plugin $ERRPTR_PLUGIN not found (run make first)"
		finish
	fi
}

kdir_ok() {
	if [ -z "$KDIR" ] || [ ! -f "$KDIR/Makefile" ]; then
		fail "no kernel build directory (install linux-headers-amd64 or set KDIR)"
		finish
	fi
}

# Make arguments that let a compiler older than the one the kernel was configured with
# build modules against its headers, as testsuite/run.sh passes them: kbuild-compat.sh.
KBUILD_COMPAT=$(sh "$top/testsuite/kbuild-compat.sh" "$CC" "$KDIR" "$T")

# kbuild DIR KCFLAGS...: build the module in DIR with the plugin; output in DIR/build.log
kbuild() {
	kb_dir=$1
	shift
	(
		unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
		# shellcheck disable=SC2086 # KBUILD_COMPAT is a list of make arguments
		make -C "$KDIR" M="$kb_dir" CC="$CC" $KBUILD_COMPAT \
			KCFLAGS="-fplugin=$ERRPTR_PLUGIN $RULES_FLAGS $*" </dev/null
	) >"$kb_dir/build.log" 2>&1
}

# The gate: ERRPTR_GATE, or built from the tree's source.
gate_ok() {
	if [ -n "${ERRPTR_GATE:-}" ]; then
		GATE=$ERRPTR_GATE
		return 0
	fi
	GATE=$T/errptr-gate
	if ! $CC -std=c99 -O2 -Wall -Wextra -Werror -I"$top/lib" -DERRPTR_VERSION="\"$(cat "$top/VERSION")\"" \
		-o "$GATE" "$top"/tools/gate/*.c "$top"/lib/*.c \
		>"$T/gate-build.log" 2>&1; then
		fail "tools/gate and lib compile without warnings: $(head -n 3 "$T/gate-build.log")"
		finish
	fi
	pass "tools/gate and lib compile without warnings"
}
