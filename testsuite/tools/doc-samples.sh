#!/bin/sh
# doc-samples.sh - the sample outputs of README.md, docs/manual.md, docs/errptr.1 and
# examples/*/README.md are what the demo prints now (scripts/doc-samples.sh --check; "make
# doc-samples" makes them again), and a sample that differs is found.
. "$(dirname "$0")/lib.sh"
plugin_ok
kdir_ok

major=$($CC -dumpversion | cut -d. -f1)
sample_gcc=$(sed -n 's/^SAMPLE_GCC=//p' "$top/scripts/doc-samples.sh")
if [ "$major" != "$sample_gcc" ]; then
	echo "SKIP: $test_name: the samples are made with GCC $sample_gcc, $CC is GCC $major"
	finish
fi
(cd "$top" && sh testsuite/run.sh --demo --cc "$CC" --plugin "$ERRPTR_PLUGIN" --kdir "$KDIR") >"$T/demo.log" 2>&1
check "the demo behaves as expected" grep -q '^demo: all [0-9]* examples behaved as expected' "$T/demo.log"
samples() { sh "$top/scripts/doc-samples.sh" --cc "$CC" --plugin "$ERRPTR_PLUGIN" --kdir "$KDIR" --demo-log "$T/demo.log" "$@"; }

samples --check >"$T/check.out" 2>&1
status=$?
if [ "$status" = 0 ]; then
	pass "the samples in README.md, docs/manual.md, docs/errptr.1, examples/*/README.md are what the demo prints"
else
	fail "samples differ from the demo's output (exit $status; make doc-samples makes them again):"
	sed 's/^/  /' "$T/check.out"
fi
n=$(cat "$top/README.md" "$top/docs/manual.md" "$top/docs/errptr.1" "$top"/examples/*/README.md |
	grep -c -e '^<!-- sample: ' -e '^\.\\" sample: ')
check "there are samples to compare ($n)" test "$n" -ge 5

# a stale sample is found, and --update makes it right
cp "$top/README.md" "$T/README.md"
sed 's/^demo: all [0-9]* examples/demo: all 2 examples/' "$T/README.md" >"$T/stale.md"
samples --check "$T/stale.md" >"$T/stale.out" 2>&1
status=$?
check "a stale sample ('all 2 examples') fails the check, with the difference shown (exit $status)" \
	sh -c "test '$status' = 1 && grep -q '^-demo: all 2 examples' '$T/stale.out' && grep -q '^+demo: all [0-9]* examples' '$T/stale.out'"
samples --update "$T/stale.md" >/dev/null 2>&1
check "--update makes the stale copy what the check expects" cmp "$T/stale.md" "$T/README.md"
printf '<!-- sample: plain no-such-example -->\n```\n```\n<!-- end sample -->\n' >"$T/bad.md"
samples --check "$T/bad.md" >"$T/bad.out" 2>&1
status=$?
check "a sample of an example the demo does not build is an error naming its line (exit $status)" \
	sh -c "test '$status' = 2 && grep -q 'bad.md:1: .*nothing in the demo' '$T/bad.out'"
finish
