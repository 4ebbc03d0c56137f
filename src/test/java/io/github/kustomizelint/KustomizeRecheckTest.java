package io.github.kustomizelint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-runs kustomize on every conformance case and fails if a recorded verdict no longer
 * matches the real tool, so expected.tsv can never drift from kustomize. Runs only against the
 * Kustomize version the verdicts were recorded with (another version is a visible skip, never a
 * red build). {@code KUSTOMIZE} names another command than kubectl (e.g. a kustomize binary);
 * cases run in parallel, one batch per core.
 */
class KustomizeRecheckTest {

  private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+");

  @Test
  void recordedVerdictsMatchKustomizeNow(@TempDir Path out) throws Exception {
    String command = command();
    String tool = command.split(" ")[0];
    Assumptions.assumeTrue(onPath(tool), tool + " is not on the PATH: live kustomize re-check"
        + " SKIPPED (set KUSTOMIZE to a kustomize binary to use one)");
    Set<String> recorded = recordedVersions();
    String found = version(tool);
    Assumptions.assumeTrue(recorded.equals(Set.of(found)), "verdicts were recorded with"
        + " Kustomize " + recorded + " but " + tool + " has " + (found.isEmpty() ? "no known"
        + " version" : found) + ": live kustomize re-check SKIPPED");
    List<String> drift = new ArrayList<>();
    int rows = recheck(command, ConformanceTest.CASES, out.resolve("conformance"), drift);
    assertTrue(rows >= 80, "too few recorded verdicts: " + rows);
    try (Stream<Path> rules = Files.list(Path.of("src/test/resources/rules"))) {
      for (Path rule : rules.sorted().toList()) {
        rows += recheck(command, rule, out.resolve("rules").resolve(rule.getFileName()), drift);
      }
    }
    assertTrue(drift.isEmpty(), "kustomize's verdict changed for " + drift.size()
        + " case(s); re-record with scripts/record-verdicts.sh and review:\n  "
        + String.join("\n  ", drift));
  }

  /** The build command: {@code $KUSTOMIZE build}, or {@code kubectl kustomize}. */
  static String command() {
    String k = System.getenv("KUSTOMIZE");
    return k == null || k.isBlank() ? "kubectl kustomize" : k.trim() + " build";
  }

  /** The Kustomize version a tool reports, or empty. */
  static String version(String tool) throws Exception {
    List<String> cmd = tool.equals("kubectl") ? List.of("kubectl", "version", "--client")
        : List.of(tool, "version");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    for (String line : text.split("\n")) {
      Matcher m = VERSION.matcher(line);
      if ((!tool.equals("kubectl") || line.startsWith("Kustomize Version:")) && m.find()) {
        return m.group();
      }
    }
    return "";
  }

  /** The versions named by the '# kustomize vX' line of every expected.tsv. */
  static Set<String> recordedVersions() throws IOException {
    Set<String> out = new TreeSet<>();
    for (Path dir : List.of(ConformanceTest.CASES, Path.of("src/test/resources/rules"))) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path tsv : files.filter(p -> p.endsWith("expected.tsv")).toList()) {
          String first = Files.readAllLines(tsv).stream().findFirst().orElse("");
          Matcher m = VERSION.matcher(first);
          if (first.startsWith("# kustomize") && m.find()) {
            out.add(m.group());
          }
        }
      }
    }
    return out;
  }

  /** Re-records every case under casesDir into out, in parallel batches, noting differences. */
  private static int recheck(String command, Path casesDir, Path out, List<String> drift)
      throws Exception {
    Files.createDirectories(out);
    List<Path> cases;
    try (Stream<Path> s = Files.list(casesDir)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    int batches = Math.max(1, Math.min(cases.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(batches);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int b = 0; b < batches; b++) {
        List<String> names = new ArrayList<>();
        for (int i = b; i < cases.size(); i += batches) {
          names.add(cases.get(i).getFileName().toString());
        }
        Path log = out.resolve("log-" + b + ".txt");
        running.add(pool.submit(() -> record(command, casesDir, names, out, log)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    int rows = 0;
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

  private static Void record(String command, Path casesDir, List<String> names, Path out,
      Path log) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", "scripts/record-verdicts.sh",
        casesDir.toString()));
    cmd.addAll(names);
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("OUT_DIR", out.toString());
    builder.environment().put("KUSTOMIZE_CMD", command);
    Process p = builder.start();
    assertTrue(p.waitFor(20, TimeUnit.MINUTES), "record-verdicts.sh timed out");
    assertEquals(0, p.exitValue(), Files.readString(log));
    return null;
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
    if (command.contains("/")) {
      return Files.isExecutable(Path.of(command));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
