# Regenerates docs/rules.md from the rule registry, the prose in prose.py and the examples in
# src/test/resources/rules/RULE/{failing,passing}: each example is built with kubectl kustomize
# and linted, and the run fails loudly if a verdict or finding is not what the prose expects.
# usage (from the repository root, after mvn compile): python3 scripts/rule-docs/gen.py
import os, subprocess, shutil, filecmp, sys, re, tempfile, glob

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
EX = os.path.join(ROOT, 'src/test/resources/rules')
OUT = tempfile.mkdtemp(prefix='rule-docs-')
PROJ = os.path.join(OUT, 'project')
CP = os.path.join(ROOT, 'target/classes') + ':' + glob.glob(os.path.expanduser('~/.m2/repository/org/yaml/snakeyaml/2.7/snakeyaml-2.7.jar'))[0] + ':' + glob.glob(os.path.expanduser('~/.m2/repository/com/google/re2j/re2j/1.8/re2j-1.8.jar'))[0]

def sh(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr

rc, out, err = sh(['javac', '-d', OUT, '-cp', CP, os.path.join(os.path.dirname(__file__), 'Docs.java')])
assert rc == 0, err
rc, out, err = sh(['java', '-cp', OUT + ':' + CP, 'Docs', 'meta'])
assert rc == 0, err
META = []
for line in out.splitlines():
    i, sev, brk, desc, hlp = line.split('\t')
    META.append((i, sev, brk == 'true', desc, hlp))

def files(root):
    out = []
    for d, _, fs in os.walk(root):
        for f in fs:
            if f in ('expected.tsv', 'expected-finding.txt'):
                continue
            out.append(os.path.relpath(os.path.join(d, f), root))
    def key(p):
        # kustomization files first within a directory, directories top-down
        d, f = os.path.split(p)
        return (d.count('/'), d, 0 if f.lower().startswith('kustomization') else 1, f)
    return sorted(out, key=key)

def run(example, kdir):
    shutil.rmtree(PROJ, ignore_errors=True)
    shutil.copytree(example, PROJ)
    rc, kout, kerr = sh(['kubectl', 'kustomize', kdir], cwd=PROJ)
    lrc, lout, lerr = sh(['java', '-cp', OUT + ':' + CP, 'Docs', 'lint', PROJ])
    assert lrc == 0, lerr
    shutil.rmtree(PROJ, ignore_errors=True)
    return rc, kout, kerr, lout.strip().splitlines()

def fence(lang, text):
    return '```' + lang + '\n' + text.rstrip('\n') + '\n```\n'

def show_files(root, only=None):
    s = ''
    for f in files(root):
        if only is not None and f not in only:
            continue
        lang = 'yaml'
        s += '`%s`\n\n' % f + fence(lang, open(os.path.join(root, f)).read()) + '\n'
    return s

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from prose import INTRO, RULES, OUTRO

problems = []
doc = INTRO.strip() + '\n\n'
doc += '## Summary\n\n| rule | default severity | kustomize fails the build? |\n|---|---|---|\n'
for i, sev, brk, desc, hlp in META:
    r = RULES[i]
    fails = r.get('fails_cell', 'yes' if brk else 'no')
    doc += '| [`%s`](#%s) | %s | %s |\n' % (i, i, sev, fails)
doc += '\n' + OUTRO.strip() + '\n\n'

for i, sev, brk, desc, hlp in META:
    r = RULES[i]
    bad = os.path.join(EX, i, 'failing'); good = os.path.join(EX, i, 'passing')
    kdir = r['kdir']
    brc, _, berr, bfind = run(bad, kdir)
    grc, _, gerr, gfind = run(good, kdir)
    # checks
    want_bad_fail = r['bad_fails']
    if (brc != 0) != want_bad_fail: problems.append('%s: bad kustomize rc %d' % (i, brc))
    if r.get('bad_msg') and r['bad_msg'] not in berr: problems.append('%s: bad msg missing: %s' % (i, berr[:300]))
    if (grc != 0) != r.get('good_fails', False): problems.append('%s: good kustomize rc %d %s' % (i, grc, gerr[:300]))
    own = [l for l in bfind if '[' + i + ']' in l]
    if len(own) != 1 or len(bfind) != 1: problems.append('%s: bad findings %r' % (i, bfind))
    if gfind: problems.append('%s: good findings %r' % (i, gfind))
    fails = r.get('fails_cell', 'yes' if brk else 'no')
    doc += '## %s\n\n' % i
    doc += '- **Default severity:** %s\n' % sev
    doc += '- **kustomize fails the build:** %s\n' % r.get('fails_text', fails)
    doc += '- **Rule description:** %s\n\n' % desc
    doc += '**What it catches.** ' + r['what'].strip() + '\n\n'
    doc += '**Why it matters.** ' + r['why'].strip() + '\n\n'
    doc += '### Failing example\n\n'
    if r.get('bad_intro'): doc += r['bad_intro'].strip() + '\n\n'
    doc += show_files(bad)
    doc += '`kubectl kustomize %s`: %s\n\n' % (kdir, r['bad_verdict'].strip())
    doc += 'kustomize-lint prints:\n\n' + fence('text', '\n'.join(bfind)) + '\n'
    if r.get('after_finding'): doc += r['after_finding'].strip() + '\n\n'
    doc += '### Fixed\n\n'
    bf = set(files(bad)); gf = set(files(good))
    changed = sorted(f for f in gf if f not in bf or not filecmp.cmp(os.path.join(bad, f), os.path.join(good, f), shallow=False))
    removed = sorted(bf - gf)
    doc += r['fix'].strip() + '\n\n'
    doc += show_files(good, set(changed))
    if removed:
        doc += 'Deleted: ' + ', '.join('`%s`' % f for f in removed) + '.\n\n'
    doc += '`kubectl kustomize %s`: %s\n\n' % (kdir, r.get('good_verdict', 'builds.').strip())
    doc += 'kustomize-lint: no findings.\n\n'

open(os.path.join(ROOT, 'docs/rules.md'), 'w').write(doc.rstrip('\n') + '\n')
print('\n'.join(problems) if problems else 'OK')
for i, *_ in META:
    pass
