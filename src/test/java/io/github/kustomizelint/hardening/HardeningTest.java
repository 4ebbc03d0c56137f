package io.github.kustomizelint.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.report.Finding;
import io.github.kustomizelint.report.SarifWriter;
import io.github.kustomizelint.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that once threw, hung or blew up; each must now end in findings, in bounded time.
 * Where kustomize has a say, its verdict (Kustomize v5.5.0) is noted on the case.
 */
class HardeningTest {

  private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";

  @TempDir
  Path root;

  private void write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private List<Finding> lint() {
    return assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> new Linter(LintOptions.of(root, root)).run().findings(),
        "the linter did not finish in time");
  }

  private static String show(List<Finding> findings) {
    return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
  }

  private static void assertHas(List<Finding> findings, String rule, String where, String text) {
    assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals(rule)
            && (f.location().file() + ":" + f.location().line()).equals(where)
            && f.message().contains(text)),
        "expected " + rule + " at " + where + " saying '" + text + "' in:\n" + show(findings));
  }

  // kustomize: lstat ...: invalid argument
  @Test
  void nulInEveryKindOfPathIsAFindingAtItsEntry() throws IOException {
    write("kustomization.yaml", String.join("\n",
        "resources:", "- \"a\\0b\"",
        "components:", "- \"c\\0\"",
        "crds:", "- \"d\\0.yaml\"",
        "configurations:", "- \"e\\0.yaml\"",
        "transformers:", "- \"f\\0.yaml\"",
        "generators:", "- \"g\\0.yaml\"",
        "patches:", "- path: \"h\\0.yaml\"",
        "patchesStrategicMerge:", "- \"i\\0.yaml\"",
        "configMapGenerator:", "- name: x", "  files:", "  - \"k=j\\0\"", "  envs:", "  - \"l\\0\"",
        "openapi:", "  path: \"m\\0\"",
        "replacements:", "- path: \"n\\0\"", ""));
    List<Finding> f = lint();
    for (int line : new int[] {2, 4, 6, 8, 10, 12, 14, 16, 20, 22, 24, 26}) {
      assertHas(f, "invalid-kustomization", "kustomization.yaml:" + line, "NUL");
    }
  }

  // kustomize: '/' must resolve to a file (a NullPointerException here before)
  @Test
  void rootAsGeneratorFileOrPatchPath() throws IOException {
    write("kustomization.yaml", "resources:\n- cm.yaml\nconfigMapGenerator:\n- name: g\n"
        + "  files:\n  - /\npatches:\n- path: /\n");
    write("cm.yaml", CM);
    List<Finding> f = lint();
    assertHas(f, "invalid-kustomization", "kustomization.yaml:6", "root");
    assertHas(f, "invalid-kustomization", "kustomization.yaml:8", "root");
  }

  // kustomize: file name too long
  @Test
  void overlongPathIsOneShortFinding() throws IOException {
    write("kustomization.yaml", "resources:\n- " + "a".repeat(100_000) + "\n");
    List<Finding> f = lint();
    assertHas(f, "invalid-kustomization", "kustomization.yaml:2", "characters long");
    assertTrue(f.stream().allMatch(x -> x.message().length() < 1000), show(f));
  }

  // A chain of 600 bases overflowed the stack (2 KiB of stack a level); past the bound it is a note, never an error.
  @Test
  void longBaseChainEndsInANoteAtTheBound() throws IOException {
    int n = 600;
    for (int i = 0; i < n; i++) {
      write("b" + i + "/kustomization.yaml", i + 1 < n ? "resources:\n- ../b" + (i + 1) + "\n"
          : "resources:\n- cm.yaml\n");
    }
    write("b" + (n - 1) + "/cm.yaml", CM);
    List<Finding> f = lint();
    assertTrue(f.stream().anyMatch(x -> x.ruleId().equals("limit-exceeded")), show(f));
    assertTrue(f.stream().noneMatch(x -> x.severity() == io.github.kustomizelint.report.Severity.ERROR),
        show(f));
  }

  // Components along a chain of diamonds: 2^20 applications before; bounded now.
  @Test
  void componentDiamondsAreBounded() throws IOException {
    int levels = 20;
    for (int i = 0; i < levels; i++) {
      String next = i + 1 < levels ? "components:\n- ../l" + (i + 1) + "a\n- ../l" + (i + 1) + "b\n" : "";
      String comp = "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
          + "commonAnnotations:\n  level: \"" + i + "\"\n" + next;
      write("l" + i + "a/kustomization.yaml", comp);
      write("l" + i + "b/kustomization.yaml", comp);
    }
    write("top/kustomization.yaml", "resources:\n- cm.yaml\ncomponents:\n- ../l0a\n");
    write("top/cm.yaml", CM);
    List<Finding> f = lint();
    assertEquals(1, f.stream().filter(x -> x.ruleId().equals("limit-exceeded")).count(), show(f));
  }

  // kind: List nested 3,000 deep (6,000 YAML levels, under kustomize's 10,000)
  @Test
  void deeplyNestedListIsRead() throws IOException {
    int n = 3000;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("{kind: List, items: [");
    }
    sb.append("{apiVersion: v1, kind: ConfigMap, metadata: {name: deep}}");
    sb.append("]}".repeat(n));
    write("kustomization.yaml", "resources:\n- list.yaml\n");
    write("list.yaml", sb + "\n");
    List<Finding> f = lint();
    assertTrue(f.stream().noneMatch(x -> x.severity() == io.github.kustomizelint.report.Severity.ERROR),
        show(f));
  }

  // A strategic-merge patch that is a kind: List nested as deep.
  @Test
  void deeplyNestedListPatch() throws IOException {
    int n = 3000;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("{kind: List, items: [");
    }
    sb.append("{apiVersion: v1, kind: ConfigMap, metadata: {name: x}}");
    sb.append("]}".repeat(n));
    write("kustomization.yaml", "resources:\n- cm.yaml\npatches:\n- path: p.yaml\n");
    write("cm.yaml", CM);
    write("p.yaml", sb + "\n");
    List<Finding> f = lint();
    assertTrue(f.stream().noneMatch(x -> x.severity() == io.github.kustomizelint.report.Severity.ERROR),
        show(f));
  }

  // Merge keys chained through 5,000 anchors: a recursion as deep as the chain before.
  @Test
  void longMergeKeyChain() throws IOException {
    int n = 5000;
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n");
    sb.append("  k0: &a0 {x0: \"0\"}\n");
    for (int i = 1; i < n; i++) {
      sb.append("  k").append(i).append(": &a").append(i).append(" {<<: *a").append(i - 1).append("}\n");
    }
    write("kustomization.yaml", "resources:\n- cm.yaml\n");
    write("cm.yaml", sb.toString());
    List<Finding> f = lint();
    assertTrue(f.stream().noneMatch(x -> x.severity() == io.github.kustomizelint.report.Severity.ERROR),
        show(f));
  }

  // (a|a)*b backtracks exponentially in java.util.regex; RE2 is linear. kustomize: no match.
  @Test
  void catastrophicSelectorPatternIsLinear() throws IOException {
    write("kustomization.yaml", "resources:\n- cm.yaml\npatches:\n- target:\n    name: (a|aa)*b\n"
        + "  patch: |-\n    - op: add\n      path: /data/x\n      value: y\n");
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + "a".repeat(60) + "\n");
    List<Finding> f = lint();
    assertHas(f, "patch-no-effect", "kustomization.yaml:4", "selects no resource");
  }

  // kustomize: error parsing regexp (Go RE2 has no lookahead)
  @Test
  void invalidRe2StaysAFinding() throws IOException {
    write("kustomization.yaml", "resources:\n- cm.yaml\npatches:\n- target:\n    name: (?=x)x\n"
        + "  patch: |-\n    - op: add\n      path: /data/x\n      value: y\n");
    write("cm.yaml", CM);
    assertHas(lint(), "invalid-kustomization", "kustomization.yaml:4", "RE2");
  }

  @Test
  void loneSurrogateInAMessageStillWritesSarif() throws IOException {
    write("kustomization.yaml", "resources:\n- \"\\uD800missing.yaml\"\n");
    List<Finding> f = lint();
    Path sarif = root.resolve("out.sarif");
    new SarifWriter("test").write(sarif, root, Rules.docs(), f);
    String json = Files.readString(sarif, StandardCharsets.UTF_8);
    assertTrue(json.contains("\\ud800"), json);
  }

  // 20,000 own-line comments in a row: each scanned the rest of the file before.
  @Test
  void manySuppressionCommentsAreLinear() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      sb.append("# kustomize-lint:disable=orphan-manifest\n");
    }
    sb.append(CM);
    write("kustomization.yaml", "resources: []\nnamespace: a\n");
    write("orphan.yaml", sb.toString());
    List<Finding> f = lint();
    assertTrue(f.stream().noneMatch(x -> x.ruleId().equals("orphan-manifest")), show(f));
  }

  // Two names of 200,000 characters: 4e10 steps before, no hint now.
  @Test
  void distanceOfHugeStringsIsCapped() {
    String a = "a".repeat(200_000);
    String b = "b".repeat(200_000);
    assertEquals(200_000, assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> io.github.kustomizelint.load.Text.distance(a, b)));
    assertEquals(1, io.github.kustomizelint.load.Text.distance("resources", "resource"));
  }

  // An unknown field of 100,000 characters: a 34 x 100,000 distance table per comparison before.
  @Test
  void hugeUnknownFieldGetsNoHintAndNoTableOfItsSize() throws IOException {
    write("kustomization.yaml", "resources: []\n? " + "x".repeat(100_000) + "\n: 1\n");
    assertHas(lint(), "invalid-kustomization", "kustomization.yaml:2", "unknown field");
  }
}
