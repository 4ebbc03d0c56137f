package io.github.kustomizelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.resolve.Resolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check renders only the bodies its content rules can fail in, with the same verdicts. */
class CheckBodiesTest {

  private static final String CRD = "apiVersion: apiextensions.k8s.io/v1\n"
      + "kind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n"
      + "spec:\n  group: example.com\n  names:\n    kind: Widget\n";
  private static final String DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\n"
      + "metadata:\n  name: app\nspec:\n  replicas: 1\n";

  @TempDir
  Path tmp;

  private Path tree(String overlayExtra) throws IOException {
    Path base = Files.createDirectories(tmp.resolve("base"));
    Files.writeString(base.resolve("kustomization.yaml"),
        "resources:\n- crd.yaml\n- deployment.yaml\n");
    Files.writeString(base.resolve("crd.yaml"), CRD);
    Files.writeString(base.resolve("deployment.yaml"), DEPLOYMENT);
    Path overlay = Files.createDirectories(tmp.resolve("overlay"));
    Files.writeString(overlay.resolve("kustomization.yaml"), "resources:\n- ../base\n"
        + "patches:\n- target:\n    kind: Deploy.*\n  patch: |-\n"
        + "    - op: replace\n      path: /spec/template/spec/x\n      value: 1\n"
        + overlayExtra);
    return overlay.toRealPath();
  }

  private record Check(Renderer renderer, CheckBodies.Whole whole) {}

  private static Check check(Path overlay) {
    YamlCache cache = new YamlCache();
    Resolver resolver = new Resolver(cache, false);
    resolver.build(overlay);
    Function<Path, CheckBodies.Whole> whole = CheckBodies.of(cache, resolver.kustomizations(), true,
        true, ContentFailures.sharedKinds(dir -> resolver.build(dir).resources()));
    return new Check(new Renderer(cache, resolver::read, whole), whole.apply(overlay));
  }

  // the lean render stops where the render of every body does
  private static void assertSameStop(Check c, Path overlay, String feature) {
    Unmodelled full = new Renderer(new YamlCache()).stoppedBy(overlay, feature);
    Unmodelled lean = c.renderer().stoppedBy(overlay, feature);
    assertNotNull(full);
    assertNotNull(lean);
    assertEquals(full.feature(), lean.feature());
    assertEquals(full.at(), lean.at());
  }

  private static YMap object(List<YMap> objects, String kind) {
    return objects.stream().filter(o -> Objects.kind(o).equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void onlyTargetedKindsAreComposedWhole() throws IOException {
    Path overlay = tree("");
    Check c = check(overlay);
    assertTrue(c.whole().test("Deployment", "app"), "a regex target kind selects its kinds");
    assertTrue(c.whole().test("ConfigMap", "app") && c.whole().test("Secret", "app"));
    assertFalse(c.whole().test("CustomResourceDefinition", "app"));
    List<YMap> objects = c.renderer().objects(overlay.resolveSibling("base"));
    assertNull(object(objects, "CustomResourceDefinition").get("spec"), "skeleton only");
    assertNotNull(object(objects, "Deployment").get("spec"));
    assertEquals("widgets.example.com",
        Objects.metadata(object(objects, "CustomResourceDefinition")).string("name"));
  }

  @Test
  void ofABundleOnlyTheDocumentsNeededAreComposedAtTheirOwnLines() throws IOException {
    Path overlay = tree("");
    Path base = overlay.resolveSibling("base");
    Files.writeString(base.resolve("kustomization.yaml"), "resources:\n- bundle.yaml\n");
    Files.writeString(base.resolve("bundle.yaml"), "# a release bundle\n---\n" + CRD + "---\n"
        + DEPLOYMENT + "---\n" + CRD.replace("widgets", "gadgets"));
    List<YMap> lean = check(overlay).renderer().objects(base);
    List<YMap> full = new Renderer(new YamlCache()).objects(base);
    assertEquals(3, lean.size());
    assertNull(lean.get(0).get("spec"), "skeleton only");
    assertNull(lean.get(2).get("spec"), "skeleton only");
    YMap deployment = lean.get(1);
    assertEquals(full.get(1), deployment, "composed as a whole read composes it");
    assertEquals(17, deployment.get("spec").at().line(), "at its line in the bundle");
    assertEquals(full.get(1).get("spec").at(), deployment.get("spec").at());
  }

  @Test
  void aBundleWithAListKeepsTheOrderItsItemsTake() throws IOException {
    Path overlay = tree("");
    Path base = overlay.resolveSibling("base");
    Files.writeString(base.resolve("kustomization.yaml"), "resources:\n- bundle.yaml\n");
    // kustomize puts a List's items after the documents that follow it
    Files.writeString(base.resolve("bundle.yaml"), "apiVersion: v1\nkind: List\nitems:\n"
        + "- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: first\n---\n"
        + DEPLOYMENT + "---\n" + CRD);
    List<YMap> lean = check(overlay).renderer().objects(base);
    List<YMap> full = new Renderer(new YamlCache()).objects(base);
    assertEquals(full.stream().map(Objects::kind).toList(),
        lean.stream().map(Objects::kind).toList());
    assertEquals("ConfigMap", Objects.kind(lean.get(2)));
  }

  @Test
  void leanAndWholeRendersStopAtTheSameOperation() throws IOException {
    Path overlay = tree("");
    assertSameStop(check(overlay), overlay, Json6902Step.PATH_MISSING);
  }

  @Test
  void replacementsComposeTheirSourceAndTargetKinds() throws IOException {
    CheckBodies.Whole whole = check(tree("replacements:\n- source:\n    kind: Service\n"
        + "    fieldPath: spec.ports.0.port\n  targets:\n  - select:\n      kind: StatefulSet\n"
        + "    fieldPaths:\n    - spec.replicas\n")).whole();
    assertTrue(whole.test("Service", "app") && whole.test("StatefulSet", "app"));
    assertFalse(whole.test("CustomResourceDefinition", "app"));
  }

  @Test
  void leanAndWholeRendersAgreeUnderReplacements() throws IOException {
    // kubectl: replace operation does not apply: doc is missing path: /spec/template/spec/x
    Path overlay = tree("replacements:\n- source:\n    kind: Deployment\n"
        + "    fieldPath: spec.replicas\n  targets:\n  - select:\n      kind: Deployment\n"
        + "    fieldPaths:\n    - spec.template.metadata.labels.r\n    options:\n"
        + "      create: true\n");
    Check c = check(overlay);
    assertFalse(c.whole().test("CustomResourceDefinition", "app"));
    assertSameStop(c, overlay, Json6902Step.PATH_MISSING);
  }

  @Test
  void kindlessReplacementsAndKindChangesComposeEverything() throws IOException {
    assertNull(check(tree("replacements:\n- source:\n    kind: Deployment\n"
        + "    fieldPath: spec.replicas\n  targets:\n  - select:\n      name: app\n"
        + "    fieldPaths:\n    - spec.paused\n")).whole());
    assertNull(check(tree("replacements:\n- source:\n    kind: Deployment\n"
        + "    fieldPath: spec.replicas\n  targets:\n  - select:\n      kind: Deployment\n"
        + "    fieldPaths:\n    - metadata.name\n")).whole());
    Path kindChange = tree("- path: kind.yaml\n  options:\n    allowKindChange: true\n"
        + "  target:\n    kind: Deployment\n");
    Files.writeString(kindChange.resolve("kind.yaml"),
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: app\n");
    assertNull(check(kindChange).whole());
  }

  @Test
  void varsOnlyTieToObjectsSoBodiesStaySkimmed() throws IOException {
    Path overlay = tree("vars:\n- name: APP\n  objref:\n    kind: Deployment\n"
        + "    name: app\n    apiVersion: apps/v1\n");
    Check c = check(overlay);
    assertFalse(c.whole().test("CustomResourceDefinition", "app"));
    assertSameStop(c, overlay, Json6902Step.PATH_MISSING);
  }

  @Test
  void replacementsComposeEverythingOnlyInTheirOwnGroupOfKustomizations() throws IOException {
    Path overlay = tree("");
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(other.resolve("kustomization.yaml"), "resources:\n- cm.yaml\n"
        + "replacements:\n- source:\n    kind: ConfigMap\n    fieldPath: metadata.name\n"
        + "  targets:\n  - select:\n      name: c\n    fieldPaths:\n"
        + "    - data.x\n    options:\n      create: true\n");
    Files.writeString(other.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    YamlCache cache = new YamlCache();
    Resolver resolver = new Resolver(cache, false);
    resolver.build(overlay);
    resolver.build(other.toRealPath());
    Function<Path, CheckBodies.Whole> whole = CheckBodies.of(cache, resolver.kustomizations(), true,
        true, ContentFailures.sharedKinds(dir -> resolver.build(dir).resources()));
    assertNull(whole.apply(other.toRealPath()));
    assertFalse(whole.apply(overlay).test("CustomResourceDefinition", "app"));
    assertFalse(whole.apply(overlay.resolveSibling("base")).test("CustomResourceDefinition", "app"));
  }

  @Test
  void aJsonPatchWithoutKindComposesEverything() throws IOException {
    Path overlay = tree("- target:\n    name: app\n  patch: |-\n    - op: remove\n"
        + "      path: /spec/replicas\n");
    assertNull(check(overlay).whole());
  }

  @Test
  void referrersOfKindsThatShareANameAreComposedWhole() throws IOException {
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(tmp.resolve("b"));
    for (Path d : List.of(a, b)) {
      Files.writeString(d.resolve("kustomization.yaml"), "namespace: " + d.getFileName()
          + "\nresources:\n- sa.yaml\n");
      Files.writeString(d.resolve("sa.yaml"),
          "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: runner\n");
    }
    Path top = Files.createDirectories(tmp.resolve("top"));
    Files.writeString(top.resolve("kustomization.yaml"), "resources:\n- ../a\n- ../b\n");
    CheckBodies.Whole whole = check(top.toRealPath()).whole();
    assertTrue(whole.test("Deployment", "app"), "a pod template names its service account");
    assertTrue(whole.test("RoleBinding", "app"));
    assertFalse(whole.test("CustomResourceDefinition", "app"));
    assertFalse(whole.test("ServiceAccount", "app"), "the referred objects need only metadata");
  }

  private static final String SERVICE_REFS = "nameReference:\n- kind: Service\n  version: v1\n"
      + "  fieldSpecs:\n  - kind: CustomResourceDefinition\n"
      + "    path: spec/conversion/webhook/clientConfig/service/name\n"
      + "namespace:\n- kind: CustomResourceDefinition\n"
      + "  path: spec/conversion/webhook/clientConfig/service/namespace\n";

  @Test
  void configurationsComposeTheirReferrersOnlyWhereTheirTargetsShareAName()
      throws IOException {
    Path overlay = tree("configurations:\n- refs.yaml\n");
    Files.writeString(overlay.resolve("refs.yaml"), SERVICE_REFS);
    CheckBodies.Whole whole = check(overlay).whole();
    assertNotNull(whole, "kubebuilder's CRD configuration keeps bodies skimmed");
    assertFalse(whole.test("CustomResourceDefinition", "app"));
    for (String ns : List.of("a", "b")) {
      Path d = Files.createDirectories(tmp.resolve("svc-" + ns));
      Files.writeString(d.resolve("kustomization.yaml"), "namespace: " + ns
          + "\nresources:\n- svc.yaml\n");
      Files.writeString(d.resolve("svc.yaml"),
          "apiVersion: v1\nkind: Service\nmetadata:\n  name: webhook\n");
    }
    Files.writeString(overlay.resolve("kustomization.yaml"), "resources:\n- ../base\n"
        + "- ../svc-a\n- ../svc-b\nconfigurations:\n- refs.yaml\n");
    whole = check(overlay).whole();
    assertTrue(whole.test("CustomResourceDefinition", "app"), "a referrer of a shared name");
    assertFalse(whole.test("Deployment", "app"));
  }

  @Test
  void aConfigurationsReferrerWithoutKindComposesEverything() throws IOException {
    Path overlay = tree("configurations:\n- refs.yaml\n");
    Files.writeString(overlay.resolve("refs.yaml"), "nameReference:\n- kind: Service\n"
        + "  fieldSpecs:\n  - path: spec/service\n");
    assertNull(check(overlay).whole());
  }

  @Test
  void replacementsWithinMetadataKeepTheirKindsSkimmed() throws IOException {
    // kubebuilder's cert-manager replacements: annotations of CRDs from a Certificate's name
    Path overlay = tree("replacements:\n- source:\n    kind: Deployment\n"
        + "    fieldPath: metadata.name\n  targets:\n  - select:\n"
        + "      kind: CustomResourceDefinition\n    fieldPaths:\n"
        + "    - metadata.annotations.[cert-manager.io/inject-ca-from]\n");
    Check c = check(overlay);
    assertFalse(c.whole().test("CustomResourceDefinition", "app"));
    assertTrue(c.whole().test("Deployment", "app"), "the JSON patch's target");
    // kubectl: unable to find field "metadata.annotations.[...]" in replacement target
    Files.writeString(overlay.resolve("kustomization.yaml"), "resources:\n- ../base\n"
        + "replacements:\n- source:\n    kind: Deployment\n    fieldPath: metadata.name\n"
        + "  targets:\n  - select:\n      kind: CustomResourceDefinition\n    fieldPaths:\n"
        + "    - metadata.annotations.[cert-manager.io/inject-ca-from]\n");
    c = check(overlay);
    assertFalse(c.whole().test("CustomResourceDefinition", "app"));
    assertSameStop(c, overlay, ReplacementsStep.FIELD_MISSING);
  }

  @Test
  void aJsonPatchOnANamedObjectComposesOnlyObjectsItMayName() throws IOException {
    Path overlay = tree("- target:\n    kind: CustomResourceDefinition\n"
        + "    name: widgets.example.com\n  patch: |-\n    - op: remove\n"
        + "      path: /spec/names\n");
    CheckBodies.Whole whole = check(overlay).whole();
    assertTrue(whole.test("CustomResourceDefinition", "widgets.example.com"));
    assertFalse(whole.test("CustomResourceDefinition", "gadgets.example.com"));
    assertTrue(whole.test("Deployment", "other"), "the regex target names no object");
    Files.writeString(overlay.resolve("kustomization.yaml"), "resources:\n- ../base\n"
        + "patches:\n- path: rename.yaml\n  options:\n    allowNameChange: true\n"
        + "- target:\n    kind: CustomResourceDefinition\n    name: new.example.com\n"
        + "  patch: |-\n    - op: remove\n      path: /spec/names\n");
    Files.writeString(overlay.resolve("rename.yaml"), "apiVersion: apiextensions.k8s.io/v1\n"
        + "kind: CustomResourceDefinition\nmetadata:\n  name: new.example.com\n");
    assertTrue(check(overlay).whole().test("CustomResourceDefinition", "widgets.example.com"),
        "after a rename a selector may name the new name");
  }

  @Test
  void aJsonPatchWithoutKindWhollyInMetadataKeepsBodiesSkimmed() throws IOException {
    // kubectl: remove operation does not apply: doc is missing path: "/metadata/labels/x"
    Path overlay = tree("- target:\n    name: app\n  patch: |-\n    - op: remove\n"
        + "      path: /metadata/labels/x\n");
    Check c = check(overlay);
    assertNotNull(c.whole(), "its operations read and write metadata only");
    assertFalse(c.whole().test("CustomResourceDefinition", "widgets.example.com"));
    assertSameStop(c, overlay, Json6902Step.PATH_MISSING);
    overlay = tree("- target:\n    name: app\n  patch: |-\n    - op: copy\n"
        + "      from: /spec/replicas\n      path: /metadata/labels/x\n");
    assertNull(check(overlay).whole(), "a from in the body reads the body");
  }

  @Test
  void aReplacementComposesOnlyTheObjectsItsSelectorsMayName() throws IOException {
    Path overlay = tree("replacements:\n- source:\n    kind: Deployment\n    name: app\n"
        + "    fieldPath: spec.replicas\n  targets:\n  - select:\n"
        + "      kind: CustomResourceDefinition\n      name: widgets.example.com\n"
        + "    fieldPaths:\n    - spec.group\n");
    CheckBodies.Whole whole = check(overlay).whole();
    assertTrue(whole.test("CustomResourceDefinition", "widgets.example.com"));
    assertFalse(whole.test("CustomResourceDefinition", "gadgets.example.com"));
    assertTrue(whole.test("Deployment", "app"), "the source");
  }

  @Test
  void anOverlayDecidesForWhatItIncludesNotForItsSiblings() throws IOException {
    Path overlay = tree(""); // its JSON patch composes Deployments
    Path sibling = Files.createDirectories(tmp.resolve("sibling"));
    Files.writeString(sibling.resolve("kustomization.yaml"),
        "resources:\n- ../base\n- own.yaml\ncomponents:\n- ../component\n");
    Files.writeString(sibling.resolve("own.yaml"), DEPLOYMENT.replace("app", "own"));
    Path component = Files.createDirectories(tmp.resolve("component"));
    Files.writeString(component.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
        + "patches:\n- target:\n    kind: CustomResourceDefinition\n  patch: |-\n"
        + "    - op: remove\n      path: /spec/names\n");
    Path base = overlay.resolveSibling("base");
    YamlCache cache = new YamlCache();
    Resolver resolver = new Resolver(cache, false);
    resolver.build(overlay);
    resolver.build(sibling.toRealPath());
    Function<Path, CheckBodies.Whole> whole = CheckBodies.of(cache, resolver.kustomizations(),
        true, true, ContentFailures.sharedKinds(dir -> resolver.build(dir).resources()));
    CheckBodies.Whole ofSibling = whole.apply(sibling.toRealPath());
    assertFalse(ofSibling.test("Deployment", "own"), "the overlay's patch never sees it");
    assertTrue(ofSibling.test("CustomResourceDefinition", "x"), "its component's patch does");
    CheckBodies.Whole ofBase = whole.apply(base);
    assertTrue(ofBase.test("Deployment", "app") && ofBase.test("CustomResourceDefinition", "x"),
        "the base's objects meet both includers' patches");
    assertFalse(whole.apply(overlay).test("CustomResourceDefinition", "x"),
        "the sibling's component never sees the overlay's own objects");
  }

  @Test
  void aJsonPatchTargetsGroupAndVersionSelectAsItsKindDoes() throws IOException {
    // kubectl: a target of version v1beta1 leaves an apiextensions.k8s.io/v1 CRD alone (the
    // add below then fails nowhere); with version v.* it fails: doc is missing path
    String patch = "- target:\n    group: apiextensions.k8s.io\n    version: %s\n"
        + "    kind: CustomResourceDefinition\n    name: widgets.example.com\n  patch: |-\n"
        + "    - op: add\n      path: /spec/nothere/x\n      value: 1\n";
    CheckBodies.Whole whole = check(tree(patch.formatted("v1beta1"))).whole();
    String crd = "apiextensions.k8s.io/v1";
    assertFalse(whole.test(crd, "CustomResourceDefinition", "widgets.example.com"));
    assertTrue(whole.test("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition",
        "widgets.example.com"));
    assertTrue(whole.test("CustomResourceDefinition", "widgets.example.com"),
        "an unknown version may be any");
    Path overlay = tree(patch.formatted("v.*"));
    Check c = check(overlay);
    assertTrue(c.whole().test(crd, "CustomResourceDefinition", "widgets.example.com"));
    assertSameStop(c, overlay, Json6902Step.PATH_MISSING);
  }

  @Test
  void aSelectorNameMayNameAnObjectAsPrefixesAndSuffixesLeftIt() {
    assertTrue(CheckBodies.mayName("prod-app-v2", "app"));
    assertTrue(CheckBodies.mayName("app", "app"));
    assertTrue(CheckBodies.mayName("a.p", "app"), "a dot matches any character");
    assertFalse(CheckBodies.mayName("prod-api", "app"));
    assertFalse(CheckBodies.mayName("ap", "app"));
  }
}
