#!/bin/sh
# ccache-distcc.sh - errptr through ccache and distcc gives what a plain build gives.
#
#   sh testsuite/tools/ccache-distcc.sh --run [--cc CC] [--plugin PATH] [--kdir DIR]
#        [--module DIR] [--keep DIR]
#   make check-ccache-distcc
#
# Without --run (or ERRPTR_SLOW_TESTS=1) it only prints SKIP: make check runs every
# testsuite/tools/*.sh, and this one takes about a minute and installs packages.
#
# Builds the kbuild module DIR (default examples/seed-hook) against the kernel headers
# (default: testsuite/run.sh --print-kdir) four ways, each in the same scratch path:
#   plain         make -C KDIR M=... CC=gcc KCFLAGS="-fplugin=errptr.so ..."
#   ccache cold   CC="ccache gcc", a new cache (CCACHE_DIR in the scratch directory)
#   ccache warm   the same again: the objects must come from the cache
#   distcc        CC="distcc WRAPPER", a distccd started here on 127.0.0.1 only (a free
#                 port, stopped at the end), no local fallback and no local retry
# and in three modes: "error" (errptr's default: the build of the seed fails), "learn"
# (-fplugin-arg-errptr-learn -fplugin-arg-errptr-null-return=warning: the build succeeds,
# ccache can store it) and "learnonly" (the same with -fplugin-arg-errptr-learn-only: no
# code, the plain build's sections must be those of the learn mode, and the module still
# links).  It compares with the plain build: the errptr diagnostics (every error/warning
# line ending in [errptr-...] and the notes errptr adds), the build's exit status and, in
# the learn modes, the .discard.errptr section of every object.  For distcc the
# columns are not compared: distccd compiles the preprocessed source, where a diagnostic
# inside a macro expansion gets another column (GCC does that for any .i file; the
# differing columns are printed).
#
# distccd (3.3 and later) refuses any command line with -fplugin= ("insecure and not
# supported"), so the distcc way runs a wrapper, WRAPPER = "gcc -fplugin=PLUGIN", that the
# server runs too (same machine here: same path); distccd needs --enable-tcp-insecure to
# run a compiler given by absolute path (docs/reliability.md: deploying on a farm).  The
# plain "distcc gcc -fplugin=..." is tried too and must be refused by the server.
#
# ccache and distcc are Debian packages: as root, missing ones are installed with
# apt-get; otherwise (or when that fails) each part that needs them prints SKIP with the
# reason.  Prints PASS:/FAIL:/SKIP: lines and "ccache-distcc: N passed, N failed, N skipped".
# Defaults: $CC, else gcc; $ERRPTR_PLUGIN, else plugin/errptr.so; $KDIR, else the kernel
# headers testsuite/run.sh finds.  With a compiler that lacks -ftrivial-auto-var-init
# (gcc-11), kbuild gets CONFIG_INIT_STACK_ALL_ZERO= as testsuite/run.sh does.

LC_ALL=C LANG=C LC_MESSAGES=C
export LC_ALL LANG LC_MESSAGES
unset CDPATH
ROOT=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
CC=${CC:-gcc}
PLUGIN=${ERRPTR_PLUGIN:-$ROOT/plugin/errptr.so}
KDIR=${KDIR:-}
MODULE=$ROOT/examples/seed-hook
KEEP=
RUN=${ERRPTR_SLOW_TESTS:-0}
while [ $# -gt 0 ]; do
	case $1 in
	--run) RUN=1; shift ;;
	--cc) CC=$2; shift 2 ;;
	--plugin) PLUGIN=$2; shift 2 ;;
	--kdir) KDIR=$2; shift 2 ;;
	--module) MODULE=$2; shift 2 ;;
	--keep) KEEP=$2; shift 2 ;;
	-h | --help) sed -n '2,38p' "$0"; exit 0 ;;
	*) echo "ccache-distcc.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
case $PLUGIN in /*) ;; *) PLUGIN=$(pwd)/$PLUGIN ;; esac
case $MODULE in /*) ;; *) MODULE=$(pwd)/$MODULE ;; esac
[ -n "$KDIR" ] || KDIR=$(sh "$ROOT/testsuite/run.sh" --print-kdir)

pass=0 fail=0 skip=0
ok() { echo "PASS: ccache-distcc: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: ccache-distcc: $*"; fail=$((fail + 1)); }
skipped() { echo "SKIP: ccache-distcc: $*"; skip=$((skip + 1)); }
finish() {
	echo "ccache-distcc: $pass passed, $fail failed, $skip skipped"
	[ "$fail" -eq 0 ]
	exit
}

if [ "$RUN" != 1 ]; then
	skipped "not run by default (about a minute, installs ccache and distcc): make check-ccache-distcc, or sh $0 --run"
	finish
fi

if [ ! -f "$PLUGIN" ]; then
	bad "plugin $PLUGIN not found (run make first)"
	finish
fi
if [ -z "$KDIR" ] || [ ! -f "$KDIR/Makefile" ]; then
	skipped "no kernel build directory (install linux-headers-amd64 or pass --kdir DIR)"
	finish
fi


# ---- the tools, installed on demand
have() { command -v "$1" >/dev/null 2>&1; }
need=
have ccache || need="$need ccache"
{ have distcc && have distccd; } || need="$need distcc"
why_install="apt-get install$need"
if [ -n "$need" ]; then
	if [ "$(id -u)" != 0 ]; then
		why_install="not root: install it with 'sudo apt-get install$need'"
	elif ! have apt-get; then
		why_install="no apt-get on this machine"
	else
		echo "ccache-distcc: installing$need"
		# shellcheck disable=SC2086
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $need >"${TMPDIR:-/tmp}/errptr-ccd-apt.$$" 2>&1 ||
			{ apt-get update >/dev/null 2>&1 &&
				DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $need >"${TMPDIR:-/tmp}/errptr-ccd-apt.$$" 2>&1; } ||
			why_install="apt-get install$need failed: $(grep -E '^E:' "${TMPDIR:-/tmp}/errptr-ccd-apt.$$" | head -n 1)"
		rm -f "${TMPDIR:-/tmp}/errptr-ccd-apt.$$"
	fi
fi
why_ccache= why_distcc=
have ccache || why_ccache="ccache is not installed ($why_install)"
{ have distcc && have distccd; } || why_distcc="distcc is not installed ($why_install)"

# ---- scratch space; distccd runs as user distccd (or nobody) and must read it
if [ -n "$KEEP" ]; then
	rm -rf "$KEEP" && mkdir -p "$KEEP" || exit 2
	T=$(cd "$KEEP" && pwd)
else
	T=$(mktemp -d "${TMPDIR:-/tmp}/errptr-ccd.XXXXXX") || exit 2
fi
chmod 755 "$T"
# what a compiler older than the kernel's needs (gcc-11 and Debian 12's 6.1, ...)
KBUILD_COMPAT=$(sh "$ROOT/testsuite/kbuild-compat.sh" "$CC" "$KDIR" "$T")
DPID=
stop_distccd() {	# the daemon we started, then its preforked children, by pid
	[ -n "$DPID" ] || return 0
	kids=$(ps -o pid= --ppid "$DPID" 2>/dev/null)
	kill "$DPID" 2>/dev/null
	i=0
	while [ $i -lt 50 ]; do
		alive=
		for k in $DPID $kids; do kill -0 "$k" 2>/dev/null && alive="$alive $k"; done
		[ -z "$alive" ] && break
		sleep 0.1
		i=$((i + 1))
	done
	# shellcheck disable=SC2086
	[ -n "$alive" ] && kill $alive 2>/dev/null
	DPID=
}
cleanup() {
	stop_distccd
	[ -z "$KEEP" ] && rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
mkdir -p "$T/bin" "$T/ref"

# the wrapper distcc runs on both sides: the compiler with errptr loaded
cat >"$T/bin/errptr-cc" <<EOF
#!/bin/sh
# generated by ccache-distcc.sh: $CC with errptr (distccd refuses -fplugin= itself)
exec $CC -fplugin=$PLUGIN "\$@"
EOF
chmod 755 "$T/bin/errptr-cc"

MODE_OPTS_error=
MODE_OPTS_learn="-fplugin-arg-errptr-learn -fplugin-arg-errptr-null-return=warning"
MODE_OPTS_learnonly="-fplugin-arg-errptr-learn-only -fplugin-arg-errptr-null-return=warning"
COMMON="-fdiagnostics-plain-output -fno-diagnostics-show-caret"

# build WAY MODE CC-COMMAND KCFLAGS: a fresh copy of the module, always at $T/mod
build() {
	way=$1 mode=$2 cc=$3 kcflags=$4
	rm -rf "$T/mod" && mkdir -p "$T/mod" && cp -R "$MODULE/." "$T/mod/"
	find "$T/mod" \( -name '*.o' -o -name '*.ko' -o -name '.*.cmd' -o -name '*.mod*' \) -exec rm -f {} + 2>/dev/null
	(
		unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
		# shellcheck disable=SC2086 # KBUILD_COMPAT is a word list
		timeout 600 make -s -C "$KDIR" M="$T/mod" CC="$cc" KCFLAGS="$kcflags" $KBUILD_COMPAT </dev/null
	) >"$T/$way-$mode.log" 2>&1
	echo $? >"$T/$way-$mode.status"
	# the errptr diagnostics: [errptr-...] errors and warnings, and errptr's notes
	awk '/: (error|warning): .*\[errptr-[a-z0-9-]+\]$/ { print; next }
	     / note: / && !/in (expansion|definition) of macro/ && !/^In file included/ { print }' \
		"$T/$way-$mode.log" >"$T/$way-$mode.diag"
	mkdir -p "$T/$way-$mode.sec"
	for o in $(cd "$T/mod" && find . -name '*.o' ! -name '*.mod.o' | sort); do
		n=$(echo "$o" | sed 's|^\./||; s|/|_|g')
		objcopy --dump-section .discard.errptr="$T/$way-$mode.sec/$n" "$T/mod/$o" "$T/objcopy.junk" 2>/dev/null ||
			echo "no section" >"$T/$way-$mode.sec/$n.none"
	done
}

# compare WAY MODE: the build WAY agrees with the plain one
compare() {
	way=$1 mode=$2 what=$3
	problems=
	s1=$(cat "$T/plain-$mode.status") s2=$(cat "$T/$way-$mode.status")
	[ "$s1" = "$s2" ] || problems="$problems; exit status $s2, plain $s1"
	: >"$T/why"
	if [ "$way" = distcc ]; then
		# distccd compiles the preprocessed source: a diagnostic inside a macro expansion
		# gets the column of the expanded text; compare FILE:LINE and the message
		sed 's/^\([^:]*:[0-9]*\):[0-9]*:/\1:/' "$T/plain-$mode.diag" >"$T/a.diag"
		sed 's/^\([^:]*:[0-9]*\):[0-9]*:/\1:/' "$T/$way-$mode.diag" >"$T/b.diag"
		if cmp -s "$T/a.diag" "$T/b.diag" && ! cmp -s "$T/plain-$mode.diag" "$T/$way-$mode.diag"; then
			what="$what; columns differ: $(diff "$T/plain-$mode.diag" "$T/$way-$mode.diag" |
				sed -n 's/^[<>] [^:]*:\([0-9]*:[0-9]*\):.*/\1/p' | sort -u | tr '\n' ' ' | sed 's/ $//')"
		fi
	else
		cp "$T/plain-$mode.diag" "$T/a.diag"
		cp "$T/$way-$mode.diag" "$T/b.diag"
	fi
	if ! cmp -s "$T/a.diag" "$T/b.diag"; then
		problems="$problems; errptr diagnostics differ"
		diff "$T/plain-$mode.diag" "$T/$way-$mode.diag" | sed 's/^/    /' | head -n 12 >"$T/why"
	fi
	if [ "$mode" != error ]; then
		if ! diff -r "$T/plain-$mode.sec" "$T/$way-$mode.sec" >"$T/secdiff" 2>&1; then
			problems="$problems; learned sections differ"
			sed 's/^/    /' "$T/secdiff" | head -n 12 >>"$T/why"
		fi
	fi
	ndiag=$(grep -c '\[errptr-' "$T/$way-$mode.diag")
	nsec=$(find "$T/$way-$mode.sec" -type f ! -name '*.none' | wc -l)
	if [ -z "$problems" ]; then
		ok "$way, $mode mode: same as the plain build (exit status $s2, $ndiag errptr diagnostics$([ "$mode" != error ] && echo ", $nsec identical .discard.errptr sections")$what)"
	else
		bad "$way, $mode mode:${problems#;}$what"
		cat "$T/why"
	fi
}

# ---- plain: the reference
for mode in error learn learnonly; do
	eval "opts=\$MODE_OPTS_$mode"
	build plain $mode "$CC" "-fplugin=$PLUGIN $COMMON $opts"
done
if ! grep -q '\[errptr-' "$T/plain-error.diag"; then
	bad "plain build of $MODULE gave no errptr diagnostic: nothing to compare (see $T/plain-error.log)"
fi
if [ -z "$(find "$T/plain-learn.sec" -type f ! -name '*.none')" ]; then
	bad "plain learn-mode build of $MODULE left no .discard.errptr section"
fi
if [ "$(cat "$T/plain-learnonly.status")" != 0 ] || ! diff -r "$T/plain-learn.sec" "$T/plain-learnonly.sec" >/dev/null 2>&1; then
	bad "plain build, learn-only mode: exit status $(cat "$T/plain-learnonly.status"), or sections unlike the learn mode's (see $T/plain-learnonly.log)"
else
	ok "plain build, learn-only mode: the module builds and links, its sections are the learn mode's"
fi
echo "ccache-distcc: plain: error mode exit status $(cat "$T/plain-error.status"), $(grep -c '\[errptr-' "$T/plain-error.diag") errptr diagnostics; learn mode exit status $(cat "$T/plain-learn.status"), $(find "$T/plain-learn.sec" -type f ! -name '*.none' | wc -l) sections"

# ---- ccache, cold then warm
if [ -n "$why_ccache" ]; then
	skipped "ccache: $why_ccache"
else
	CCACHE_DIR=$T/ccache
	export CCACHE_DIR
	unset CCACHE_DISABLE CCACHE_RECACHE CCACHE_READONLY
	for run in cold warm; do
		for mode in error learn learnonly; do
			eval "opts=\$MODE_OPTS_$mode"
			ccache -z >/dev/null 2>&1
			build "ccache-$run" $mode "ccache $CC" "-fplugin=$PLUGIN $COMMON $opts"
			hits=$(ccache --print-stats 2>/dev/null | awk -F '\t' '$1 ~ /^(direct|preprocessed)_cache_hit$/ { n += $2 } END { print n + 0 }')
			miss=$(ccache --print-stats 2>/dev/null | awk -F '\t' '$1 == "cache_miss" { print $2 + 0 }')
			compare "ccache-$run" $mode ", ccache: $hits hits, ${miss:-?} misses"
			if [ "$run" = warm ] && [ "$mode" != error ] && [ "$hits" -eq 0 ]; then
				bad "ccache-warm, $mode mode: no cache hit: the warm build did not come from the cache"
			fi
		done
	done
fi

# ---- distcc: a private distccd on 127.0.0.1
free_port() {
	if have python3; then
		python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
	else
		p=$((20000 + $$ % 20000))
		while ss -ltn 2>/dev/null | grep -q ":$p "; do p=$((p + 1)); done
		echo "$p"
	fi
}
if [ -n "$why_distcc" ]; then
	skipped "distcc: $why_distcc"
elif [ "$(id -u)" = 0 ] && have runuser && id distccd >/dev/null 2>&1 &&
	! runuser -u distccd -- test -r "$PLUGIN"; then
	skipped "distcc: the server runs as user distccd, which cannot read $PLUGIN"
else
	mkdir -p "$T/distccd" "$T/distcc-state"
	chmod 1777 "$T/distccd"
	port=$(free_port)
	distccd --daemon --allow 127.0.0.1 --listen 127.0.0.1 --port "$port" --jobs 2 \
		--enable-tcp-insecure --log-level info --log-file "$T/distccd/log" \
		--pid-file "$T/distccd/pid" >"$T/distccd/start.log" 2>&1
	i=0
	while [ ! -s "$T/distccd/pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	DPID=$(cat "$T/distccd/pid" 2>/dev/null)
	if [ -z "$DPID" ]; then
		skipped "distcc: distccd did not start: $(head -n 2 "$T/distccd/start.log" "$T/distccd/log" 2>/dev/null | tr '\n' ' ')"
	else
		DISTCC_HOSTS="127.0.0.1:$port/2"
		DISTCC_FALLBACK=0 DISTCC_SKIP_LOCAL_RETRY=1 DISTCC_BACKOFF_PERIOD=0
		DISTCC_DIR=$T/distcc-state DISTCC_IO_TIMEOUT=300
		export DISTCC_HOSTS DISTCC_FALLBACK DISTCC_SKIP_LOCAL_RETRY DISTCC_BACKOFF_PERIOD DISTCC_DIR DISTCC_IO_TIMEOUT
		# the plain -fplugin= command line: the server must refuse it (no fallback here)
		printf 'int akfs_x(void) { return 0; }\n' >"$T/probe.c"
		timeout 30 distcc "$CC" -fplugin="$PLUGIN" -c "$T/probe.c" -o "$T/probe.o" >"$T/probe.log" 2>&1
		if grep -q 'fplugin=.*insecure' "$T/distccd/log"; then
			ok "distcc: the server refuses 'distcc $CC -fplugin=...' (distccd: $(grep -o '\-fplugin=[^.]*insecure and not supported' "$T/distccd/log" | head -n 1))"
		else
			echo "NOTE: ccache-distcc: this distccd ran 'distcc $CC -fplugin=...' (older than 3.3?)"
		fi
		: >"$T/distccd/log"
		for mode in error learn learnonly; do
			eval "opts=\$MODE_OPTS_$mode"
			before=$(grep -c 'COMPILE_OK\|COMPILE_ERROR\|completed ok\|failed' "$T/distccd/log")
			build distcc $mode "distcc $T/bin/errptr-cc" "$COMMON $opts"
			remote=$(grep -c 'COMPILE_OK\|COMPILE_ERROR' "$T/distccd/log")
			compare distcc $mode ", $remote compiles on distccd so far"
		done
		nsrc=$(cd "$MODULE" && ls ./*.c | wc -l)
		ok_remote=$(grep -c "COMPILE_OK.*errptr-cc" "$T/distccd/log")
		err_remote=$(grep -c "COMPILE_ERROR.*errptr-cc" "$T/distccd/log")
		if [ $((ok_remote + err_remote)) -ge $((3 * nsrc)) ]; then
			ok "distcc: the module's $nsrc sources were compiled by distccd in all three modes ($ok_remote ok, $err_remote with errors)"
		else
			bad "distcc: only $ok_remote ok + $err_remote failed compiles on distccd, expected $((3 * nsrc)) (see $T/distccd/log)"
		fi
		stop_distccd
	fi
fi
finish
