// kustomize builds this tree, but the patch's target selects nothing: with failOn=warning
// that warning fails the build.
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] config/overlays/dev/kustomization.yaml:5:3: warning [patch-no-effect] ' +
    'target {kind: Deployment, name: webapp} selects no resource of config/overlays/dev')
assert log.contains('kustomize-lint found 0 errors, 1 warning, 0 notes (failOn=warning)')
return true
