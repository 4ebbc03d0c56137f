// mvn kustomize-lint:fix moves the PDB out of the patch file into its own manifest under
// resources:, and mvn verify then passes on the repaired tree.
def log = new File(basedir, 'build.log').text
assert log.contains("[INFO] config/overlays/release/manager_patch.yaml:15: fixed [patch-target-missing] moved PodDisruptionBudget 'controller-manager-pdb' out of the patch file into config/overlays/release/poddisruptionbudget-controller-manager-pdb.yaml, listed under resources: of config/overlays/release/kustomization.yaml")
def release = new File(basedir, 'config/overlays/release')
def manifest = new File(release, 'poddisruptionbudget-controller-manager-pdb.yaml').text
assert manifest.startsWith('apiVersion: policy/v1\nkind: PodDisruptionBudget\n')
assert !new File(release, 'manager_patch.yaml').text.contains('PodDisruptionBudget')
assert new File(release, 'kustomization.yaml').text.contains('- poddisruptionbudget-controller-manager-pdb.yaml\n')
assert log.contains('kustomize-lint: 4 kustomizations checked under config: 0 errors')
assert log.contains('BUILD SUCCESS')
return true
