package io.github.kustomizelint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positions and kustomize's reading rules, on single kustomization files. */
class KustomizationReaderTest {

  @TempDir
  Path dir;

  private KustomizationReader.Result read(String text) throws IOException {
    Path file = dir.resolve("kustomization.yaml");
    Files.writeString(file, text);
    return new KustomizationReader(new YamlCache()).read(file);
  }

  @Test
  void inlinePatchPointsAtItsKindLineInTheKustomization() throws IOException {
    Kustomization k = read("resources: []\n"
        + "patches:\n"
        + "- patch: |-\n"
        + "    apiVersion: apps/v1\n"
        + "    kind: Deployment\n"
        + "    metadata:\n"
        + "      name: app\n").kustomization();
    Patch p = k.patches().get(0);
    assertEquals(5, p.location().line());
    assertEquals(5, p.location().column());
    assertEquals("Deployment", p.id().kind());
    assertEquals(3, p.entry().line());
  }

  @Test
  void inlineStrategicMergeStringIsAPatchNotAPath() throws IOException {
    Kustomization k = read("patchesStrategicMerge:\n"
        + "- |-\n"
        + "  apiVersion: v1\n"
        + "  kind: Service\n"
        + "  metadata:\n"
        + "    name: web\n"
        + "  ---\n"
        + "  apiVersion: v1\n"
        + "  kind: ConfigMap\n"
        + "  metadata:\n"
        + "    name: cfg\n").kustomization();
    assertEquals(2, k.patchesStrategicMerge().size());
    assertEquals(4, k.patchesStrategicMerge().get(0).location().line());
    assertEquals(9, k.patchesStrategicMerge().get(1).location().line());
  }

  @Test
  void everyDocumentOfAPatchFileIsAPatchAtItsOwnKindLine() throws IOException {
    Files.writeString(dir.resolve("p.yaml"), "apiVersion: apps/v1\nkind: Deployment\n"
        + "metadata:\n  name: a\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\n"
        + "metadata:\n  name: pdb\n");
    Kustomization k = read("patches:\n- path: p.yaml\n").kustomization();
    assertEquals(2, k.patches().size());
    assertEquals(7, k.patches().get(1).location().line());
    assertEquals(dir.resolve("p.yaml"), k.patches().get(1).location().file());
    assertEquals("policy", k.patches().get(1).id().group());
  }

  @Test
  void theLastOfRepeatedKeysWinsAsInKustomize() throws IOException {
    Kustomization k = read("namePrefix: a-\nnamePrefix: b-\n").kustomization();
    assertEquals("b-", k.namePrefix().value());
  }

  @Test
  void unknownFieldIsRefusedWithASuggestion() throws IOException {
    KustomizationReader.Result r = read("resources: []\nreplicaCount: 2\npatchs: []\n");
    assertEquals(2, r.problems().size());
    Problem p = r.problems().get(1);
    assertEquals(Problem.Kind.INVALID_KUSTOMIZATION, p.kind());
    assertEquals(3, p.location().line());
    assertTrue(p.message().contains("did you mean 'patches'?"), p.message());
  }

  @Test
  void wrongTypeIsRefusedAtTheValue() throws IOException {
    KustomizationReader.Result r = read("resources: deployment.yaml\n");
    assertEquals(1, r.problems().size());
    assertEquals(1, r.problems().get(0).location().line());
    assertEquals(12, r.problems().get(0).location().column());
  }

  @Test
  void jsonRenameIsFollowed() throws IOException {
    Kustomization k = read("patches:\n- target: {kind: Deployment, name: a}\n  patch: |-\n"
        + "    - op: replace\n      path: /metadata/name\n      value: b\n").kustomization();
    Patch p = k.patches().get(0);
    assertTrue(p.json());
    assertEquals("b", p.rename().name());
  }
}
