#!/bin/sh
# bench.sh - compile-time cost of errptr on real kernel code, measured in one run.
#
# usage: scripts/bench.sh [-r RUNS] [-f FILES] [-p PLUGIN] OBJTREE DIR
#
# Takes the compile commands kbuild recorded for DIR (OBJTREE/DIR/**/.*.o.cmd: the exact
# gcc command lines of a real kernel build), picks FILES of them spread over the
# directory, and compiles each one four ways in turn - plain gcc, gcc with errptr in
# check mode, in learn mode, and in learn-only mode (-fplugin-arg-errptr-learn-only: the
# summary and nothing else) - RUNS times, rotating the order so that no variant always
# runs first.  Wall time, user time and peak RSS come from GNU time for each compile.
# Prints the totals of every run, the medians over runs, and the ratios plugin/plain
# (also of the sums of each file's fastest run, the least disturbed measure):
# wall, user, and the median and largest per-file peak RSS ratio.  Then compares, file by
# file, the .discard.errptr section of the learn and the learn-only objects of the first
# run: they must be identical, byte for byte (exit status 1 otherwise).
# Nothing is written into the tree: objects and dependency files go to a scratch dir.
set -eu

runs=5
files=60
plugin=$(cd "$(dirname "$0")/.." && pwd)/plugin/errptr.so
while getopts r:f:p: opt; do
	case $opt in
	r) runs=$OPTARG ;;
	f) files=$OPTARG ;;
	p) plugin=$OPTARG ;;
	*) echo "usage: $0 [-r RUNS] [-f FILES] [-p PLUGIN] OBJTREE DIR" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { echo "usage: $0 [-r RUNS] [-f FILES] [-p PLUGIN] OBJTREE DIR" >&2; exit 2; }
objtree=$1
dir=$2
[ -d "$objtree/$dir" ] || { echo "bench: $objtree/$dir: no such directory (build it first)" >&2; exit 2; }
[ -r "$plugin" ] || { echo "bench: $plugin: no plugin (make first)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d /tmp/errptr-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM

# The compile commands: "cmd_fs/open.o := gcc ... -c -o fs/open.o /src/fs/open.c",
# without errptr's own arguments (a learn build records them) and without -Wp,-MMD.
find "$objtree/$dir" -name '.*.o.cmd' | LC_ALL=C sort > "$work/all"
total=$(wc -l < "$work/all")
[ "$total" -gt 0 ] || { echo "bench: no compile commands under $objtree/$dir" >&2; exit 2; }
step=$(( total / files )); [ "$step" -ge 1 ] || step=1
n=0
awk -v step="$step" -v max="$files" 'NR % step == 0 && n < max { print; n++ }' "$work/all" |
while read -r cmdfile; do
	line=$(sed -n 's/^\(saved\)\{0,1\}cmd_[^ ]* := //p' "$cmdfile" | head -n 1)
	case $line in gcc*" -c "*".c"|gcc*" -c "*".c "*) ;; *) continue ;; esac
	n=$((n + 1))
	# only the compiler: kbuild chains objtool and friends after "; "
	printf '%s\n' "$line" | sed -e 's/; .*//' -e 's/ -Wp,-MMD,[^ ]*//' \
		-e 's/ -fplugin=[^ ]*errptr[^ ]*//g' -e 's/ -fplugin-arg-errptr-[^ ]*//g' \
		-e "s| -o [^ ]*| -o $work/out.VARIANT.o|" > "$work/cmd.$n"
done
ncmd=$(ls "$work" | grep -c '^cmd\.' || true)
[ "$ncmd" -gt 0 ] || { echo "bench: no C compile commands found" >&2; exit 2; }
echo "bench: $ncmd compile commands from $objtree/$dir ($total recorded), $runs runs, plugin $plugin"

# -Wno-error in every variant: a defconfig tree has CONFIG_WERROR, and a finding of
# errptr's must not stop the compile it is timing.
variant_flags() {
	case $1 in
	plain) echo "-Wno-error" ;;
	check) echo "-Wno-error -fplugin=$plugin" ;;
	learn) echo "-Wno-error -fplugin=$plugin -fplugin-arg-errptr-learn" ;;
	learnonly) echo "-Wno-error -fplugin=$plugin -fplugin-arg-errptr-learn-only" ;;
	esac
}

# one compile: append "variant file wall user rss" to the results
measure() {
	v=$1 i=$2
	flags=$(variant_flags "$v")
	cmd=$(sed "s/VARIANT/$v/" "$work/cmd.$i")
	( cd "$objtree" && /usr/bin/time -f "%e %U %M" -o "$work/t" sh -c "$cmd $flags" \
		> /dev/null 2> "$work/err.$v" ) || {
		echo "bench: compile failed ($v): $(cat "$work/cmd.$i" | cut -c1-120)..." >&2
		tail -n 5 "$work/err.$v" >&2
		exit 1
	}
	echo "$run $v $i $(tail -n 1 "$work/t")" >> "$work/results"
	# the summaries of the first run, to compare learn with learn-only
	if [ "$run" = 1 ] && { [ "$v" = learn ] || [ "$v" = learnonly ]; }; then
		objcopy --dump-section .discard.errptr="$work/sec.$v.$i" "$work/out.$v.o" /dev/null \
			2>/dev/null || : > "$work/sec.$v.$i"
	fi
}

: > "$work/results"
run=1
while [ "$run" -le "$runs" ]; do
	case $((run % 4)) in
	1) order="plain check learn learnonly" ;;
	2) order="check learn learnonly plain" ;;
	3) order="learn learnonly plain check" ;;
	0) order="learnonly plain check learn" ;;
	esac
	i=1
	while [ "$i" -le "$ncmd" ]; do
		for v in $order; do measure "$v" "$i"; done
		i=$((i + 1))
	done
	awk -v r="$run" '$1 == r { w[$2] += $4; u[$2] += $5 }
		END { printf "run %d: wall plain %.1fs check %.1fs learn %.1fs learn-only %.1fs; user plain %.1fs check %.1fs learn %.1fs learn-only %.1fs\n",
		      r, w["plain"], w["check"], w["learn"], w["learnonly"], u["plain"], u["check"], u["learn"], u["learnonly"] }' "$work/results"
	run=$((run + 1))
done

awk '
function median(a, n,   i, j, t) {
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{ w[$1, $2] += $4; u[$1, $2] += $5; if ($6 > rss[$3, $2]) rss[$3, $2] = $6; runs[$1]; files[$3]
  fw[$1, $3, $2] = $4; fu[$1, $3, $2] = $5 }
END {
	nr = 0; for (r in runs) nr++
	split("plain check learn learnonly", vs, " ")
	for (k = 1; k <= 4; k++) {
		v = vs[k]; n = 0
		for (r in runs) { n++; ww[n] = w[r, v]; uu[n] = u[r, v] }
		mw[v] = median(ww, n); mu[v] = median(uu, n)
	}
	for (k = 2; k <= 4; k++) {
		v = vs[k]; n = 0; mx = 0
		for (f in files) { n++; rr[n] = rss[f, v] / rss[f, "plain"]; if (rr[n] > mx) mx = rr[n] }
		mr[v] = median(rr, n); xr[v] = mx
	}
	printf "median over %d runs: wall plain %.2fs check %.2fs learn %.2fs learn-only %.2fs; user plain %.2fs check %.2fs learn %.2fs learn-only %.2fs\n", nr, mw["plain"], mw["check"], mw["learn"], mw["learnonly"], mu["plain"], mu["check"], mu["learn"], mu["learnonly"]
	printf "check/plain: wall %.3fx user %.3fx peak RSS %.3fx (median file), %.3fx (worst file)\n", mw["check"] / mw["plain"], mu["check"] / mu["plain"], mr["check"], xr["check"]
	printf "learn/plain: wall %.3fx user %.3fx peak RSS %.3fx (median file), %.3fx (worst file)\n", mw["learn"] / mw["plain"], mu["learn"] / mu["plain"], mr["learn"], xr["learn"]
	printf "learn-only/plain: wall %.3fx user %.3fx peak RSS %.3fx (median file), %.3fx (worst file)\n", mw["learnonly"] / mw["plain"], mu["learnonly"] / mu["plain"], mr["learnonly"], xr["learnonly"]
	# the least disturbed measure: the fastest run of each file and variant, summed (what
	# else the machine did only ever adds time)
	for (k = 1; k <= 4; k++) {
		v = vs[k]; mnw[v] = 0; mnu[v] = 0
		for (f in files) { bw = -1; bu = -1
			for (r in runs) { if (bw < 0 || fw[r, f, v] < bw) bw = fw[r, f, v]; if (bu < 0 || fu[r, f, v] < bu) bu = fu[r, f, v] }
			mnw[v] += bw; mnu[v] += bu }
	}
	printf "fastest run of each file: check/plain wall %.3fx user %.3fx; learn/plain wall %.3fx; learn-only/plain wall %.3fx\n", mnw["check"] / mnw["plain"], mnu["check"] / mnu["plain"], mnw["learn"] / mnw["plain"], mnw["learnonly"] / mnw["plain"]
}' "$work/results"

# learn-only must learn exactly what learn does
same=0 differ=0 empty=0
i=1
while [ "$i" -le "$ncmd" ]; do
	if ! cmp -s "$work/sec.learn.$i" "$work/sec.learnonly.$i"; then
		differ=$((differ + 1))
		echo "bench: learn and learn-only summaries differ: $(awk '{ print $NF }' "$work/cmd.$i")" >&2
	elif [ -s "$work/sec.learn.$i" ]; then
		same=$((same + 1))
	else
		empty=$((empty + 1))
	fi
	i=$((i + 1))
done
echo "learn-only summaries: $same of $ncmd files byte-identical to learn's, $differ differ, $empty without a section"
[ "$differ" = 0 ] && [ "$empty" = 0 ]
