// Three modules linted by a parallel reactor: each gets its own report; console paths are
// relative to where Maven started (the reactor root), so they stay clickable.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('kustomize-lint: 4 kustomizations checked under operator-a/config: 0 errors, 0 warnings, 0 notes')
assert log.contains('[WARNING] operator-b/config/overlays/dev/kustomization.yaml:5:3: warning [patch-no-effect]')
assert log.contains('kustomize-lint: 2 kustomizations checked under operator-b/config: 0 errors, 1 warning, 0 notes')
assert log.contains('kustomize-lint: no library/config directory, nothing to check')
assert log.contains('BUILD SUCCESS')
def a = new JsonSlurper().parse(new File(basedir, 'operator-a/target/kustomize-lint/kustomize-lint.sarif'))
def b = new JsonSlurper().parse(new File(basedir, 'operator-b/target/kustomize-lint/kustomize-lint.sarif'))
assert a.runs[0].results.isEmpty()
assert b.runs[0].results*.ruleId == ['patch-no-effect']
// URIs are relative to the enclosing git repository (here the plugin's own checkout)
assert b.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri.endsWith('operator-b/config/overlays/dev/kustomization.yaml')
// one category per module, as GitHub needs for several runs of one tool
assert a.runs[0].automationDetails.id == 'kustomize-lint/operator-a/'
assert b.runs[0].automationDetails.id == 'kustomize-lint/operator-b/'
return true
