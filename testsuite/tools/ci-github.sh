#!/bin/sh
# ci-github.sh - docs/ci.md's GitHub Actions recipe, as written there:
#   - it uploads with github/codeql-action/upload-sarif@v4 (v3 is deprecated) and grants
#     what GitHub documents for it: security-events: write, actions: read (private
#     repositories), contents: read (the checkout);
#   - its build and gate steps, run as the job runs them (each "run:" with sh -e, in a
#     checkout of examples/seed-hook with errptr in .errptr): the build writes a SARIF log
#     per unit, the gate fails on the seed's new finding and still writes errptr.sarif,
#     which validates against the SARIF 2.1.0 schema, with one run; with the finding in
#     errptr-baseline.txt the gate passes.
# The steps that install packages and build errptr (apt-get, make -C .errptr) are left
# out: make check has done both; .errptr is this tree's build.
. "$(dirname "$0")/lib.sh"
plugin_ok
kdir_ok
gate_ok

awk '/^## 3\. GitHub Actions/ { g = 1 } g && /^```yaml$/ { on = 1; next } on && /^```$/ { exit } on' \
	"$top/docs/ci.md" >"$T/job.yml"
check "docs/ci.md has the GitHub job ($(wc -l <"$T/job.yml") lines)" test -s "$T/job.yml"
check "it uploads with github/codeql-action/upload-sarif@v4" \
	grep -q '^ *- uses: github/codeql-action/upload-sarif@v4$' "$T/job.yml"
check "no action of github/codeql-action at v3 or older" \
	sh -c "! grep -q 'github/codeql-action/[a-z-]*@v[0-3]\$' '$T/job.yml'"
# the permissions block: the lines indented below "permissions:"
awk '/^ *permissions:$/ { match($0, /^ */); ind = RLENGTH; on = 1; next }
	on { match($0, /^ */); if (RLENGTH <= ind) exit; sub(/^ */, ""); sub(/ *#.*/, ""); print }' \
	"$T/job.yml" >"$T/permissions"
for p in "security-events: write" "actions: read" "contents: read"; do
	check "permissions: $p" grep -q -x "$p" "$T/permissions"
done

# every run: step, one a file: $T/step.N
awk -v dir="$T" '
	function flush() { if (n) { f = dir "/step." ++k; for (i = 1; i <= n; i++) print buf[i] >f; close(f); n = 0 } }
	blk { match($0, /^ */); if (RLENGTH >= ind || $0 ~ /^ *$/) { buf[++n] = substr($0, ind + 1); next } blk = 0; flush() }
	/^ *(- )?run: \|$/ { blk = 1; match($0, /^ */); ind = RLENGTH + 2; n = 0; next }
	/^ *(- )?run: / { s = $0; sub(/^ *(- )?run: /, "", s); n = 0; buf[++n] = s; flush(); next }
	END { flush() }' "$T/job.yml"

# the checkout: the seed module, with errptr (this tree's build) in .errptr
w=$T/work
mkdir -p "$w/.errptr/plugin" "$w/.errptr/tools"
cp "$top"/examples/seed-hook/*.c "$top"/examples/seed-hook/*.h "$top"/examples/seed-hook/Makefile "$w/"
for so in "$(dirname "$ERRPTR_PLUGIN")"/errptr*.so; do ln -s "$so" "$w/.errptr/plugin/"; done
ln -s "$GATE" "$w/.errptr/tools/errptr-gate"
# The job's KCFLAGS carry no rules: the seed's contract comes from the bundled rules, which
# the plugin finds through its build tree.  CC and the compatibility arguments (GCC 11) as
# the other kbuild tests give them, as command-line variables through MAKEFLAGS.
ran=0
for s in "$T"/step.*; do
	case $(sed -n '1s/^ *//p' "$s") in
	apt-get* | "make -C .errptr"*) continue ;;
	esac
	ran=$((ran + 1))
	(
		cd "$w" || exit 2
		unset MFLAGS MAKELEVEL MAKEOVERRIDES
		MAKEFLAGS="-- CC=$CC $KBUILD_COMPAT"
		export MAKEFLAGS
		sh -e "$s"
	) >"$s.out" 2>&1 </dev/null
	echo $? >"$s.status"
done
check "the job has a build step and a gate step ($ran run: steps besides apt-get and make)" test "$ran" = 2
build=$(grep -l 'KCFLAGS=' "$T"/step.? | head -n 1)
gate=$(grep -l -E '^ *[^ ]*errptr-gate ' "$T"/step.? | head -n 1)
# one log per unit of the module; kbuild's own units (the .mod.c, and module-common.c
# since Linux 6.10) depend on the kernel the headers are of
check "the build step builds the module with errptr, a SARIF log per unit (exit $(cat "$build.status" 2>/dev/null))" \
	sh -c "test '$(cat "$build.status" 2>/dev/null)' = 0 && ls '$w/errptr-sarif' | grep -q '^akfs_trace\.c\.' &&
		ls '$w/errptr-sarif' | grep -q '^file_hook\.c\.' && ls '$w/errptr-sarif' | grep -q '\.mod\.c\.'"
check "the gate step fails the job on the seed's new finding (exit $(cat "$gate.status" 2>/dev/null)), printed as the warning it is" \
	sh -c "test '$(cat "$gate.status" 2>/dev/null)' = 1 &&
		grep -q \"^file_hook\\.c:[0-9]*:[0-9]*: warning: 'akfs_hook_do_filp_open' returns NULL here\" '$gate.out'"
check "... and still writes errptr.sarif for the upload step, valid SARIF 2.1.0" \
	"$PY" "$CHECK_PY" validate "$top/testsuite/tools/schema/sarif-schema-2.1.0.json" "$w/errptr.sarif"
check "... with one run (code scanning takes one run per tool and category)" \
	"$PY" -c 'import json, sys; assert len(json.load(open(sys.argv[1]))["runs"]) == 1' "$w/errptr.sarif"
(cd "$w" && "$GATE" -q --update errptr-sarif) >/dev/null 2>&1
(cd "$w" && sh -e "$gate") >"$gate.out2" 2>&1
status=$?
check "with the finding in errptr-baseline.txt the gate step passes (exit $status)" test "$status" = 0
finish
