package io.github.kustomizelint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

/** Where a patch's repeated keys start to break kustomize (kubectl: below its top two levels). */
class NodesTest {

  private static Node doc(String yaml) {
    return YamlCache.parse(Path.of("patch.yaml"), yaml).documents().get(0);
  }

  @Test
  void repeatsAtTheTopTwoLevelsAreNotReportedFromLevelThree() {
    assertNull(Nodes.repeatedKeyFrom(doc("spec:\n  replicas: 2\n  replicas: 3\nspec: {}\n"),
        3));
  }

  @Test
  void aRepeatAtLevelThreeIsReportedAtBothKeys() {
    Node[] r = Nodes.repeatedKeyFrom(doc("spec:\n  strategy:\n    type: a\n    type: b\n"), 3);
    assertNotNull(r);
    assertEquals(3, r[0].getStartMark().getLine() + 1);
    assertEquals(4, r[1].getStartMark().getLine() + 1);
  }

  @Test
  void listsAreNotLevels() {
    // only maps nested in maps count: a repeat inside a list item is left to the renderer
    assertNull(Nodes.repeatedKeyFrom(doc("spec:\n  ports:\n  - a: 1\n    a: 2\n"), 3));
  }
}
