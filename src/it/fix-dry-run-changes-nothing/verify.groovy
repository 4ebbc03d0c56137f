// A dry run prints the diff of what fix would do and leaves every file as it was.
def log = new File(basedir, 'build.log').text
assert log.contains("[INFO] config/overlays/release/manager_patch.yaml:15: would fix [patch-target-missing] moved PodDisruptionBudget 'controller-manager-pdb'")
assert log.contains('--- a/config/overlays/release/manager_patch.yaml')
assert log.contains('+++ b/config/overlays/release/poddisruptionbudget-controller-manager-pdb.yaml')
assert log.contains('+- poddisruptionbudget-controller-manager-pdb.yaml')
assert log.contains('kustomize-lint: 1 fixed (dry run, nothing written)')
def release = new File(basedir, 'config/overlays/release')
assert !new File(release, 'poddisruptionbudget-controller-manager-pdb.yaml').exists()
assert new File(release, 'manager_patch.yaml').text.contains('kind: PodDisruptionBudget')
assert !new File(release, 'kustomization.yaml').text.contains('poddisruptionbudget')
return true
