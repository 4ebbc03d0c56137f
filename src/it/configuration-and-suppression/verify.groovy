// Severities, disabled rules, excludes and inline suppressions, end to end.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// <rules>: orphan-manifest raised from note to warning, which fails the build (failOn=warning).
assert log.contains("[WARNING] config/base/extra.yaml:2:1: warning [orphan-manifest] ConfigMap 'nobody-lists-me'")
// The StatefulSet target selects nothing: reported, since its disable comment names another rule.
assert log.contains('[WARNING] config/overlays/prod/kustomization.yaml:9:3: warning [patch-no-effect] target {kind: StatefulSet}')
// Suppressed on its line; suppressed for the whole file; turned off in the pom; excluded by glob.
assert !log.contains('name: webapp}')
assert !log.contains('[manifest-multiple-resources]')
assert !log.contains('[deprecated-field]')
assert !log.contains('overlays/legacy')
// kustomize-lint.disabledRules turned off the note about the stale patch-target-missing comment.
assert !log.contains('[unused-suppression]')
assert log.contains('kustomize-lint found 0 errors, 2 warnings, 0 notes (failOn=warning)')
def sarif = new JsonSlurper().parse(new File(basedir, 'target/kustomize-lint/kustomize-lint.sarif'))
assert sarif.runs[0].results*.ruleId == ['orphan-manifest', 'patch-no-effect']
return true
