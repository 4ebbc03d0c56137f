package io.github.kustomizelint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.report.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every conformance case and every kustomization directory in it: does the linter say the
 * build breaks exactly when kustomize (recorded in expected.tsv) says it fails?
 */
class ConformanceTest {

  static final Path CASES = Path.of("src/test/resources/conformance");

  /** One row of a case's expected.tsv. */
  record Verdict(Path caseDir, String dir, boolean ok, String errorClass, String error) {}

  static final Path KNOWN_GAPS = Path.of("src/test/resources/conformance-known-gaps.tsv");

  static java.util.Map<String, String> knownGaps() throws IOException {
    java.util.Map<String, String> gaps = new java.util.HashMap<>();
    for (String line : Files.readAllLines(KNOWN_GAPS)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        String[] f = line.split("\t", -1);
        gaps.put(f[0] + " " + f[1], f[2]);
      }
    }
    return gaps;
  }

  static List<Path> cases() throws IOException {
    try (Stream<Path> s = Files.list(CASES)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  static List<Verdict> verdicts(Path caseDir) throws IOException {
    List<Verdict> out = new ArrayList<>();
    for (String line : Files.readAllLines(caseDir.resolve("expected.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      out.add(new Verdict(caseDir, f[0], f[1].equals("ok"), f[2], f.length > 3 ? f[3] : ""));
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> linterAgreesWithKustomize() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    java.util.Map<String, String> gaps = knownGaps();
    for (Path caseDir : cases()) {
      LintResult result = new Linter(LintOptions.of(caseDir.resolve("config"), caseDir)).run();
      for (Verdict v : verdicts(caseDir)) {
        String name = caseDir.getFileName() + " " + v.dir();
        String gap = gaps.get(name);
        tests.add(DynamicTest.dynamicTest(name, gap == null ? () -> check(result, v) : () -> {
          org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
              () -> check(result, v), "known gap now agrees; remove it from " + KNOWN_GAPS);
          org.junit.jupiter.api.Assumptions.abort("known gap: " + gap);
        }));
      }
    }
    assertTrue(tests.size() >= 80, "conformance suite has too few cases: " + tests.size());
    return tests.stream();
  }

  private static void check(LintResult result, Verdict v) {
    Path dir = v.caseDir().resolve(v.dir()).toAbsolutePath().normalize();
    List<Finding> errors = result.errorsBreaking(dir);
    String detail = "case " + v.caseDir().getFileName() + ", directory " + v.dir()
        + "\n  kustomize: " + (v.ok() ? "ok" : "fail (" + v.errorClass() + ") " + v.error())
        + "\n  linter:    " + (errors.isEmpty() ? "ok" : "fail") + "\n  findings:\n    "
        + String.join("\n    ", result.findings().stream().map(Finding::toString).toList());
    if (v.errorClass().equals("remote")) {
      // kustomize could not fetch; the true verdict is unknown and we must not guess an error.
      assertTrue(errors.isEmpty(), "remote content must not give errors\n" + detail);
      return;
    }
    assertEquals(v.ok(), errors.isEmpty(), detail);
  }
}
