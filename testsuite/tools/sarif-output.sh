#!/bin/sh
# sarif-output.sh - where -fplugin-arg-errptr-sarif=FILE writes: "%p" gives each unit its
# own log, without it the last unit wins, logs replace each other whole (no temporary
# file left) but devices, FIFOs and symbolic links are written through, a log that cannot be written is one error naming it (never a crash), and
# a unit that does not compile still gets a log that says so.
. "$(dirname "$0")/lib.sh"
plugin_ok
schema=$top/testsuite/tools/schema/sarif-schema-2.1.0.json

w=$T/w
mkdir -p "$w/out"
printf 'int one(void) { return 1; }\n' >"$w/one.c"
printf 'int two(void) { return 2; }\n' >"$w/two.c"
printf 'int broken(void) { return }\n' >"$w/broken.c"

# cc FILE SARIF [more flags]: compile FILE in $w with the plugin; output in $w/cc.log
cc() {
	cc_file=$1
	cc_sarif=$2
	shift 2
	(cd "$w" && $CC -fplugin="$ERRPTR_PLUGIN" $RULES_FLAGS -fplugin-arg-errptr-sarif="$cc_sarif" \
		-O2 -c "$cc_file" -o /dev/null "$@") >"$w/cc.log" 2>&1
}

no_crash() {
	! grep -q -i 'internal compiler error\|segmentation fault\|Please submit a full bug report' "$w/cc.log"
}

# ---- %p: one log per unit; %% is a '%'
cc one.c "$w/out/%p.sarif" && cc two.c "$w/out/%p.sarif" && cc one.c "$w/out/x%%y-%p.sarif"
logs=$(cd "$w/out" && ls)
if printf '%s\n' "$logs" | grep -q '^one\.c\.[0-9][0-9]*\.sarif$' &&
	printf '%s\n' "$logs" | grep -q '^two\.c\.[0-9][0-9]*\.sarif$' &&
	printf '%s\n' "$logs" | grep -q '^x%y-one\.c\.[0-9][0-9]*\.sarif$' &&
	[ "$(printf '%s\n' "$logs" | wc -l)" = 3 ]; then
	pass "%p is the unit's base name and pid, %% a '%'"
else
	fail "%p is the unit's base name and pid, %% a '%': got $(echo $logs)"
fi
(cd "$w" && $CC -fplugin="$ERRPTR_PLUGIN" $RULES_FLAGS -fplugin-arg-errptr-sarif="$w/out/%p.sarif" \
	-O2 -c -x c /dev/null -o /dev/null && printf 'int x;\n' | $CC -fplugin="$ERRPTR_PLUGIN" \
	$RULES_FLAGS -fplugin-arg-errptr-sarif="$w/out/%p.sarif" -O2 -c -x c - -o /dev/null) >"$w/cc.log" 2>&1
check "compiler probes (/dev/null, standard input) without findings write no log" \
	test "$(cd "$w/out" && ls | wc -l)" = 3
check "a unit without findings writes a valid log with no results" \
	"$PY" "$CHECK_PY" validate "$schema" "$w/out/$(cd "$w/out" && ls two.c.*.sarif)"

# ---- without %p the last unit wins, and the log is whole
cc one.c "$w/same.sarif" && cc two.c "$w/same.sarif"
target=$("$PY" "$CHECK_PY" get "$w/same.sarif" target 2>&1)
# (compiled in $w, the working directory: the URI is relative to %SRCROOT%)
check "without %p, the last unit's log replaces the previous one (target $target)" \
	test "$target" = two.c
check "no temporary file is left" test -z "$(find "$w" -name '*.tmp.*')"

# ---- a log that cannot be written: one error that names it, the compile fails
for dest in no/such/dir/x.sarif out; do
	cc one.c "$dest"
	status=$?
	n=$(grep -c "errptr: cannot write the SARIF log '$dest'" "$w/cc.log")	# as given
	if [ "$status" != 0 ] && [ "$n" = 1 ] && [ "$(grep -c 'error' "$w/cc.log")" = 1 ] && no_crash; then
		pass "unwritable $dest: one error naming it, the compile fails"
	else
		fail "unwritable $dest: one error naming it, the compile fails (status $status): $(cat "$w/cc.log")"
	fi
done

# ---- FILE is not a regular file: written through, never replaced
ln -s real.sarif "$w/link.sarif"
cc one.c "$w/link.sarif"
check "a symbolic link is written through, and stays a link" \
	test -L "$w/link.sarif" -a -s "$w/real.sarif"
mkfifo "$w/fifo.sarif"
cat "$w/fifo.sarif" >"$w/from-fifo" &
reader=$!
cc one.c "$w/fifo.sarif"
wait "$reader"
check "a FIFO is written through, and stays a FIFO" \
	test -p "$w/fifo.sarif" -a -s "$w/from-fifo"
if mknod "$w/null" c 1 3 2>/dev/null; then
	cc one.c "$w/null"
	check "a character device (a private /dev/null) stays a device" test -c "$w/null"
fi
check "no temporary file is left" test -z "$(find "$w" -name '*.tmp.*')"

# ---- a unit with a syntax error: a log all the same, saying the run was not successful
cc broken.c "$w/broken.sarif"
check "a unit with a syntax error fails without a crash" no_crash
success=$("$PY" "$CHECK_PY" get "$w/broken.sarif" success 2>&1)
check "... and its log says executionSuccessful: false ($success)" test "$success" = false
check "... and validates" "$PY" "$CHECK_PY" validate "$schema" "$w/broken.sarif"
finish
