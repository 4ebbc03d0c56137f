package io.github.kustomizelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.load.YamlCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each directory under render/steps with an expected.yaml holds what {@code kubectl kustomize}
 * (v5.5.0) printed there; the renderer must print the same bytes.
 */
class RendererTest {

  static final Path CASES = Path.of("src/test/resources/render/steps");

  static List<Path> cases() throws IOException {
    try (Stream<Path> s = Files.walk(CASES)) {
      return s.filter(p -> p.getFileName().toString().equals("expected.yaml"))
          .map(Path::getParent).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void printsWhatKustomizePrints(Path dir) throws IOException {
    Renderer.Result r = new Renderer(new YamlCache()).render(dir);
    assertNull(r.unmodelled(), () -> r.unmodelled().feature() + " at " + r.unmodelled().at());
    assertEquals(Files.readString(dir.resolve("expected.yaml"), StandardCharsets.UTF_8),
        r.yaml());
  }

  @Test
  void casesArePresent() throws IOException {
    assertFalse(cases().isEmpty());
  }

  // kubectl drops an empty field from the lists it merges item by item (containers) and keeps
  // it in others, as its schema says: not rendered, not guessed
  @Test
  void patchOnObjectWithEmptyFieldInListIsUnmodelled(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("kustomization.yaml"), "resources:\n- d.yaml\npatches:\n"
        + "- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n"
        + "      name: d\n    spec:\n      replicas: 2\n");
    Files.writeString(tmp.resolve("d.yaml"), "apiVersion: apps/v1\nkind: Deployment\n"
        + "metadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n"
        + "      - name: c\n        ports:\n");
    Renderer.Result r = new Renderer(new YamlCache()).render(tmp);
    assertFalse(r.rendered());
    assertEquals("a strategic-merge patch on an object with an empty field in a list",
        r.unmodelled().feature());
    assertEquals(10, r.unmodelled().at().line());
  }

  // go-yaml's extra line break before a more-indented line is modelled (emitter case
  // folded-scalars-more-indented-lines-...), but kubectl adds none when the first line is
  // more indented, which the rule does not explain: not guessed
  @Test
  void foldedScalarStartingMoreIndentedIsUnmodelled(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("kustomization.yaml"), "resources:\n- cm.yaml\n");
    Files.writeString(tmp.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
        + "  name: c\ndata:\n  k: >2-\n     a\n    b\n      c\n");
    Renderer.Result r = new Renderer(new YamlCache()).render(tmp);
    assertFalse(r.rendered());
    assertEquals("a folded scalar starting more indented", r.unmodelled().feature());
    assertEquals(6, r.unmodelled().at().line());
  }

  @Test
  void unmodelledFeatureIsNamedWithItsPlace(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("kustomization.yaml"),
        "resources:\n- cm.yaml\ncrds:\n- crd.yaml\n");
    // kustomize recurses without end on a type that refers to itself
    Files.writeString(tmp.resolve("crd.yaml"), "a.Loop:\n  Schema:\n    properties:\n"
        + "      apiVersion: {}\n      kind: {}\n      metadata: {}\n"
        + "      next:\n        $ref: a.Loop\n");
    Files.writeString(tmp.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    Renderer.Result r = new Renderer(new YamlCache()).render(tmp);
    assertFalse(r.rendered());
    assertTrue(r.unmodelled().feature().startsWith("a crds definition that refers to itself"),
        r.unmodelled().feature());
    assertEquals(tmp.resolve("crd.yaml"), r.unmodelled().at().file());
    assertEquals(2, r.unmodelled().at().line());
  }

  @Test
  void remoteResourceIsNotGuessed(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("kustomization.yaml"),
        "resources:\n- https://github.com/org/repo//config?ref=v1\n");
    Renderer.Result r = new Renderer(new YamlCache()).render(tmp);
    assertTrue(r.unmodelled().feature().contains("remote"), r.unmodelled().feature());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unmodelledPatches")
  void patchWhoseMergeIsNotModelledIsNamed(String feature, String patch, @TempDir Path tmp)
      throws IOException {
    Files.writeString(tmp.resolve("kustomization.yaml"),
        "resources:\n- pod.yaml\npatches:\n- path: patch.yaml\n");
    Files.writeString(tmp.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n"
        + "  name: p\nspec:\n  containers:\n  - name: a\n    image: a\n    ports:\n"
        + "    - containerPort: 80\n");
    Files.writeString(tmp.resolve("patch.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n"
        + "  name: p\n" + patch);
    Renderer.Result r = new Renderer(new YamlCache()).render(tmp);
    assertFalse(r.rendered());
    assertTrue(r.unmodelled().feature().startsWith(feature), r.unmodelled().feature());
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> unmodelledPatches() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("a $patch directive in a list without"
            + " a merge strategy", "spec:\n  containers:\n  - name: a\n    args:\n"
            + "    - $patch: replace\n"),
        org.junit.jupiter.params.provider.Arguments.of("a $patch: replace on an element of a"
            + " list with merge keys", "spec:\n  containers:\n  - name: a\n    $patch: replace\n"
            + "    image: b\n"));
  }

  @Test
  void ambiguousNameReferenceStopsAtTheReferringField() {
    // kubectl kustomize fails here: found multiple possible referrals (two ServiceAccounts sa)
    Path top = Path.of("src/test/resources/render/unmodelled/name-reference-ambiguous-subject/top");
    Renderer.Result r = new Renderer(new YamlCache()).render(top);
    assertFalse(r.rendered());
    assertTrue(r.unmodelled().feature().contains("found multiple possible referrals"),
        r.unmodelled().feature());
    assertEquals(top.resolve("crb.yaml").toAbsolutePath(), r.unmodelled().at().file());
    assertEquals(11, r.unmodelled().at().line());
    assertEquals(9, r.unmodelled().at().column());
  }
}
