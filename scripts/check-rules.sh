#!/bin/sh
# check-rules.sh - check errptr rules files (see docs/rules.md).
#
# Usage: scripts/check-rules.sh [FILE.rules ...]      (default: rules/*.rules)
#        KSRC=/usr/src/linux-source-6.1 scripts/check-rules.sh rules/kernel.rules
#
# Always checked (per file):
#   - every line is a comment, blank, or one of
#       func NAME fails=F [callers=C] [args=N] [range_arg=K] [caller=PATH:LINE:FUNCTION]
#            [src=PATH:LINE]
#       member STRUCT.FIELD fails=F [callers=C] [args=N] [range_arg=K] [caller=...] [src=...]
#       standin FUNCTION for=API
#       api KEY=NAME ...
#   - field names and values are the allowed ones, no field is given twice
#   - entries are sorted: kind (func, member, standin, api), then name (byte order)
#   - no name appears twice for the same kind (no api KEY twice)
# With KSRC set to a kernel source tree, also:
#   - caller=PATH:LINE:FUNCTION: PATH exists under KSRC, LINE exists and mentions the
#     API name (member: the FIELD) or is a test (IS_ERR, PTR_ERR_OR_ZERO, NULL, '!',
#     'if ('), and LINE lies inside the body of FUNCTION (kernel style: body opens with
#     '{' in column 0; FUNCTION may be __do_sys_X for SYSCALL_DEFINEn(X, ...))
#   - src=PATH:LINE: PATH exists and LINE mentions the NAME (member: the FIELD)
#   - func with args=N and src=: the definition at src has N parameters (those before
#     any "...")
#
# Problems are printed as FILE:LINE: message; the exit status is 1 if there were any,
# 2 on bad usage.

LC_ALL=C
export LC_ALL

if [ $# -eq 0 ]; then
	here=$(dirname "$0")
	set -- "$here"/../rules/*.rules
	if [ ! -f "$1" ]; then
		echo "check-rules.sh: no rules files given and none in rules/" >&2
		exit 2
	fi
fi

for f in "$@"; do
	if [ ! -r "$f" ]; then
		echo "$f: cannot read" >&2
		exit 2
	fi
done

if [ -n "$KSRC" ] && [ ! -d "$KSRC" ]; then
	echo "check-rules.sh: KSRC=$KSRC is not a directory" >&2
	exit 2
fi

awk -v ksrc="$KSRC" '
function problem(msg) {
	printf "%s:%d: %s\n", FILENAME, FNR, msg
	bad = 1
}
function isident(s) { return s ~ /^[A-Za-z_][A-Za-z0-9_]*$/ }
function isword(line, w) {
	return line ~ ("(^|[^A-Za-z0-9_])" w "([^A-Za-z0-9_]|$)")
}
function kindrank(k) {
	return (k == "func") ? 1 : (k == "member") ? 2 : (k == "standin") ? 3 : 4
}
# read line n of KSRC/path into srcline; returns 0 if the file or line is missing
function getsrc(path, n,    f, l, i, rc) {
	f = ksrc "/" path
	srcline = ""
	for (i = 1; i <= n; i++) {
		rc = (getline l < f)
		if (rc <= 0) { close(f); return 0 }
	}
	close(f)
	srcline = l
	return 1
}
# number of parameters of function fn declared at line n of KSRC/path, -1 if not found
function countargs(path, n, fn,    f, l, i, txt, p, c, depth, cur, nargs) {
	f = ksrc "/" path
	txt = ""
	for (i = 1; i < n + 12; i++) {
		if ((getline l < f) <= 0) break
		if (i >= n) txt = txt " " l
	}
	close(f)
	if (!match(txt, "(^|[^A-Za-z0-9_])" fn "[ \t]*\\(")) return -1
	p = RSTART + RLENGTH
	depth = 1; cur = ""; nargs = 0
	for (; p <= length(txt); p++) {
		c = substr(txt, p, 1)
		if (c == "(") depth++
		else if (c == ")" && --depth == 0) break
		if (c == "," && depth == 1) {
			if (cur !~ /^[ \t]*\.\.\.[ \t]*$/) nargs++
			cur = ""
		} else
			cur = cur c
	}
	if (depth != 0) return -1
	if (cur ~ /^[ \t]*(void)?[ \t]*$/ && nargs == 0) return 0
	if (cur !~ /^[ \t]*\.\.\.[ \t]*$/) nargs++
	return nargs
}
# is line n of KSRC/path inside the body of function fn?
function infunc(path, n, fn,    f, l, i, hdr, h1, h2, h3, h4, h5, h6, sys, ok) {
	f = ksrc "/" path
	ok = 0; hdr = ""
	h1 = h2 = h3 = h4 = h5 = h6 = ""
	sys = ""
	if (fn ~ /^__(do|se)_sys_/) { sys = fn; sub(/^__(do|se)_sys_/, "", sys) }
	for (i = 1; i <= n; i++) {
		if ((getline l < f) <= 0) break
		if (l ~ /^\{/) {
			hdr = h1 " " h2 " " h3 " " h4 " " h5 " " h6
			ok = isword(hdr, fn) && hdr ~ (fn "[ \t]*\\(")
			if (!ok && sys != "")
				ok = hdr ~ ("SYSCALL_DEFINE[0-6]\\(" sys ",")
		} else if (l ~ /^\}/) {
			ok = 0
		}
		# keep the last six lines before a body, reset at blank lines / ends
		if (l ~ /^[ \t]*$/ || l ~ /^\}/ || l ~ /;[ \t]*$/ || l ~ /\*\/[ \t]*$/) {
			h1 = h2 = h3 = h4 = h5 = h6 = ""
		} else {
			h1 = h2; h2 = h3; h3 = h4; h4 = h5; h5 = h6; h6 = l
		}
	}
	close(f)
	return ok
}

FNR == 1 { prevrank = 0; prevname = ""; split("", seen) }

{
	line = $0
	sub(/#.*/, "", line)
	if (line ~ /^[ \t]*$/) next
	n = split(line, w, /[ \t]+/)
	if (w[1] == "") { for (i = 1; i < n; i++) w[i] = w[i + 1]; n-- }
	kind = w[1]
	if (kind != "func" && kind != "member" && kind != "standin" && kind != "api") {
		problem("unknown entry kind \"" kind "\" (func, member, standin, api)")
		next
	}
	split("", kv)
	name = ""
	if (kind != "api") {
		name = w[2]
		if (name == "" || name ~ /=/) { problem(kind ": missing name"); next }
		if (kind == "member") {
			if (name !~ /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/)
				problem("member: \"" name "\" is not STRUCT.FIELD")
		} else if (!isident(name)) {
			problem(kind ": \"" name "\" is not a C identifier")
		}
		first = 3
	} else {
		first = 2
	}
	for (i = first; i <= n; i++) {
		if (w[i] !~ /^[a-z_]+=./) { problem("bad field \"" w[i] "\" (want KEY=VALUE)"); continue }
		k = w[i]; sub(/=.*/, "", k)
		v = w[i]; sub(/^[^=]*=/, "", v)
		if (k in kv) { problem("field " k "= given twice"); continue }
		kv[k] = v
	}

	if (kind == "func" || kind == "member") {
		for (k in kv)
			if (k != "fails" && k != "callers" && k != "args" && k != "range_arg" &&
			    k != "caller" && k != "src")
				problem(kind ": unknown field " k "=")
		if (!("fails" in kv))
			problem(kind ": missing fails=")
		else if (kv["fails"] !~ /^(null|err|both|none|stored)$/)
			problem("fails=" kv["fails"] ": want null, err, both, none or stored")
		if (("callers" in kv) && kv["callers"] !~ /^(is_err|null|is_err_or_null|none|mixed)$/)
			problem("callers=" kv["callers"] ": want is_err, null, is_err_or_null, none or mixed")
		if (("args" in kv) && (kv["args"] !~ /^[0-9]+$/ || kv["args"] + 0 > 127))
			problem("args=" kv["args"] ": want a number of parameters (0-127)")
		if (("range_arg" in kv) && (kv["range_arg"] !~ /^[1-9][0-9]*$/ || kv["range_arg"] + 0 > 127 ||
		    (("args" in kv) && kv["range_arg"] + 0 > kv["args"] + 0)))
			problem("range_arg=" kv["range_arg"] ": want an argument number, 1 to args=")
		if (("caller" in kv) && kv["caller"] !~ /^[^:]+:[1-9][0-9]*:[A-Za-z_][A-Za-z0-9_]*$/)
			problem("caller=" kv["caller"] ": want PATH:LINE:FUNCTION")
		if (("src" in kv) && kv["src"] !~ /^[^:]+:[1-9][0-9]*$/)
			problem("src=" kv["src"] ": want PATH:LINE")
	} else if (kind == "standin") {
		for (k in kv)
			if (k != "for") problem("standin: unknown field " k "=")
		if (!("for" in kv))
			problem("standin: missing for=API")
		else if (!isident(kv["for"]))
			problem("standin: for=" kv["for"] " is not a function name")
		if (n != 3)
			problem("standin: want exactly standin FUNCTION for=API")
	} else {
		if (n < 2) problem("api: no KEY=NAME given")
		for (k in kv) {
			if (k !~ /^(is_err|is_err_or_null|err_ptr|ptr_err|err_cast|ptr_err_or_zero|max_errno)$/)
				problem("api: unknown key " k "=")
			else if (k == "max_errno") {
				if (kv[k] !~ /^[1-9][0-9]*$/ || kv[k] + 0 > 65535)
					problem("api: max_errno=" kv[k] ": want a number from 1 to 65535")
			} else if (!isident(kv[k]))
				problem("api: " k "=" kv[k] " is not a C identifier")
			if (("api " k) in seen) problem("api: " k "= given twice in this file")
			seen["api " k] = FNR
		}
	}

	# order and duplicates
	r = kindrank(kind)
	if (kind != "api") {
		if ((kind " " name) in seen)
			problem(kind " " name " given twice (first at line " seen[kind " " name] ")")
		else
			seen[kind " " name] = FNR
		if (r < prevrank || (r == prevrank && name < prevname))
			problem("not sorted: " kind " " name " comes after " prevkind (prevname == "" ? " lines" : " " prevname))
		prevrank = r; prevname = name; prevkind = kind
	} else {
		if (r < prevrank)
			problem("not sorted: api lines go last")
		prevrank = r; prevname = ""; prevkind = kind
	}

	if (ksrc == "" || (kind != "func" && kind != "member")) next
	api = name
	if (kind == "member") sub(/^.*\./, "", api)

	if (("caller" in kv) && kv["caller"] ~ /^[^:]+:[1-9][0-9]*:[A-Za-z_][A-Za-z0-9_]*$/) {
		c = kv["caller"]
		cfn = c; sub(/^.*:/, "", cfn)
		cpath = c; sub(/:[^:]*:[^:]*$/, "", cpath)
		cline = c; sub(/^[^:]*:/, "", cline); sub(/:.*$/, "", cline)
		if (!getsrc(cpath, cline + 0))
			problem("caller=" c ": no such file or line under " ksrc)
		else {
			if (!isword(srcline, api) && srcline !~ /IS_ERR|PTR_ERR_OR_ZERO|NULL|![ \t]*[A-Za-z_(]|(if|while)[ \t]*\(/)
				problem("caller=" c ": line neither mentions " api " nor tests a result: " srcline)
			if (!infunc(cpath, cline + 0, cfn))
				problem("caller=" c ": line " cline " is not inside function " cfn)
		}
	}
	if (("src" in kv) && kv["src"] ~ /^[^:]+:[1-9][0-9]*$/) {
		s = kv["src"]
		spath = s; sub(/:[^:]*$/, "", spath)
		sline = s; sub(/^.*:/, "", sline)
		if (!getsrc(spath, sline + 0))
			problem("src=" s ": no such file or line under " ksrc)
		else if (!isword(srcline, api))
			problem("src=" s ": line does not mention " api ": " srcline)
		else if (kind == "func" && ("args" in kv) && kv["args"] ~ /^[0-9]+$/) {
			na = countargs(spath, sline + 0, api)
			if (na < 0)
				problem("src=" s ": cannot find the parameter list of " api)
			else if (na != kv["args"] + 0)
				problem("args=" kv["args"] ": " api " at " s " has " na " parameters")
		}
	}
}

END { exit bad }
' "$@"
