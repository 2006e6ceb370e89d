#!/bin/sh
# testsuite/run.sh: a small DejaGnu-dg-style test runner for errptr.
#
#   sh testsuite/run.sh [--cc CC] [--plugin PATH|none] [--kdir DIR] [-j N] [-v] [FILE|DIR...]
#   sh testsuite/run.sh --selftest [--cc CC] [--kdir DIR]   prove the runner can pass and fail
#   sh testsuite/run.sh --demo [--cc CC] [--plugin PATH] [--kdir DIR] [DIR...]
#   sh testsuite/run.sh --print-kdir                         print the default kernel build dir
#
# testsuite/README.md describes the annotations and the output. POSIX sh, awk, sed, grep.

# plain ASCII quotes in diagnostics; kbuild unexports LC_ALL, so set LANG and LC_* too
LC_ALL=C LANG=C LC_CTYPE=C LC_MESSAGES=C
export LC_ALL LANG LC_CTYPE LC_MESSAGES
unset CDPATH

US=$(printf '\037')	# field separator of the runner's own record files

case $0 in
/*) SELF=$0 ;;
*) SELF=$(pwd)/$0 ;;
esac
ROOT=$(cd "$(dirname "$SELF")/.." && pwd) || exit 2
SELF=$ROOT/testsuite/run.sh

usage() {
	cat <<'EOF'
usage: sh testsuite/run.sh [options] [FILE.c|DIR ...]
  --cc CC            compiler driver (default: $CC or gcc)
  --plugin PATH      plugin to load with -fplugin (default: plugin/errptr.so; 'none': no plugin)
  --kdir DIR         kernel build directory for kbuild tests (default: newest installed
                     Debian linux-headers-*-amd64, see --print-kdir)
  -j N               run N tests at a time (default: number of cores)
  -v                 show the compiler output of every test that failed
  --selftest         run the runner's own tests (testsuite/runner-selftest/), no plugin needed
  --update           with --selftest: rewrite testsuite/runner-selftest/expected.out
  --demo             build kbuild directories (default: examples/*/) and show their diagnostics
  --print-kdir       print the default kernel build directory and exit
Without FILE/DIR arguments: testsuite/dg/**/*.c, testsuite/kbuild/*/ and examples/*/.
A DIR holding a Makefile or Kbuild is a kbuild test; any other DIR is searched for both.
EOF
}

# ---------------------------------------------------------------- kernel build dir

# The kbuild directory of the distribution's default kernel headers (the package the
# linux-headers-amd64 metapackage depends on, when installed), else of the newest
# installed Debian linux-headers-<version>-amd64 package (not `uname -r`: the running
# kernel need not be a Debian one).  Headers of other kernels installed beside them
# (make deps adds Debian 12's 6.12 backport for the kernel-version test) do not change
# what the tests build against.
find_kdir() {
	if command -v dpkg-query >/dev/null 2>&1; then
		d=$(dpkg-query -W -f='${db:Status-Abbrev} ${Depends}\n' linux-headers-amd64 2>/dev/null |
			awk '$1 == "ii" && $2 ~ /^linux-headers-/ { print "/usr/src/" $2; exit }')
		if [ -n "$d" ] && [ -f "$d/Makefile" ]; then
			echo "$d"
			return
		fi
	fi
	{
		if command -v dpkg-query >/dev/null 2>&1; then
			dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' 'linux-headers-*' 2>/dev/null |
				awk '$1 == "ii" && $2 ~ /^linux-headers-[0-9][^-]*-[0-9]+-amd64$/ { print "/usr/src/" $2 }'
		fi
		for d in /usr/src/linux-headers-*-amd64; do
			case $d in
			*-cloud-amd64 | *-rt-amd64) ;;
			*) echo "$d" ;;
			esac
		done
	} | while read -r d; do
		[ -f "$d/Makefile" ] && echo "$d"
	done | sort -u -V | tail -n 1
}

# Make arguments that let a compiler older than the one the kernel was configured with
# build modules against its headers: testsuite/kbuild-compat.sh (DIR: where it may write
# a header those arguments name).
kbuild_compat_args() {
	sh "$ROOT/testsuite/kbuild-compat.sh" "$CC" "$1" "$2"
}

# ---------------------------------------------------------------- annotations

# parse_annotations FILE NAME: print the dg directives of FILE as records separated by
# US; NAME is the path diagnostics are reported under. Records:
#   ann  NAME KIND SRCLINE TARGETLINE REGEX RAWREGEX     dg-error/warning/message/bogus
#   opt  NAME OPTIONS                                     dg-options (the last one wins)
#   addopt NAME OPTIONS                                   dg-additional-options
#   do   NAME WHAT                                        dg-do
#   bad  NAME SRCLINE MESSAGE                             a malformed directive
parse_annotations() {
	awk -v name="$2" -v srcdir="$(dirname "$2")" -v us="$US" '
function repl(s, from, to,    out, p) {
	out = ""
	while ((p = index(s, from)) > 0) {
		out = out substr(s, 1, p - 1) to
		s = substr(s, p + length(from))
	}
	return out s
}
function bad(line, msg) { print "bad" us name us line us msg }
function handle(kw, n,    re, tl, spec, i) {
	if (kw == "dg-error" || kw == "dg-warning" || kw == "dg-message" || kw == "dg-bogus") {
		if (n < 1 || typ[1] != "q") { bad(NR, kw " needs a \"REGEX\""); return }
		# the Tcl spelling of a literal bracket, \\\[, is taken as \[ too
		re = repl(repl(arg[1], "\\\\\\[", "\\["), "\\\\\\]", "\\]")
		spec = ""
		for (i = 2; i <= n; i++) if (typ[i] == "w") spec = arg[i]
		if (spec == "" || spec == ".") tl = NR
		else if (spec ~ /^\.[-+][0-9]+$/) tl = NR + substr(spec, 2)
		else if (spec ~ /^[0-9]+$/) tl = spec + 0
		else { bad(NR, kw ": bad line \"" spec "\""); return }
		print "ann" us name us kw us NR us tl us re us repl(arg[1], "\"", "\\\"")
	} else if (kw == "dg-options" || kw == "dg-additional-options") {
		if (n < 1 || typ[1] != "q") { bad(NR, kw " needs \"OPTIONS\""); return }
		print (kw == "dg-options" ? "opt" : "addopt") us name us repl(repl(arg[1], "${srcdir}", srcdir), "$srcdir", srcdir)
	} else if (kw == "dg-do") {
		if (n < 1) { bad(NR, "dg-do needs an action"); return }
		print "do" us name us arg[1]
	} else
		bad(NR, "unsupported directive " kw)
}
{
	s = $0
	while (match(s, /\{[ \t]*dg-[a-z-]+/)) {
		kw = substr(s, RSTART, RLENGTH)
		sub(/^\{[ \t]*/, "", kw)
		s = substr(s, RSTART + RLENGTH)
		n = 0
		closed = 0
		while (1) {
			sub(/^[ \t]+/, "", s)
			if (s == "") break
			c = substr(s, 1, 1)
			if (c == "}") { s = substr(s, 2); closed = 1; break }
			if (c == "\"") {
				tok = ""; L = length(s); ok = 0
				for (i = 2; i <= L; i++) {
					ch = substr(s, i, 1)
					if (ch == "\\" && i < L) {
						nx = substr(s, i + 1, 1)
						tok = tok (nx == "\"" ? "\"" : ch nx)
						i++
						continue
					}
					if (ch == "\"") { ok = 1; break }
					tok = tok ch
				}
				if (!ok) break
				n++; arg[n] = tok; typ[n] = "q"
				s = substr(s, i + 1)
				continue
			}
			if (c == "{") {
				depth = 1; L = length(s)
				for (i = 2; i <= L && depth > 0; i++) {
					ch = substr(s, i, 1)
					if (ch == "{") depth++
					else if (ch == "}") depth--
				}
				if (depth > 0) break
				n++; arg[n] = substr(s, 2, i - 3); typ[n] = "b"
				s = substr(s, i)
				continue
			}
			match(s, /^[^ \t}]+/)
			n++; arg[n] = substr(s, 1, RLENGTH); typ[n] = "w"
			s = substr(s, RLENGTH + 1)
		}
		if (!closed) { bad(NR, "unterminated " kw " (expected \"{ " kw " ... }\")"); break }
		handle(kw, n)
	}
}' "$1"
}

# ---------------------------------------------------------------- diagnostics

# parse_diags LOG FROM TO [NAMES]: the compiler diagnostics in LOG as records
#   INDEX FILE LINE KIND MESSAGE
# KIND is error (also fatal error, sorry), warning, note or ice; LINE is 0 for a
# diagnostic without location (cc1: error: ...). A FILE starting with FROM has that
# prefix replaced by TO (kbuild scratch copy -> source directory); so has a FILE named
# relative to FROM, one of the lines of the file NAMES: since Linux 6.13 kbuild builds
# an external module from its own directory ("kbuild: change working directory to
# external module directory with M="), and the compiler names its files relative to it.
parse_diags() {
	awk -v from="$2" -v to="$3" -v names="${4:-}" -v us="$US" '
BEGIN {
	if (names != "")
		while ((getline line < names) > 0)
			relname[line] = 1
}
{
	s = $0
	if (match(s, /^[^ :][^:]*:[0-9]+:[0-9]+: /) || match(s, /^[^ :][^:]*:[0-9]+: /)) {
		split(substr(s, 1, RLENGTH - 2), a, ":")
		f = a[1]; l = a[2] + 0
	} else if (match(s, /^[^ :][^: ]*: /)) {
		f = substr(s, 1, RLENGTH - 2); l = 0
	} else
		next
	rest = substr(s, RLENGTH + 1)
	if (index(rest, "internal compiler error: ") == 1) { k = "ice"; m = substr(rest, 26) }
	else if (index(rest, "fatal error: ") == 1) { k = "error"; m = substr(rest, 14) }
	else if (index(rest, "error: ") == 1) { k = "error"; m = substr(rest, 8) }
	else if (index(rest, "sorry, unimplemented: ") == 1) { k = "error"; m = substr(rest, 23) }
	else if (index(rest, "warning: ") == 1) { k = "warning"; m = substr(rest, 10) }
	else if (index(rest, "note: ") == 1) { k = "note"; m = substr(rest, 7) }
	else next
	if (substr(f, 1, 2) == "./") f = substr(f, 3)
	if (from != "" && index(f, from) == 1) f = to substr(f, length(from) + 1)
	else if (from != "" && (f in relname)) f = to f
	n++
	print n us f us l us k us m
}' "$1"
}

# judge NAME STATUS ANN DIAG LOG WHAT: compare the annotations ANN with the diagnostics
# DIAG of one compile (or kbuild build) that exited with STATUS; print PASS/FAIL lines.
# WHAT is "compile" or "build".
judge() {
	name=$1 status=$2 ann=$3 diag=$4 log=$5 what=$6
	consumed=$W/consumed
	: >"$consumed"
	expect_err=0
	while IFS=$US read -r rtype afile kind sline tline re raw; do
		case $rtype in
		bad)
			echo "FAIL: $afile:$kind: bad annotation: $sline"
			continue
			;;
		ann) ;;
		*) continue ;;
		esac
		case $kind in
		dg-error) dk=error expect_err=1 ;;
		dg-warning) dk=warning ;;
		dg-message) dk=note ;;
		*) dk=any ;;
		esac
		if [ "$tline" = 0 ]; then
			label="$afile: $kind \"$raw\" (any line)"
		else
			label="$afile:$tline: $kind \"$raw\""
		fi
		: >"$W/cidx"
		awk -F "$US" -v f="$afile" -v l="$tline" -v k="$dk" -v idxf="$W/cidx" '
			(l == 0 || ($2 == f && $3 == l)) && (k == "any" ? $4 != "ice" : $4 == k) {
				print $1 > idxf
				print $5
			}' "$diag" >"$W/cmsg"
		grep -n -E -e "$re" "$W/cmsg" >"$W/hits" 2>"$W/greperr"
		if [ $? -gt 1 ]; then
			echo "FAIL: $label: bad regex: $(head -n 1 "$W/greperr")"
			continue
		fi
		if [ "$kind" = dg-bogus ]; then
			if [ -s "$W/hits" ]; then
				echo "FAIL: $label"
				sed 's/^[0-9]*:/    matched: /' "$W/hits"
			else
				echo "PASS: $label"
			fi
			continue
		fi
		if [ -s "$W/hits" ]; then
			echo "PASS: $label"
			cut -d: -f1 "$W/hits" |
				awk 'FILENAME == ARGV[1] { h[$1]; next } FNR in h' - "$W/cidx" >>"$consumed"
		else
			echo "FAIL: $label"
			if [ "$tline" = 0 ]; then
				awk -F "$US" -v k="$dk" '$4 == k { print "    got: " $2 ":" $3 ": " $4 ": " $5 }' "$diag"
			else
				awk -F "$US" -v f="$afile" -v l="$tline" \
					'$2 == f && $3 == l && $4 != "ice" { print "    got: " $4 ": " $5 }' "$diag"
			fi
		fi
	done <"$ann"

	awk -F "$US" 'FILENAME == ARGV[1] { c[$1]; next }
		!($1 in c) && ($4 == "error" || $4 == "warning") {
			print "    " $2 ($3 == 0 ? "" : ":" $3) ": " $4 ": " $5
		}' "$consumed" "$diag" >"$W/excess"
	if [ -s "$W/excess" ]; then
		echo "FAIL: $name: excess errors"
		cat "$W/excess"
	else
		echo "PASS: $name: excess errors"
	fi

	crash=
	if [ "$status" -ge 128 ]; then
		crash="killed by signal $((status - 128))"
	elif grep -q 'internal compiler error' "$log"; then
		crash="internal compiler error"
	elif grep -q -E 'Segmentation fault|terminated with signal|Killed signal|Illegal instruction' "$log"; then
		crash="compiler crash"
	fi
	if [ -n "$crash" ]; then
		echo "FAIL: $name: $what crashed ($crash)"
		grep -E 'internal compiler error|Segmentation fault|terminated with signal|Killed signal|Illegal instruction' \
			"$log" | head -n 5 | sed 's/^/    /'
	elif [ $expect_err = 1 ]; then
		if [ "$status" -ne 0 ]; then
			echo "PASS: $name: $what fails (dg-error expected)"
		else
			echo "FAIL: $name: $what succeeds, but a dg-error is expected"
		fi
	else
		if [ "$status" -eq 0 ]; then
			echo "PASS: $name: $what succeeds"
		else
			echo "FAIL: $name: $what fails (exit status $status), but no dg-error is expected"
		fi
	fi
}

# options ANN: the compiler options the directives in ANN ask for
options() {
	awk -F "$US" '$1 == "opt" { o = $3 } $1 == "addopt" { a = a " " $3 } END { print o a }' "$1"
}

plugin_flag() {
	if [ -n "$RUN_PLUGIN" ]; then
		printf '%s' "-fplugin=$RUN_PLUGIN"
	fi
}

# run_dg INDEX FILE
run_dg() {
	f=$2
	parse_annotations "$f" "$f" >"$W/ann"
	action=$(awk -F "$US" '$1 == "do" { d = $3 } END { print d }' "$W/ann")
	case ${action:-compile} in
	compile) ;;
	*)
		echo "FAIL: $f: dg-do $action is not supported (only compile)"
		return
		;;
	esac
	opts=$(options "$W/ann")
	# shellcheck disable=SC2086 # CC and the options are word lists
	$CC $(plugin_flag) -O2 -fdiagnostics-plain-output -fno-diagnostics-show-caret \
		-I testsuite/include -c "$f" -o /dev/null $opts >"$W/log" 2>&1 </dev/null
	status=$?
	parse_diags "$W/log" "" "" >"$W/diag"
	judge "$f" "$status" "$W/ann" "$W/diag" "$W/log" compile
}

# copy_sources SRC DEST: copy a kbuild directory without any build products in it; a
# symbolic link is copied as the file it names (a module's errptr.mk -> tools/errptr.mk)
copy_sources() {
	rm -rf "$2" && mkdir -p "$2" && cp -RL "$1/." "$2/" &&
		find "$2" \( -name '*.o' -o -name '*.ko' -o -name '*.mod' -o -name '*.mod.c' \
			-o -name '.*.cmd' -o -name '*.d' -o -name modules.order -o -name Module.symvers \
			-o -name '*.a' -o -name '.tmp_*' \) -exec rm -rf {} + 2>/dev/null
	return 0
}

# c_sources DIR: the .c files of a kbuild directory, sorted
c_sources() {
	find "$1" -name '*.c' ! -name '*.mod.c' -type f | sort
}

kbuild_make() {
	# the parent make's flags (jobserver, command-line variables) must not leak in
	(
		unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
		# shellcheck disable=SC2086
		make "$@" $RUN_KBUILD_ARGS </dev/null
	)
}

# run_kbuild INDEX DIR
run_kbuild() {
	d=$2
	if [ -z "$RUN_KDIR" ]; then
		echo "FAIL: $d: kbuild test: no kernel build directory found (install linux-headers-amd64 or pass --kdir DIR)"
		return
	fi
	if [ ! -f "$RUN_KDIR/Makefile" ]; then
		echo "FAIL: $d: kbuild test: $RUN_KDIR is not a kernel build directory (no Makefile)"
		return
	fi
	scratch=$W/$(basename "$d")
	copy_sources "$d" "$scratch"
	: >"$W/ann"
	for c in $(c_sources "$d"); do
		parse_annotations "$c" "$c" >>"$W/ann"
	done
	opts=$(options "$W/ann")
	(cd "$scratch" && find . -type f | sed 's|^\./||') >"$W/names"
	kbuild_make -C "$RUN_KDIR" M="$scratch" CC="$CC" \
		KCFLAGS="$(plugin_flag) -fdiagnostics-plain-output -fno-diagnostics-show-caret $opts" \
		>"$W/log" 2>&1
	status=$?
	parse_diags "$W/log" "$scratch/" "$d/" "$W/names" >"$W/diag"
	judge "$d" "$status" "$W/ann" "$W/diag" "$W/log" build
}

# worker "INDEX KIND PATH": run one test, results into $RUN_TMP/INDEX.res and .log
worker() {
	idx=${1%% *}
	rest=${1#* }
	kind=${rest%% *}
	path=${rest#* }
	W=$RUN_TMP/w$idx
	mkdir -p "$W"
	case $kind in
	dg) run_dg "$idx" "$path" ;;
	kbuild) run_kbuild "$idx" "$path" ;;
	esac >"$W/res"
	cp "$W/log" "$RUN_TMP/$idx.log" 2>/dev/null
	mv "$W/res" "$RUN_TMP/$idx.res"
	rm -rf "$W"
}

# ---------------------------------------------------------------- discovery

is_kbuild_dir() {
	[ -f "$1/Makefile" ] || [ -f "$1/Kbuild" ]
}

# rel PATH: PATH relative to the repository root when it is inside it
rel() {
	case $1 in
	"$ROOT") echo . ;;
	"$ROOT"/*) echo "${1#"$ROOT"/}" ;;
	*) echo "$1" ;;
	esac
}

# discover ARG: print "dg FILE" and "kbuild DIR" lines for one argument
discover() {
	a=$1
	if [ -f "$a" ]; then
		echo "dg $a"
	elif [ -d "$a" ]; then
		a=${a%/}
		if is_kbuild_dir "$a"; then
			echo "kbuild $a"
			return
		fi
		# the outermost kbuild directories below ARG, then the .c files outside them
		: >"$RUN_TMP/kdirs"
		find "$a" -mindepth 1 -name '.*' -prune -o -type d -print | sort | while read -r d; do
			inside=
			while read -r k; do
				case $d in "$k"/*) inside=1 ;; esac
			done <"$RUN_TMP/kdirs"
			[ -z "$inside" ] && is_kbuild_dir "$d" && echo "$d" >>"$RUN_TMP/kdirs"
		done
		find "$a" -name '.*' -prune -o -name '*.c' -type f -print | sort | while read -r c; do
			inside=
			while read -r k; do
				case $c in "$k"/*) inside=1 ;; esac
			done <"$RUN_TMP/kdirs"
			[ -z "$inside" ] && echo "dg $c"
		done
		sed 's/^/kbuild /' "$RUN_TMP/kdirs"
	else
		echo "run.sh: no such file or directory: $a" >&2
		echo "missing $a"
	fi
}

# ---------------------------------------------------------------- modes

run_tests() {
	: >"$RUN_TMP/list"
	if [ $# -eq 0 ]; then
		set -- testsuite/dg
		[ -d testsuite/kbuild ] && set -- "$@" testsuite/kbuild
		[ -d examples ] && set -- "$@" examples
	fi
	for a in "$@"; do
		discover "$a" >>"$RUN_TMP/list"
	done
	awk '{ printf "%04d %s\n", NR, $0 }' "$RUN_TMP/list" >"$RUN_TMP/items"

	if [ -n "$RUN_PLUGIN" ] && [ ! -f "$RUN_PLUGIN" ]; then
		echo "FAIL: plugin $RUN_PLUGIN not found (run make first)"
		echo "0 passed, 1 failed"
		return 1
	fi

	# kbuild tests take longest: start them first; results are shown in list order
	{
		grep '^[0-9]* kbuild ' "$RUN_TMP/items"
		grep '^[0-9]* dg ' "$RUN_TMP/items"
	} | tr "\n" "\000" | xargs -0 -P "$JOBS" -I{} sh "$SELF" --worker {}

	while read -r idx kind path; do
		if [ "$kind" = missing ]; then
			echo "FAIL: $path: no such file or directory"
			continue
		fi
		if [ -f "$RUN_TMP/$idx.res" ]; then
			cat "$RUN_TMP/$idx.res"
			if [ "$VERBOSE" = 1 ] && grep -q '^FAIL:' "$RUN_TMP/$idx.res" && [ -f "$RUN_TMP/$idx.log" ]; then
				echo "---- output of $path:"
				sed 's/^/| /' "$RUN_TMP/$idx.log"
				echo "----"
			fi
		else
			echo "FAIL: $path: the runner produced no result (worker died)"
		fi
	done <"$RUN_TMP/items" >"$RUN_TMP/all"
	cat "$RUN_TMP/all"
	pass=$(grep -c '^PASS:' "$RUN_TMP/all")
	fail=$(grep -c '^FAIL:' "$RUN_TMP/all")
	if [ "$pass" -eq 0 ] && [ "$fail" -eq 0 ]; then
		echo "FAIL: no tests found"
		fail=1
	fi
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

selftest() {
	st=testsuite/runner-selftest
	kopt=
	[ -n "$RUN_KDIR" ] && kopt="--kdir $RUN_KDIR"
	out=$RUN_TMP/selftest.out
	{
		echo "## sh testsuite/run.sh --plugin none $st/dg $st/kbuild"
		# shellcheck disable=SC2086
		sh "$SELF" --cc "$CC" --plugin none $kopt -j "$JOBS" "$st/dg" "$st/kbuild"
		echo "## exit status $?"
		echo "## sh testsuite/run.sh --cc 'sh $st/crash/fake-cc.sh' --plugin none $st/crash"
		sh "$SELF" --cc "sh $st/crash/fake-cc.sh" --plugin none -j "$JOBS" "$st/crash"
		echo "## exit status $?"
	} >"$out" 2>&1
	if [ "$UPDATE" = 1 ]; then
		cp "$out" "$st/expected.out"
		echo "runner selftest: wrote $st/expected.out; review it with git diff"
		return 0
	fi
	if diff -u "$st/expected.out" "$out" >"$RUN_TMP/selftest.diff"; then
		echo "runner selftest: ok ($(grep -c -E '^(PASS|FAIL):' "$out") results as expected," \
			"$(grep -c '^FAIL:' "$out") of them deliberate FAILs)"
		return 0
	fi
	echo "runner selftest: FAILED: the output differs from $st/expected.out (-expected +got):"
	cat "$RUN_TMP/selftest.diff"
	return 1
}

demo() {
	if [ $# -eq 0 ]; then
		for d in examples/*; do
			[ -d "$d" ] && is_kbuild_dir "$d" && set -- "$@" "$d"
		done
	fi
	if [ $# -eq 0 ]; then
		echo "demo: no examples found (examples/*/ with a kbuild Makefile)"
		return 1
	fi
	if [ -z "$RUN_KDIR" ] || [ ! -f "$RUN_KDIR/Makefile" ]; then
		echo "demo: no kernel build directory (install linux-headers-amd64 or pass --kdir DIR)"
		return 1
	fi
	if [ -z "$RUN_PLUGIN" ] || [ ! -f "$RUN_PLUGIN" ]; then
		echo "demo: plugin ${RUN_PLUGIN:-(none)} not found (run make first)"
		return 1
	fi
	total=0 bad=0
	for d in "$@"; do
		d=$(rel "$(cd "$d" && pwd)")
		total=$((total + 1))
		W=$RUN_TMP/demo
		mkdir -p "$W"
		: >"$W/ann"
		for c in $(c_sources "$d"); do
			parse_annotations "$c" "$c" >>"$W/ann"
		done
		nerr=$(awk -F "$US" '$1 == "ann" && $3 == "dg-error"' "$W/ann" | wc -l)
		nerr=$((nerr + 0))
		# examples/NAME/EXPECT (fail or clean) says what the demo expects; without
		# it, an example with a dg-error annotation is expected to fail
		expect=clean
		[ "$nerr" -gt 0 ] && expect=fail
		inconsistent=
		if [ -f "$d/EXPECT" ]; then
			e=$(tr -d ' \t\r\n' <"$d/EXPECT")
			case $e in
			fail | clean) ;;
			*) inconsistent="$d/EXPECT says '$e', not 'fail' or 'clean'" ;;
			esac
			[ -z "$inconsistent" ] && [ "$e" != "$expect" ] &&
				inconsistent="$d/EXPECT says '$e', but the sources have $nerr dg-error annotations"
			expect=$e
		fi
		title=
		[ -f "$d/README.md" ] && title=$(sed -n 's/^#[# ]*//p' "$d/README.md" | head -n 1)
		scratch=$ROOT/build/demo/$(basename "$d")
		copy_sources "$d" "$scratch"
		echo
		if [ "$expect" = fail ]; then
			echo "==== $d: expected to FAIL to build: errptr must reject it${title:+ -- $title}"
		else
			echo "==== $d: expected to build clean${title:+ -- $title}"
		fi
		echo "\$ make -C $RUN_KDIR M=$scratch CC=$CC ${RUN_KBUILD_ARGS}KCFLAGS=\"$(plugin_flag)\""
		(cd "$scratch" && find . -type f | sed 's|^\./||') >"$W/names"
		kbuild_make -s --no-print-directory -C "$RUN_KDIR" M="$scratch" CC="$CC" \
			KCFLAGS="$(plugin_flag)" >"$W/log" 2>&1
		status=$?
		# the module's files under the example's path, whether the compiler names them
		# by the scratch path or (Linux 6.13 on, see parse_diags) relative to it
		awk -v from="$scratch/" -v to="$d/" -v names="$W/names" '
			BEGIN { while ((getline line < names) > 0) relname[line] = 1 }
			/^Skipping BTF generation/ { next }
			match($0, /^(In file included from |                 from )?[^ :]+:/) {
				lead = ""
				if (match($0, /^(In file included from |                 from )/))
					lead = substr($0, 1, RLENGTH)
				rest = substr($0, length(lead) + 1)
				f = substr(rest, 1, index(rest, ":") - 1)
				if (f in relname)
					$0 = lead to rest
			}
			{ s = $0; out = ""
			  while ((p = index(s, from)) > 0) { out = out substr(s, 1, p - 1) to; s = substr(s, p + length(from)) }
			  print out s }' "$W/log"
		nerrptr=$(grep -c -E '(error|warning): .*\[errptr-[a-z0-9-]+\]$' "$W/log")
		nerrors=$(grep -c -E ': (fatal )?error: ' "$W/log")
		if [ -n "$inconsistent" ]; then
			echo "---- NOT AS EXPECTED: $inconsistent"
			bad=$((bad + 1))
		elif grep -q -E 'internal compiler error|Segmentation fault|terminated with signal' "$W/log"; then
			echo "---- NOT AS EXPECTED: $d: the compiler crashed"
			bad=$((bad + 1))
		elif [ "$expect" = fail ]; then
			if [ "$status" -ne 0 ] && grep -q -E 'error: .*\[errptr-[a-z0-9-]+\]$' "$W/log"; then
				echo "---- as expected: $d was rejected by errptr ($nerrptr errptr diagnostics)"
			elif [ "$status" -ne 0 ]; then
				echo "---- NOT AS EXPECTED: $d failed to build, but not because of errptr"
				bad=$((bad + 1))
			else
				echo "---- NOT AS EXPECTED: $d built clean, but errptr should have rejected it"
				bad=$((bad + 1))
			fi
		else
			if [ "$status" -eq 0 ] && [ "$nerrors" -eq 0 ]; then
				echo "---- as expected: $d built clean ($nerrptr errptr diagnostics)"
			else
				echo "---- NOT AS EXPECTED: $d failed to build (exit status $status)"
				bad=$((bad + 1))
			fi
		fi
	done
	echo
	if [ "$bad" -eq 0 ]; then
		echo "demo: all $total examples behaved as expected (build products in build/demo/)"
		return 0
	fi
	echo "demo: $bad of $total examples did not behave as expected"
	return 1
}

# ---------------------------------------------------------------- main

if [ "${1:-}" = --worker ]; then
	cd "$ROOT" || exit 2
	CC=$RUN_CC
	worker "$2"
	exit 0
fi

MODE=run
JOBS=
VERBOSE=0
UPDATE=0
PLUGIN_SET=
KDIR_SET=
while [ $# -gt 0 ]; do
	case $1 in
	--cc) CC=$2; shift 2 ;;
	--cc=*) CC=${1#*=}; shift ;;
	--plugin) PLUGIN=$2 PLUGIN_SET=1; shift 2 ;;
	--plugin=*) PLUGIN=${1#*=} PLUGIN_SET=1; shift ;;
	--kdir) KDIR=$2 KDIR_SET=1; shift 2 ;;
	--kdir=*) KDIR=${1#*=} KDIR_SET=1; shift ;;
	-j) JOBS=$2; shift 2 ;;
	-j*) JOBS=${1#-j}; shift ;;
	-v | --verbose) VERBOSE=1; shift ;;
	--selftest) MODE=selftest; shift ;;
	--update) UPDATE=1; shift ;;
	--demo) MODE=demo; shift ;;
	--print-kdir) MODE=print-kdir; shift ;;
	-h | --help) usage; exit 0 ;;
	--) shift; break ;;
	-*) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
	*) break ;;
	esac
done

if [ $MODE = print-kdir ]; then
	k=$(find_kdir)
	[ -n "$k" ] && echo "$k"
	[ -n "$k" ]
	exit
fi

# arguments are relative to the caller's directory; tests run from the repository root
n=$#
i=0
while [ $i -lt $n ]; do
	a=$1
	shift
	i=$((i + 1))
	if [ -d "$a" ]; then
		a=$(cd "$a" && pwd)
	elif [ -e "$a" ]; then
		a=$(cd "$(dirname "$a")" && pwd)/$(basename "$a")
	fi
	set -- "$@" "$(rel "$a")"
done
case ${PLUGIN:-} in
"" | /*) ;;
*) [ -e "$PLUGIN" ] && PLUGIN=$(cd "$(dirname "$PLUGIN")" && pwd)/$(basename "$PLUGIN") ;;
esac
case ${KDIR:-} in
"" | /*) ;;
*) [ -d "$KDIR" ] && KDIR=$(cd "$KDIR" && pwd) ;;
esac
cd "$ROOT" || exit 2

CC=${CC:-gcc}
[ -z "$JOBS" ] && JOBS=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
if [ -z "$PLUGIN_SET" ]; then
	PLUGIN=$ROOT/plugin/errptr.so
fi
[ "$PLUGIN" = none ] && PLUGIN=
[ -z "$KDIR_SET" ] && KDIR=$(find_kdir)

RUN_TMP=$(mktemp -d "${TMPDIR:-/tmp}/errptr-run.XXXXXX") || exit 2
trap 'rm -rf "$RUN_TMP"' EXIT
trap 'exit 130' INT TERM HUP

RUN_CC=$CC
RUN_PLUGIN=$PLUGIN
RUN_KDIR=$KDIR
RUN_KBUILD_ARGS=
[ -n "$KDIR" ] && RUN_KBUILD_ARGS=$(kbuild_compat_args "$KDIR" "$RUN_TMP")
export RUN_CC RUN_PLUGIN RUN_KDIR RUN_TMP RUN_KBUILD_ARGS

case $MODE in
run) run_tests "$@" ;;
selftest) selftest ;;
demo) demo "$@" ;;
esac
