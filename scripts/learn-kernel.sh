#!/bin/sh
# learn-kernel.sh - the work of "make rules" (docs/learn.md): build the directories of a
# Linux source tree with errptr's learn-only mode, then merge what the objects learned into
# rules and their index.
#
# Settings (environment; the Makefile passes them):
#   KSRC        the kernel source tree (default /usr/src/linux-source-6.1)
#   KBUILD_OUT  the build directory, O= of the kernel (default ./build/linux-learn-VERSION)
#   LEARN_DIRS  the directories to build, one at a time (default: every top-level
#               directory of KSRC with a Makefile or Kbuild, but LEARN_EXCLUDE, and
#               arch/x86 of arch/)
#   LEARN_EXCLUDE  top-level directories left out of the default LEARN_DIRS (default:
#               arch Documentation include LICENSES rust samples scripts tools usr)
#   LEARN_JOBS  make -j (default: the number of cores)
#   LEARN_MODE  learn-only (default: the summary and no code, docs/learn.md) or learn
#               (a whole build with the learn mode)
#   LEARN_WRAPPER  a compiler wrapper to send the compilations elsewhere: distcc, icecc,
#               ccache ...  kbuild's CC is "KBUILD_OUT/.errptr-learn/errptr-cc", a script
#               that runs KCC with errptr's arguments, and with a wrapper "LEARN_WRAPPER
#               errptr-cc" (distccd refuses -fplugin= on a command line): every host then
#               runs that script, the plugin and the rules at the same paths as here
#   KCC         the compiler the kernel is built with (default gcc)
#   PLUGIN      errptr's plugin/errptr.so;  MERGE  tools/errptr-merge
#   RULES_DIR   the hand-written rules used while learning (rules/; its learned/ is not used)
#   LEARNED     what this kernel taught, without suffix (default build/learned/linux-VERSION:
#               .rules and .cdb; VERSION is KSRC's VERSION.PATCHLEVEL)
#   COMBINED    the rules the plugin uses, of every kernel learned, without suffix (default
#               rules/learned/linux): LEARNED is combined into it (errptr-merge --combine),
#               replacing what it held of this kernel; empty: not combined
#
# Configuration: x86_64 allmodconfig without KASAN, UBSAN, KCOV, GCOV, debug info, GCC
# plugins and CONFIG_WERROR.  Each directory is built with "make -k" (a file that fails to
# compile costs its own summary only); a stamp in KBUILD_OUT/.errptr-learn/ marks it done,
# so re-running after an interruption skips the directories finished before.  Remove the
# stamps (or KBUILD_OUT) to learn again, e.g. after changing the plugin.  Build output goes
# to KBUILD_OUT/.errptr-learn/DIR.log; the terminal gets one line per directory and a
# heartbeat every minute.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
KSRC=${KSRC:-/usr/src/linux-source-6.1}
LEARN_EXCLUDE=${LEARN_EXCLUDE:-arch Documentation include LICENSES rust samples scripts tools usr}
LEARN_JOBS=${LEARN_JOBS:-$(nproc 2>/dev/null || echo 1)}
LEARN_MODE=${LEARN_MODE:-learn-only}
LEARN_WRAPPER=${LEARN_WRAPPER:-}
KCC=${KCC:-gcc}
PLUGIN=${PLUGIN:-$top/plugin/errptr.so}
MERGE=${MERGE:-$top/tools/errptr-merge}
RULES_DIR=${RULES_DIR:-$top/rules}

say() { echo "learn: $*"; }
die() { echo "learn: error: $*" >&2; exit 1; }
now() { date +%s; }
hms() { s=$1; printf '%dh%02dm%02ds' $((s / 3600)) $((s % 3600 / 60)) $((s % 60)); }

[ -f "$KSRC/Makefile" ] && [ -d "$KSRC/kernel" ] ||
	die "KSRC=$KSRC is not a kernel source tree (Debian: apt-get install linux-source-6.1; tar -C /usr/src -xf /usr/src/linux-source-6.1.tar.xz)"
[ -f "$PLUGIN" ] || die "no plugin at $PLUGIN (run make first)"
[ -x "$MERGE" ] || die "no errptr-merge at $MERGE (run make first)"
case $LEARN_MODE in
learn | learn-only) ;;
*) die "LEARN_MODE=$LEARN_MODE: learn-only or learn" ;;
esac
KSRC=$(cd "$KSRC" && pwd)
version=$(sed -n 's/^VERSION = *//p; s/^PATCHLEVEL = *//p' "$KSRC/Makefile" | head -n 2 | paste -sd.)
KBUILD_OUT=${KBUILD_OUT:-$top/build/linux-learn-$version}
LEARNED=${LEARNED:-$top/build/learned/linux-$version}
COMBINED=${COMBINED-$top/rules/learned/linux}
# every top-level directory kbuild builds, but those left out; of arch/, x86
if [ -z "${LEARN_DIRS:-}" ]; then
	LEARN_DIRS=
	for d in "$KSRC"/*/; do
		d=$(basename "$d")
		case " $LEARN_EXCLUDE " in *" $d "*) continue ;; esac
		[ -f "$KSRC/$d/Makefile" ] || [ -f "$KSRC/$d/Kbuild" ] || continue
		LEARN_DIRS="$LEARN_DIRS $d"
	done
	case " $LEARN_EXCLUDE " in *" arch "*) LEARN_DIRS="arch/x86$LEARN_DIRS" ;; esac
fi
mkdir -p "$KBUILD_OUT" || die "cannot create $KBUILD_OUT"
KBUILD_OUT=$(cd "$KBUILD_OUT" && pwd)
state=$KBUILD_OUT/.errptr-learn
mkdir -p "$state" "$(dirname "$LEARNED")" || exit 1
kmake() { make -C "$KSRC" O="$KBUILD_OUT" CC="$BUILD_CC" HOSTCC="$KCC" "$@"; }
start=$(now)

# ---- the rules used while learning: the hand-written ones only.  Learned rules of an
# earlier run would feed their own conclusions back into the summaries.
rm -rf "$state/rules"
mkdir -p "$state/rules"
for f in "$RULES_DIR"/*.rules; do
	[ -f "$f" ] && ln -s "$f" "$state/rules/"
done
ERRPTR_FLAGS="-fplugin=$PLUGIN -fplugin-arg-errptr-$LEARN_MODE -fplugin-arg-errptr-rules-dir=$state/rules"
# Findings are warnings here: an error would cost the object, and with it its summary.
ERRPTR_FLAGS="$ERRPTR_FLAGS -fplugin-arg-errptr-null-return=warning"
# The compiler kbuild runs: KCC with errptr's arguments, for every compilation that makes
# an object.  One that stops at assembly (-S: kbuild's asm-offsets.s, bounds.s,
# devicetable-offsets.s, whose text it reads back for generated headers) runs KCC alone:
# learn-only would leave it without its functions, and errptr-merge reads objects only.
# (As KCFLAGS, the arguments would reach those compilations too.)
printf '#!/bin/sh\n# written by scripts/learn-kernel.sh\nfor a; do [ "$a" = -S ] && exec %s "$@"; done\nexec %s %s "$@"\n' \
	"$KCC" "$KCC" "$ERRPTR_FLAGS" >"$state/errptr-cc"
chmod 755 "$state/errptr-cc"
BUILD_CC="${LEARN_WRAPPER:+$LEARN_WRAPPER }$state/errptr-cc"
KCFLAGS=
[ -z "$LEARN_WRAPPER" ] ||
	say "compiling through $LEARN_WRAPPER: $state/errptr-cc, $PLUGIN and $state/rules must exist on every host"

# ---- configuration (once)
if [ ! -f "$state/config.done" ]; then
	say "configuring $KBUILD_OUT (allmodconfig; see $state/config.log)"
	sh "$top/scripts/kernel-config.sh" "$KSRC" "$KBUILD_OUT" "$BUILD_CC" "$state/config.log" "$KCC" || exit 1
	touch "$state/config.done"
fi

# ---- the directories, one at a time
. "$top/scripts/kbuild-dir.inc"
progress() { echo ", $(find "$KBUILD_OUT/$dir" -name '*.o' 2>/dev/null | wc -l) objects,"; }
n=0
total=$(echo $LEARN_DIRS | wc -w)
for dir in $LEARN_DIRS; do
	n=$((n + 1))
	dir=${dir%/}
	stamp=$state/$(echo "$dir" | tr / _).done
	log=$state/$(echo "$dir" | tr / _).log
	if [ -f "$stamp" ]; then
		say "[$n/$total] $dir: done before ($(cat "$stamp")), skipped"
		continue
	fi
	[ -d "$KSRC/$dir" ] || die "$KSRC/$dir: no such directory"
	build_dir "$LEARN_JOBS" "$KCFLAGS"
	failed=$(grep -E -c '^make(\[[0-9]+\])?: \*\*\*' "$log")
	# a failure before any object (kbuild's prepare step, say): not done, to be tried again
	if [ "$status" != 0 ] && [ -z "$(find "$KBUILD_OUT/$dir" -name '*.o' 2>/dev/null | head -n 1)" ]; then
		say "[$n/$total] $dir: failed with no object built (see $log); not marked done"
		continue
	fi
	echo "status $status, $(hms $(($(now) - t0))), $failed failed targets" >"$stamp"
	failures=
	[ "$status" = 0 ] || failures=" (make -k: $failed failed targets, see $log)"
	say "[$n/$total] $dir: done in $(hms $(($(now) - t0)))$failures, total $(hms $(($(now) - start)))"
done

# ---- merge
set --
for dir in $LEARN_DIRS; do
	[ -d "$KBUILD_OUT/${dir%/}" ] && set -- "$@" "$KBUILD_OUT/${dir%/}"
done
[ $# -gt 0 ] || die "nothing was built"
say "merging the summaries of $* into $LEARNED.rules"
"$MERGE" --coverage --progress --srctree "$KSRC" ${version:+--kernel "$version"} -o "$LEARNED.rules" --index "$LEARNED.cdb" "$@" ||
	die "errptr-merge failed"
if [ -n "$COMBINED" ]; then
	mkdir -p "$(dirname "$COMBINED")" || exit 1
	set --
	[ -f "$COMBINED.rules" ] && set -- "$COMBINED.rules"
	say "combining $LEARNED.rules into $COMBINED.rules${1:+ (with the kernels it holds)}"
	"$MERGE" --combine -o "$COMBINED.rules" --index "$COMBINED.cdb" "$@" "$LEARNED.rules" ||
		die "errptr-merge --combine failed"
fi
say "done in $(hms $(($(now) - start))): $LEARNED.rules, $LEARNED.cdb${COMBINED:+; $COMBINED.rules, $COMBINED.cdb}"
