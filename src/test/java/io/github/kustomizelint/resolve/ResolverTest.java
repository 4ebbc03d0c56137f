package io.github.kustomizelint.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.LintResult;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.report.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A base is read and built once, however many overlays include it. */
class ResolverTest {

  @TempDir
  Path project;

  private void write(String path, String text) throws IOException {
    Path p = project.resolve("config").resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void aBrokenBaseIsReportedOnceAndBreaksEveryOverlay() throws IOException {
    write("base/kustomization.yaml", "resources:\n- deployment.yaml\npatches:\n- path: p.yaml\n");
    write("base/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n");
    write("base/p.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: gone\n");
    for (String o : List.of("dev", "staging", "prod")) {
      write("overlays/" + o + "/kustomization.yaml", "resources:\n- ../../base\n");
    }
    LintResult r = new Linter(LintOptions.of(project.resolve("config"), project)).run();
    List<Finding> missing = r.findings().stream()
        .filter(f -> f.ruleId().equals("patch-target-missing")).toList();
    assertEquals(1, missing.size(), r.findings().toString());
    assertEquals("config/base/p.yaml", missing.get(0).location().file().toString());
    // 4 kustomizations, the base's manifest and its patch: each read once.
    assertEquals(6, r.filesRead());
    for (String o : List.of("dev", "staging", "prod")) {
      Path dir = project.resolve("config/overlays/" + o).toRealPath();
      assertEquals(missing, r.errorsBreaking(dir), o);
    }
  }
}
