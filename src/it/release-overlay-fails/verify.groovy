// The PDB appended to the release overlay's patch file fails mvn verify at its own line.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def expected = '[ERROR] config/overlays/release/manager_patch.yaml:15:1: error [patch-target-missing] ' +
    "patch targets PodDisruptionBudget 'controller-manager-pdb' (policy/v1, namespace demo-system)" +
    ' but there is no PodDisruptionBudget at all among the resources of config/overlays/release'
assert log.contains(expected)
assert log.contains('A new object belongs in its own manifest listed under resources:')
// The convention behind the bug is flagged too: one patch file carrying two patches.
assert log.contains('[INFO] config/overlays/release/manager_patch.yaml:15:1: note [patch-multiple-documents]')
assert log.contains('kustomize-lint found 1 error, 0 warnings, 1 note (failOn=error)')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/kustomize-lint/kustomize-lint.sarif'))
assert sarif.version == '2.1.0'
def results = sarif.runs[0].results
assert results*.ruleId.sort() == ['patch-multiple-documents', 'patch-target-missing']
def r = results.find { it.ruleId == 'patch-target-missing' }
assert r.ruleId == 'patch-target-missing'
assert r.level == 'error'
// URIs are relative to the enclosing git repository (here the plugin's own checkout)
assert r.locations[0].physicalLocation.artifactLocation.uri.endsWith('release-overlay-fails/config/overlays/release/manager_patch.yaml')
assert r.locations[0].physicalLocation.region.startLine == 15
assert r.locations[0].physicalLocation.region.startColumn == 1
assert r.relatedLocations[0].physicalLocation.artifactLocation.uri.endsWith('release-overlay-fails/config/overlays/release/kustomization.yaml')
assert sarif.runs[0].tool.driver.rules.find { it.id == 'patch-target-missing' }.shortDescription.text
return true
