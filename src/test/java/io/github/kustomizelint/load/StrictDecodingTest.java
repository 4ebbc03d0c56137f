package io.github.kustomizelint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Value types, configurations files and generator sources: where and what is reported. */
class StrictDecodingTest {

  @TempDir
  Path dir;

  private List<Problem> read(String kustomization) throws IOException {
    Path file = dir.resolve("kustomization.yaml");
    Files.writeString(file, kustomization);
    return new KustomizationReader(new YamlCache()).read(file).problems();
  }

  @Test
  void nestedValueOfTheWrongTypeIsReportedOnceAtTheValue() throws IOException {
    List<Problem> p = new java.util.ArrayList<>(read("images:\n- name: nginx\n  newTag: 2\n"
        + "commonAnnotations:\n  a: 1\n"));
    p.sort(java.util.Comparator.comparing(Problem::location));
    assertEquals(2, p.size(), p.toString());
    assertEquals(3, p.get(0).location().line());
    assertEquals(11, p.get(0).location().column());
    assertTrue(p.get(0).message().contains("Go struct field Image.images.newTag of type string"),
        p.get(0).message());
    // the reader's own wording for a top-level map value stays, not a second finding
    assertEquals(5, p.get(1).location().line());
  }

  @Test
  void configurationsFileUnknownKeyIsAtItsLineAndNamesTheKustomization() throws IOException {
    Files.writeString(dir.resolve("conf.yaml"),
        "namePrefix:\n- kind: Deployment\n  name: controller\n  path: spec/x\n");
    List<Problem> p = read("configurations:\n- conf.yaml\n");
    assertEquals(1, p.size(), p.toString());
    assertEquals(dir.resolve("conf.yaml"), p.get(0).location().file());
    assertEquals(3, p.get(0).location().line());
    assertTrue(p.get(0).message().contains("unknown field 'name' in namePrefix"));
    assertTrue(p.get(0).message().contains(dir.resolve("kustomization.yaml").toString()));
  }

  @Test
  void configurationsFileTakesNumbersAsPathsButNotAsKinds() throws IOException {
    Files.writeString(dir.resolve("conf.yaml"),
        "images:\n- path: 12\n  create: yes\n- kind: 3\n  path: spec/x\n");
    List<Problem> p = read("configurations:\n- conf.yaml\n");
    assertEquals(1, p.size(), p.toString());
    assertEquals(4, p.get(0).location().line());
  }

  @Test
  void envFileLineThatIsNotUtf8IsReportedAtTheEntry() throws IOException {
    Files.write(dir.resolve("a.env"), new byte[] {'A', '=', '1', '\n', 'B', '=', (byte) 0xff});
    Files.write(dir.resolve("b.bin"), new byte[] {(byte) 0xff, 0});
    List<Problem> p = read("configMapGenerator:\n- name: g\n  files: [b.bin]\n"
        + "  envs:\n  - a.env\n");
    assertEquals(1, p.size(), p.toString());
    assertEquals(5, p.get(0).location().line());
    assertTrue(p.get(0).message().startsWith("line 2 of env file 'a.env'"), p.get(0).message());
  }
}
