#!/bin/sh
# install.sh - the work of "make install" and "make uninstall" (the Makefile passes the
# settings in the environment; run from the top of the tree).
#
#   sh scripts/install.sh install|uninstall
#
# install:
#   - for each GCC major N built (plugin/errptr-gccN.so; "make CC=gcc-11" adds one): the
#     loader errptr.so and errptr-gccN.so into that GCC's plugin directory
#     ("gcc-N -print-file-name=plugin"), where -fplugin=errptr finds them without a path;
#     the bundled rules (rules/, learned/ too) into <plugindir>/errptr/rules, where the
#     plugin looks next to itself. PLUGINDIR=DIR puts all of it into DIR instead.
#   - tools/errptr-merge and tools/errptr-gate, when built, into $BINDIR;
#     docs/errptr.1 into $MANDIR/man1; tools/errptr.mk into $DATADIR.
#   - every file installed (with its sha256) and every directory created is recorded in
#     $INSTALL_MANIFEST (under DESTDIR). Installing again adds to it, and drops rules
#     files that are no longer in rules/.
# uninstall:
#   removes what the manifest lists and nothing else: a file changed since it was
#   installed is kept (with a warning), a directory is removed only when empty.
#
# Settings: PREFIX, DESTDIR, BINDIR, MANDIR, DATADIR, INSTALL_MANIFEST, PLUGINDIR, CC.
set -e
action=$1
D=$DESTDIR
M=$INSTALL_MANIFEST
say() { printf '%s\n' "$*"; }
die() { say "$action: $*" >&2; exit 1; }
for p in "$M" "$BINDIR" "$MANDIR" "$DATADIR" $PLUGINDIR; do
	case $p in
	/*) ;;
	*) die "'$p' is not an absolute path" ;;
	esac
	case $p in
	*[[:space:]]* | */../* | */.. | */./* | */.) die "'$p': use a plain path (no blanks, '.' or '..')" ;;
	esac
done
case $D in
'' | /*) ;;
*) D=$(pwd)/$D ;;
esac
hash_of() { sha256sum <"$1" | cut -d' ' -f1; }

if [ "$action" = uninstall ]; then
	if [ ! -f "$D$M" ]; then
		say "uninstall: no manifest $D$M: nothing installed with PREFIX=$PREFIX${DESTDIR:+ DESTDIR=$DESTDIR}"
		exit 0
	fi
	# the last entry of a path wins (an interrupted install leaves duplicates)
	list=$(mktemp)
	trap 'rm -f "$list"' EXIT
	awk '$1 == "f" || $1 == "d" { e[$3] = $0; if (!($3 in seen)) { seen[$3] = 1; order[++n] = $3 } }
	     END { for (i = 1; i <= n; i++) print e[order[i]] }' "$D$M" >"$list"
	kept=0
	while read -r kind sum path; do
		[ "$kind" = f ] || continue
		if [ -f "$D$path" ] && [ ! -L "$D$path" ]; then
			if [ "$(hash_of "$D$path")" = "$sum" ]; then
				rm -f "$D$path" && say "  removed $D$path"
			else
				say "uninstall: warning: $D$path changed since it was installed: kept" >&2
				kept=$((kept + 1))
			fi
		fi
	done <"$list"
	rm -f "$D$M"
	say "  removed $D$M"
	# directories the install created, deepest first, when empty
	awk '$1 == "d" { print length($3), $3 }' "$list" | sort -rn | while read -r len path; do
		if [ -d "$D$path" ]; then
			if rmdir "$D$path" 2>/dev/null; then
				say "  removed $D$path/"
			else
				say "uninstall: $D$path/ is not empty: kept" >&2
			fi
		fi
	done
	[ "$kept" = 0 ] || say "uninstall: $kept changed files kept"
	exit 0
fi

# ---- install
created=
mkdirs() {	# mkdirs DIR: create DIR under $D, remember the directories created
	set -- "$1"
	missing=
	while [ "$1" != / ] && [ ! -d "$D$1" ]; do
		missing="$1
$missing"
		set -- "$(dirname "$1")"
	done
	for p in $missing; do
		mkdir "$D$p"
		created="$created
d - $p"
	done
}
[ -z "$D" ] || mkdir -p "$D"
mkdirs "$(dirname "$M")"
if [ -f "$D$M" ]; then
	old=$(wc -l <"$D$M")
else
	say "# errptr install manifest (make install; make uninstall removes these): f SHA256 FILE | d - DIR-created" >"$D$M"
	old=1
fi
[ -z "$created" ] || printf '%s\n' "$created" | grep . >>"$D$M"
created=
put() {	# put MODE SRC PATH
	mkdirs "$(dirname "$3")"
	install -m "$1" "$2" "$D$3"
	{ [ -z "$created" ] || printf '%s\n' "$created" | grep .; say "f $(hash_of "$2") $3"; } >>"$D$M"
	created=
	say "  $D$3"
}

majors=$(ls plugin/errptr-gcc*.so 2>/dev/null | sed 's|^plugin/errptr-gcc\([0-9]*\)\.so$|\1|' | grep -x '[0-9][0-9]*' | sort -n)
[ -n "$majors" ] || die "no plugin/errptr-gccN.so built (run make first)"
[ -f plugin/errptr.so ] || die "no plugin/errptr.so built (run make first)"
rules=$(cd rules 2>/dev/null && find . -type f \( -name '*.rules' -o -name '*.cdb' \) | sed 's|^\./||' | sort)
done_dirs=
for n in $majors; do
	if [ -n "$PLUGINDIR" ]; then
		dir=$PLUGINDIR
	else
		gcc_n=
		if command -v "gcc-$n" >/dev/null 2>&1; then
			gcc_n=gcc-$n
		elif [ "$($CC -dumpversion 2>/dev/null | cut -d. -f1)" = "$n" ]; then
			gcc_n=$CC
		fi
		[ -n "$gcc_n" ] || die "plugin/errptr-gcc$n.so is built, but there is no gcc-$n to ask for its plugin directory (set PLUGINDIR=DIR)"
		dir=$($gcc_n -print-file-name=plugin)
		case $dir in
		/*) ;;
		*) die "$gcc_n has no plugin directory (is gcc-$n-plugin-dev installed?)" ;;
		esac
	fi
	say "install: GCC $n: $D$dir"
	put 644 "plugin/errptr-gcc$n.so" "$dir/errptr-gcc$n.so"
	case " $done_dirs " in *" $dir "*) continue ;; esac
	done_dirs="$done_dirs $dir"
	put 644 plugin/errptr.so "$dir/errptr.so"
	for r in $rules; do
		put 644 "rules/$r" "$dir/errptr/rules/$r"
	done
done
for t in tools/errptr-merge tools/errptr-gate; do
	[ -f "$t" ] && [ -x "$t" ] || continue
	put 755 "$t" "$BINDIR/$(basename "$t")"
done
put 644 docs/errptr.1 "$MANDIR/man1/errptr.1"
put 644 tools/errptr.mk "$DATADIR/errptr.mk"

# Merge with an earlier install: the new entry of a path wins; an earlier rules file
# in a plugin directory installed now that was not put back is stale (no longer in
# rules/): remove it too.
awk -v old="$old" -v dirs="$done_dirs" 'BEGIN { nd = split(dirs, dir, " ") }
	function stale(p,   i) {
		for (i = 1; i <= nd; i++)
			if (index(p, dir[i] "/errptr/rules/") == 1) return 1
		return 0
	}
	NR == 1 && /^#/ { print; next }
	NR <= old && ($1 == "f" || $1 == "d") { if (!($3 in o)) ord[++n] = $3; o[$3] = $0; next }
	$1 == "f" || $1 == "d" { if (!($3 in nw)) nord[++m] = $3; nw[$3] = $0 }
	END {	# earlier entries in their order (replaced in place), then the new ones
		for (i = 1; i <= n; i++) {
			p = ord[i]
			split(o[p], f, " ")
			if (p in nw) print nw[p]
			else if (f[1] == "f" && stale(p)) print "stale " o[p]
			else print o[p]
		}
		for (i = 1; i <= m; i++)
			if (!(nord[i] in o)) print nw[nord[i]]
	}' "$D$M" >"$D$M.tmp"
while read -r kind k2 sum path; do
	[ "$kind" = stale ] || continue
	if [ -f "$D$path" ] && [ "$(hash_of "$D$path")" = "$sum" ]; then
		rm -f "$D$path" && say "  removed stale $D$path"
	fi
done <"$D$M.tmp"
sed '/^stale /d' "$D$M.tmp" >"$D$M"
rm -f "$D$M.tmp"
say "install: manifest $D$M"
