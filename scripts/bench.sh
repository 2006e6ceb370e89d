#!/bin/sh
# bench.sh - compile-time cost of errptr on real kernel code, measured in one run.
#
# usage: scripts/bench.sh [-r RUNS] [-f FILES] [-p PLUGIN] OBJTREE DIR
#
# Takes the compile commands kbuild recorded for DIR (OBJTREE/DIR/**/.*.o.cmd: the exact
# gcc command lines of a real kernel build), picks FILES of them spread over the
# directory, and compiles each one three ways in turn - plain gcc, gcc with errptr in
# check mode, gcc with errptr in learn mode - RUNS times, rotating the order so that no
# variant always runs first.  Wall time, user time and peak RSS come from GNU time for
# each compile.  Prints the totals of every run, the medians over runs, and the ratios
# plugin/plain: wall, user, and the median and largest per-file peak RSS ratio.
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
		-e "s| -o [^ ]*| -o $work/out.o|" > "$work/cmd.$n"
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
	esac
}

# one compile: append "variant file wall user rss" to the results
measure() {
	v=$1 i=$2
	flags=$(variant_flags "$v")
	( cd "$objtree" && /usr/bin/time -f "%e %U %M" -o "$work/t" sh -c "$(cat "$work/cmd.$i") $flags" \
		> /dev/null 2> "$work/err.$v" ) || {
		echo "bench: compile failed ($v): $(cat "$work/cmd.$i" | cut -c1-120)..." >&2
		tail -n 5 "$work/err.$v" >&2
		exit 1
	}
	echo "$run $v $i $(tail -n 1 "$work/t")" >> "$work/results"
}

: > "$work/results"
run=1
while [ "$run" -le "$runs" ]; do
	case $((run % 3)) in
	1) order="plain check learn" ;;
	2) order="check learn plain" ;;
	0) order="learn plain check" ;;
	esac
	i=1
	while [ "$i" -le "$ncmd" ]; do
		for v in $order; do measure "$v" "$i"; done
		i=$((i + 1))
	done
	awk -v r="$run" '$1 == r { w[$2] += $4; u[$2] += $5 }
		END { printf "run %d: wall plain %.1fs check %.1fs learn %.1fs; user plain %.1fs check %.1fs learn %.1fs\n",
		      r, w["plain"], w["check"], w["learn"], u["plain"], u["check"], u["learn"] }' "$work/results"
	run=$((run + 1))
done

awk '
function median(a, n,   i, j, t) {
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{ w[$1, $2] += $4; u[$1, $2] += $5; if ($6 > rss[$3, $2]) rss[$3, $2] = $6; runs[$1]; files[$3] }
END {
	nr = 0; for (r in runs) nr++
	split("plain check learn", vs, " ")
	for (k = 1; k <= 3; k++) {
		v = vs[k]; n = 0
		for (r in runs) { n++; ww[n] = w[r, v]; uu[n] = u[r, v] }
		mw[v] = median(ww, n); mu[v] = median(uu, n)
	}
	for (k = 2; k <= 3; k++) {
		v = vs[k]; n = 0; mx = 0
		for (f in files) { n++; rr[n] = rss[f, v] / rss[f, "plain"]; if (rr[n] > mx) mx = rr[n] }
		mr[v] = median(rr, n); xr[v] = mx
	}
	printf "median over %d runs: wall plain %.2fs check %.2fs learn %.2fs; user plain %.2fs check %.2fs learn %.2fs\n", nr, mw["plain"], mw["check"], mw["learn"], mu["plain"], mu["check"], mu["learn"]
	printf "check/plain: wall %.3fx user %.3fx peak RSS %.3fx (median file), %.3fx (worst file)\n", mw["check"] / mw["plain"], mu["check"] / mu["plain"], mr["check"], xr["check"]
	printf "learn/plain: wall %.3fx user %.3fx peak RSS %.3fx (median file), %.3fx (worst file)\n", mw["learn"] / mw["plain"], mu["learn"] / mu["plain"], mr["learn"], xr["learn"]
}' "$work/results"
