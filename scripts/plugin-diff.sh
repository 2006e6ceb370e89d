#!/bin/sh
# plugin-diff.sh - do two errptr builds say the same about the same code?  For changes
# meant to preserve behaviour: re-runs the compile commands of objects in a kernel build
# tree with each plugin and compares, unit by unit, the diagnostics (check mode) and the
# .discard.errptr records (learn mode).
#
#   sh scripts/plugin-diff.sh [-n COUNT] [-j JOBS] [-a ARGS] BUILD_DIR OLD_PLUGIN NEW_PLUGIN
#
# BUILD_DIR: a kernel build directory (O=), or a directory in it, whose objects were compiled (make validate's
# build/linux-validate, make bench's build/linux-bench); every COUNT-th object's recorded
# command (its .o.cmd) is taken, in name order (-n 0: all of them).  OLD_PLUGIN and
# NEW_PLUGIN: errptr.so loaders (each with its builds and rules beside it).  ARGS: more
# -fplugin-arg-errptr-... arguments for both.  Prints one line per unit that differs,
# then "plugin-diff: N units, M differ"; exit status 1 when some differ.
set -u
every=25 jobs=$(nproc 2>/dev/null || echo 1) extra=
while getopts n:j:a: opt; do
	case $opt in
	n) every=$OPTARG ;;
	j) jobs=$OPTARG ;;
	a) extra=$OPTARG ;;
	*) echo "usage: $0 [-n COUNT] [-j JOBS] [-a ARGS] BUILD_DIR OLD_PLUGIN NEW_PLUGIN" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 3 ] || { echo "usage: $0 [-n COUNT] [-j JOBS] [-a ARGS] BUILD_DIR OLD_PLUGIN NEW_PLUGIN" >&2; exit 2; }
build=$(cd "$1" && pwd) || exit 2
# the commands run in the top of the build tree (where .config is); BUILD_DIR may be below
top=$build
while [ ! -f "$top/.config" ] && [ "$top" != / ]; do top=$(dirname "$top"); done
[ -f "$top/.config" ] || { echo "plugin-diff: $build is not in a kernel build tree" >&2; exit 2; }
old=$2 new=$3
for p in "$old" "$new"; do
	[ -f "$p" ] || { echo "plugin-diff: no plugin $p" >&2; exit 2; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/plugin-diff.XXXXXX") || exit 2
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT INT TERM

# the commands: "cmd_X.o := gcc ... -c -o X.o SRC" of C objects compiled by kbuild
find "$build" -name '.*.o.cmd' ! -path '*/scripts/*' ! -path '*/tools/*' | LC_ALL=C sort |
	awk -v n="$every" 'n == 0 || NR % n == 1' >"$work/list"
total=$(wc -l <"$work/list")
i=0
while read -r cmdfile; do
	i=$((i + 1))
	line=$(sed -n 's/^cmd_[^ ]*\.o := //p' "$cmdfile" | head -n 1)
	case $line in
	*" -c "*.c|*" -c "*.c" "*) ;;
	*) continue ;;
	esac
	case $line in *-fplugin=*) ;; *) continue ;; esac
	# drop the dependency file, the SARIF log and errptr's plugin; keep the rest
	line=$(printf '%s\n' "$line" | sed -e 's/-Wp,-MMD,[^ ]*//' -e 's/-fplugin-arg-errptr-sarif=[^ ]*//' \
		-e 's/-fplugin=[^ ]*errptr[^ ]*\.so//' -e 's/ -o [^ ]*\.o / -o @OUT@ /')
	printf '%s\n' "$line" >"$work/cmd.$i"
	echo "$i" >>"$work/cmds"
done <"$work/list"

# run_one N CMD: both plugins, check mode and learn mode
cat >"$work/one.sh" <<'EOF'
n=$1
export LC_ALL=C
cmd=$(cat "$work/cmd.$n")
for side in old new; do
	eval plugin=\$$side
	for mode in check learn; do
		out=$work/$n.$side.$mode
		args="-fplugin=$plugin $extra"
		[ $mode = learn ] && args="$args -fplugin-arg-errptr-learn"
		c=$(printf '%s' "$cmd" | sed "s|@OUT@|$out.o|")
		(cd "$top" && eval "$c $args") >"$out.err" 2>&1
		echo "exit $?" >>"$out.err"
		sed -i "s|$out\\.o|OUT.o|g" "$out.err"
		if [ $mode = learn ] && [ -f "$out.o" ]; then
			objcopy --dump-section .discard.errptr="$out.rec" "$out.o" "$out.tmp.o" 2>/dev/null
			rm -f "$out.tmp.o"
		fi
		rm -f "$out.o"
	done
done
for mode in check learn; do
	if ! cmp -s "$work/$n.old.$mode.err" "$work/$n.new.$mode.err"; then
		echo "DIFF $mode diagnostics: $cmd" | cut -c1-200
		diff "$work/$n.old.$mode.err" "$work/$n.new.$mode.err" | head -n 20
	fi
done
if [ -f "$work/$n.old.learn.rec" ] || [ -f "$work/$n.new.learn.rec" ]; then
	cmp -s "$work/$n.old.learn.rec" "$work/$n.new.learn.rec" 2>/dev/null ||
		echo "DIFF learn records: $cmd" | cut -c1-200
fi
grep -q '\[errptr-' "$work/$n.old.check.err" && echo "FINDINGS $n"
[ -s "$work/$n.old.learn.rec" ] && echo "RECORDS $n"
rm -f "$work/$n".* "$work/cmd.$n"
EOF
export work top old new extra
[ -f "$work/cmds" ] || { echo "plugin-diff: no errptr compile commands under $build" >&2; exit 2; }
units=$(wc -l <"$work/cmds")
echo "plugin-diff: $units units of $total objects (every ${every}th), $jobs at a time"
xargs -P "$jobs" -n 1 sh "$work/one.sh" <"$work/cmds" >"$work/out" 2>&1
grep -v '^FINDINGS\|^RECORDS' "$work/out"
differ=$(grep -c '^DIFF' "$work/out")
echo "plugin-diff: $units units ($(grep -c '^FINDINGS' "$work/out") with errptr diagnostics," \
	"$(grep -c '^RECORDS' "$work/out") with learn records), $differ differences"
[ "$differ" -eq 0 ]
