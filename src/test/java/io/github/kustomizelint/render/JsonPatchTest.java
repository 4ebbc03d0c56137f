package io.github.kustomizelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNodes;
import io.github.kustomizelint.load.YamlCache;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The operations kubectl kustomize (v5.5.0) fails on, each checked there on this ConfigMap:
 * the patch fails at the operation, never renders.
 */
class JsonPatchTest {

  private static final String OBJECT = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
      + "data:\n  a: \"1\"\nlist:\n- x\n- y\n- z\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "add under a missing parent|{op: add, path: /spec/x/y, value: 1}"
          + "|add operation does not apply: doc is missing path: /spec/x/y",
      "add past the end of a list|{op: add, path: /list/4, value: w}"
          + "|error in add for path: '/list/4': Unable to access invalid index: 4: invalid index"
          + " referenced",
      "remove a missing key|{op: remove, path: /data/b}"
          + "|error in remove for path: '/data/b': Unable to remove nonexistent key: b: missing"
          + " value",
      "replace a missing index|{op: replace, path: /list/5, value: q}"
          + "|replace operation does not apply: doc is missing key: /list/5: missing value",
      "test a different value|{op: test, path: /data/a, value: '2'}"
          + "|testing value /data/a failed: test failed",
      "an unknown op|{op: frob, path: /data/a}|Unexpected kind: frob"})
  void failsWhereKustomizeFails(String name, String op, String message) {
    JsonPatch patch = JsonPatch.of(yaml("- " + op + "\n"));
    JsonPatch.Failure f = assertThrows(JsonPatch.Failure.class,
        () -> patch.apply((YNode.YMap) yaml(OBJECT)));
    assertEquals(message, f.getMessage());
    assertEquals(1, f.at().line());
  }

  private static YNode yaml(String text) {
    Path p = Path.of("inline.yaml");
    return YNodes.of(p, YamlCache.parse(p, text).documents().get(0));
  }
}
