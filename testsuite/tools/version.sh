#!/bin/sh
# version.sh - one version for errptr, the file VERSION: the plugin's in "gcc -v"
# (Versions of loaded plugins) and in its SARIF logs (tool.driver.version), and
# errptr-gate --version.
. "$(dirname "$0")/lib.sh"
plugin_ok
gate_ok

version=$(cat "$top/VERSION" 2>/dev/null)
check "VERSION holds one line, a version ('$version')" \
	sh -c "test \"\$(wc -l <'$top/VERSION')\" = 1 && printf '%s\n' '$version' | grep -q -x '[0-9][0-9.]*[0-9a-z.+~-]*'"

printf 'int unit(int x)\n{\n\treturn x + 1;\n}\n' >"$T/unit.c"
(cd "$T" && $CC -v -fplugin="$ERRPTR_PLUGIN" -O2 -c unit.c -o unit.o) >"$T/v.log" 2>&1
status=$?
check "gcc -v lists 'errptr: $version' among the versions of the loaded plugins (exit $status)" \
	sh -c "test '$status' = 0 && grep -A5 '^Versions of loaded plugins:' '$T/v.log' | grep -q -x ' errptr: $version'"

(cd "$T" && $CC -fplugin="$ERRPTR_PLUGIN" -fplugin-arg-errptr-sarif="$T/unit.sarif" -O2 -c unit.c -o unit.o) >"$T/sarif.log" 2>&1
check "the SARIF log's tool.driver.version is '$version'" \
	"$PY" -c 'import json, sys
d = json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]
assert d["name"] == "errptr" and d["version"] == sys.argv[2], d.get("version")' "$T/unit.sarif" "$version"

"$GATE" --version >"$T/gate.out" 2>&1
status=$?
check "errptr-gate --version prints 'errptr-gate $version' (exit $status: $(cat "$T/gate.out"))" \
	test "$status" = 0 -a "$(cat "$T/gate.out")" = "errptr-gate $version"
finish
