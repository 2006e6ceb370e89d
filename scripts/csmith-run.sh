#!/bin/sh
# csmith-run.sh - compile random C programs (Debian's csmith) with errptr: no ICE, no
# errptr diagnostic, no compile that errptr breaks.
#
#   sh scripts/csmith-run.sh [-n N] [--seed S] [--o0-every K] [--cc CC] [--plugin PATH]
#                          [-j J] [--out DIR] [--timeout SECS]
#
#   -n N           programs to generate (default $CSMITH_N, else 2000)
#   --seed S       csmith seed of the first program; program i gets S+i (default
#                  $CSMITH_SEED, else taken from the clock; printed, so a run can be repeated)
#   --o0-every K   also compile every K-th program at -O0 (default 5: a fifth)
#   --cc CC        compiler (default $CC, else gcc)
#   --plugin PATH  errptr plugin (default plugin/errptr.so of this tree)
#   -j J           compiles at a time (default: number of cores)
#   --out DIR      where failing programs and their output are kept (default build/csmith)
#   --timeout SECS per compile (default 300); a compile that takes longer is a failure
#                  when the same compile without errptr finishes in time
#
# Every program is compiled with -O2 (and every K-th also with -O0) and the plugin.
# Counted: ICEs (exit status >= 128 or "internal compiler error"), errptr diagnostics
# (any line ending in "[errptr-...]": csmith programs have no error pointers, so every
# one is a false positive), other failed compiles (each compiled again without errptr:
# only those that then succeed count against errptr), timeouts, and the time.  Every
# 10th program is also compiled without errptr at -O2, for the plugin's overhead.
# Prints a progress line every 100 programs and a summary line
#   csmith: N programs (seeds S..E), M compiles: 0 ICE, 0 errptr diagnostics, ...
# Exit status: 0 when there was no ICE, no errptr diagnostic, no compile broken by errptr
# and no timeout caused by errptr; 1 otherwise; 2 on bad usage or missing tools.
# Failing programs and their compiler output are copied to DIR/fail-SEED-OPT.{c,log}.

LC_ALL=C
export LC_ALL
unset CDPATH

worker() {	# worker SEED: generate program SEED and compile it; one result line per compile
	seed=$1
	w=$CS_TMP/$seed
	mkdir -p "$w"
	if ! csmith --seed "$seed" >"$w/p.c" 2>"$w/gen.log"; then
		echo "$seed gen 1 0 0 0" >"$CS_TMP/$seed.res"
		return
	fi
	opts="-O2"
	[ $((seed % CS_O0_EVERY)) -eq 0 ] && opts="$opts -O0"
	[ $((seed % 10)) -eq 0 ] && opts="$opts plain"
	: >"$CS_TMP/$seed.res"
	for o in $opts; do
		if [ "$o" = plain ]; then
			flags="-O2"
		else
			flags="-fplugin=$CS_PLUGIN $o"
		fi
		t0=$(date +%s%N)
		# shellcheck disable=SC2086 # CC may be a command with arguments
		timeout -k 10 "$CS_TIMEOUT" $CS_CC $flags -fdiagnostics-plain-output \
			-fno-diagnostics-show-caret -I"$CS_INC" -c "$w/p.c" -o "$w/p.o" >"$w/log" 2>&1 </dev/null
		status=$?
		t1=$(date +%s%N)
		ms=$(((t1 - t0) / 1000000))
		ice=0
		{ [ "$status" -ge 128 ] && [ "$status" -ne 124 ]; } && ice=1
		grep -q 'internal compiler error' "$w/log" && ice=1
		nerr=$(grep -c -E '\[errptr-[a-z0-9-]+\]$' "$w/log")
		other=0
		if [ "$o" != plain ] && [ "$ice" = 0 ] && [ "$nerr" = 0 ] && [ "$status" -ne 0 ]; then
			# a failed compile without errptr diagnostic: errptr's fault only if GCC alone succeeds
			# shellcheck disable=SC2086
			if timeout -k 10 "$CS_TIMEOUT" $CS_CC $o -I"$CS_INC" -c "$w/p.c" -o "$w/q.o" >/dev/null 2>&1 </dev/null; then
				other=1
			else
				other=gcc
			fi
		fi
		echo "$seed $o $status $ms $ice $nerr $other" >>"$CS_TMP/$seed.res"
		if [ "$ice" = 1 ] || [ "$nerr" != 0 ] || [ "$other" = 1 ]; then
			cp "$w/p.c" "$CS_OUT/fail-$seed$o.c"
			cp "$w/log" "$CS_OUT/fail-$seed$o.log"
		fi
	done
	rm -rf "$w"
}

if [ "${1:-}" = --worker ]; then
	worker "$2"
	exit 0
fi

ROOT=$(cd "$(dirname "$0")/.." && pwd) || exit 2
N=${CSMITH_N:-2000}
SEED=${CSMITH_SEED:-}
O0_EVERY=5
CC=${CC:-gcc}
PLUGIN=$ROOT/plugin/errptr.so
JOBS=$(nproc 2>/dev/null || echo 1)
OUT=$ROOT/build/csmith
TIMEOUT=300
while [ $# -gt 0 ]; do
	case $1 in
	-n) N=$2; shift 2 ;;
	--seed) SEED=$2; shift 2 ;;
	--o0-every) O0_EVERY=$2; shift 2 ;;
	--cc) CC=$2; shift 2 ;;
	--plugin) PLUGIN=$2; shift 2 ;;
	-j) JOBS=$2; shift 2 ;;
	--out) OUT=$2; shift 2 ;;
	--timeout) TIMEOUT=$2; shift 2 ;;
	-h | --help) sed -n '2,30p' "$0"; exit 0 ;;
	*) echo "csmith-run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
	esac
done
for v in "$N" "$O0_EVERY" "$JOBS" "$TIMEOUT" ${SEED:+"$SEED"}; do
	case $v in
	'' | *[!0-9]*) echo "csmith-run.sh: '$v' is not a number" >&2; exit 2 ;;
	esac
done
[ "$O0_EVERY" -gt 0 ] || O0_EVERY=1000000000
[ -n "$SEED" ] || SEED=$(($(date +%s) % 1000000 * 1000))
if ! command -v csmith >/dev/null 2>&1; then
	echo "csmith-run.sh: csmith is not installed (Debian: apt-get install csmith libcsmith-dev; make csmith does it)" >&2
	exit 2
fi
INC=/usr/include/csmith
if [ ! -f "$INC/csmith.h" ]; then
	echo "csmith-run.sh: $INC/csmith.h is missing (Debian: apt-get install libcsmith-dev)" >&2
	exit 2
fi
case $PLUGIN in /*) ;; *) PLUGIN=$(pwd)/$PLUGIN ;; esac
if [ ! -f "$PLUGIN" ]; then
	echo "csmith-run.sh: plugin $PLUGIN not found (run make first)" >&2
	exit 2
fi
mkdir -p "$OUT" || exit 2
OUT=$(cd "$OUT" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/errptr-csmith.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM HUP

CS_TMP=$TMP CS_CC=$CC CS_PLUGIN=$PLUGIN CS_INC=$INC CS_O0_EVERY=$O0_EVERY CS_OUT=$OUT CS_TIMEOUT=$TIMEOUT
export CS_TMP CS_CC CS_PLUGIN CS_INC CS_O0_EVERY CS_OUT CS_TIMEOUT

last=$((SEED + N - 1))
echo "csmith: $N programs, seeds $SEED..$last, $CC -O2 (and -O0 for every ${O0_EVERY}th) with $PLUGIN, $JOBS at a time"
echo "csmith: $(csmith --version 2>/dev/null | head -n 1); $($CC --version | head -n 1)"
start=$(date +%s)
: >"$TMP/all"
done_n=0
while [ $done_n -lt "$N" ]; do
	batch=100
	[ $((N - done_n)) -lt $batch ] && batch=$((N - done_n))
	first=$((SEED + done_n))
	seq "$first" $((first + batch - 1)) | xargs -P "$JOBS" -n 1 sh "$0" --worker
	for s in $(seq "$first" $((first + batch - 1))); do
		if [ -f "$TMP/$s.res" ]; then
			cat "$TMP/$s.res" >>"$TMP/all"
			rm -f "$TMP/$s.res"
		else
			echo "$s died 1 0 0 0 0" >>"$TMP/all"
		fi
	done
	done_n=$((done_n + batch))
	awk -v n="$done_n" -v t=$(($(date +%s) - start)) '
		$2 == "-O2" || $2 == "-O0" { c++; ice += $5; diag += $6; if ($7 == 1 && $3 != 124) other++; if ($3 == 124 && $7 != "gcc") to++ }
		$2 == "gen" || $2 == "died" { bad++ }
		END { printf "csmith: %d programs, %d compiles: %d ICE, %d errptr diagnostics, %d broken by errptr, %d timeouts, %d not generated (%d s)\n",
			n, c, ice, diag, other, to, bad, t }' "$TMP/all"
done

elapsed=$(($(date +%s) - start))
# the same programs with and without errptr (every 10th program, -O2) give the overhead
awk -v seed="$SEED" -v last="$last" -v el="$elapsed" -v out="$OUT" '
	$2 == "-O2" { c++; o2++; ms2 += $4; t[$1] = $4; ice += $5; diag += $6; if ($7 == 1 && $3 != 124) other++; if ($7 == "gcc") gccfail++; if ($3 == 124 && $7 != "gcc") to++ }
	$2 == "-O0" { c++; o0++; ms0 += $4; ice += $5; diag += $6; if ($7 == 1 && $3 != 124) other++; if ($7 == "gcc") gccfail++; if ($3 == 124 && $7 != "gcc") to++ }
	$2 == "plain" { p[$1] = $4 }
	$2 == "gen" || $2 == "died" { bad++ }
	END {
		for (s in p) if (s in t) { np++; with += t[s]; without += p[s] }
		over = (np && without) ? sprintf("%+.1f%%", 100 * (with - without) / without) : "n/a"
		fails = ice + diag + other + to
		printf "csmith: SUMMARY: %d programs (seeds %d..%d), %d compiles (%d at -O2, %d at -O0): %d ICE, %d errptr diagnostics, %d compiles broken by errptr, %d timeouts, %d rejected by GCC itself, %d not generated; mean compile %.2f s at -O2, %.2f s at -O0; errptr overhead at -O2 %s (%d programs); %d s wall\n",
			o2 + 0, seed, last, c, o2, o0, ice, diag, other, to, gccfail, bad,
			o2 ? ms2 / o2 / 1000 : 0, o0 ? ms0 / o0 / 1000 : 0, over, np, el
		if (fails) printf "csmith: FAILED: programs and compiler output in %s/fail-*\n", out
		exit fails ? 1 : 0
	}' "$TMP/all"
