#!/bin/sh
# fuzz-smoke.sh - a short run of both libFuzzer harnesses (scripts/fuzz/, make fuzz):
# they build, read their committed corpus and run FUZZ_SMOKE_SECONDS (default 10) each
# without a crash, leak, hang or UB report.  SKIP when clang or its fuzzer runtime is
# missing (make fuzz installs them).  The long runs are "make fuzz" (docs/reliability.md).
. "$(dirname "$0")/lib.sh"

seconds=${FUZZ_SMOKE_SECONDS:-10}
CLANG=${CLANG:-clang}
echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' >"$T/probe.c"
if ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "SKIP: $test_name: no $CLANG (make fuzz installs clang and libclang-rt-14-dev)"
	exit 0
fi
if ! "$CLANG" -fsanitize=fuzzer,address,undefined -o "$T/probe" "$T/probe.c" >"$T/probe.out" 2>&1; then
	echo "SKIP: $test_name: $CLANG cannot link -fsanitize=fuzzer,address,undefined (libclang-rt-14-dev?)"
	sed 's/^/  /' "$T/probe.out" | head -5
	exit 0
fi
for h in rules summary; do
	if sh "$top/scripts/fuzz/fuzz.sh" --quiet --seconds "$seconds" --dir "$T/fuzz" "$h" >"$T/$h.out" 2>&1; then
		pass "$h: $(grep "^fuzz: $h: [0-9?]* runs" "$T/$h.out" | sed "s/^fuzz: $h: //")"
	else
		fail "$h: a finding or a build failure"
		sed 's/^/  /' "$T/$h.out" | tail -25
	fi
done
finish
