// A module without config/ passes with one info line and writes no report.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] kustomize-lint: no config directory, nothing to check')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/kustomize-lint/kustomize-lint.sarif').exists()
return true
