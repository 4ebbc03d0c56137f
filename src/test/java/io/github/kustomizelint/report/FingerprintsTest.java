package io.github.kustomizelint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.model.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints and the baseline built on them survive unrelated edits, not real ones. */
class FingerprintsTest {

  @TempDir
  Path repo;

  @Test
  void unrelatedLinesAboveDoNotChangeTheKeyButAnEditToTheNodeDoes() throws Exception {
    Path module = SarifSchemaTest.brokenModule(repo);
    Path patch = module.resolve("config").resolve(SarifSchemaTest.OVERLAY).resolve("replicas.yaml");
    List<Finding> before = lint(module);
    List<String> keys = Fingerprints.of(before, module);

    Files.writeString(patch, "# a comment\n\n" + Files.readString(patch));
    List<Finding> shifted = lint(module);
    assertNotEquals(before.get(0).location().line(), shifted.get(0).location().line());
    assertEquals(keys, Fingerprints.of(shifted, module));

    Files.writeString(patch, Files.readString(patch).replace("manger", "mangler"));
    assertNotEquals(keys.get(0), Fingerprints.of(lint(module), module).get(0));
  }

  @Test
  void baselineCoversOldFindingsReportsNewOnesAndEntriesThatAreGone() throws Exception {
    Path module = SarifSchemaTest.brokenModule(repo);
    Path file = repo.resolve("baseline.json");
    Baseline.of(lint(module), module).write(file);
    Baseline read = Baseline.read(file);
    assertEquals(lint(module).size(), read.entries().size());

    Path patch = module.resolve("config").resolve(SarifSchemaTest.OVERLAY).resolve("replicas.yaml");
    Files.writeString(patch, Files.readString(patch).replace("manger", "mangler"));
    Baseline.Split split = read.split(lint(module), module);
    assertTrue(split.fresh().stream().anyMatch(f -> f.ruleId().equals("patch-target-missing")));
    assertTrue(split.gone().stream().anyMatch(e -> e.rule().equals("patch-target-missing")));
  }

  @Test
  void sameFindingTextTwiceInAFileGetsDistinctKeys() {
    Finding a = new Finding("orphan-manifest", Severity.NOTE, new Location(Path.of("x.yaml"), 1, 1),
        "same", null);
    Finding b = new Finding("orphan-manifest", Severity.NOTE, new Location(Path.of("x.yaml"), 9, 1),
        "same", null);
    List<String> keys = Fingerprints.of(List.of(a, b), repo);
    assertNotEquals(keys.get(0), keys.get(1));
  }

  @Test
  void uriEncodingFollowsRfc3986() {
    assertEquals("a%20b/%23c/%C3%BC%25/x~y_z-1.yaml", ReportPaths.encode("a b/#c/\u00fc%/x~y_z-1.yaml"));
  }

  @Test
  void checkstyleXmlEscapesMarkupAndDropsWhatXmlCannotHold() {
    assertEquals("&lt;a&gt; &amp; &quot;b&quot;&#10;?", CheckstyleWriter.xml("<a> & \"b\"\n\u0001"));
  }

  private static List<Finding> lint(Path module) {
    return new Linter(LintOptions.of(module.resolve("config"), module)).run().findings();
  }
}
