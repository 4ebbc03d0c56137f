package io.github.kustomizelint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.LintResult;
import io.github.kustomizelint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case under fix/: fixing before/ yields exactly after/ (byte for byte), a second fix
 * changes nothing, a dry run writes nothing, and the linter's verdicts on both trees are the
 * ones kustomize gave (verdicts.tsv, recorded by scripts/record-fix-cases.sh).
 */
class FixTest {

  private static final Path CASES = Path.of("src/test/resources/fix");

  @TempDir
  Path tmp;

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(CASES)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    assertTrue(cases.size() >= 10, "fix cases found: " + cases.size());
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
        () -> check(c)));
  }

  private void check(Path c) throws IOException {
    Path asked = c.resolve("fixRules");
    Set<String> fixRules = Files.exists(asked)
        ? Set.copyOf(Files.readAllLines(asked).stream().filter(l -> !l.isBlank()).toList())
        : Set.of();
    Path work = tmp.resolve(c.getFileName().toString());
    Trees.copy(c.resolve("before"), work);
    FixRun.Outcome first = new FixRun(LintOptions.of(work, work), fixRules, false).run();
    assertEquals(Trees.files(c.resolve("after")), Trees.files(work), "tree after fix");
    Path left = c.resolve("refused.txt");
    List<String> expected = Files.exists(left) ? Files.readAllLines(left) : List.of();
    Path real = work.toRealPath();
    assertEquals(expected, first.refused().stream().map(r -> real.relativize(r.at().file())
        + ":" + r.at().line() + " " + r.ruleId() + ": " + r.why()).sorted().toList(), "findings left, and only those");
    FixRun.Outcome second = new FixRun(LintOptions.of(work, work), fixRules, false).run();
    assertTrue(second.applied().isEmpty(), "second fix: " + second.applied());
    assertEquals(Trees.files(c.resolve("after")), Trees.files(work), "tree after a second fix");
    boolean changes = !Trees.files(c.resolve("before")).equals(Trees.files(c.resolve("after")));
    assertEquals(changes, !first.applied().isEmpty(), "fixes applied: " + first.applied());

    Path dry = tmp.resolve(c.getFileName() + "-dry");
    Trees.copy(c.resolve("before"), dry);
    FixRun.Outcome shown = new FixRun(LintOptions.of(dry, dry), fixRules, true).run();
    assertEquals(Trees.files(c.resolve("before")), Trees.files(dry), "a dry run writes nothing");
    assertEquals(changes, !shown.diff().isEmpty(), "dry run diff:\n" + shown.diff());
    assertEquals(first.applied().size(), shown.applied().size());

    for (String[] row : verdicts(c.getFileName().toString())) {
      assertEquals(row[2].equals("ok"), builds(c.resolve("before"), row[1]),
          "linter verdict on before/" + row[1] + " (kustomize: " + row[2] + ")");
      assertEquals(row[3].equals("ok"), builds(work, row[1]),
          "linter verdict on after/" + row[1] + " (kustomize: " + row[3] + ")");
      assertFalse(row[4].equals("different"), "kustomize output changed in " + row[1]);
    }
  }

  private static boolean builds(Path tree, String dir) throws IOException {
    Path real = tree.toRealPath();
    LintResult r = new Linter(LintOptions.of(real, real)).run();
    return r.errorsBreaking(real.resolve(dir).normalize()).isEmpty();
  }

  private static List<String[]> verdicts(String name) throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(CASES.resolve("verdicts.tsv"))) {
      String[] f = line.split("\t");
      if (!line.startsWith("#") && f[0].equals(name)) {
        out.add(f);
      }
    }
    assertFalse(out.isEmpty(), "no kustomize verdicts recorded for " + name);
    return out;
  }
}
