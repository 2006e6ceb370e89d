#!/bin/sh
# merge-walk: how errptr-merge finds and reads objects: directories walked (symlinked
# directories and loops not followed, a linked object read once, kbuild's *.mod.o left
# out), ELF32 as well as ELF64, an "ld -r" object whose parts were read already, source
# paths made relative (--srctree, or an O= build's "source" link), --coverage,
# --progress, and outputs that are not regular files.
. "$(dirname "$0")/merge-lib.inc"

H='errptr-summary\t1\t'
mkdir -p "$T/tree/sub/deeper" "$T/elsewhere"
section tree/one.o "${H}one.c\nF\tone\tglobal\tone.c:1\t0\te\n"
section tree/sub/two.o "${H}two.c\nF\ttwo\tglobal\ttwo.c:1\t0\tn\n"
section tree/sub/deeper/three.o "${H}three.c\nF\tthree\tglobal\tthree.c:1\t0\tv\n"
section tree/sub/x.mod.o "${H}mod.c\nF\tfrom_mod_o\tglobal\tmod.c:1\t0\te\n"
section elsewhere/far.o "${H}far.c\nF\tfar\tglobal\tfar.c:1\t0\te\n"
section tree/elf32.o "${H}e32.c\nF\tthirtytwo\tglobal\te32.c:1\t0\te\n" -m32
printf 'int x;\n' >"$T/plain.c"
$CC -c "$T/plain.c" -o "$T/tree/plain.o"
ln -s .. "$T/tree/sub/loop"				# a loop
ln -s "$T/elsewhere" "$T/tree/linkdir"			# a symlinked directory
ln -s ../one.o "$T/tree/sub/again.o"			# a second name for one.o
ln -s "$T/elsewhere/far.o" "$T/tree/farlink.o"		# a linked object
check "ELF32 object made" sh -c "file '$T/tree/elf32.o' | grep -q 'ELF 32-bit'"

check "merge a tree" "$MERGE" --coverage -o "$T/out.rules" "$T/tree"
cp "$T/check.out" "$T/cov"
for f in "func one fails=err" "func two fails=null" "func three fails=none" \
	"func thirtytwo fails=err" "func far fails=err"; do
	check "found: $f" has "$T/out.rules" "^$f "
done
check "a symlinked directory is not entered, a loop ends" has "$T/cov" "^objects read: +6$"
check "one.o read once, under one of its names" has "$T/cov" "^functions: +5$"
check "*.mod.o left out" hasnt "$T/out.rules" "from_mod_o"
check "an object without section: not learned" has "$T/cov" "^objects not learned: +1$"
check "the header says where from" has "$T/out.rules" "^#   $T/tree$"

# an "ld -r" object: the units of its parts, read once even when the parts are read too
ld -r -o "$T/tree/combined.o" "$T/tree/one.o" "$T/tree/sub/two.o"
check "ld -r object has both units" sh -c "readelf -p .discard.errptr '$T/tree/combined.o' | grep -c errptr-summary | grep -qx 2"
check "merge with the combined object" sh -c "'$MERGE' --coverage -o '$T/comb.rules' '$T/tree' >'$T/comb.cov'"
check "its units were read before: repeated, read once" \
	has "$T/comb.cov" "^units: +5 \(2 repeated in ld -r objects, read once\)$"
check "the combined object alone gives both" \
	sh -c "'$MERGE' -o '$T/c.rules' '$T/tree/combined.o' && grep -q '^func one ' '$T/c.rules' && grep -q '^func two ' '$T/c.rules'"

# paths relative to the source tree
section src.o "${H}/src/linux/fs/a.c\nF\tpathy\tglobal\t/src/linux/fs/a.c:7\t0\te\nC\tpathy\tuser\t/src/linux/fs/b.c:9\tis_err\n"
check "--srctree" "$MERGE" --srctree /src/linux/ -o "$T/p.rules" "$T/src.o"
check "paths made relative" has "$T/p.rules" "^func pathy fails=err callers=is_err args=0 caller=fs/b\.c:9:user src=fs/a\.c:7  "
mkdir -p "$T/obuild/fs" "$T/src/linux/fs"
section obuild/fs/src.o "${H}$T/src/linux/fs/a.c\nF\tpathy\tglobal\t$T/src/linux/fs/a.c:7\t0\te\nC\tpathy\tuser\t$T/src/linux/fs/b.c:9\tis_err\n"
ln -s "$T/src/linux" "$T/obuild/source"
check "an O= build's source link" "$MERGE" -o "$T/p2.rules" "$T/obuild/fs"
check "gives the same" has "$T/p2.rules" "^func pathy .* caller=fs/b\.c:9:user src=fs/a\.c:7  "

# --progress: a line every 1000 objects
mkdir -p "$T/many"
i=0
while [ $i -lt 1001 ]; do cp "$T/tree/one.o" "$T/many/o$i.o"; i=$((i + 1)); done
"$MERGE" --progress -o "$T/m.rules" "$T/many" 2>"$T/progress"
check "--progress" has "$T/progress" "^errptr-merge: 1000/1001 objects read, 1000 with summaries, [0-9.]+s$"
check "copies of one object: one unit" has "$T/m.rules" "^# Coverage: 1001 objects read, 1001 with summaries \(1 units\)"

# an output that is not a regular file is written, not replaced
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/fifo.out" &
check "-o FIFO" "$MERGE" -o "$T/fifo" "$T/tree/one.o"
wait
check "the FIFO is still a FIFO" test -p "$T/fifo"
check "and the rules went through it" has "$T/fifo.out" "^func one fails=err"
check "-o - writes to standard output" sh -c "'$MERGE' -o - '$T/tree/one.o' | grep -q '^func one '"
check "no input: usage, status 2" sh -c "'$MERGE' >/dev/null 2>&1; test \$? = 2"
check "a missing input: status 1" sh -c "'$MERGE' '$T/nonesuch' >/dev/null 2>&1; test \$? = 1"
finish
