package io.github.kustomizelint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.report.Finding;
import io.github.kustomizelint.report.SarifWriter;
import io.github.kustomizelint.rules.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same tree gives the same findings, in the same order, every run. */
class DeterminismTest {

  @Test
  void sameTreeSameOutputSortedByPathLineColumnRule() {
    Path project = Path.of("src/test/resources/conformance/patch-smp-multidoc-pdb-second-doc-unmatched");
    List<String> first = run(project);
    for (int i = 0; i < 3; i++) {
      assertEquals(first, run(project));
    }
    assertTrue(!first.isEmpty());
    LintResult r = new Linter(LintOptions.of(project.resolve("config"), project)).run();
    List<Finding> sorted = new ArrayList<>(r.findings());
    sorted.sort(null);
    assertEquals(sorted, r.findings());
  }

  private static List<String> run(Path project) {
    LintResult r = new Linter(LintOptions.of(project.resolve("config"), project)).run();
    List<String> out = new ArrayList<>(r.findings().stream().map(Finding::toString).toList());
    out.add(new SarifWriter("x").render(project.toAbsolutePath(), Rules.docs(), r.findings()));
    return out;
  }
}
