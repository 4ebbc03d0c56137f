package io.github.kustomizelint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.rules.Rule;
import io.github.kustomizelint.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The boundaries the design depends on. */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/io/github/kustomizelint");

  @Test
  void onlyTheMavenPackageImportsMaven() throws IOException {
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(MAIN)) {
      offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.startsWith(MAIN.resolve("maven")))
          .filter(p -> read(p).contains("import org.apache.maven."))
          .toList();
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void ruleIdsAreUniqueKebabCaseAndDocumented() {
    Set<String> ids = new HashSet<>();
    for (Rule r : Rules.all()) {
      assertTrue(r.id().matches("[a-z]+(-[a-z0-9]+)*"), r.id());
      assertTrue(ids.add(r.id()), "duplicate rule id " + r.id());
      assertTrue(!r.description().isBlank() && !r.help().isBlank(), r.id());
    }
  }

  @Test
  void everyRuleHasItsSectionInTheRuleDocs() {
    String docs = read(Path.of("docs/rules.md"));
    String readme = read(Path.of("README.md"));
    for (Rule r : Rules.all()) {
      assertTrue(docs.contains("\n## " + r.id() + "\n"), "docs/rules.md lacks ## " + r.id());
      assertTrue(readme.contains("[`" + r.id() + "`](docs/rules.md#" + r.id() + ")"),
          "README's rule table lacks " + r.id());
      // The documented example prints exactly what the rule's fixture prints today.
      String finding = read(Path.of("src/test/resources/rules", r.id(), "failing",
          "expected-finding.txt")).strip();
      assertTrue(docs.contains(finding), "docs/rules.md shows a stale finding for " + r.id()
          + "; expected:\n" + finding);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
