// The same tree with the PDB in its own manifest under resources: passes, with no findings.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('kustomize-lint: 4 kustomizations checked under config: 0 errors, 0 warnings, 0 notes')
assert !log.contains('[patch-')
def sarif = new JsonSlurper().parse(new File(basedir, 'target/kustomize-lint/kustomize-lint.sarif'))
assert sarif.runs[0].results.isEmpty()
return true
