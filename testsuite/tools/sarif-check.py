#!/usr/bin/env python3
"""sarif-check.py - checks of errptr's SARIF logs for the testsuite/tools tests.

  sarif-check.py validate SCHEMA LOG...     LOGs validate against the JSON schema
  sarif-check.py seed LOG SOURCE CHECK...   the seed example's log says what it must
  sarif-check.py weird LOG SRCROOT RELPATH  escaping of an odd path and a non-UTF-8 message
  sarif-check.py gccjson DIAGS LOG          GCC's -fdiagnostics-format=json output carries
                                            every finding of LOG with its notes and path
  sarif-check.py gccsarif GCCLOG LOG [named]  so does GCC's own SARIF output (GCC 13 on;
                                            named: each path event names its function)
  sarif-check.py get LOG WHAT               print fingerprints|lines|target|success|results|states

Exit status 0 when the check holds; otherwise the reasons are printed on stderr.
Only the validate command needs the jsonschema module.
"""
import json
import re
import sys
import urllib.parse

problems = []


def bad(msg):
    problems.append(msg)


def load(path):
    """A log as JSON, read as strict UTF-8 (JSON text must be UTF-8)."""
    with open(path, 'rb') as f:
        data = f.read()
    try:
        text = data.decode('utf-8', errors='strict')
    except UnicodeDecodeError as e:
        sys.exit('%s: not UTF-8: %s' % (path, e))
    try:
        return json.loads(text)
    except ValueError as e:
        sys.exit('%s: not JSON: %s' % (path, e))


def run_of(log):
    runs = log.get('runs') or []
    if len(runs) != 1:
        bad('expected one run, got %d' % len(runs))
        return {}
    return runs[0]


def uri_bytes(uri):
    return urllib.parse.unquote_to_bytes(uri)


def file_uri(path_bytes):
    return 'file://' + urllib.parse.quote_from_bytes(path_bytes, safe='/-._~')


def code_point_column(line_bytes, needle):
    i = line_bytes.index(needle)
    return len(line_bytes[:i].decode('utf-8', errors='replace')) + 1


def cmd_validate(schema_path, *logs):
    import jsonschema
    with open(schema_path, 'rb') as f:
        schema = json.loads(f.read().decode('utf-8'))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    for path in logs:
        errors = sorted(validator.iter_errors(load(path)), key=lambda e: list(e.absolute_path))
        for e in errors[:20]:
            bad('%s: %s: %s' % (path, '/'.join(str(p) for p in e.absolute_path), e.message))


def cmd_seed(log_path, source, *checks):
    log = load(log_path)
    run = run_of(log)
    if log.get('version') != '2.1.0':
        bad('version is %r' % log.get('version'))
    driver = run.get('tool', {}).get('driver', {})
    if driver.get('name') != 'errptr':
        bad('tool.driver.name is %r' % driver.get('name'))
    ids = [r.get('id') for r in driver.get('rules', [])]
    want = ['errptr-' + c for c in checks]
    if ids != want:
        bad('rules are %r, expected %r' % (ids, want))
    for r in driver.get('rules', []):
        if not r.get('shortDescription', {}).get('text'):
            bad('rule %s has no shortDescription' % r.get('id'))
    src = source.encode()
    # The unit's location: relative to %SRCROOT% (the compiler's working directory) when
    # the source is below it - kbuild builds an external module from its own directory
    # since Linux 6.13 - else a file:// URI (before 6.13, from the kernel's directory).
    root = run.get('originalUriBaseIds', {}).get('%SRCROOT%', {}).get('uri', '')
    if root and file_uri(src).startswith(root):
        want_loc = {'uri': file_uri(src)[len(root):], 'uriBaseId': '%SRCROOT%'}
    else:
        want_loc = {'uri': file_uri(src)}
    targets = [a['location'] for a in run.get('artifacts', [])
               if 'analysisTarget' in a.get('roles', [])]
    if targets != [want_loc]:
        bad('analysisTarget is %r, expected %r' % (targets, want_loc))
    inv = run.get('invocations', [{}])[0]
    if inv.get('executionSuccessful') is not True:
        bad('executionSuccessful is %r' % inv.get('executionSuccessful'))
    results = run.get('results', [])
    if len(results) != 1:
        bad('expected 1 result, got %d' % len(results))
        return
    r = results[0]
    if r.get('ruleId') != 'errptr-null-return' or r.get('level') != 'error':
        bad('ruleId/level are %r/%r' % (r.get('ruleId'), r.get('level')))
    if r.get('ruleIndex') is not None and ids[r['ruleIndex']] != r.get('ruleId'):
        bad('ruleIndex %r does not name %r' % (r.get('ruleIndex'), r.get('ruleId')))
    text = r.get('message', {}).get('text', '')
    if not text.startswith("'akfs_hook_do_filp_open' returns NULL here, but it stands in for "
                           "'do_filp_open'") or '[errptr-' in text:
        bad('message is %r' % text)
    loc = r['locations'][0]
    pl = loc['physicalLocation']
    if pl['artifactLocation'] != want_loc:
        bad('location is %r, expected %r (%s)' % (pl['artifactLocation'], want_loc,
            'below the working directory: relative to %SRCROOT%' if 'uriBaseId' in want_loc
            else 'outside the working directory: file:// URI'))
    with open(source, 'rb') as f:
        lines = f.read().split(b'\n')
    want_line = next(i + 1 for i, l in enumerate(lines) if b'assert_error(try_module_get' in l)
    want_col = code_point_column(lines[want_line - 1], b'assert_error')
    region = pl.get('region', {})
    if (region.get('startLine'), region.get('startColumn')) != (want_line, want_col):
        bad('region is %r, expected line %d column %d' % (region, want_line, want_col))
    names = [l.get('name') for l in loc.get('logicalLocations', [])]
    if names != ['akfs_hook_do_filp_open']:
        bad('logicalLocations are %r' % names)
    notes = [n.get('message', {}).get('text', '') for n in r.get('relatedLocations', [])]
    for want_note in ("'akfs_hook_do_filp_open' stands in for 'do_filp_open': it is paired with "
                      "\"do_filp_open\" in the hook table 'file_hooks'",
                      "'do_filp_open' reports failure with ERR_PTR(), never NULL",
                      "return an error pointer instead"):
        if not any(want_note in n for n in notes):
            bad('no related location says %r; they are %r' % (want_note, notes))
    for n in r.get('relatedLocations', []):
        if not n.get('physicalLocation', {}).get('region', {}).get('startLine'):
            bad('related location without a line: %r' % n)
    fp = r.get('partialFingerprints', {}).get('errptr/v1', '')
    if not re.fullmatch(r'[0-9a-f]{16}:1', fp):
        bad('partialFingerprints errptr/v1 is %r' % fp)


def cmd_weird(log_path, srcroot, relpath):
    """The source is SRCROOT/RELPATH (bytes given in the environment's encoding, surrogate
    escaped), compiled from SRCROOT; the stand-in note names a rules file in the same odd
    directory."""
    log = load(log_path)   # strict UTF-8 already
    run = run_of(log)
    root = run.get('originalUriBaseIds', {}).get('%SRCROOT%', {}).get('uri', '')
    want_root = file_uri(srcroot.encode('utf-8', 'surrogateescape').rstrip(b'/') + b'/')
    if root != want_root:
        bad('%%SRCROOT%% is %r, expected %r' % (root, want_root))
    rel = relpath.encode('utf-8', 'surrogateescape')
    results = run.get('results', [])
    if len(results) != 1:
        bad('expected 1 result, got %d' % len(results))
        return
    r = results[0]
    al = r['locations'][0]['physicalLocation']['artifactLocation']
    if al.get('uriBaseId') != '%SRCROOT%' or uri_bytes(al.get('uri', '')) != rel:
        bad('artifactLocation %r does not decode to %r' % (al, rel))
    if not re.fullmatch(r"[A-Za-z0-9\-._~/%]*", al.get('uri', '')):
        bad('uri %r has characters that should be percent-encoded' % al.get('uri'))
    notes = [n['message']['text'] for n in r.get('relatedLocations', [])]
    rule_notes = [n for n in notes if 'a rule says so' in n]
    if not rule_notes:
        bad('no "a rule says so" note: %r' % notes)
        return
    # The odd directory's bytes: quote, backslash, tab, '%', ':', then 0xff (not UTF-8).
    note = rule_notes[0]
    if 'we"ird\\ dir\t:%\ufffd' not in note:
        bad('note %r does not carry the directory name with U+FFFD for the byte 0xff' % note)
    with open(log_path, 'rb') as f:
        raw = f.read()
    if b'\\t' not in raw or b'\\"' not in raw or b'\\\\' not in raw or b'\t' in raw:
        bad('tab, quote and backslash are not escaped as \\t, \\" and \\\\')
    # The column counts characters, not bytes: a two-byte character precedes the return.
    src = srcroot.encode('utf-8', 'surrogateescape') + b'/' + rel
    with open(src, 'rb') as f:
        lines = f.read().split(b'\n')
    region = r['locations'][0]['physicalLocation']['region']
    line = lines[region['startLine'] - 1]
    if b'return NULL' not in line:
        bad('result is on line %d, not the return' % region['startLine'])
    else:
        # GCC puts the finding at the return or at its NULL; either way in characters.
        chars = [code_point_column(line, t) for t in (b'return', b'NULL')]
        if region.get('startColumn') not in chars:
            bad('startColumn %r, expected one of %r (characters, not bytes)'
                % (region.get('startColumn'), chars))


def cmd_gccjson(diags_path, log_path):
    with open(diags_path, 'rb') as f:
        diags = json.loads(f.read().decode('utf-8'))
    run = run_of(load(log_path))
    results = run.get('results', [])
    if not results:
        bad('the SARIF log has no result')
    seen_notes = seen_path = 0
    for r in results:
        text = r['message']['text'] + ' [' + r['ruleId'] + ']'
        region = r['locations'][0]['physicalLocation']['region']
        matches = [d for d in diags if d.get('message') == text
                   and d['locations'][0]['caret']['line'] == region['startLine']]
        if len(matches) != 1:
            bad('%d JSON diagnostics for %r at line %d' % (len(matches), text, region['startLine']))
            continue
        d = matches[0]
        if d.get('kind') != r.get('level'):
            bad('kind %r, SARIF level %r' % (d.get('kind'), r.get('level')))
        if d['locations'][0]['caret'].get('byte-column') != region.get('startColumn'):
            bad('byte-column %r, SARIF startColumn %r (ASCII source)'
                % (d['locations'][0]['caret'].get('byte-column'), region.get('startColumn')))
        children = [(c.get('kind'), c.get('message'), c['locations'][0]['caret']['line'])
                    for c in d.get('children', [])]
        related = [('note', n['message']['text'], n['physicalLocation']['region']['startLine'])
                   for n in r.get('relatedLocations', [])]
        if children != related:
            bad('notes differ:\n  JSON  %r\n  SARIF %r' % (children, related))
        seen_notes += len(children)
        events = [(e.get('description'), e['location']['line']) for e in d.get('path', [])]
        flows = [(l['location']['message']['text'],
                  l['location']['physicalLocation']['region']['startLine'])
                 for cf in r.get('codeFlows', []) for tf in cf['threadFlows']
                 for l in tf['locations']]
        if events != flows:
            bad('path differs:\n  JSON  %r\n  SARIF %r' % (events, flows))
        seen_path += len(events) >= 2
    errptr_diags = [d for d in diags if re.search(r'\[errptr-[a-z-]+\]$', d.get('message', ''))]
    if len(errptr_diags) != len(results):
        bad('%d errptr diagnostics in the JSON output, %d results in SARIF'
            % (len(errptr_diags), len(results)))
    if not seen_notes or not seen_path:
        bad('the test needs findings with notes (%d) and a path (%d)' % (seen_notes, seen_path))


def cmd_gccsarif(gcc_path, log_path, named='no'):
    """GCC's own SARIF output (-fdiagnostics-format=sarif-*, GCC 13 on; the only
    machine-readable format since GCC 16 removed json) against errptr's log: each
    finding with its notes (relatedLocations) and its path (codeFlows, each event
    in a named function when NAMED is "named": GCC 15 on)."""
    gruns = load(gcc_path).get('runs') or [{}]
    gresults = gruns[0].get('results', [])
    run = run_of(load(log_path))
    results = run.get('results', [])
    if not results:
        bad('the SARIF log has no result')

    def line_of(loc):
        return loc['physicalLocation']['region']['startLine']
    seen_notes = seen_path = 0
    for r in results:
        text = r['message']['text'] + ' [' + r['ruleId'] + ']'
        region = r['locations'][0]['physicalLocation']['region']
        matches = [g for g in gresults if g.get('message', {}).get('text') == text
                   and line_of(g['locations'][0]) == region['startLine']]
        if len(matches) != 1:
            bad('%d GCC SARIF results for %r at line %d' % (len(matches), text, region['startLine']))
            continue
        g = matches[0]
        if g.get('level') != r.get('level'):
            bad('GCC level %r, errptr level %r' % (g.get('level'), r.get('level')))
        # (no column: GCC's SARIF counts a tab as the columns it is displayed in)
        notes = [(n['message']['text'], line_of(n)) for n in g.get('relatedLocations', [])
                 if 'message' in n]
        related = [(n['message']['text'], line_of(n)) for n in r.get('relatedLocations', [])]
        if notes != related:
            bad('notes differ:\n  GCC    %r\n  errptr %r' % (notes, related))
        seen_notes += len(notes)

        def flow(res, named):
            out = []
            for cf in res.get('codeFlows', []):
                for tf in cf['threadFlows']:
                    for l in tf['locations']:
                        loc = l['location']
                        out.append((loc['message']['text'], line_of(loc)))
                        if named and not any(ll.get('fullyQualifiedName') or ll.get('name')
                                             for ll in loc.get('logicalLocations', [])):
                            bad('GCC path event %r names no function' % loc['message']['text'])
            return out
        events = flow(g, named == 'named')
        flows = flow(r, False)
        if events != flows:
            bad('path differs:\n  GCC    %r\n  errptr %r' % (events, flows))
        seen_path += len(events) >= 2
    tagged = [g for g in gresults
              if re.search(r'\[errptr-[a-z-]+\]$', g.get('message', {}).get('text', ''))]
    if len(tagged) != len(results):
        bad('%d errptr results in GCC SARIF, %d in errptr\'s' % (len(tagged), len(results)))
    if not seen_notes or not seen_path:
        bad('the test needs findings with notes (%d) and a path (%d)' % (seen_notes, seen_path))


def cmd_get(log_path, what):
    run = run_of(load(log_path))
    if what == 'target':
        for a in run.get('artifacts', []):
            if 'analysisTarget' in a.get('roles', []):
                print(a['location']['uri'])
    elif what == 'success':
        print(str(run.get('invocations', [{}])[0].get('executionSuccessful')).lower())
    else:
        for r in run.get('results', []):
            if what == 'fingerprints':
                print(r.get('partialFingerprints', {}).get('errptr/v1'))
            elif what == 'lines':
                print(r['locations'][0]['physicalLocation']['region']['startLine'])
            elif what == 'results':
                print('%s %s' % (r['ruleId'], r['message']['text']))
            elif what == 'states':
                al = r['locations'][0]['physicalLocation']['artifactLocation']
                print('%s %s %s %s' % (r.get('baselineState'), al.get('uriBaseId'), al['uri'],
                                       r['locations'][0]['logicalLocations'][0]['name']))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    commands = {'validate': cmd_validate, 'seed': cmd_seed, 'weird': cmd_weird,
                'gccjson': cmd_gccjson, 'gccsarif': cmd_gccsarif, 'get': cmd_get}
    cmd = commands.get(sys.argv[1])
    if not cmd:
        sys.exit(__doc__)
    cmd(*sys.argv[2:])
    for p in problems:
        print('  ' + p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
