#!/bin/sh
# fuzz.sh - build and run errptr's libFuzzer harnesses (make fuzz; docs/reliability.md).
#
#   sh scripts/fuzz/fuzz.sh [--seconds N] [--dir DIR] [--keep] [--quiet] [HARNESS...]
#
# HARNESS: rules (lib/rules_parse.c, the rules parser) and summary (tools/merge/,
# the reader of the learn mode's summary sections); default both, one after the other.
# Each is built with clang -fsanitize=fuzzer,address,undefined -g -O1 into DIR (default
# build/fuzz) and run for N seconds (default 600) on a scratch copy of its committed corpus
# scripts/fuzz/corpus/HARNESS/, so the tree's corpus does not change; --keep then merges
# into it the new inputs that add coverage (libFuzzer -merge=1).  Progress: libFuzzer's own
# lines (without its NEW/REDUCE lines; the whole log is DIR/HARNESS.log).  Then one line per
# harness:
#   fuzz: HARNESS: N runs in S s (R/s), cov C, ft F, corpus A -> B inputs, crashes K
# Exit status 1 when a harness found a crash, leak, hang, UB or failed check (the input is
# left in DIR/HARNESS-crash-*, ...-leak-*, ...-timeout-*), 2 when clang cannot build them.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
seconds=600
dir=$top/build/fuzz
keep=0
quiet=0
CLANG=${CLANG:-clang}
while [ $# -gt 0 ]; do
	case $1 in
	--seconds) seconds=$2; shift 2 ;;
	--dir) dir=$2; shift 2 ;;
	--keep) keep=1; shift ;;
	--quiet) quiet=1; shift ;;
	-h | --help) sed -n '2,18p' "$0"; exit 0 ;;
	-*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || set -- rules summary
mkdir -p "$dir" || exit 2
case $dir in /*) ;; *) dir=$(pwd)/$dir ;; esac

FLAGS="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -g -O1 -Wall"
build() {	# build HARNESS
	case $1 in
	rules)
		$CLANG $FLAGS -I"$top/lib" -o "$dir/fuzz_rules" "$top/scripts/fuzz/fuzz_rules.c" \
			"$top/lib/rules_parse.c" ;;
	summary)
		m=$top/tools/merge
		$CLANG $FLAGS -I"$top/lib" -I"$m" -o "$dir/fuzz_summary" "$top/scripts/fuzz/fuzz_summary.c" \
			"$m/read_summary.c" "$m/facts.c" "$m/resolve.c" "$m/rules.c" "$top"/lib/*.c ;;
	*)
		echo "fuzz.sh: no harness '$1' (rules, summary)" >&2; return 1 ;;
	esac
}

status=0
for h in "$@"; do
	echo "fuzz: $h: building $dir/fuzz_$h"
	build "$h" || exit 2
	work=$dir/$h.corpus
	rm -rf "$work" "$dir/$h-"crash-* "$dir/$h-"leak-* "$dir/$h-"timeout-* "$dir/$h-"oom-*
	mkdir -p "$work"
	cp "$top/scripts/fuzz/corpus/$h/"* "$work/"
	before=$(ls "$work" | wc -l)
	echo "fuzz: $h: $seconds s on a copy of scripts/fuzz/corpus/$h ($before inputs) in $work"
	log=$dir/$h.log
	: >"$log"
	(
		# UBSan: a report is a crash (with the stack); ASan: leaks too (default)
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$dir/fuzz_$h" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
			-artifact_prefix="$dir/$h-" "$work" >"$log" 2>&1
		echo $? >"$log.rc"
	) &
	pid=$!
	if [ "$quiet" = 0 ]; then
		# follow the log while the fuzzer runs
		tail -n +1 -f "$log" --pid=$pid 2>/dev/null |
			grep --line-buffered -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE)|^"|dictionary' &
		tpid=$!
	fi
	wait $pid
	[ "$quiet" = 0 ] && wait $tpid 2>/dev/null
	rc=$(cat "$log.rc")
	after=$(ls "$work" | wc -l)
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")
	last=$(grep -E '^#[0-9]+' "$log" | grep ' cov: ' | tail -1)
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	crashes=$(ls "$dir/$h-"crash-* "$dir/$h-"leak-* "$dir/$h-"timeout-* "$dir/$h-"oom-* 2>/dev/null | wc -l)
	if [ "$rc" != 0 ] && [ "$crashes" = 0 ]; then
		crashes=1	# a report without an artifact (e.g. a failed check at startup)
	fi
	echo "fuzz: $h: ${runs:-?} runs in ${took:-?} s (${rate:-?}/s), cov ${cov:-?}, ft ${ft:-?}, corpus $before -> $after inputs, crashes $crashes"
	if [ "$rc" != 0 ]; then
		status=1
		echo "fuzz: $h: FINDING (exit status $rc); the report, from $log:"
		grep -n -E 'ERROR|SUMMARY|runtime error|check failed|rejects|artifact|Test unit written' "$log" | head -20
		ls "$dir/$h-"crash-* "$dir/$h-"leak-* "$dir/$h-"timeout-* "$dir/$h-"oom-* 2>/dev/null
	elif [ "$keep" = 1 ] && [ "$after" -gt "$before" ]; then
		n0=$(ls "$top/scripts/fuzz/corpus/$h" | wc -l)
		"$dir/fuzz_$h" -merge=1 "$top/scripts/fuzz/corpus/$h" "$work" >"$dir/$h.merge.log" 2>&1
		n1=$(ls "$top/scripts/fuzz/corpus/$h" | wc -l)
		echo "fuzz: $h: --keep: scripts/fuzz/corpus/$h: $n0 -> $n1 inputs (those adding coverage)"
	elif [ "$after" -gt "$before" ]; then
		echo "fuzz: $h: to keep the new inputs that add coverage: make fuzz FUZZ_KEEP=1, or"
		echo "      $dir/fuzz_$h -merge=1 scripts/fuzz/corpus/$h $work"
	fi
done
exit $status
