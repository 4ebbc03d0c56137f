package io.github.kustomizelint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle read in some of its lines keeps its documents where they stand. */
class ReadLinesTest {

  @TempDir
  Path tmp;

  @Test
  void linesLeftOutAreBlankedButForDocumentMarkers() {
    String text = "a: 1\n---\nb: 2\n--- # next\nc: 3\n----\n";
    assertEquals("\n---\nb: 2\n--- # next\n\n\n",
        YamlCache.blankLines(text, line -> line == 2));
  }

  @Test
  void aDocumentEndLineGivesUp() {
    // go-yaml stops reading at "..." without a new "---": blanking could change that
    assertNull(YamlCache.blankLines("a: 1\n...\nb: 2\n", line -> true));
  }

  @Test
  void theDocumentsKeptComposeAtTheirOwnLines() throws IOException {
    Path f = tmp.resolve("bundle.yaml");
    Files.writeString(f, "kind: A\nspec:\n  x: [1, 2]\n---\nkind: B\nspec:\n  y: 1\n---\n"
        + "kind: C\nspec: {z: 1}\n");
    YamlFile some = new YamlCache().readLines(f, line -> line >= 4 && line < 7);
    assertEquals(1, some.documents().size());
    YamlFile whole = new YamlCache().readWhole(f);
    assertEquals(whole.documents().get(1).getStartMark().getLine(),
        some.documents().get(0).getStartMark().getLine());
    assertEquals("B", Nodes.fieldText(some.documents().get(0), "kind"));
    assertEquals(Nodes.location(f, Nodes.field(whole.documents().get(1), "spec")),
        Nodes.location(f, Nodes.field(some.documents().get(0), "spec")));
  }
}
