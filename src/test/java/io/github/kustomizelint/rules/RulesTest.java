package io.github.kustomizelint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.LintResult;
import io.github.kustomizelint.Linter;
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
 * Every rule against its own failing and passing fixture (src/test/resources/rules/RULE/), the
 * examples of docs/rules.md. Beside each fixture, expected.tsv holds kustomize's verdict.
 */
class RulesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/rules");

  @TestFactory
  Stream<DynamicTest> everyRuleFiresOnItsFailingFixtureOnlyAndAgreesWithKustomize() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      Path dir = FIXTURES.resolve(rule.id());
      tests.add(DynamicTest.dynamicTest(rule.id() + " failing", () -> {
        Path failing = dir.resolve("failing");
        LintResult r = lint(failing);
        List<Finding> own = of(r, rule.id());
        assertTrue(!own.isEmpty(), rule.id() + " did not fire on its failing fixture: "
            + r.findings());
        assertEquals(Files.readString(failing.resolve("expected-finding.txt")).strip(),
            own.get(0).toString());
        assertEquals(rule.breaksBuild(), kustomizeFails(failing),
            "kustomize's verdict on the failing fixture of a rule that "
                + (rule.breaksBuild() ? "breaks" : "does not break") + " the build");
      }));
      tests.add(DynamicTest.dynamicTest(rule.id() + " passing", () -> {
        Path passing = dir.resolve("passing");
        assertEquals(List.of(), of(lint(passing), rule.id()));
        if (rule.breaksBuild()) {
          assertTrue(!kustomizeFails(passing), "kustomize fails on the fixed fixture");
        }
      }));
    }
    return tests.stream();
  }

  private static LintResult lint(Path project) {
    return new Linter(LintOptions.of(project.resolve("config"), project)).run();
  }

  private static List<Finding> of(LintResult r, String id) {
    return r.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
  }

  /** Whether kustomize failed on any directory for a reason other than lacking the network. */
  private static boolean kustomizeFails(Path fixture) throws IOException {
    for (String line : Files.readAllLines(fixture.resolve("expected.tsv"))) {
      String[] f = line.split("\t", -1);
      if (!line.startsWith("#") && f.length > 2 && f[1].equals("fail") && !f[2].equals("remote")) {
        return true;
      }
    }
    return false;
  }
}
