package io.github.kustomizelint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.model.Suppression;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

  private static final Path FILE = Path.of("p.yaml");

  @Test
  void trailingCommentCoversItsOwnLineOnly() {
    List<Suppression> s = Suppressions.parse(FILE,
        "resources:\n- a.yaml # kustomize-lint:disable=missing-file\n- b.yaml\n");
    assertEquals(1, s.size());
    assertTrue(s.get(0).covers("missing-file", 2));
    assertFalse(s.get(0).covers("missing-file", 3));
    assertFalse(s.get(0).covers("orphan-manifest", 2));
  }

  @Test
  void ownLineCommentCoversTheNextLineWithContent() {
    List<Suppression> s = Suppressions.parse(FILE,
        "resources:\n# kustomize-lint:disable=missing-file\n\n# why\n- a.yaml\n- b.yaml\n");
    assertTrue(s.get(0).covers("missing-file", 5));
    assertFalse(s.get(0).covers("missing-file", 6));
  }

  @Test
  void commentAboveADocumentCoversItsHeaderDownToKind() {
    List<Suppression> s = Suppressions.parse(FILE, "# kustomize-lint:disable=patch-target-missing\n"
        + "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n");
    assertTrue(s.get(0).covers("patch-target-missing", 3));
    assertFalse(s.get(0).covers("patch-target-missing", 4));
  }

  @Test
  void disableFileCoversEveryLineAndSeveralIdsAndAReasonAreRead() {
    List<Suppression> s = Suppressions.parse(FILE,
        "a: 1\n# kustomize-lint:disable-file=orphan-manifest, deprecated-field -- kept as shipped\n");
    assertEquals(2, s.size());
    assertEquals("orphan-manifest", s.get(0).ruleId());
    assertEquals("deprecated-field", s.get(1).ruleId());
    assertTrue(s.get(1).covers("deprecated-field", 1));
    assertTrue(s.get(1).covers("deprecated-field", 999));
  }

  @Test
  void textWithoutTheMarkerHasNoSuppressions() {
    assertEquals(List.of(), Suppressions.parse(FILE, "# kustomize-lint is great\na: 1\n"));
    assertEquals(List.of(), Suppressions.parse(FILE, null));
  }
}
