package io.github.kustomizelint;

import io.github.kustomizelint.report.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares the linter with kustomize's recorded verdicts over a folder of real trees (one
 * lint run per top-level folder). Run by scripts/corpus-check.sh; not part of the test suite.
 */
public final class CorpusCheck {

  private CorpusCheck() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    Map<String, String[]> oracle = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      String[] f = line.split("\t", -1);
      if (f.length >= 2 && !line.startsWith("#")) {
        oracle.put(f[0], f);
      }
    }
    List<Path> units;
    try (Stream<Path> s = Files.list(root)) {
      units = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted().toList();
    }
    Map<String, LintResult> results = new TreeMap<>();
    long t0 = System.nanoTime();
    int files = 0;
    for (Path unit : units) {
      long u0 = System.nanoTime();
      LintResult r = new Linter(LintOptions.of(unit, root)).run();
      files += r.filesRead();
      results.put(unit.getFileName().toString(), r);
      System.out.printf("unit %-70s %4d kustomizations %5d files %7.0f ms%n",
          unit.getFileName(), r.kustomizations().size(), r.filesRead(), (System.nanoTime() - u0) / 1e6);
    }
    double totalMs = (System.nanoTime() - t0) / 1e6;
    int agreed = 0;
    int remote = 0;
    List<String> falseErrors = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    List<String> otherMisses = new ArrayList<>();
    for (String[] row : oracle.values()) {
      String rel = row[0];
      LintResult r = results.get(rel.split("/", 2)[0]);
      if (r == null) {
        continue;
      }
      if (row.length > 2 && row[2].equals("remote")) {
        remote++;
        continue;
      }
      boolean kustomizeOk = row[1].equals("ok");
      List<Finding> errors = r.errorsBreaking(root.resolve(rel));
      boolean patchError = errors.stream().anyMatch(f -> f.ruleId().startsWith("patch-target"));
      if (kustomizeOk && !errors.isEmpty()) {
        falseErrors.add(rel + "\n      " + String.join("\n      ",
            errors.stream().map(Finding::toString).toList()));
      } else if (!kustomizeOk && patchFailure(row) && !patchError) {
        misses.add(rel + "  (" + row[3] + ")");
      } else if (!kustomizeOk && errors.isEmpty()) {
        otherMisses.add(rel + "  [" + row[2] + "] " + row[3]);
      } else {
        agreed++;
      }
    }
    int judged = oracle.size() - remote;
    System.out.printf("%nkustomizations %d (remote, not judged: %d)%nagreed %d of %d%n"
        + "false errors %d%nmissed patch-target failures %d%nother kustomize failures we do not"
        + " report %d%ntime %.0f ms for %d files%n",
        oracle.size(), remote, agreed, judged, falseErrors.size(), misses.size(),
        otherMisses.size(), totalMs, files);
    Map<String, Integer> perRule = new TreeMap<>();
    for (LintResult r : results.values()) {
      for (Finding f : r.findings()) {
        perRule.merge(f.ruleId() + " (" + f.severity().label() + ")", 1, Integer::sum);
      }
    }
    System.out.println("\nfindings per rule:");
    perRule.forEach((rule, n) -> System.out.printf("  %-45s %6d%n", rule, n));
    if (System.getenv("CORPUS_FINDINGS") != null) {
      try (var w = Files.newBufferedWriter(Path.of(System.getenv("CORPUS_FINDINGS")))) {
        for (LintResult r : results.values()) {
          for (Finding f : r.findings()) {
            w.write(f + "\n");
          }
        }
      }
    }
    print("false errors", falseErrors);
    print("missed patch-target failures", misses);
    print("other kustomize failures we do not report", otherMisses);
    System.exit(falseErrors.isEmpty() && misses.isEmpty() ? 0 : 1);
  }

  private static void print(String title, List<String> rows) {
    if (!rows.isEmpty()) {
      System.out.println("\n" + title + ":");
      rows.forEach(r -> System.out.println("  " + r));
    }
  }

  // The oracle files "Found multiple kustomization files" under multiple-targets too.
  private static boolean patchFailure(String[] row) {
    return row[2].equals("patch-target-missing")
        || row[2].equals("multiple-targets") && row.length > 3 && row[3].contains("patch");
  }
}
