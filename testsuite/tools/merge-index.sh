#!/bin/sh
# merge-index: errptr-merge --index writes a cdb that answers exactly what the rules file
# says: every func/member line under func:NAME / member:STRUCT.FIELD, nothing else.
. "$(dirname "$0")/merge-lib.inc"

H='errptr-summary\t1\t'
section a.o "${H}a.c\nF\talpha\tglobal\ta.c:1\t2\te\nF\tbeta\tglobal\ta.c:5\t0\tn\nC\talpha\tuser\ta.c:9\tis_err\nM\tops.open\talpha\ta.c:12\nF\tstat\tstatic\ta.c:20\t0\te\nF\tnothing\tglobal\ta.c:30\t0\t-\n"
section b.o "${H}b.c\nF\tgamma\tglobal\tb.c:3\t1\tnev\nC\tbeta\tuser2\tb.c:4\tnull\nC\tops.open\tuser3\tb.c:8\tis_err\n"
check "merge with --index" "$MERGE" -o "$T/out.rules" --index "$T/out.cdb" "$T/a.o" "$T/b.o"
grep -v '^#' "$T/out.rules" >"$T/lines"
check "some rules" test "$(wc -l <"$T/lines")" = 4
# every rule line, asked for by name, comes back the same
: >"$T/answers"
while read -r kind name rest; do
	"$MERGE" --query "$T/out.cdb" "$name" >>"$T/answers" 2>&1
done <"$T/lines"
check "the index answers every name with its rule line" cmp "$T/lines" "$T/answers"
check "a name without rule: status 1" sh -c "! '$MERGE' --query '$T/out.cdb' nothing stat 2>/dev/null"
check "statics and kindless functions are in neither" sh -c "! grep -q -e '^func stat ' -e '^func nothing ' '$T/out.rules'"

# The entries are "LINE<TAB>RULE", LINE the rule's line in the rules file; one more entry,
# errptr:index, says the version, the rules file and the number of rules.
if command -v cdb >/dev/null 2>&1; then	# tinycdb's tool
	cdb -d "$T/out.cdb" | awk -F'->' '/^\+/ { sub(/^\+[0-9]+,[0-9]+:/, "", $1); print $1 "\t" $2 }' >"$T/dump"
	check "errptr:index entry" has "$T/dump" "^errptr:index	1	out\\.rules	4$"
	check "one entry per rule and the errptr:index entry" test "$(wc -l <"$T/dump")" = 5
	ok=true
	while IFS='	' read -r key line rule; do
		[ "$key" = errptr:index ] && continue
		got=$(sed -n "${line}p" "$T/out.rules")
		[ "$got" = "$rule" ] || { echo "$key: line $line of out.rules is '$got', the index says '$rule'"; ok=false; }
		case $key in
		func:*|member:*) [ "${key#*:}" = "$(echo "$rule" | awk '{print $2}')" ] || { echo "$key: $rule"; ok=false; } ;;
		*) echo "unexpected key $key"; ok=false ;;
		esac
	done <"$T/dump"
	check "each entry's line number points at its rule in the rules file" $ok
else
	echo "note: $test_name: tinycdb's cdb tool not installed; entries not dumped"
fi

# A bigger index: 3000 functions, every one answered
i=0
{
	printf 'errptr-summary\t1\tbig.c\n'
	while [ $i -lt 3000 ]; do
		printf 'F\tfn_%d\tglobal\tbig.c:%d\t1\t%s\n' $i $i "$(case $((i % 3)) in 0) echo e;; 1) echo n;; 2) echo nev;; esac)"
		i=$((i + 1))
	done
} >"$T/big.txt"
printf '\t.section .discard.errptr,"",@progbits\n\t.incbin "%s"\n' "$T/big.txt" >"$T/big.s"
$CC -c "$T/big.s" -o "$T/big.o"
check "merge 3000 functions" "$MERGE" -o "$T/big.rules" --index "$T/big.cdb" "$T/big.o"
grep -v '^#' "$T/big.rules" | awk '{print $2}' >"$T/bignames"
"$MERGE" --query "$T/big.cdb" $(cat "$T/bignames") >"$T/biganswers" 2>&1
check "3000 answers, the same as the text" sh -c "grep -v '^#' '$T/big.rules' | cmp - '$T/biganswers'"
check "--query of something that is no index" sh -c "'$MERGE' --query '$T/big.rules' fn_1 2>&1 | grep -q 'not an errptr index'"
finish
