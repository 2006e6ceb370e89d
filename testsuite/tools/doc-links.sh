#!/bin/sh
# doc-links.sh - scripts/check-links.sh: every relative link of README.md, docs/*.md,
# testsuite/README.md and examples/*/README.md leads to a file that exists and, with
# #anchor, to a heading of it; and the checker finds a broken path and a broken anchor
# (and leaves links in code and URLs alone).
. "$(dirname "$0")/lib.sh"

sh "$top/scripts/check-links.sh" >"$T/tree.out" 2>&1
status=$?
if [ "$status" = 0 ]; then
	pass "$(cat "$T/tree.out")"
else
	fail "broken relative links in the documentation (exit $status):"
	sed 's/^/  /' "$T/tree.out"
fi

# the checker itself: two broken links among good ones
mkdir -p "$T/d/sub"
cat >"$T/d/sub/other.md" <<'MD'
# Other page
## 4. Severity and -Werror
## Example
## Example
MD
cat >"$T/d/page.md" <<'MD'
# A page

[good file](sub/other.md), [good anchor](sub/other.md#4-severity-and--werror),
[second "Example"](sub/other.md#example-1), [here](#a-page), [a directory](sub/),
[web](https://example.org/x.md), `[in code](missing.md)`
[missing file](../nowhere.md)
[missing anchor](sub/other.md#example-2)

```
[in a fence](missing-too.md)
```
MD
sh "$top/scripts/check-links.sh" "$T/d/page.md" >"$T/d.out" 2>&1
status=$?
check "the checker reports the missing file and the missing anchor, and only them (exit $status)" \
	sh -c "test '$status' = 1 &&
		grep -q '^$T/d/page.md:6: broken link ../nowhere.md: ' '$T/d.out' &&
		grep -q '^$T/d/page.md:7: broken link sub/other.md#example-2: .* has no heading for #example-2' '$T/d.out' &&
		test \"\$(grep -c ' broken link ' '$T/d.out')\" = 2"
finish
