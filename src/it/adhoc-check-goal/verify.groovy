// `mvn kustomize-lint:check` by prefix, on a folder named on the command line.
def log = new File(basedir, 'build.log').text
assert log =~ /kustomize-lint-maven-plugin:[^:]+:check \(default-cli\)/
assert log.contains('[ERROR] manifests/overlays/release/manager_patch.yaml:15:1: error [patch-target-missing]')
return true
