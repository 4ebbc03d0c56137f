package io.github.kustomizelint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    ProcessBuilder builder = new ProcessBuilder("bash", "scripts/record-verdicts.sh")
        .redirectErrorStream(true)
        .redirectOutput(out.resolve("log.txt").toFile());
    builder.environment().put("OUT_DIR", out.toString());
    Process p = builder.start();
    assertTrue(p.waitFor(20, TimeUnit.MINUTES), "record-verdicts.sh timed out");
    assertEquals(0, p.exitValue(), Files.readString(out.resolve("log.txt")));
    List<String> drift = new ArrayList<>();
    int rows = 0;
    for (Path caseDir : ConformanceTest.cases()) {
      String name = caseDir.getFileName().toString();
      List<String> recorded = verdictColumns(caseDir.resolve("expected.tsv"));
      List<String> now = verdictColumns(out.resolve(name).resolve("expected.tsv"));
      rows += recorded.size();
      if (!recorded.equals(now)) {
        drift.add(name + "\n    recorded: " + recorded + "\n    now:      " + now);
      }
    }
    assertTrue(rows >= 80, "too few recorded verdicts: " + rows);
    assertTrue(drift.isEmpty(), "kustomize's verdict changed for " + drift.size()
        + " case(s); re-record with scripts/record-verdicts.sh and review:\n  "
        + String.join("\n  ", drift));
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
