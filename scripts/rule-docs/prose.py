INTRO = r'''
# kustomize-lint rules

kustomize-lint reads every kustomization under `configDirectory` (default `config/`) and models what `kustomize build` would do with each one. It prints one line per finding, `path:line:col: severity [rule-id] message`, with the path relative to the project directory. A finding about a whole file, such as `multiple-kustomizations`, has no `:line:col`.

**Severities.** Every rule has a default severity: `error`, `warning` or `note` (the SARIF levels). The build fails when a finding is at least as severe as `failOn`. The default is `error`; the other choices are `warning`, `note` and `never`.

**`<rules>`.** Set a rule's severity with `<rules>` in the plugin configuration. Each child element is a rule id, and its text is one of:

- `error`
- `warning` (or `warn`)
- `note` (or `info`)
- `off`

The text is read case-insensitively, with surrounding spaces ignored. `off` does not just hide a rule's findings: the rule is not run at all.

**`disabledRules`.** `disabledRules` (property `-Dkustomize-lint.disabledRules=a,b`) is a comma-separated list of rule ids to turn off. Blanks between commas are ignored. It is applied after `<rules>`, so a rule listed there is off even if `<rules>` gives it a level.

An unknown rule id or level in either setting stops the build with an error that names the bad value. For an unknown rule, the message also lists every known rule id.

**Inline suppression.** To silence single findings, write a YAML comment in the file the finding points at:

- `# kustomize-lint:disable=rule-id` covers findings of that rule on the comment's own line. If the comment is alone on its line (nothing but whitespace before the `#`), it also covers the next line.
- `# kustomize-lint:disable-file=rule-id` covers that rule's findings anywhere in the file, wherever the comment is placed.
- Several ids can be given, separated by commas (`disable=a, b`). Spaces are allowed after `#` and around `=`.
- The id list runs up to the first character that is not a letter, digit, `_`, `-`, `,` or space. So do not put words after the ids: `# kustomize-lint:disable=orphan-manifest -- reason` is read as one unknown rule id, `orphan-manifest -- reason`. Write the reason on a comment line of its own instead.
- A comment only suppresses findings located in its own file. Where the findings point:
  - `orphan-manifest`: the orphan file, not a kustomization.
  - A patch finding: the `kind:` line of the patch document (inside the kustomization for an inline `patch:`).
  - `patch-no-effect` and `patch-delete-all`: the patch's `target` key.
  - Other problems with a kustomization entry: the list item.
- Comments are matched after every other rule has run. Each rule id named by a comment that suppressed nothing, or that is not a known rule, becomes an `unused-suppression` note.
  - This includes a comment for a rule that `<rules>` or `disabledRules` turned off, because that rule produced no findings to suppress.
  - `unused-suppression` itself cannot be suppressed inline; only the configuration can turn it off.

The fixed examples of [`patch-unverifiable`](#patch-unverifiable) and [`unused-suppression`](#unused-suppression) show comments at work.

**`includes` / `excludes`.** These globs, relative to `configDirectory`, drop findings by file. The filter runs after suppression, so a comment whose finding is then excluded still counts as used.

```xml
<configuration>
  <failOn>error</failOn>
  <rules>
    <patch-no-effect>error</patch-no-effect>
    <manifest-multiple-resources>off</manifest-multiple-resources>
  </rules>
  <disabledRules>orphan-manifest</disabledRules>
</configuration>
```

'''

OUTRO = r'''
"kustomize fails the build" says whether a finding of the rule means `kustomize build` / `kubectl kustomize` itself exits with an error (the rule's `breaksBuild()`). For the other rules kustomize builds, but the output is probably not what was meant.

Every example below is real. Each was built in a temporary project directory (shown as `/tmp/project` in kustomize's messages below) with `config/` under it, and run through `kubectl kustomize` (Kustomize v5.5.0) and then the linter, with that directory as the base for paths. The finding lines are copied from the linter's output exactly as printed. Paths inside kustomize's own error messages are absolute, so they show `/tmp/project/...`.
'''

RULES = {
'patch-target-missing': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='no matches for Id Deployment.v1.apps/manager.[noNs]',
  what='''A strategic-merge patch that has no `target:` (an entry under `patches:`, or under the deprecated `patchesStrategicMerge:`) whose document names, through its `apiVersion`, `kind`, `metadata.name` and `metadata.namespace`, an object that is not in the build. As in kustomize, an object counts under every id it has had, including its name from before the `namePrefix`, `nameSuffix` or `namespace` of the kustomizations it came through. A patch document with no `kind` at all is reported too.''',
  why='''kustomize refuses the whole build (`no matches for Id ...`). The usual causes are a typo, a name the base has since prefixed, a wrong apiVersion or namespace, or a new object that was put into a patch file when it belongs in its own manifest listed under `resources:`. The message lists the closest objects of the same kind and what differs from each.''',
  bad_verdict='fails with `no resource matches strategic merge patch "Deployment.v1.apps/manager.[noNs]": no matches for Id Deployment.v1.apps/manager.[noNs]; failed to find unique target for patch Deployment.v1.apps/manager.[noNs]`.',
  fix='Name the object as the base names it:'),
'patch-target-ambiguous': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='multiple matches for Id Deployment.v1.apps/app.[noNs]',
  what='''A strategic-merge patch without `target:` whose id belongs to more than one object in the build. This happens when the same base is included twice under different `namePrefix`es: both copies still have the original name among the ids they have had.''',
  why='''kustomize refuses the build (`multiple matches for Id ...`), because it cannot pick which object to patch.''',
  bad_verdict='fails with `no resource matches strategic merge patch "Deployment.v1.apps/app.[noNs]": multiple matches for Id Deployment.v1.apps/app.[noNs]; failed to find unique target for patch Deployment.v1.apps/app.[noNs]` (`config/base`, `config/team-a` and `config/team-b` build).',
  fix='Name the copy to patch by its current, prefixed name (or use a `target:` selector, which may match both on purpose):'),
'patch-no-effect': dict(
  kdir='config/overlays/prod', bad_fails=False,
  what='''A patch with a `target:` selector (under `patches:` or `patchesJson6902:`) that selects no object of the build. Selector fields are anchored regular expressions: `name: manager` does not match `controller-manager`. `name` and `namespace` match an object's original or current value; `group`, `version` and `kind` match only the current value. The finding points at the `target` key.''',
  why='''kustomize does not complain. The patch is skipped silently and the change you meant (here `replicas: 3`) never reaches the cluster.''',
  bad_verdict='builds, printing the Deployment with `replicas: 1`: the patch did nothing.',
  fix='Make the selector match the object (or remove the patch):',
  good_verdict='builds, printing the Deployment with `replicas: 3`.'),
'patch-unverifiable': dict(
  kdir='config/app', bad_fails=True, good_fails=True, bad_msg='Could not resolve host: github.com',
  fails_cell='unknown (depends on content the linter cannot see)',
  fails_text='not known to the linter. The rule does not claim a failure (`breaksBuild()` is false): the patch may or may not match content the linter cannot see.',
  what='''A patch that matches nothing the linter can see, in a build that also takes objects from something it does not read. That can be a remote resource or component (a URL, `github.com/...`, `git@...`), `helmCharts` / `helmChartInflationGenerator`, `generators` or `transformers`, a resource file that is missing, or an earlier patch that changes ids in ways the linter does not follow. It applies both to strategic-merge patches without a target and to patches with a `target:`. It does not apply to a JSON6902 patch without a target: that is always `json-patch-without-target`.''',
  why='''kustomize-lint never fetches, inflates or runs anything, so it cannot tell whether the target exists. It reports "not verified" instead of a false `patch-target-missing`. The note points at the patch and at the entry whose content is unknown.''',
  bad_verdict='fails on the machine these examples were made on, which has no network: `accumulating resources from \'https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v3.3.1\': ... Could not resolve host: github.com`. With network access kustomize fetches the remote example, which defines `the-deployment`.',
  fix='''Either vendor the remote manifests into the tree (then the linter checks the patch), or, once you have confirmed the target exists, acknowledge the note with a suppression on the line the finding points at (the `kind:` line of the patch document):''',
  good_verdict='unchanged: fails here for lack of network, as above. The comment does not affect kustomize.'),
'json-patch-without-target': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='must specify a target for JSON patch',
  what='''A JSON6902 patch (a YAML or JSON list of `op`/`path`/`value` operations), inline or in a file under `patches:`, that has no `target:`.''',
  why='''A JSON6902 operation list does not say which object it applies to, so kustomize refuses the build (`must specify a target for JSON patch`).''',
  bad_verdict='fails with `must specify a target for JSON patch [path: "replicas.yaml"]`.',
  fix='Add a `target:` with the kind and name of the object:',
  good_verdict='builds, with `replicas: 3`.'),
'json-patch-path-missing': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='doc is missing path',
  what='''A JSON6902 operation (under `patches:` or `patchesJson6902:`, inline or in a file) whose `path` the target object does not have at that point of the build: a `replace`, `remove` or `test` of a missing field, an `add` whose parent is missing, an index past the end of a list. A `replace` of a missing map key is fine (kustomize adds it), as is a `test` of a missing path against `null`.''',
  why='''kustomize applies the operations to the object as the build has it and fails (`doc is missing path`), naming the path but not the patch file. The linter renders the object as kustomize does to find it; where the renderer does not model something the build does before the patch, the rule stays silent rather than guess.''',
  bad_verdict='fails with `replace operation does not apply: doc is missing path: /spec/template/spec/containers/0/resources/limits/memory: missing value`.',
  fix='Add the missing parent (here `resources`) with an `add`, which creates the whole map:',
  good_verdict='builds, with the memory limit set.'),
'name-reference-ambiguous': dict(
  kdir='config/overlays/all', bad_fails=True, bad_msg='found multiple possible referrals',
  what='''A name reference (a field of kustomize's built-in name-reference table: a role binding's `subjects`, a pod's `serviceAccountName`, a `configMap` volume, ...) that, at the end of the build, could mean several objects of the kind it refers to: they all had the name it holds, and neither the reference's namespace nor the objects' prefixes and suffixes tell them apart.''',
  why='''kustomize points every such reference at the object it meant before prefixes, suffixes and hashes renamed it; when several qualify it fails with `found multiple possible referrals`, printing the objects but no file. The linter renders the build as kustomize does to find the field; where the renderer does not model something in the build, the rule stays silent rather than guess.''',
  bad_verdict='fails with `found multiple possible referrals: ServiceAccount.v1.[noGrp]/controller.team-a, ServiceAccount.v1.[noGrp]/controller.team-b`.',
  fix='Give the subject the namespace of the ServiceAccount it means:',
  good_verdict='builds, with the binding on `controller` in `team-a`.'),
'replacement-source-missing': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='nothing selected by',
  what='''A `replacements:` entry (inline or from a `path:` file) whose `source` selects no object of the build. Empty selector fields match anything; given ones must equal an id the object has had (its original name, or its name after a prefix), with namespaces compared as kustomize does.''',
  why='''A replacement copies a field from exactly one object; when there is none kustomize fails with `nothing selected by ...`, naming no file. Replacements run last, after the kustomization's own patches, namespace and prefix.''',
  bad_verdict='fails with `nothing selected by Service.[noVer].[noGrp]/no-such-svc.[noNs]:metadata.name`.',
  fix='Name an object the build has (its original or its current name both work):'),
'replacement-source-ambiguous': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='multiple matches for selector',
  what='''A replacement `source` that selects more than one object, typically a kind without a name.''',
  why='''kustomize cannot pick one and fails with `multiple matches for selector`.''',
  bad_verdict='fails with `multiple matches for selector ConfigMap.[noVer].[noGrp]/[noName].[noNs]:metadata.name`.',
  fix='Name the object:'),
'replacement-field-missing': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='unable to find field',
  what='''A replacement whose `source.fieldPath` the source object does not have (or holds empty), or one of whose targets' `fieldPaths` names a field an object the target selects does not have, without `options.create`.''',
  why='''kustomize fails the build (`fieldPath ... is missing for replacement source`, or `unable to find field ... in replacement target`), naming the path but not the object or the file. The linter renders the objects as kustomize does to find it and points at the `fieldPath` or `fieldPaths` entry; where the renderer does not model something the build does before the replacement, the rule stays silent rather than guess.''',
  bad_verdict='fails with `unable to find field "spec.template.spec.initContainers.[name=manager].image" in replacement target`.',
  fix='Point the field path at the field the Deployment has (its `containers`), or set `options.create: true` to make it:',
  good_verdict='builds, with the image `controller:v2`.'),
'var-target-missing': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='cannot be mapped to a field in the set of known resources',
  what='''A deprecated `vars:` entry whose `objref` names no object of the kustomization that declares it, as that kustomization is once built. Group, version and kind must match exactly (an objref without `apiVersion`/`version` never matches a versioned object), the name may be any name the object has had, and the namespace counts only when given.''',
  why='''Every build that includes the var fails with `var ... cannot be mapped to a field in the set of known resources`, naming no file. Kubebuilder's cert-manager vars hit this when the certmanager base stays commented out.''',
  bad_verdict='fails with `var \'{S Service.v1.[noGrp] {metadata.name}}\' cannot be mapped to a field in the set of known resources`.',
  fix='Name an object the build has (better: replace vars with replacements):'),
'var-field-missing': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='not found in corresponding resource',
  what='''A deprecated `vars` entry whose `fieldref.fieldPath` (default `metadata.name`) the object its `objref` names does not have: a missing field, or a list index past the end (`spec.ports[3].port`).''',
  why='''kustomize resolves every var declared in a build, used or not, and fails (`field specified in var ... not found in corresponding resource`), naming the var but not the file. The linter renders the build as kustomize does and points at the `fieldPath`; where the renderer does not model something in the build, the rule stays silent rather than guess.''',
  bad_verdict='fails with `field specified in var \'{METRICS_SERVICE Service.v1.[noGrp] {metadata.labels.app}}\' not found in corresponding resource`.',
  fix='Point the var at a field the Service has (here its name):',
  good_verdict='builds, with `--metrics-service=metrics`.'),
'var-conflict': dict(
  kdir='config/both', bad_fails=True, bad_msg='already encountered',
  what='''A var name declared twice in one build (two bases each declaring it), or an `objref` that fits several objects (the same base included under two prefixes).''',
  why='''Var names are global to a build. kustomize fails with `var ... already encountered` or `unable to disambiguate`.''',
  bad_verdict='fails with `var \'S\' already encountered`.',
  fix='Declare the var once:'),
'replicas-target-missing': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='does not match a config with the following GVK',
  what='''A `replicas:` entry whose `name` is not the name (current or earlier) of any Deployment, StatefulSet, ReplicaSet or ReplicationController in the build.''',
  why='''kustomize fails with `resource with name ... does not match a config with the following GVK [...]`, naming no file; a typo in a workload name is enough.''',
  bad_verdict='fails with `resource with name controller-manger does not match a config with the following GVK [Deployment.[noVer].[noGrp] StatefulSet.[noVer].[noGrp] ReplicaSet.[noVer].[noGrp] ReplicationController.[noVer].[noGrp]]`.',
  fix='Use the workload\'s name:'),
'missing-file': dict(
  kdir='config/manager', bad_fails=True, bad_msg='no such file or directory',
  what='''A path listed by a kustomization that does not exist: a resource file or directory (or a directory without a kustomization file), a patch file, a component, a `crds`, `configurations` or `replacements` file, or a `configMapGenerator`/`secretGenerator` input.''',
  why='''kustomize stops at the first path it cannot open and does not say which line of which kustomization names it. Generated files (controller-gen output, for example) must exist before the build. Any patch that comes after a missing resource is reported as `patch-unverifiable`, not as missing, because what the missing file would have added is unknown.''',
  bad_verdict='fails with `accumulating resources from \'service.yaml\': evalsymlink failure on \'/tmp/project/config/manager/service.yaml\' : lstat /tmp/project/config/manager/service.yaml: no such file or directory`.',
  fix='Add the file (or remove the entry):'),
'outside-root': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='is not in or below',
  what='''A resource file, patch file or generator input that lies outside the directory of the kustomization that lists it (`../shared/deployment.yaml`).''',
  why='''kustomize's default load restrictor (`LoadRestrictionsRootOnly`) refuses such files and the build fails. Directories that have their own kustomization may live anywhere; single files may not.''',
  bad_verdict='fails with `accumulating resources from \'../../shared/deployment.yaml\': security; file \'/tmp/project/config/shared/deployment.yaml\' is not in or below \'/tmp/project/config/overlays/prod\'`.',
  fix='Give the shared file a kustomization of its own and list the directory:'),
'duplicate-resource': dict(
  kdir='config/rbac', bad_fails=True, bad_msg='may not add resource with an already registered id: ServiceAccount.v1.[noGrp]/controller-manager.[noNs]',
  what='''Two objects in one build with the same group, version, kind, name and namespace. Common causes are a file listed twice, two files or two bases holding the same object, and a patch file also listed under `resources:`.''',
  why='''kustomize refuses the build (`may not add resource with an already registered id`). The finding points at the entry that brings in the second copy and names where both copies come from.''',
  bad_verdict='fails with `accumulating resources from \'service_account.yaml\': may not add resource with an already registered id: ServiceAccount.v1.[noGrp]/controller-manager.[noNs]`.',
  fix='List each file once:'),
'kustomization-cycle': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='cycle detected',
  what='''Kustomizations that include each other, through `resources:` or `components:`: here a base lists its own overlay.''',
  why='''kustomize refuses every build that runs into the cycle (`cycle detected`). The linter reports the cycle once, at the entry that closes it in the order it walks the tree (alphabetical), shown as `a -> b -> a`. That is not necessarily the entry to remove: here the finding is on the overlay's `- ../../base`, but the mistake is the base's `- ../overlays/prod`.''',
  bad_verdict='fails with `cycle detected: candidate root \'/tmp/project/config/overlays/prod\' contains visited root \'/tmp/project/config/overlays/prod\'` (`kubectl kustomize config/base` fails the same way).',
  fix='A base must not include its overlays:',
  good_verdict='builds (and so does `config/base`).'),
'multiple-kustomizations': dict(
  kdir='config/manager', bad_fails=True, bad_msg='Found multiple kustomization files under',
  what='''A directory holding more than one of `kustomization.yaml`, `kustomization.yml` and `Kustomization`.''',
  why='''kustomize refuses to build the directory (`Found multiple kustomization files`). Even if it did not, only one of the files would count, and edits to the other would be silently ignored. The finding concerns the whole file, so it has no line and column and only a `disable-file` comment can suppress it.''',
  bad_verdict='fails with `Found multiple kustomization files under: /tmp/project/config/manager`.',
  fix='Keep one file, with everything in it:'),
'invalid-kustomization': dict(
  kdir='config/manager', bad_fails=True, bad_msg='json: unknown field \\"image\\"',
  what='''A kustomization, or a file it names, that kustomize cannot read. That covers YAML that does not parse, a document that is not a map, an unknown field (with a "did you mean" hint), a `kind: Component` listed under `resources:`, and a Kustomization listed under `components:`. It also covers:

- **Value types, everywhere.** Every field, nested ones included (patches and their `options`, `images`, `replicas`, `labels`, generators and `generatorOptions`, `replacements`, `vars`, `metadata`, `openapi`, `sortOptions`, the helm fields), is checked against kustomize v5.5's Go types as its JSON decoding reads them: `newTag: 2` or `count: "3"` or `includeSelectors: "true"`, a map or list as a `commonAnnotations` value, a list as `labels[].pairs`. Scalars are read with go-yaml v2's YAML 1.1 rules, as kustomize does: `yes`, `on` and `y` are booleans, `1e3` and `0x3` are numbers, `1:30`, `2001-12-14` and `!!str 12` are strings. The finding is at the value, with kustomize's own reason.
- **`configurations:` files**, decoded strictly since kustomize 5.4: an unknown key at the top (`namePrefixes:`), in a field spec (`name:`, `paths:`, `isClusterScoped:`) or in a `nameReference` entry (`referrers:`), a wrong type (`create: "true"`; a number as `group`, `version` or `kind`, while `path` takes one), a repeated key, or a file that is not a map. The finding is at the line in that file and names the kustomization that loads it. Only the first document is read, as kustomize does.
- **Replacements**: one without `source` or `targets`, a target without `select`, `path` together with an inline replacement, and in a replacements file an empty or scalar document or a value of the wrong type. Unknown fields in a replacements file pass, as they do in built-in transformer configs (`LabelTransformer`, `PrefixSuffixTransformer`, `PatchTransformer`) and under `openapi:`: kustomize ignores them there.
- **Generator sources**: an `envs`/`env` file with a line that is not UTF-8 (comments too), a `files` entry that is not `[KEY=]PATH` (`=a.txt`, `k=`, `k=a=b.txt`), a literal with no key before `=`, and a key repeated across env files, literals and files. The content of a `files` source may be anything: kustomize keeps bytes that are not UTF-8 as `binaryData`.''',
  why='''kustomize refuses the whole build. An unknown field is a typo that kustomize, unlike many YAML consumers, does not ignore. While a kustomization is unreadable, `orphan-manifest` stays quiet about its directory, because what the kustomization lists cannot be known.''',
  bad_verdict='fails with `invalid Kustomization: json: unknown field "image"`.',
  fix='Use the field kustomize knows:'),
'invalid-manifest': dict(
  kdir='config/manager', bad_fails=True, bad_msg='missing metadata.name',
  what='''A resource or patch file kustomize cannot read: YAML that does not parse, a document that is not a map, or an object without `kind` or `metadata.name`.''',
  why='''kustomize stops the build. The linter points at the document (here its `kind:` line).''',
  bad_verdict='fails with `accumulating resources from \'manager.yaml\': missing metadata.name in object {{apps/v1 Deployment} {{ } map[control-plane:controller-manager] map[]}}`.',
  fix='Give the object a name:'),
'generator-behavior': dict(
  kdir='config/overlays/prod', bad_fails=True, bad_msg='does not exist; cannot merge or replace',
  what='''A `configMapGenerator` or `secretGenerator` entry whose `behavior` does not fit the build. With `behavior: merge` or `replace`, no ConfigMap/Secret of that name (and namespace) exists to merge into or replace. With `behavior: create` (the default), one already exists.''',
  why='''kustomize fails in both cases: `... does not exist; cannot merge or replace`, or `... exists; behavior must be merge or replace`. The usual cause is an overlay generator whose name does not match the base generator it is meant to change.''',
  bad_verdict='fails with `merging from generator &{...}: id resid.ResId{Gvk:resid.Gvk{Group:"", Version:"v1", Kind:"ConfigMap", isClusterScoped:false}, Name:"manager-settings", Namespace:""} does not exist; cannot merge or replace`.',
  fix='Use the base generator\'s name:',
  good_verdict='builds, with one ConfigMap `manager-config-<hash>` holding `LOG_LEVEL: debug`.'),
'sort-options-invalid': dict(
  kdir='config/base', bad_fails=True, bad_msg="the field 'sortOptions.order' must be one of [fifo, legacy]",
  what='''`sortOptions` that kustomize refuses: a map without `order`, an `order` other than `fifo` or `legacy`, or `legacySortOptions` set while `order` is `fifo`.''',
  why='''kustomize reads `sortOptions` only of the kustomization it builds, and fails there: `the field 'sortOptions.order' must be one of [fifo, legacy]`. An overlay over that kustomization builds, since a base's `sortOptions` are ignored, so the finding counts only for the kustomization's own build.''',
  bad_verdict="fails with `the field 'sortOptions.order' must be one of [fifo, legacy]`; `kubectl kustomize config/overlays/prod` builds.",
  fix='Use one of the two orders:',
  good_verdict='builds, with the objects in the legacy order.'),
'patch-delete-all': dict(
  kdir='config/overlays/prod', bad_fails=False,
  what='''A patch whose body is `$patch: delete` and whose `target:` is empty (`target: {}`), so it selects every object of the build.''',
  why='''With a target, kustomize applies the patch body to every object the target selects, whatever the body's own `kind` and `name` say. An empty target selects everything, so the build comes out empty. kustomize reports no error, and a deployment of its output deploys nothing. The linter treats this as an error even though kustomize builds.''',
  bad_verdict='builds and prints nothing: both the Deployment and the Service are deleted.',
  fix='Put the kind and name to delete in the target:',
  good_verdict='builds, printing only the Deployment.'),
'patch-multiple-documents': dict(
  kdir='config/overlays/prod', bad_fails=False,
  what='''One patch file, or one inline `patch:`, under `patches:` or `patchesStrategicMerge:`, that holds strategic-merge patches for more than one object, as several YAML documents. The finding points at the second document.''',
  why='''kustomize applies each document as a patch of its own, and each one must match an object. Files that gather several patches invite appending a *new* object as another document, which kustomize then rejects as `no matches for Id`. The outage this plugin was written for began that way. One patch per file, named after what it patches, keeps each patch findable.''',
  bad_verdict='builds; both Deployments get `replicas: 3`.',
  fix='One file per patched object:',
  good_verdict='builds, with the same output.'),
'manifest-multiple-resources': dict(
  kdir='config/rbac', bad_fails=False,
  what='''A resource file that holds more than one object (several YAML documents). The finding points at the second object and lists up to four of them.''',
  why='''With one object per file, `kustomization.yaml` is an explicit list of what the build contains, and objects are easy to find in reviews and to patch. Generated bundles (CRDs from controller-gen, a vendored `install.yaml`) are the usual exception. Exclude them with `excludes`, or put `# kustomize-lint:disable-file=manifest-multiple-resources` in the file.''',
  bad_verdict='builds.',
  fix='Split the file and list each part:'),
'orphan-manifest': dict(
  kdir='config/rbac', bad_fails=False,
  what='''A YAML file under the config directory whose first document has an `apiVersion` and a `kind` (other than Kustomization and Component), but which no kustomization lists as a resource, patch or other input.''',
  why='''An object no kustomization lists is never deployed. Most often it is a new manifest someone forgot to add under `resources:`. A file counts as left out on purpose, and is not reported, when a kustomization in the same directory names it in a comment, as in kubebuilder's `#- leader_election_role.yaml` switches. Files in directories whose kustomization cannot be read are not reported either. To suppress a finding inline, put the comment in the orphan file itself, on or just above its `kind:` line, or use `disable-file`.''',
  bad_verdict='builds, and its output contains only the ServiceAccount: the Role is not deployed.',
  fix='List the file (or delete it, or comment it out as `#- leader_election_role.yaml` in the kustomization):',
  good_verdict='builds, with both objects.'),
'deprecated-field': dict(
  kdir='config/overlays/prod', bad_fails=False, bad_msg="Warning: 'patchesStrategicMerge' is deprecated",
  what='''A kustomization field that kustomize v5 deprecates. Each message names the replacement: `bases` (list them under `resources`), `patchesStrategicMerge` and `patchesJson6902` (use `patches`), `commonLabels` (use `labels`, with `includeSelectors: true` to keep selector labels), `imageTags` (use `images`), `vars` (use `replacements`), and `helmChartInflationGenerator` (use `helmCharts`).''',
  why='''kustomize still reads these fields, but it prints a deprecation warning on every build and may drop them in a future release. `kustomize edit fix` rewrites most of them.''',
  bad_verdict='builds, but prints `# Warning: \'patchesStrategicMerge\' is deprecated. Please use \'patches\' instead. Run \'kustomize edit fix\' to update your Kustomization automatically.` on stderr.',
  fix='Use `patches`:',
  good_verdict='builds, with the same output and no warning.'),
'limit-exceeded': dict(
  kdir='config/app', bad_fails=False,
  what='''The tree goes past one of the bounds that keep the linter's work linear in its input: bases and components nested more than 100 deep, or more than 1,000 component applications in one build. Components are applied again at every inclusion, as kustomize applies them, so components that include each other along diamonds multiply: here three tiers of ten inclusions make 1,110 applications.''',
  why='''Past the bound the linter stops following the structure instead of spending exponential time on it (kustomize itself takes many seconds on this example, and minutes a tier further). What lies beyond is not checked, and patches that depend on it are reported as `patch-unverifiable` rather than missing. Real trees stay far below both bounds.''',
  bad_verdict='builds (slowly: every component application is repeated).',
  fix='Include each component once, where it is needed:'),
'unused-suppression': dict(
  kdir='config/rbac', bad_fails=False,
  what='''A `# kustomize-lint:disable=...` or `disable-file=...` comment, in any YAML file of the tree, that names a rule id which silenced no finding, or that names no known rule. Each rule id in the comment is checked separately.''',
  why='''A stale suppression (the problem was fixed, or never was where the comment is) would silently hide a future finding nobody meant to hide, and a misspelt rule id hides nothing. A frequent mistake, shown here, is putting the comment on the kustomization entry: an `orphan-manifest` finding is reported in the orphan file, and a file listed under `resources:` is not an orphan anyway.''',
  bad_verdict='builds.',
  fix='Remove the comment:'),
}
