#!/bin/sh
# install.sh - test "make install" and "make uninstall" (scripts/install.sh).
#
#   sh testsuite/tools/install.sh [--staging-only] [--keep]
#
# 1. Build: copies this source tree (tracked and untracked files, no build products) into
#    a scratch directory and builds it there with "make" (the default gcc) and, when gcc-11
#    and its plugin headers are installed, "make CC=gcc-11": the shared tree's plugin/ and
#    build/ are left alone.
# 2. Staging: "make install DESTDIR=S": the exact list of files, their modes and contents,
#    the manifest; the staged plugin finds the rules installed next to it and reports a
#    seed-style hook; errptr(1) renders; installing again changes nothing and drops a
#    rules file no longer in rules/. "make uninstall DESTDIR=S" leaves S exactly as it
#    was (foreign files in bin/ and in the plugin directory survive), keeps a file changed
#    since the install, and is harmless when nothing is installed.
# 3. Real install, as root (skipped with --staging-only, for other users, or when errptr
#    files are already in the way): "make install"; -fplugin=errptr without a path loads
#    it; a module whose Makefile is only "obj-m := x.o" and "ccflags-y += -fplugin=errptr"
#    (examples/seed-hook as one unit x.c) fails with the seed bug reported, the fixed
#    example builds x.ko; so does one whose Makefile includes the installed errptr.mk;
#    "make uninstall" leaves the plugin directories, $PREFIX/bin, $PREFIX/share and man1
#    as they were, -fplugin=errptr no longer loads, and the module with errptr.mk builds
#    without errptr (its copy of errptr.mk adds nothing). Runs under
#    a lock (/tmp/errptr-install-test.lock), and uninstalls on any exit once installed.
#
# Environment: KDIR (kernel build directory, default: what testsuite/run.sh --print-kdir
# finds), PREFIX (default /usr/local), KEEP=1 (= --keep: keep the scratch directory).
# Prints PASS:/FAIL:/SKIP: lines and "N passed, N failed"; exit status 1 if anything failed.

top=$(cd "$(dirname "$0")/../.." && pwd)
name=install
real=1
while [ $# -gt 0 ]; do
	case $1 in
	--staging-only) real=0 ;;
	--keep) KEEP=1 ;;
	-h | --help) sed -n '2,27p' "$0"; exit 0 ;;
	*) echo "install.sh: unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done
export LC_ALL=C
PREFIX=${PREFIX:-/usr/local}
# A "make check CC=gcc-11" above us passes CC=gcc-11 down through MAKEFLAGS: the copy is
# built for each GCC explicitly below, so start from a clean make environment.
unset MAKEFLAGS MAKEOVERRIDES MFLAGS MAKELEVEL
[ -n "${KDIR:-}" ] || KDIR=$(sh "$top/testsuite/run.sh" --print-kdir 2>/dev/null)
unset MAKEFLAGS MFLAGS MAKELEVEL DESTDIR PLUGINDIR BINDIR MANDIR DATADIR INSTALL_MANIFEST
# testsuite/tools/run.sh --cc exports CC: under "make check CC=gcc-13" the copy's "make
# install" would build and install a GCC 13 build besides the default gcc's the list of
# expected files is made from.  The copy is built for each GCC explicitly.
unset CC CXX

T=$(mktemp -d "${TMPDIR:-/tmp}/errptr-install.XXXXXX") || exit 2
src=$T/src
S=$T/stage
installed_real=0
cleanup() {
	if [ "$installed_real" = 1 ] && [ -f "$PREFIX/share/errptr/install-manifest" ]; then
		echo "install.sh: removing the real install after an early exit"
		make -s -C "$src" uninstall >/dev/null 2>&1
	fi
	[ -d "$src/rules.away" ] && mv "$src/rules.away" "$src/rules"
	if [ "${KEEP:-0}" = 1 ]; then
		echo "note: install.sh: scratch directory $T kept"
	else
		rm -rf "$T"
	fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

npass=0
nfail=0
pass() { echo "PASS: $name: $*"; npass=$((npass + 1)); }
fail() { echo "FAIL: $name: $*"; nfail=$((nfail + 1)); }
skip() { echo "SKIP: $name: $*"; }
# show FILE: indented, at most 40 lines
show() { sed -n '1,40s/^/    /p' "$1"; }
finish() {
	echo "$npass passed, $nfail failed"
	[ "$nfail" = 0 ] && exit 0
	exit 1
}

# A seed-style hook: paired with "do_filp_open" in a hook table, returns NULL.  Reported
# only when the plugin has read do_filp_open's contract from the bundled rules.
cat >"$T/seed.c" <<'EOF'
struct file;
struct filename;
struct open_flags;
extern struct file *do_filp_open(int dfd, struct filename *pathname, const struct open_flags *op);
extern int hook_allowed(void);
struct hook {
	const char *name;
	void *fn;
};
static struct file *hook_do_filp_open(int dfd, struct filename *pathname, const struct open_flags *op)
{
	if (!hook_allowed())
		return (void *)0;
	return do_filp_open(dfd, pathname, op);
}
struct hook hooks[] = { { "do_filp_open", (void *)hook_do_filp_open } };
EOF
SEED_RE="seed\.c:13:[0-9]*: error: 'hook_do_filp_open' returns NULL here, but it stands in for 'do_filp_open'.*\[errptr-null-return\]"

# ---------------------------------------------------------------- 1. build a copy

mkdir -p "$src"
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
	(cd "$top" && git ls-files -co --exclude-standard | while IFS= read -r f; do
		[ -f "$f" ] && printf '%s\n' "$f"
	done | cpio -pdm --quiet "$src")
else
	(cd "$top" && tar cf - --exclude=./build --exclude='*.o' --exclude='*.so' . | tar xf - -C "$src")
fi
if [ ! -f "$src/Makefile" ] || ! grep -q '^install:' "$src/Makefile"; then
	fail "copy of the source tree in $src has no Makefile with an install target"
	finish
fi
jobs=$(nproc 2>/dev/null || echo 2)
if make -C "$src" -j"$jobs" CC=gcc >"$T/build.log" 2>&1; then
	pass "make (default gcc) in a copy of the tree"
else
	fail "make (default gcc) in a copy of the tree"
	tail -n 30 "$T/build.log" | sed 's/^/    /'
	finish
fi
if command -v gcc-11 >/dev/null 2>&1 && command -v g++-11 >/dev/null 2>&1 &&
	[ -d "$(gcc-11 -print-file-name=plugin)/include" ]; then
	if make -C "$src" -j"$jobs" CC=gcc-11 >"$T/build11.log" 2>&1; then
		pass "make CC=gcc-11 in the copy (a second GCC major to install)"
	else
		fail "make CC=gcc-11 in the copy"
		tail -n 30 "$T/build11.log" | sed 's/^/    /'
	fi
else
	skip "gcc-11 or its plugin headers are not installed: one GCC major only"
fi

# plugindir_of N: the plugin directory of GCC N, as the install target finds it
plugindir_of() {
	if command -v "gcc-$1" >/dev/null 2>&1; then
		"gcc-$1" -print-file-name=plugin
	elif [ "$(gcc -dumpversion | cut -d. -f1)" = "$1" ]; then
		gcc -print-file-name=plugin
	fi
}
majors=$(cd "$src/plugin" && ls errptr-gcc*.so | sed -n 's/^errptr-gcc\([0-9][0-9]*\)\.so$/\1/p' | sort -n)
default_major=$(gcc -dumpversion | cut -d. -f1)
default_pd=$(plugindir_of "$default_major")
rules=$(cd "$src/rules" && find . -type f \( -name '*.rules' -o -name '*.cdb' \) | sed 's|^\./||' | sort)
tools=
for t in errptr-merge errptr-gate; do
	[ -f "$src/tools/$t" ] && [ -x "$src/tools/$t" ] && tools="$tools $t"
done

# expected_files: every path "make install" must create (without DESTDIR), with its
# source in the tree and its mode: "PATH SRC MODE"
expected_files() {
	for n in $majors; do
		pd=$(plugindir_of "$n")
		echo "$pd/errptr-gcc$n.so plugin/errptr-gcc$n.so 644"
		echo "$pd/errptr.so plugin/errptr.so 644"
		for r in $rules; do
			echo "$pd/errptr/rules/$r rules/$r 644"
		done
	done
	for t in $tools; do
		echo "$PREFIX/bin/$t tools/$t 755"
	done
	echo "$PREFIX/share/man/man1/errptr.1 docs/errptr.1 644"
	echo "$PREFIX/share/errptr/errptr.mk tools/errptr.mk 644"
	echo "$PREFIX/share/errptr/install-manifest - 644"
}
expected_files | sort -u >"$T/expected"
cut -d' ' -f1 "$T/expected" >"$T/expected.paths"

# ---------------------------------------------------------------- 2. staging

mkdir -p "$S$PREFIX/bin" "$S$default_pd"
echo foreign >"$S$PREFIX/bin/foreign-tool"
echo foreign >"$S$default_pd/foreign-plugin.so"
(cd "$S" && find . | sort) >"$T/stage.before"

if make -C "$src" install DESTDIR="$S" >"$T/install.log" 2>&1; then
	pass "make install DESTDIR=$S"
else
	fail "make install DESTDIR=$S"
	show "$T/install.log"
fi

(cd "$S" && find . -type f ! -name foreign-tool ! -name foreign-plugin.so | sed 's|^\.||' | sort) >"$T/staged"
if cmp -s "$T/expected.paths" "$T/staged"; then
	pass "installed files are exactly: $(tr '\n' ' ' <"$T/staged")"
else
	fail "installed files differ from the expected list (-expected +installed):"
	diff "$T/expected.paths" "$T/staged" | sed -n 's/^[<>]/    &/p'
fi
for n in $majors; do
	grep -q "^$(plugindir_of "$n")/errptr-gcc$n.so$" "$T/staged" &&
		pass "GCC $n: errptr.so and errptr-gcc$n.so in $(plugindir_of "$n")"
done

bad=
while read -r path from mode; do
	[ -f "$S$path" ] || continue
	[ "$from" = - ] || cmp -s "$src/$from" "$S$path" || bad="$bad $path(content)"
	m=$(stat -c %a "$S$path")
	[ "$m" = "$mode" ] || bad="$bad $path(mode $m, not $mode)"
done <"$T/expected"
if [ -z "$bad" ]; then
	pass "installed files are copies of the tree's, modes 644 (tools 755)"
else
	fail "installed files differ:$bad"
fi

M=$S$PREFIX/share/errptr/install-manifest
if [ -f "$M" ]; then
	awk '$1 == "f" { print $3 }' "$M" | sort >"$T/manifest.files"
	grep -v "/install-manifest$" "$T/expected.paths" >"$T/expected.nomanifest"
	if cmp -s "$T/expected.nomanifest" "$T/manifest.files"; then
		pass "the manifest lists every installed file"
	else
		fail "the manifest's files differ (-expected +manifest):"
		diff "$T/expected.nomanifest" "$T/manifest.files" | sed -n 's/^[<>]/    &/p'
	fi
	bad=
	while read -r kind sum path; do
		[ "$kind" = f ] || continue
		[ "$(sha256sum <"$S$path" | cut -d' ' -f1)" = "$sum" ] || bad="$bad $path"
	done <"$M"
	[ -z "$bad" ] && pass "manifest checksums match the installed files" ||
		fail "manifest checksums differ:$bad"
	awk '$1 == "d" { print $3 }' "$M" | sort >"$T/manifest.dirs"
	(cd "$S" && find . -type d | sed 's|^\.||' | grep . | sort) >"$T/stage.dirs"
	(sed -n 's|^\./||p' "$T/stage.before" | sed 's|^|/|') | sort >"$T/before.paths"
	comm -13 "$T/before.paths" "$T/stage.dirs" >"$T/created.dirs"
	if cmp -s "$T/created.dirs" "$T/manifest.dirs"; then
		pass "the manifest lists every directory the install created, and no other"
	else
		fail "the manifest's directories differ (-created +manifest):"
		diff "$T/created.dirs" "$T/manifest.dirs" | sed -n 's/^[<>]/    &/p'
	fi
else
	fail "no manifest $M"
fi

# The staged plugin reads the rules installed next to it: a bad rules file there is
# reported; and with the tree's own rules/ (compiled in as the last resort) moved away,
# the seed is still reported, so its contract came from <plugindir>/errptr/rules.
pd=$S$default_pd
if [ -f "$pd/errptr.so" ]; then
	echo "this is not a rule" >"$pd/errptr/rules/zz-probe.rules"
	gcc -fplugin="$pd/errptr.so" -c "$T/seed.c" -o /dev/null >"$T/probe.log" 2>&1
	if grep -q "$pd/errptr/rules/zz-probe.rules:1: unknown keyword 'this'" "$T/probe.log"; then
		pass "the staged plugin reads <plugindir>/errptr/rules/"
	else
		fail "the staged plugin did not read $pd/errptr/rules/zz-probe.rules"
		show "$T/probe.log"
	fi
	rm -f "$pd/errptr/rules/zz-probe.rules"
	mv "$src/rules" "$src/rules.away"
	gcc -O2 -fplugin="$pd/errptr.so" -c "$T/seed.c" -o /dev/null >"$T/seed.log" 2>&1
	status=$?
	mv "$src/rules.away" "$src/rules"
	if [ "$status" != 0 ] && grep -q "$SEED_RE" "$T/seed.log"; then
		pass "the staged plugin reports the seed hook with its installed rules"
	else
		fail "the staged plugin did not report the seed hook (exit status $status)"
		show "$T/seed.log"
	fi
fi

man1=$S$PREFIX/share/man/man1/errptr.1
if command -v groff >/dev/null 2>&1 && [ -f "$man1" ]; then
	if groff -man -ww -z "$man1" >"$T/groff.log" 2>&1 && [ ! -s "$T/groff.log" ]; then
		pass "errptr.1 renders without groff warnings"
	else
		fail "errptr.1: groff warnings"
		show "$T/groff.log"
	fi
	for sec in NAME SYNOPSIS DESCRIPTION ARGUMENTS CHECKS 'RULES FILES' 'EXIT STATUS' EXAMPLES; do
		grep -q "^\.SH \"*$sec\"*\$" "$man1" || fail "errptr.1 has no $sec section"
	done
	missing=
	for tag in null-return is-err-on-null null-check-on-err unneeded-check ptr-err-not-err \
		err-ptr-zero mixed-use; do
		grep -q "errptr\\\\-$(echo $tag | sed 's/-/\\\\-/g')" "$man1" || missing="$missing $tag"
	done
	[ -z "$missing" ] && pass "errptr.1 has the sections and every check's tag" ||
		fail "errptr.1 lacks the tags:$missing"
else
	skip "groff is not installed: errptr.1 not rendered"
fi

# Installing again changes nothing; a rules file removed from rules/ is removed from the
# installation too.
cp "$M" "$T/manifest.1"
make -C "$src" install DESTDIR="$S" >"$T/install2.log" 2>&1 && cmp -s "$M" "$T/manifest.1" &&
	pass "installing again leaves the same manifest" ||
	fail "installing again changed the manifest or failed"
echo "# a rules file that will go away" >"$src/rules/zz-gone.rules"
make -C "$src" install DESTDIR="$S" >"$T/install3.log" 2>&1
there=$(find "$S" -name zz-gone.rules | wc -l)
rm -f "$src/rules/zz-gone.rules"
make -C "$src" install DESTDIR="$S" >"$T/install4.log" 2>&1
left=$(find "$S" -name zz-gone.rules | wc -l)
if [ "$there" -gt 0 ] && [ "$left" = 0 ] && ! grep -q zz-gone "$M" && cmp -s "$M" "$T/manifest.1"; then
	pass "a rules file removed from rules/ is removed by the next install ($there copies)"
else
	fail "stale rules: $there installed, $left left after it was removed from rules/"
fi

if make -C "$src" uninstall DESTDIR="$S" >"$T/uninstall.log" 2>&1; then
	pass "make uninstall DESTDIR=$S"
else
	fail "make uninstall DESTDIR=$S"
	show "$T/uninstall.log"
fi
(cd "$S" && find . | sort) >"$T/stage.after"
if cmp -s "$T/stage.before" "$T/stage.after"; then
	pass "after uninstall the staging directory is as before (foreign files kept)"
else
	fail "after uninstall the staging directory differs (-before +after):"
	diff "$T/stage.before" "$T/stage.after" | sed -n 's/^[<>]/    &/p'
fi
make -C "$src" uninstall DESTDIR="$S" >"$T/uninstall2.log" 2>&1 &&
	grep -q "nothing installed" "$T/uninstall2.log" &&
	pass "make uninstall with nothing installed says so and succeeds" ||
	fail "make uninstall with nothing installed"

# A file changed since the install is not the installed one: uninstall keeps it.
make -C "$src" install DESTDIR="$S" >"$T/install5.log" 2>&1
echo "local change" >>"$man1"
make -C "$src" uninstall DESTDIR="$S" >"$T/uninstall3.log" 2>&1
status=$?
if [ "$status" = 0 ] && [ -f "$man1" ] && grep -q "changed since it was installed: kept" "$T/uninstall3.log" &&
	[ ! -e "$pd/errptr.so" ]; then
	pass "uninstall keeps a file changed since the install, removes the rest"
else
	fail "uninstall and a changed file (exit status $status)"
	show "$T/uninstall3.log"
fi

# ---------------------------------------------------------------- 3. real install

if [ "$real" = 0 ]; then
	skip "real install: --staging-only"
	finish
fi
if [ "$(id -u)" != 0 ]; then
	skip "real install: needs root"
	finish
fi
if [ -z "$KDIR" ] || [ ! -f "$KDIR/Makefile" ]; then
	fail "real install: no kernel build directory (install linux-headers-amd64 or set KDIR)"
	finish
fi
exec 9>/tmp/errptr-install-test.lock
if ! flock -w 900 9; then
	fail "real install: another install test holds /tmp/errptr-install-test.lock"
	finish
fi
in_the_way=
while read -r path; do
	[ -e "$path" ] && in_the_way="$in_the_way $path"
done <"$T/expected.paths"
for n in $majors; do
	[ -e "$(plugindir_of "$n")/errptr" ] && in_the_way="$in_the_way $(plugindir_of "$n")/errptr"
done
if [ -n "$in_the_way" ]; then
	skip "real install: errptr files are already there, not touching them:$in_the_way"
	finish
fi

# What must look the same after the uninstall.
snapshot() {
	for n in $majors; do
		find "$(plugindir_of "$n")" -maxdepth 3 2>/dev/null
	done
	find "$PREFIX/bin" "$PREFIX/share" -maxdepth 1 2>/dev/null
	find "$PREFIX/share/man" -maxdepth 2 2>/dev/null
} 
snapshot | sort >"$T/real.before"

installed_real=1
if make -C "$src" install >"$T/real-install.log" 2>&1; then
	pass "make install (PREFIX=$PREFIX, GCC's plugin directories)"
else
	fail "make install"
	show "$T/real-install.log"
fi
mv "$src/rules" "$src/rules.away"

for n in $majors; do
	cc=gcc-$n
	command -v "$cc" >/dev/null 2>&1 || cc=gcc
	"$cc" -O2 -fplugin=errptr -c "$T/seed.c" -o /dev/null >"$T/bare$n.log" 2>&1
	status=$?
	if [ "$status" != 0 ] && grep -q "$SEED_RE" "$T/bare$n.log"; then
		pass "$cc -fplugin=errptr (no path) loads the installed errptr and reports the seed hook"
	else
		fail "$cc -fplugin=errptr (exit status $status)"
		show "$T/bare$n.log"
	fi
done

# The kernel developer's way: a module Makefile with one errptr line, or one that
# includes a copy of errptr.mk (FILE) to load errptr where it is installed.
module() {	# module EXAMPLE DIR [FILE]
	rm -rf "$2"
	mkdir -p "$2"
	cp "$src/examples/$1/"*.c "$src/examples/$1/"*.h "$2/"
	{
		echo "/* examples/$1 as one unit, for obj-m := x.o */"
		for c in "$src/examples/$1/"*.c; do
			echo "#include \"$(basename "$c")\""
			echo "#undef pr_fmt"
		done
	} >"$2/x.c"
	if [ -n "${3:-}" ]; then
		cp "$3" "$2/errptr.mk"
		printf 'obj-m := x.o\ninclude $(src)/errptr.mk\n' >"$2/Makefile"
	else
		printf 'obj-m := x.o\nccflags-y += -fplugin=errptr\n' >"$2/Makefile"
	fi
	make -C "$KDIR" M="$2" >"$2.log" 2>&1
}
module seed-hook "$T/mod"
status=$?
if [ "$status" != 0 ] &&
	grep -q "file_hook\.c:[0-9]*:[0-9]*: error: 'akfs_hook_do_filp_open' returns NULL here, but it stands in for 'do_filp_open', whose callers test the result only with IS_ERR() \[errptr-null-return\]" "$T/mod.log"; then
	pass "module with 'ccflags-y += -fplugin=errptr' (examples/seed-hook): the seed bug is reported, the build fails"
else
	fail "module with 'ccflags-y += -fplugin=errptr' (examples/seed-hook): exit status $status"
	show "$T/mod.log"
fi
module seed-hook-fixed "$T/modfix"
status=$?
if [ "$status" = 0 ] && [ -f "$T/modfix/x.ko" ] && ! grep -q "\[errptr-" "$T/modfix.log"; then
	pass "module with 'ccflags-y += -fplugin=errptr' (examples/seed-hook-fixed): builds x.ko, errptr silent"
else
	fail "module examples/seed-hook-fixed: exit status $status"
	show "$T/modfix.log"
fi
module seed-hook "$T/modmk" "$PREFIX/share/errptr/errptr.mk"
status=$?
if [ "$status" != 0 ] &&
	grep -q "file_hook\.c:[0-9]*:[0-9]*: error: 'akfs_hook_do_filp_open' returns NULL here.*\[errptr-null-return\]" "$T/modmk.log"; then
	pass "module with 'include \$(src)/errptr.mk' (the installed one): errptr loaded, the seed bug reported"
else
	fail "module with 'include \$(src)/errptr.mk': exit status $status"
	show "$T/modmk.log"
fi
mv "$src/rules.away" "$src/rules"

if make -C "$src" uninstall >"$T/real-uninstall.log" 2>&1; then
	pass "make uninstall"
	installed_real=0
else
	fail "make uninstall"
	show "$T/real-uninstall.log"
fi
snapshot | sort >"$T/real.after"
if cmp -s "$T/real.before" "$T/real.after"; then
	pass "after uninstall the plugin directories, $PREFIX/bin, $PREFIX/share and man are as before"
else
	fail "after uninstall (-before +after):"
	diff "$T/real.before" "$T/real.after" | sed -n 's/^[<>]/    &/p'
fi
left=
while read -r path; do
	[ -e "$path" ] && left="$left $path"
done <"$T/expected.paths"
[ -z "$left" ] && pass "no installed file is left" || fail "left after uninstall:$left"
module seed-hook "$T/modmk" "$src/tools/errptr.mk"
status=$?
if [ "$status" = 0 ] && [ -f "$T/modmk/x.ko" ] && ! grep -q "\[errptr-" "$T/modmk.log"; then
	pass "after uninstall the module with errptr.mk builds x.ko without errptr (the seed bug goes through, as without errptr)"
else
	fail "after uninstall the module with errptr.mk: exit status $status"
	show "$T/modmk.log"
fi
if gcc -fplugin=errptr -c "$T/seed.c" -o /dev/null >"$T/gone.log" 2>&1; then
	fail "gcc -fplugin=errptr still works after uninstall"
else
	grep -q "plugin.*errptr.*No such file" "$T/gone.log" &&
		pass "after uninstall gcc -fplugin=errptr no longer finds it: $(sed -n 's/^cc1: fatal error: //p' "$T/gone.log" | head -n 1)" ||
		{ fail "after uninstall gcc -fplugin=errptr fails, but not because it is gone"; show "$T/gone.log"; }
fi
finish
