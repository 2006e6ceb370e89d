#!/bin/sh
# ksrc.sh - the work of "make ksrc": a Debian linux-source-X.Y tree unpacked at KSRC.
#
#   sh scripts/ksrc.sh KSRC [APTDIR]
#
# KSRC names the tree, .../linux-source-X.Y (default /usr/src/linux-source-6.1).  When
# KSRC/Makefile exists there is nothing to do.  Else the tarball Debian's package
# linux-source-X.Y installs (/usr/src/linux-source-X.Y.tar.xz, or one beside KSRC) is
# unpacked into KSRC's directory; without one, the package is downloaded first with
# "apt-get download" and a private apt configuration in APTDIR (default
# build/ksrc-apt): its own sources.list (bullseye and bullseye-security for 5.10,
# bookworm and bookworm-security for 6.1 and 6.12, trixie, testing for newer), lists and
# cache, so the host's apt sources are neither used nor changed; the mirror is the
# host's (the first URI of /etc/apt, else deb.debian.org).  Nothing is installed: the
# .deb's tarball is taken out with dpkg-deb.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
KSRC=${1:-/usr/src/linux-source-6.1}
APTDIR=${2:-$top/build/ksrc-apt}
say() { echo "ksrc: $*"; }
die() { echo "ksrc: error: $*" >&2; exit 1; }

[ -f "$KSRC/Makefile" ] && exit 0
name=$(basename "$KSRC")
case $name in
linux-source-[0-9]*.[0-9]*) ver=${name#linux-source-} ;;
*) die "KSRC=$KSRC has no Makefile, and is not named linux-source-X.Y: unpack a kernel there" ;;
esac
parent=$(dirname "$KSRC")
mkdir -p "$parent"
tarball=
for t in "$parent/$name.tar.xz" "/usr/src/$name.tar.xz"; do
	[ -f "$t" ] && { tarball=$t; break; }
done
if [ -z "$tarball" ]; then
	command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null ||
		die "no $name.tar.xz and no apt-get/dpkg-deb to fetch Debian's $name"
	mirror=$(grep -h -o -E '(URIs:|^deb) *https?://[^ ]*/debian( |$)' /etc/apt/sources.list \
		/etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null |
		grep -o -E 'https?://[^ ]*' | head -n 1)
	mirror=${mirror:-http://deb.debian.org/debian}
	security=$(echo "$mirror" | sed 's|/debian$|/debian-security|')
	keyring=/usr/share/keyrings/debian-archive-keyring.gpg
	mkdir -p "$APTDIR/lists/partial" "$APTDIR/archives/partial" "$APTDIR/deb"
	{
		for s in bullseye bookworm trixie testing; do
			echo "deb [signed-by=$keyring] $mirror $s main"
		done
		for s in bullseye-security bookworm-security trixie-security; do
			echo "deb [signed-by=$keyring] $security $s main"
		done
	} >"$APTDIR/sources.list"
	cat >"$APTDIR/apt.conf" <<CONF
Dir::Etc::SourceList "$APTDIR/sources.list";
Dir::Etc::SourceParts "-";
Dir::State::Lists "$APTDIR/lists";
Dir::State::Status "/dev/null";
Dir::Cache "$APTDIR";
Dir::Cache::Archives "$APTDIR/archives";
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
Acquire::Check-Valid-Until "false";
CONF
	# Check-Valid-Until off: a mirror that is a snapshot serves Release files past their
	# Valid-Until date (testing's expires within a week), and one expired suite fails the
	# whole update; the signatures are still checked.
	say "fetching Debian's $name (private apt configuration $APTDIR/apt.conf, mirror $mirror)"
	APT_CONFIG=$APTDIR/apt.conf apt-get -q update >"$APTDIR/update.log" 2>&1 ||
		die "apt-get update failed; see $APTDIR/update.log"
	(cd "$APTDIR/deb" && APT_CONFIG=$APTDIR/apt.conf apt-get -q download "$name") >"$APTDIR/download.log" 2>&1 ||
		die "no package $name in bullseye, bookworm, trixie or testing; see $APTDIR/download.log"
	deb=$(ls -t "$APTDIR/deb/${name}_"*.deb | head -n 1)
	say "taking /usr/src/$name.tar.xz out of $(basename "$deb")"
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$APTDIR/deb" "./usr/src/$name.tar.xz"
	tarball=$APTDIR/deb/usr/src/$name.tar.xz
fi
say "unpacking $tarball into $parent"
tar -C "$parent" -xf "$tarball"
[ -f "$KSRC/Makefile" ] || die "$tarball did not hold $name/"
