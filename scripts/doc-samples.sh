#!/bin/sh
# doc-samples.sh - the sample outputs in the documentation, made from real output.
#
#   sh scripts/doc-samples.sh [--update | --check] [--cc CC] [--plugin PATH] [--kdir DIR]
#                           [--demo-log FILE] [FILE...]
#
# Runs the demo (testsuite/run.sh --demo: every examples/*/ module built with errptr,
# what "make demo" prints), then makes every sample of FILE (default: README.md,
# docs/manual.md, docs/errptr.1 and examples/*/README.md) from that output again.
# --check (the default) prints the difference and exits 1 when a sample is not what
# the demo prints now; --update rewrites the samples ("make doc-samples").
# --demo-log FILE takes the demo's output from FILE instead of running it.
#
# A sample is the text between two marker lines (markdown / roff):
#     <!-- sample: FORMAT EXAMPLE [N] -->        .\" sample: FORMAT EXAMPLE [N]
#     <!-- end sample -->                        .\" end sample
# FORMAT says what of the demo's output the sample holds:
#   demo EXAMPLE...  the demo's sections of those examples and its last line, as printed
#                    (without the kernel build's own "make: *** ... Error" lines)
#   source EXAMPLE   that example's diagnostics, with GCC's source lines and fix-its
#   plain EXAMPLE    that example's diagnostic lines alone
#   roff EXAMPLE N   the first N diagnostic lines, escaped and wrapped for a man page
# Markdown samples are written as one ``` block; in diagnostics the example's
# directory (examples/NAME/) is left out of file names, as when building in it.  The
# demo's paths are shown as /path/to/errptr (this tree) and $KDIR (the kernel build
# directory): the samples are the same on every machine.
#
# The samples are made with GCC $SAMPLE_GCC, Debian 12's default compiler: under
# another major (its caret lines may differ) --check says SKIP and exits 0.
#
# Later: the list of checks in docs/manual.md, docs/errptr.1 and the SARIF rules will
# be generated the same way, from the plugin's own table (plugin/checks.def), as a
# FORMAT of its own (say "checks").
set -u
SAMPLE_GCC=12
top=$(cd "$(dirname "$0")/.." && pwd)
mode=check
cc=${CC:-gcc}
plugin=$top/plugin/errptr.so
kdir=
demo_log=
while [ $# -gt 0 ]; do
	case $1 in
	--check) mode=check ;;
	--update) mode=update ;;
	--cc) cc=$2; shift ;;
	--plugin) plugin=$2; shift ;;
	--kdir) kdir=$2; shift ;;
	--demo-log) demo_log=$2; shift ;;
	-h | --help) sed -n '2,33p' "$0"; exit 0 ;;
	-*) echo "doc-samples.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
[ $# -gt 0 ] || set -- "$top/README.md" "$top/docs/manual.md" "$top/docs/errptr.1" "$top"/examples/*/README.md
export LC_ALL=C

major=$($cc -dumpversion 2>/dev/null | cut -d. -f1)
if [ "$mode" = check ] && [ "$major" != "$SAMPLE_GCC" ]; then
	echo "SKIP: doc-samples: the samples are made with GCC $SAMPLE_GCC, $cc is GCC ${major:-?}"
	exit 0
fi
[ -n "$kdir" ] || kdir=$(sh "$top/testsuite/run.sh" --print-kdir)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/errptr-doc-samples.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
if [ -z "$demo_log" ]; then
	demo_log=$tmp/demo.log
	(cd "$top" && sh testsuite/run.sh --demo --cc "$cc" --plugin "$plugin" --kdir "$kdir") >"$demo_log" 2>&1
	if ! grep -q '^demo: all [0-9]* examples behaved as expected' "$demo_log"; then
		echo "doc-samples.sh: the demo did not behave as expected:" >&2
		tail -n 20 "$demo_log" >&2
		exit 2
	fi
fi

# The demo's output with machine-specific paths replaced (the plugin's, the tree's, the
# kernel build directory's), as the samples show them.
awk -v plugin="$plugin" -v root="$top" -v kdir="$kdir" '
	function swap(s, from, to,   out, p) {
		if (from == "") return s
		out = ""
		while ((p = index(s, from)) > 0) { out = out substr(s, 1, p - 1) to; s = substr(s, p + length(from)) }
		return out s
	}
	{ s = swap($0, plugin, "/path/to/errptr/plugin/errptr.so")
	  s = swap(s, root "/", "/path/to/errptr/")
	  print swap(s, kdir, "$KDIR") }' "$demo_log" >"$tmp/demo.out"

# sample FORMAT ARGS...: the text of one sample (without the markdown fence)
sample() {
	awk -v format="$1" -v args="$*" '
		BEGIN { n = split(args, a, " "); for (i = 2; i <= n; i++) want["examples/" a[i]] = 1
			ex = "examples/" a[2]; nlines = a[3] + 0 }
		/^==== / { name = $2; sub(/:$/, "", name); in_sec = (name in want); dx = 0 }
		/^make(\[[0-9]+\])?: \*\*\* / { next }
		/^demo: / { if (format == "demo") print; next }
		format == "demo" { if (in_sec) print; if (/^---- /) { if (in_sec) print ""; in_sec = 0 } next }
		# the diagnostics of one example: from its "$ make" line to its "----" line
		/^\$ make / { dx = (name == ex); next }
		/^---- / { dx = 0; next }
		!dx { next }
		{ line = $0; prefix = ex "/"
		  if (index(line, prefix) == 1) line = substr(line, length(prefix) + 1)
		  diag = line ~ /^[^ ]+:[0-9]+:[0-9]+: (fatal error|error|warning|note): / }
		format == "source" { print line; next }
		format == "plain" && diag { print line; next }
		format == "roff" && diag && ++done <= nlines { print line }
	' "$tmp/demo.out" >"$tmp/sample"
	if [ "$1" = roff ]; then
		# wrapped at 72 columns, continuation lines indented by two; "\" and "-" escaped
		awk '{ n = split($0, w, " "); out = w[1]
		       for (i = 2; i <= n; i++) {
			   if (length(out) + 1 + length(w[i]) > 72) { print out; out = "  " w[i] }
			   else out = out " " w[i] }
		       print out }' "$tmp/sample" |
			sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^[.']/\\\\\\&&/"
	else
		cat "$tmp/sample"
	fi
	[ -s "$tmp/sample" ] || echo "doc-samples.sh: sample '$*': nothing in the demo's output" >&2
}

# regenerate FILE OUT: FILE with every sample made again, into OUT
regenerate() {
	: >"$2"
	inside=
	lineno=0
	while IFS= read -r line || [ -n "$line" ]; do
		lineno=$((lineno + 1))
		case $line in
		'<!-- sample: '*' -->' | '.\" sample: '*)
			printf '%s\n' "$line" >>"$2"
			spec=${line#*sample: }
			spec=${spec% -->}
			# shellcheck disable=SC2086 # spec is a word list
			if ! sample $spec >"$tmp/one" 2>"$tmp/one.err" || [ -s "$tmp/one.err" ]; then
				echo "$1:$lineno: $(cat "$tmp/one.err")" >&2
				return 1
			fi
			case $line in
			'<!--'*) { echo '```'; cat "$tmp/one"; echo '```'; } >>"$2" ;;
			*) cat "$tmp/one" >>"$2" ;;
			esac
			inside=$lineno
			;;
		'<!-- end sample -->' | '.\" end sample')
			if [ -z "$inside" ]; then
				echo "$1:$lineno: '$line' without a sample line before it" >&2
				return 1
			fi
			printf '%s\n' "$line" >>"$2"
			inside=
			;;
		*)
			[ -n "$inside" ] || printf '%s\n' "$line" >>"$2"
			;;
		esac
	done <"$1"
	if [ -n "$inside" ]; then
		echo "$1:$inside: the sample has no end line" >&2
		return 1
	fi
}

status=0
for f in "$@"; do
	if ! regenerate "$f" "$tmp/new"; then
		status=2
		continue
	fi
	cmp -s "$f" "$tmp/new" && continue
	if [ "$mode" = update ]; then
		cat "$tmp/new" >"$f"
		echo "doc-samples: updated ${f#"$top"/}"
	else
		echo "doc-samples: ${f#"$top"/}: the samples differ from what the demo prints now (make doc-samples rewrites them):"
		diff -u "$f" "$tmp/new" | sed '1,2d'
		[ "$status" = 2 ] || status=1
	fi
done
exit $status
