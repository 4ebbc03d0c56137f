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
    return assertTimeoutPreemptively(Duration.ofSeconds(120),
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

  /** A ConfigMap whose data is a chain of n maps, each merging the one before and adding or overriding a key. */
  private static String mergeChain(int n, boolean override, String labels) {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
    sb.append(labels);
    sb.append("data:\n  k0: &a0 {x0: \"0\"}\n");
    for (int i = 1; i < n; i++) {
      sb.append("  k").append(i).append(": &a").append(i).append(" {<<: *a").append(i - 1)
          .append(override ? ", x0: v" : ", x" + i + ": v").append("}\n");
    }
    return sb.toString();
  }

  // Merge keys chained through 20,000 anchors stand for 200 million entries: copying them
  // (quadratic) was cut off by a budget of 10 million copies; counted by key now, in linear
  // time. kubectl kustomize took 162 s and 4.5 GB on a chain of 2,000 and did not finish in 5
  // minutes on 6,000.
  @Test
  void longMergeKeyChainIsRefusedInLinearTime() throws IOException {
    write("kustomization.yaml", "resources:\n- cm.yaml\n");
    write("cm.yaml", mergeChain(20_000, false, ""));
    assertHas(lint(), "invalid-manifest", "cm.yaml:6", "expand this node to more than 10000000 nodes");
  }

  // A chain that only overrides stands for one entry a link: read, however long (kubectl: 0.9 s
  // on 2,000), although its aliases written out would be quadratic.
  @Test
  void longOverridingMergeKeyChainIsRead() throws IOException {
    write("kustomization.yaml", "resources:\n- cm.yaml\n");
    write("cm.yaml", mergeChain(20_000, true, ""));
    List<Finding> f = lint();
    assertTrue(f.stream().noneMatch(x -> x.severity() == io.github.kustomizelint.report.Severity.ERROR), show(f));
  }

  // 2,000 links (2 million merged entries, under the bound) read as kustomize reads them: the
  // labels the last link merges select a patch exactly as the same labels written out do.
  @Test
  void mergeKeyChainGivesTheFindingsOfItsFlatForm() throws IOException {
    int n = 2_000;
    StringBuilder flat = new StringBuilder("  labels:\n    app: web\n");
    StringBuilder anchors = new StringBuilder("anchors:\n  l0: &l0 {app: web}\n");
    for (int i = 1; i < n; i++) {
      anchors.append("  l").append(i).append(": &l").append(i).append(" {<<: *l").append(i - 1)
          .append(", k").append(i).append(": v}\n");
      flat.append("    k").append(i).append(": v\n");
    }
    String patch = "  patch: |-\n    - op: add\n      path: /data/y\n      value: \"1\"\n";
    write("kustomization.yaml", "resources:\n- cm.yaml\npatches:\n"
        + "- target:\n    labelSelector: app=web,k1999=v\n" + patch
        + "- target:\n    labelSelector: app=web,k2000=v\n" + patch);
    write("cm.yaml", anchors + mergeChain(1, false, "  labels:\n    <<: *l" + (n - 1) + "\n"));
    List<String> merged = lint().stream()
        .map(x -> x.ruleId() + " " + x.location().file() + " " + x.message()).toList();
    write("cm.yaml", "anchors: {}\n" + mergeChain(1, false, flat.toString()));
    List<String> written = lint().stream()
        .map(x -> x.ruleId() + " " + x.location().file() + " " + x.message()).toList();
    assertEquals(written, merged);
    assertTrue(merged.stream().anyMatch(x -> x.startsWith("patch-no-effect kustomization.yaml")),
        String.join("\n", merged));
  }

  // A short chain is flattened as before.
  @Test
  void shortMergeKeyChainIsRead() throws IOException {
    write("kustomization.yaml", "resources:\n- cm.yaml\npatches:\n- path: p.yaml\n");
    write("cm.yaml", "base: &b {name: x}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  <<: *b\n");
    write("p.yaml", CM);
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

  // 200,000 own-line comments in a row: each scanned the rest of the file before (2e10 steps).
  @Test
  void manySuppressionCommentsAreLinear() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      sb.append("# kustomize-lint:disable=orphan-manifest\n");
    }
    sb.append(CM);
    List<io.github.kustomizelint.model.Suppression> all = assertTimeoutPreemptively(
        Duration.ofSeconds(60), () -> io.github.kustomizelint.load.Suppressions.parse(
            root.resolve("x.yaml"), sb.toString()));
    assertEquals(200_000, all.size());
    // each covers the document header down to its kind: line
    assertEquals(200_002, all.get(0).lastLine());
    assertEquals(200_002, all.get(199_999).lastLine());
  }

  // Two names of 200,000 characters: 4e10 steps before, no hint now.
  @Test
  void distanceOfHugeStringsIsCapped() {
    String a = "a".repeat(200_000);
    String b = "b".repeat(200_000);
    assertEquals(200_000, assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> io.github.kustomizelint.load.Text.distance(a, b)));
    assertEquals(1, io.github.kustomizelint.load.Text.distance("resources", "resource"));
  }

  // An unknown field of 100,000 characters: a 34 x 100,000 distance table per comparison before.
  @Test
  void hugeUnknownFieldGetsNoHintAndNoTableOfItsSize() throws IOException {
    write("kustomization.yaml", "resources: []\n? " + "x".repeat(100_000) + "\n: 1\n");
    assertHas(lint(), "invalid-kustomization", "kustomization.yaml:2", "unknown field");
  }
  // 60,000 open brackets in an orphan file: quadratic in SnakeYAML's scanner (minutes) before.
  @Test
  void thousandsOfOpenBracketsAreRefusedInLinearTime() throws IOException {
    write("kustomization.yaml", "resources:\n- cm.yaml\n");
    write("cm.yaml", CM);
    write("brackets.yaml", "[".repeat(60_000) + "\n");
    write("listed/kustomization.yaml", "resources:\n- brackets.yaml\n");
    write("listed/brackets.yaml", "{a: ".repeat(60_000) + "\n");
    assertHas(lint(), "invalid-manifest", "listed/brackets.yaml:1", "nest more than 10000 deep");
  }

  // kustomize: external plugins disabled; unable to load external plugin 'Vault'
  @Test
  void externalPluginIsAFindingUnlessPluginsAreEnabled() throws IOException {
    write("kustomization.yaml", "resources:\n- cm.yaml\ngenerators:\n- gen.yaml\n"
        + "patches:\n- patch: |-\n    apiVersion: v1\n    kind: Secret\n    metadata:\n"
        + "      name: from-vault\n");
    write("cm.yaml", CM);
    write("gen.yaml", "apiVersion: example.com/v1\nkind: Vault\nmetadata:\n  name: g\n");
    assertHas(lint(), "invalid-kustomization", "kustomization.yaml:4", "--enable-alpha-plugins");
    List<Finding> enabled = new Linter(LintOptions.of(root, root).withEnablePlugins(true)).run()
        .findings();
    assertTrue(enabled.stream().noneMatch(f -> f.ruleId().equals("invalid-kustomization")),
        show(enabled));
    // what the plugin generates is opaque: the patch on its Secret is not verified, not missing
    assertHas(enabled, "patch-unverifiable", "kustomization.yaml:8", "not verified");
  }

  // A directory under transformers: kustomize builds it and runs each object it yields:
  // external plugins disabled; unable to load external plugin 'MyPlugin' (more shapes in the
  // adv-plugin-directory-entries conformance case).
  @Test
  void pluginDirectoryIsBuiltAndEachObjectItYieldsChecked() throws IOException {
    write("kustomization.yaml", "resources:\n- cm.yaml\ntransformers:\n- plug\n");
    write("cm.yaml", CM);
    write("plug/kustomization.yaml", "resources:\n- builtin.yaml\n- external.yaml\n");
    write("plug/builtin.yaml", "apiVersion: builtin\nkind: LabelTransformer\nmetadata:\n"
        + "  name: lt\nlabels:\n  team: x\nfieldSpecs:\n- path: metadata/labels\n  create: true\n");
    write("plug/external.yaml", "apiVersion: example.com/v1\nkind: MyPlugin\nmetadata:\n  name: p\n");
    assertHas(lint(), "invalid-kustomization", "kustomization.yaml:4",
        "plugin directory 'plug' yields the configuration 'p': 'MyPlugin' (example.com/v1) is an external plugin");
    List<Finding> enabled = new Linter(LintOptions.of(root, root).withEnablePlugins(true)).run()
        .findings();
    assertTrue(enabled.stream().noneMatch(f -> f.severity() == io.github.kustomizelint.report.Severity.ERROR),
        show(enabled));
    // kustomize: expected kind != 'Component'
    write("plug/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
        + "resources:\n- builtin.yaml\n");
    assertHas(lint(), "invalid-kustomization", "kustomization.yaml:4", "expected kind != 'Component'");
  }

  // kustomize fetches it (dial tcp ... offline): not a missing file
  @Test
  void remotePatchPathIsUnverifiable() throws IOException {
    write("kustomization.yaml", "resources:\n- cm.yaml\npatches:\n- path: https://example.com/p.yaml\n");
    write("cm.yaml", CM);
    List<Finding> f = lint();
    assertHas(f, "patch-unverifiable", "kustomization.yaml:4", "fetched by kustomize");
    assertTrue(f.stream().noneMatch(x -> x.ruleId().equals("missing-file")), show(f));
  }

  // kubectl kustomize config/.github/ci builds it: its broken patch is found too.
  @Test
  void dotDirectoriesAreWalkedButNotGit() throws IOException {
    String broken = "resources:\n- cm.yaml\npatches:\n- path: p.yaml\n";
    String patch = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n";
    for (String d : List.of(".github/ci", ".git/ci")) {
      write(d + "/kustomization.yaml", broken);
      write(d + "/cm.yaml", CM);
      write(d + "/p.yaml", patch);
    }
    List<Finding> f = lint();
    assertHas(f, "patch-target-missing", ".github/ci/p.yaml:2", "no ConfigMap in .github/ci has that id");
    assertTrue(f.stream().noneMatch(x -> x.location().file().startsWith(".git")
        && !x.location().file().startsWith(".github")), show(f));
    List<Finding> excluded = new Linter(LintOptions.of(root, root)
        .withFiles(List.of(), List.of(".github/**"))).run().findings();
    assertTrue(excluded.stream().noneMatch(x -> x.location().file().startsWith(".github")),
        show(excluded));
  }

  // A component's dead patch was warned once per overlay including it (34 of 58 on real trees).
  @Test
  void deadComponentPatchIsOneFindingNamingEveryBuild() throws IOException {
    String comp = "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n"
        + "- target:\n    kind: Deployment\n  patch: |-\n    - op: add\n      path: /x\n      value: 1\n";
    write("components/scale/kustomization.yaml", comp);
    for (String o : List.of("a", "b", "c")) {
      write("overlays/" + o + "/kustomization.yaml", "resources:\n- cm.yaml\ncomponents:\n- ../../components/scale\n");
      write("overlays/" + o + "/cm.yaml", CM);
    }
    List<Finding> f = lint();
    List<Finding> dead = f.stream().filter(x -> x.ruleId().equals("patch-no-effect")).toList();
    assertEquals(1, dead.size(), show(f));
    assertHas(f, "patch-no-effect", "components/scale/kustomization.yaml:4",
        "overlays/a, overlays/b, overlays/c");
    // live in one build: no finding at all
    write("overlays/c/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n");
    write("overlays/c/kustomization.yaml", "resources:\n- cm.yaml\n- deploy.yaml\ncomponents:\n- ../../components/scale\n");
    List<Finding> g = lint();
    assertTrue(g.stream().noneMatch(x -> x.ruleId().equals("patch-no-effect")), show(g));
  }

  // Found by the long generative run (30 of 1,000,000 inputs): a truncated backslash-u escape made
  // SnakeYAML throw NumberFormatException, which escaped the goal. kustomize: did not find
  // expected hexdecimal number.
  @Test
  void truncatedUnicodeEscapeIsAFinding() throws IOException {
    write("kustomization.yaml", "resources:\n- cm.yaml\n");
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"x\\u");
    assertHas(lint(), "invalid-manifest", "cm.yaml:4", "escape sequence");
  }
}
