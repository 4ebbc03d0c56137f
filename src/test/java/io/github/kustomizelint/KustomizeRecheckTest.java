package io.github.kustomizelint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-runs kustomize on every conformance case and fails if a recorded verdict no longer
 * matches the real tool, so expected.tsv can never drift from kustomize.
 */
class KustomizeRecheckTest {

  @Test
  void recordedVerdictsMatchKustomizeNow(@TempDir Path out) throws Exception {
    Assumptions.assumeTrue(onPath("kubectl"),
        "kubectl is not on the PATH: live kustomize re-check SKIPPED");
    List<String> drift = new ArrayList<>();
    int rows = recheck(ConformanceTest.CASES, out.resolve("conformance"), drift);
    assertTrue(rows >= 80, "too few recorded verdicts: " + rows);
    try (Stream<Path> rules = Files.list(Path.of("src/test/resources/rules"))) {
      for (Path rule : rules.sorted().toList()) {
        rows += recheck(rule, out.resolve("rules").resolve(rule.getFileName()), drift);
      }
    }
    assertTrue(drift.isEmpty(), "kustomize's verdict changed for " + drift.size()
        + " case(s); re-record with scripts/record-verdicts.sh and review:\n  "
        + String.join("\n  ", drift));
  }

  /** Re-records every case under casesDir into out and adds each difference to drift. */
  private static int recheck(Path casesDir, Path out, List<String> drift) throws Exception {
    Files.createDirectories(out);
    ProcessBuilder builder = new ProcessBuilder("bash", "scripts/record-verdicts.sh",
        casesDir.toString())
        .redirectErrorStream(true)
        .redirectOutput(out.resolve("log.txt").toFile());
    builder.environment().put("OUT_DIR", out.toString());
    Process p = builder.start();
    assertTrue(p.waitFor(20, TimeUnit.MINUTES), "record-verdicts.sh timed out");
    assertEquals(0, p.exitValue(), Files.readString(out.resolve("log.txt")));
    int rows = 0;
    List<Path> cases;
    try (Stream<Path> s = Files.list(casesDir)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path caseDir : cases) {
      String name = caseDir.getFileName().toString();
      List<String> recorded = verdictColumns(caseDir.resolve("expected.tsv"));
      List<String> now = verdictColumns(out.resolve(name).resolve("expected.tsv"));
      rows += recorded.size();
      if (!recorded.equals(now)) {
        drift.add(caseDir + "\n    recorded: " + recorded + "\n    now:      " + now);
      }
    }
    return rows;
  }

  /** directory, verdict and error class of each row; the message text may vary by machine. */
  private static List<String> verdictColumns(Path tsv) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(tsv)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        String[] f = line.split("\t", -1);
        out.add(f[0] + " " + f[1] + " " + f[2]);
      }
    }
    return out;
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
