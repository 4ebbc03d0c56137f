package io.github.kustomizelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.load.YamlCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crds files read as kustomize reads them, and what is not read alike is named. */
class CrdConfigTest {

  @TempDir
  Path tmp;

  private Renderer.Result render(String crd) throws IOException {
    Files.writeString(tmp.resolve("kustomization.yaml"),
        "resources:\n- cm.yaml\ncrds:\n- crd.yaml\n");
    Files.writeString(tmp.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    Files.writeString(tmp.resolve("crd.yaml"), crd);
    return new Renderer(new YamlCache()).render(tmp);
  }

  private static final String TYPE = "a.Widget:\n  Schema:\n    properties:\n"
      + "      apiVersion: {}\n      kind: {}\n      metadata: {}\n      ref:\n";

  @Test
  void anExtensionKeyNotInLowerCaseIsNamed() throws IOException {
    Renderer.Result r = render(TYPE + "        X-Kubernetes-Annotation: \"\"\n");
    assertFalse(r.rendered());
    assertEquals("a crds extension key not in lower case", r.unmodelled().feature());
    assertEquals(8, r.unmodelled().at().line());
  }

  @Test
  void aYesThatGoYamlTwoReadsAsABoolIsNamed() throws IOException {
    Renderer.Result r = render(TYPE + "        x-kubernetes-annotation: yes\n");
    assertFalse(r.rendered());
    assertTrue(r.unmodelled().feature().contains("go-yaml v2"), r.unmodelled().feature());
  }

  @Test
  void definitionsOfNoKubernetesTypeAddNothing() throws IOException {
    // no apiVersion/kind/metadata properties: not a kind, so its extensions are not read
    Renderer.Result r = render("a.Spec:\n  Schema:\n    properties:\n      ref:\n"
        + "        x-kubernetes-annotation: \"\"\n");
    assertTrue(r.rendered(), () -> r.unmodelled().feature());
  }
}
