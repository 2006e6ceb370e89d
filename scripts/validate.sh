#!/bin/sh
# validate.sh - the work of "make validate" (docs/validation.md): build a large part of a
# Linux source tree with errptr in check mode, collect every errptr diagnostic into one
# report, and fail when the compiler crashed.
#
# Settings (environment; the Makefile passes them):
#   KSRC           the kernel source tree (default /usr/src/linux-source-6.1)
#   VALIDATE_OUT   the build directory, O= of the kernel (default ./build/linux-validate)
#   VALIDATE_DIRS  the directories to build, one at a time (default below)
#   VALIDATE_JOBS  make -j (default: the number of cores)
#   KCC            the compiler the kernel is built with (default gcc)
#   PLUGIN         errptr's plugin/errptr.so;  GATE  tools/errptr-gate
#   REPORT         the report's directory (default ./build/validate)
#   VALIDATE_MODE  analysis-only (default): errptr reports, then the compilation stops
#                  (-fplugin-arg-errptr-analysis-only: no optimisation, no code; every
#                  finding is reported before that point), about a third of the cost of
#                  a build; full: the objects are compiled to the end
#   VERDICTS       the judged findings of this kernel (default docs/verdicts/linux-X.Y.txt,
#                  X.Y read from KSRC's Makefile); scripts/verdicts.sh holds the report
#                  against them: counts by verdict, new (unjudged) and gone findings
#
# Configuration: scripts/kernel-config.sh (x86_64 allmodconfig without sanitizers, debug
# info, GCC plugins and CONFIG_WERROR).  errptr runs with its default severities, so an
# error-level finding fails its object; "make -k" goes on with the rest.
#
# Every unit writes a SARIF log (-fplugin-arg-errptr-sarif) into a directory named after
# the checksum of the plugin build and of the rules it loads (beside it, as installed:
# errptr/rules, or ../rules in the source tree).  The argument is part of kbuild's
# recorded command line: a new plugin build or a change of its rules recompiles every
# object, an unchanged one resumes where an earlier run stopped (a stamp per
# directory).  Output:
#   REPORT/report.txt   every finding in compiler style, with its level and notes
#   REPORT/report.json  the same as a JSON array (file, line, column, level, tag,
#                       function, message, notes)
#   REPORT/report.sarif one SARIF 2.1.0 log of them all
#   REPORT/summary.txt  what was built, findings by tag and level, compiler crashes, the
#                       findings held against VERDICTS
#   REPORT/ice.txt      every "internal compiler error" of the build logs
# Exit status: 0, or 1 when a compiler crashed (an ICE, a killed cc1) or a step failed.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
KSRC=${KSRC:-/usr/src/linux-source-6.1}
VALIDATE_OUT=${VALIDATE_OUT:-$top/build/linux-validate}
# fs, mm, kernel, net, block, and a slice of drivers/: the driver core, buses (i2c, spi,
# gpio, pinctrl), clocks, regulators, resets, PHYs, MMC, RTC, watchdog, hwmon, DMA, nvmem.
VALIDATE_DIRS=${VALIDATE_DIRS:-fs mm kernel net block drivers/base drivers/of drivers/gpio
drivers/i2c drivers/spi drivers/pinctrl drivers/clk drivers/regulator drivers/reset drivers/phy
drivers/mmc drivers/rtc drivers/watchdog drivers/hwmon drivers/dma drivers/nvmem}
VALIDATE_JOBS=${VALIDATE_JOBS:-$(nproc 2>/dev/null || echo 1)}
KCC=${KCC:-gcc}
VALIDATE_MODE=${VALIDATE_MODE:-analysis-only}
case $VALIDATE_MODE in
analysis-only | full) ;;
*) echo "validate: error: VALIDATE_MODE=$VALIDATE_MODE: analysis-only or full" >&2; exit 1 ;;
esac
PLUGIN=${PLUGIN:-$top/plugin/errptr.so}
GATE=${GATE:-$top/tools/errptr-gate}
REPORT=${REPORT:-$top/build/validate}

say() { echo "validate: $*"; }
die() { echo "validate: error: $*" >&2; exit 1; }
now() { date +%s; }
hms() { s=$1; printf '%dh%02dm%02ds' $((s / 3600)) $((s % 3600 / 60)) $((s % 60)); }

[ -f "$KSRC/Makefile" ] && [ -d "$KSRC/kernel" ] ||
	die "KSRC=$KSRC is not a kernel source tree (Debian: apt-get install linux-source-6.1; tar -C /usr/src -xf /usr/src/linux-source-6.1.tar.xz)"
[ -f "$PLUGIN" ] || die "no plugin at $PLUGIN (run make first)"
[ -x "$GATE" ] || die "no errptr-gate at $GATE (run make first)"
KSRC=$(cd "$KSRC" && pwd)
kversion=$(sed -n 's/^VERSION = //p; s/^PATCHLEVEL = //p' "$KSRC/Makefile" | head -n 2 | paste -sd.)
VERDICTS=${VERDICTS:-$top/docs/verdicts/linux-$kversion.txt}
for dir in $VALIDATE_DIRS; do
	[ -d "$KSRC/${dir%/}" ] || die "$KSRC/$dir: no such directory (VALIDATE_DIRS)"
done
mkdir -p "$VALIDATE_OUT" "$REPORT" || die "cannot create $VALIDATE_OUT or $REPORT"
VALIDATE_OUT=$(cd "$VALIDATE_OUT" && pwd)
REPORT=$(cd "$REPORT" && pwd)
PLUGIN=$(cd "$(dirname "$PLUGIN")" && pwd)/$(basename "$PLUGIN")
state=$VALIDATE_OUT/.errptr-validate
mkdir -p "$state" || exit 1
kmake() { make -C "$KSRC" O="$VALIDATE_OUT" CC="${BUILD_CC:-$KCC}" HOSTCC="$KCC" "$@"; }
start=$(now)

# ---- configuration (once)
if [ ! -f "$state/config.done" ]; then
	say "configuring $VALIDATE_OUT (allmodconfig; see $state/config.log)"
	sh "$top/scripts/kernel-config.sh" "$KSRC" "$VALIDATE_OUT" "$KCC" "$state/config.log" || exit 1
	touch "$state/config.done"
fi

# ---- this plugin build: the loader, the builds beside it, and the rules they load
plugin_dir=$(dirname "$PLUGIN")
build_id=$( (cat "$PLUGIN" "$plugin_dir"/errptr-gcc*.so
	     for rules in "$plugin_dir/errptr/rules" "$plugin_dir/../rules"; do
		     [ -d "$rules" ] && find "$rules" -type f | LC_ALL=C sort | xargs cat
	     done) 2>/dev/null | cksum | cut -d' ' -f1)
run=$state/run-$build_id-$VALIDATE_MODE
mkdir -p "$run/sarif" || exit 1
say "plugin $PLUGIN (build $build_id); logs and stamps in $run"
ERRPTR_FLAGS="-fplugin=$PLUGIN -fplugin-arg-errptr-sarif=$run/sarif/%p.sarif"
[ "$VALIDATE_MODE" = analysis-only ] && ERRPTR_FLAGS="$ERRPTR_FLAGS -fplugin-arg-errptr-analysis-only"
# The compiler kbuild runs (as scripts/learn-kernel.sh does): KCC with errptr's arguments
# for every compilation but those that stop at assembly (-S: asm-offsets.s and the like,
# whose text kbuild reads back; analysis-only would leave them empty).
printf '#!/bin/sh\n# written by scripts/validate.sh\nfor a; do [ "$a" = -S ] && exec %s "$@"; done\nexec %s %s "$@"\n' \
	"$KCC" "$KCC" "$ERRPTR_FLAGS" >"$run/errptr-cc"
chmod 755 "$run/errptr-cc"
BUILD_CC=$run/errptr-cc
KCFLAGS=

# ---- the directories, one at a time
. "$top/scripts/kbuild-dir.inc"
progress() {
	echo "; $(find "$run/sarif" -name '*.sarif' | wc -l) units checked in all," \
	     "$(grep -c '\[errptr-' "$log" 2>/dev/null) errptr lines in this log;"
}
n=0
total=$(echo $VALIDATE_DIRS | wc -w)
crashed=0
for dir in $VALIDATE_DIRS; do
	n=$((n + 1))
	dir=${dir%/}
	name=$(echo "$dir" | tr / _)
	stamp=$run/$name.done
	log=$run/$name.log
	if [ -f "$stamp" ]; then
		say "[$n/$total] $dir: done before ($(cat "$stamp")), skipped"
		continue
	fi
	build_dir "$VALIDATE_JOBS" "$KCFLAGS"
	failed=$(grep -E -c '^make(\[[0-9]+\])?: \*\*\* .*\.o\]' "$log")
	ices=$(grep -c 'internal compiler error' "$log")
	echo "status $status, $(hms $(($(now) - t0))), $failed objects failed, $ices ICEs" >"$stamp"
	say "[$n/$total] $dir: done in $(hms $(($(now) - t0))): $failed objects failed, $ices ICEs;" \
	    "total $(hms $(($(now) - start)))"
done

# ---- compiler crashes: any ICE (GCC's own words for a crash, a plugin's included) or a
# cc1 killed by a signal fails the run
: >"$REPORT/ice.txt"
for dir in $VALIDATE_DIRS; do
	log=$run/$(echo "${dir%/}" | tr / _).log
	grep -n -B2 -A4 -E 'internal compiler error|Killed signal terminated program|Segmentation fault' \
		"$log" >>"$REPORT/ice.txt" 2>/dev/null
done
crashed=$(grep -c -E 'internal compiler error|Killed signal terminated program' "$REPORT/ice.txt")

# ---- the report
say "collecting the findings of $(find "$run/sarif" -name '*.sarif' | wc -l) units"
(cd "$KSRC" && "$GATE" --list --root "$KSRC" --json "$REPORT/report.json" \
	--merge "$REPORT/report.sarif" "$run/sarif") >"$REPORT/report.txt" 2>"$REPORT/gate.log" ||
	die "errptr-gate failed; see $REPORT/gate.log"
{
	echo "errptr validation of $KSRC ($(sed -n 's/^# Linux\/x86 \(.*\) Kernel Configuration/\1/p' "$VALIDATE_OUT/.config"), allmodconfig minus sanitizers, debug info, GCC plugins, WERROR)"
	echo "plugin: $PLUGIN (build $build_id), $($KCC --version | head -n 1), $VALIDATE_MODE"
	echo "directories:"
	for dir in $VALIDATE_DIRS; do
		stamp=$run/$(echo "${dir%/}" | tr / _).done
		echo "  $dir: $(cat "$stamp" 2>/dev/null || echo 'not built')"
	done
	echo "units checked: $(find "$run/sarif" -name '*.sarif' | wc -l) (SARIF logs; a unit compiled twice counts twice)"
	echo "findings: $(sed -n 's/^errptr-gate: \([0-9]* findings*: .*\)/\1/p' "$REPORT/gate.log")"
	echo "by tag and level:"
	sed -n 's/^[^ ]*: \(error\|warning\|note\): .* \[\(errptr-[a-z-]*\)\]$/\2 \1/p' "$REPORT/report.txt" |
		sort | uniq -c | sort -rn | sed 's/^/  /'
	# the recall proxy (plugin/stats.c): tests of pointers whose value errptr traces to a
	# source, of all tests of pointers in the units built
	find "$run/sarif" -name '*.sarif' -exec grep -ho '"errptr/[a-zA-Z]*Tests":[0-9]*' {} + |
		awk -F'[/":]+' '{ n[$3] += $4 } END { t = n["pointerTests"]; k = n["tracedTests"];
			printf "pointer tests traced to a source (recall proxy): %d of %d (%.1f%%)\n",
			       k, t, t ? 100 * k / t : 0 }'
	echo "compiler crashes (ICE or killed cc1): $crashed (see $REPORT/ice.txt)"
	echo "wall time of this run: $(hms $(($(now) - start)))"
	# the findings held against the judged ones of this kernel: counts by verdict, new
	# (unjudged) and gone
	if [ -f "$VERDICTS" ]; then
		sh "$top/scripts/verdicts.sh" "$VERDICTS" "$REPORT/report.txt"
	else
		echo "verdicts: none for Linux $kversion ($VERDICTS): every finding is unjudged"
	fi
} >"$REPORT/summary.txt"
cat "$REPORT/summary.txt"
say "report: $REPORT/report.txt, report.json, report.sarif"
[ "$crashed" -eq 0 ] || { say "FAILED: $crashed compiler crash(es), see $REPORT/ice.txt"; exit 1; }
exit 0
