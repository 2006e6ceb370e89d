#!/bin/sh
# check-links.sh - every relative link in the project's markdown leads somewhere.
#
#   sh scripts/check-links.sh [FILE.md...]
#
# Default: README.md and docs/*.md, plus testsuite/README.md and examples/*/README.md.
# For each link [text](TARGET), ![alt](TARGET) and reference [id]: TARGET outside code
# (fenced blocks and `spans`) that is not a URL (https:, mailto:, ...):
#   - its path, relative to the file's directory, must exist (a file or a directory);
#   - its #anchor (alone: in the same file) must be a heading of the markdown file it
#     names, as GitHub makes anchors (lower case, punctuation dropped, blanks to '-',
#     "-1", "-2" after repeated headings), or an <a id="..."> / <a name="...">.
# Prints "FILE:LINE: broken link TARGET: why" for each that does not; exit status 1 then.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
[ $# -gt 0 ] || set -- README.md docs/*.md testsuite/README.md examples/*/README.md
export LC_ALL=C
tmp=$(mktemp -d "${TMPDIR:-/tmp}/errptr-links.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# links FILE: "LINE<TAB>TARGET" for every link of FILE outside code
links() {
	awk '
		/^[ \t]*(```|~~~)/ { fence = !fence; next }
		fence { next }
		{
			s = $0
			gsub(/`[^`]*`/, "", s)		# code spans
			if (match(s, /^[ \t]*\[[^]]+\]:[ \t]+[^ \t]+/)) {	# [id]: target
				t = substr(s, RSTART, RLENGTH); sub(/^[^]]*\]:[ \t]+/, "", t)
				print NR "\t" t
				next
			}
			while (match(s, /\]\([^)]*\)/)) {
				t = substr(s, RSTART + 2, RLENGTH - 3)
				s = substr(s, RSTART + RLENGTH)
				sub(/^[ \t]*</, "", t); sub(/>.*$/, "", t)	# <target>
				sub(/[ \t].*$/, "", t)				# a "title"
				if (t != "") print NR "\t" t
			}
		}' "$1"
}

# anchors FILE: the anchors of the markdown FILE, one a line
anchors() {
	awk '
		/^[ \t]*(```|~~~)/ { fence = !fence; next }
		fence { next }
		{
			s = $0
			while (match(s, /<a[ \t]+(id|name)="[^"]*"/)) {
				a = substr(s, RSTART, RLENGTH); sub(/^[^"]*"/, "", a); sub(/"$/, "", a)
				print a
				s = substr(s, RSTART + RLENGTH)
			}
		}
		/^#+[ \t]/ {
			h = $0
			sub(/^#+[ \t]+/, "", h); sub(/[ \t]+#+[ \t]*$/, "", h)
			while (match(h, /\[[^]]*\]\([^)]*\)/)) {	# [text](url) -> text
				l = substr(h, RSTART, RLENGTH); sub(/^\[/, "", l); sub(/\]\(.*$/, "", l)
				h = substr(h, 1, RSTART - 1) l substr(h, RSTART + RLENGTH)
			}
			h = tolower(h)
			out = ""
			for (i = 1; i <= length(h); i++) {
				c = substr(h, i, 1)
				if (c ~ /[a-z0-9_-]/) out = out c
				else if (c == " ") out = out "-"
				else if (c > "~") out = out c	# non-ASCII letters are kept
			}
			if (out in seen) { seen[out]++; out = out "-" seen[out] - 1 } else seen[out] = 1
			print out
		}' "$1"
}

bad=0
for f in "$@"; do
	dir=$(dirname "$f")
	links "$f" >"$tmp/links"
	while IFS="$(printf '\t')" read -r line target; do
		case $target in
		*://* | mailto:* | http:* | https:* | ftp:* | data:*) continue ;;
		esac
		path=${target%%#*}
		anchor=
		case $target in *'#'*) anchor=${target#*#} ;; esac
		if [ -z "$path" ]; then
			dest=$f
		else
			case $path in
			/*) dest=.$path ;;
			*) dest=$dir/$path ;;
			esac
		fi
		if [ ! -e "$dest" ]; then
			echo "$f:$line: broken link $target: no ${path:-$f} (from $dir/)"
			bad=$((bad + 1))
			continue
		fi
		[ -n "$anchor" ] || continue
		case $dest in
		*.md) ;;
		*) continue ;;	# anchors of other files (line numbers in code) are not checked
		esac
		anchors "$dest" >"$tmp/anchors"
		if ! grep -q -x -F -e "$anchor" "$tmp/anchors"; then
			echo "$f:$line: broken link $target: $dest has no heading for #$anchor"
			bad=$((bad + 1))
		fi
	done <"$tmp/links"
done
if [ "$bad" -gt 0 ]; then
	echo "check-links: $bad broken links in $*"
	exit 1
fi
echo "check-links: every relative link of $# files leads somewhere"
