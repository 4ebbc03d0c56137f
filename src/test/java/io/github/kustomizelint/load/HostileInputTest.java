package io.github.kustomizelint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.report.Finding;
import io.github.kustomizelint.report.Severity;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input must end in a clear finding that names the file and line: never an exception, a
 * hang or silence. Each tree was also run through {@code kubectl kustomize} (Kustomize
 * v5.5.0); the kustomize outcome is noted on each case.
 */
class HostileInputTest {

  private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";
  private static final String FOO = "apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: x\n";

  @TempDir
  Path root;

  // ---------------------------------------------------------------- helpers

  private Path write(String rel, String text) throws IOException {
    return write(rel, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String rel, byte[] bytes) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.write(p, bytes);
  }

  private List<Finding> lint() {
    return assertTimeoutPreemptively(Duration.ofSeconds(120),
        () -> new Linter(LintOptions.of(root, root)).run().findings(),
        "the linter did not finish in time");
  }

  private static List<Finding> errors(List<Finding> findings) {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  /** Asserts a finding of rule at {@code where} ("file:line"; line 1 for the whole file). */
  private static Finding assertFinding(List<Finding> findings, String rule, String where) {
    for (Finding f : findings) {
      String at = f.location().file() + ":" + f.location().line();
      if (f.ruleId().equals(rule) && at.equals(where)) {
        assertTrue(!f.message().isBlank(), "finding without a message: " + f);
        return f;
      }
    }
    return fail("expected [" + rule + "] at " + where + ", got:\n" + show(findings));
  }

  private static void assertNoErrors(List<Finding> findings) {
    assertEquals(List.of(), errors(findings), () -> "kustomize builds this tree, yet:\n"
        + show(findings));
  }

  private static String show(List<Finding> findings) {
    return findings.isEmpty() ? "  (no findings)"
        : findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
  }

  // ------------------------------------------------- kustomizations that cannot be read

  @Test
  void unclosedFlowSequenceInKustomization() throws IOException {
    // kustomize: invalid Kustomization: yaml: line 3: did not find expected ',' or ']'
    write("kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\n"
        + "kind: Kustomization\nresources: [a.yaml, b.yaml\n");
    assertFinding(lint(), "invalid-kustomization", "kustomization.yaml:3");
  }

  @Test
  void unclosedFlowSequenceFollowedByMoreKeys() throws IOException {
    // kustomize: "yaml: line 2: did not find expected ',' or ']'". go-yaml numbers lines of
    // parser errors from 0; the offending ':' is on line 3 (column 10), which is what we report.
    write("kustomization.yaml", "resources: [a.yaml,\n  b.yaml\nnamespace: x\n");
    Finding f = assertFinding(lint(), "invalid-kustomization", "kustomization.yaml:3");
    assertEquals(10, f.location().column());
  }

  @Test
  void kustomizationThatIsAList() throws IOException {
    // kustomize: json: cannot unmarshal array into Go value of type types.Kustomization
    write("kustomization.yaml", "- resources\n- a.yaml\n");
    assertFinding(lint(), "invalid-kustomization", "kustomization.yaml:1");
  }

  @Test
  void kustomizationThatIsAScalar() throws IOException {
    // kustomize: json: cannot unmarshal string into Go value of type types.Kustomization
    write("kustomization.yaml", "hello\n");
    assertFinding(lint(), "invalid-kustomization", "kustomization.yaml:1");
  }

  @Test
  void emptyKustomization() throws IOException {
    // kustomize: kustomization.yaml is empty (a whole-file problem: no line)
    write("kustomization.yaml", "");
    assertFinding(lint(), "invalid-kustomization", "kustomization.yaml:1");
  }

  @Test
  void commentOnlyKustomization() throws IOException {
    // kustomize: kustomization.yaml is empty
    write("kustomization.yaml", "# nothing here\n");
    assertFinding(lint(), "invalid-kustomization", "kustomization.yaml:1");
  }

  // ------------------------------------------------------ manifests that cannot be read

  @Test
  void resourceThatDoesNotParse() throws IOException {
    // kustomize: MalformedYAMLError: yaml: line 4: did not find expected ',' or ']' in File:
    // cm.yaml (go-yaml's 0-based line of the '[' on line 5, the last line)
    write("kustomization.yaml", "resources:\n- cm.yaml\n");
    write("cm.yaml", CM + "data: [a, b\n");
    assertFinding(lint(), "invalid-manifest", "cm.yaml:5");
  }

  @Test
  void patchThatDoesNotParse() throws IOException {
    // kustomize: unable to parse SM or JSON patch from [path: "p.yaml"] (no line)
    write("kustomization.yaml", "resources:\n- cm.yaml\npatches:\n- path: p.yaml\n");
    write("cm.yaml", CM);
    write("p.yaml", CM + "data: {a: 1\n");
    assertFinding(lint(), "invalid-manifest", "p.yaml:5");
  }

  // ------------------------------------------------------------------- missing files

  @Test
  void missingResource() throws IOException {
    // kustomize: accumulating resources from 'nope.yaml': ... no such file or directory
    write("kustomization.yaml", "namespace: x\nresources:\n- nope.yaml\n");
    assertFinding(lint(), "missing-file", "kustomization.yaml:3");
  }

  @Test
  void missingPatchFile() throws IOException {
    // kustomize: failed to get the patch file from path(nope.yaml)
    write("kustomization.yaml", "resources:\n- cm.yaml\npatches:\n- path: nope.yaml\n");
    write("cm.yaml", CM);
    assertFinding(lint(), "missing-file", "kustomization.yaml:4");
  }

  @Test
  void missingComponent() throws IOException {
    // kustomize: accumulating components: ... lstat .../nope: no such file or directory
    write("kustomization.yaml", "resources:\n- cm.yaml\ncomponents:\n- nope\n");
    write("cm.yaml", CM);
    assertFinding(lint(), "missing-file", "kustomization.yaml:4");
  }

  // ------------------------------------------------------------- encodings and bytes

  @Test
  void resourceThatIsNotUtf8() throws IOException {
    // kustomize: MalformedYAMLError: yaml: invalid leading UTF-8 octet in File: cm.yaml
    write("kustomization.yaml", "resources:\n- cm.yaml\n");
    write("cm.yaml", bytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ", 0xff, 0xfe,
        0x00, 'x', '\n'));
    Finding f = assertFinding(lint(), "invalid-manifest", "cm.yaml:4");
    assertEquals(9, f.location().column());
  }

  @Test
  void binaryPatchFile() throws IOException {
    // kustomize: unable to parse SM or JSON patch (no line)
    write("kustomization.yaml", "resources:\n- cm.yaml\npatches:\n- path: p.yaml\n");
    write("cm.yaml", CM);
    write("p.yaml", bytes("", 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0));
    assertFinding(lint(), "invalid-manifest", "p.yaml:1");
  }

  @Test
  void controlCharacterInResource() throws IOException {
    // kustomize: MalformedYAMLError: yaml: control characters are not allowed in File: cm.yaml
    write("kustomization.yaml", "resources:\n- cm.yaml\n");
    write("cm.yaml", CM + "data:\n  a: \"b\u0001c\"\n");
    Finding f = assertFinding(lint(), "invalid-manifest", "cm.yaml:6");
    assertEquals(8, f.location().column());
  }

  @Test
  void utf16WithByteOrderMarkIsRead() throws IOException {
    // kustomize builds it: go-yaml reads UTF-16 with a byte-order mark.
    write("kustomization.yaml", "resources:\n- cm.yaml\n");
    write("cm.yaml", (CM + "data:\n  a: b\n").getBytes(StandardCharsets.UTF_16));
    assertNoErrors(lint());
  }

  // ------------------------------------------------------------ size and alias bombs

  @Test
  void fileOverTheSizeLimit() throws IOException {
    // The limit (64 MiB) is a constant; a sparse file just over it costs no disk or time.
    // Its bytes are NULs, so kustomize fails on it too ("control characters are not allowed").
    write("kustomization.yaml", "resources:\n- big.yaml\n");
    try (RandomAccessFile f = new RandomAccessFile(root.resolve("big.yaml").toFile(), "rw")) {
      f.setLength(YamlCache.MAX_FILE_BYTES + 1);
    }
    Finding f = assertFinding(lint(), "invalid-manifest", "big.yaml:1");
    assertTrue(f.message().contains("limit"), f.message());
  }

  private static String billionLaughs() {
    StringBuilder s = new StringBuilder(CM).append("data:\n");
    s.append("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char n = 'b'; n <= 'i'; n++) {
      s.append("  ").append(n).append(": &").append(n).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
      prev = n;
    }
    return s.toString();
  }

  @Test
  void billionLaughsAsResource() throws IOException {
    // kustomize never finishes (killed after 60 s). 81 aliases expand to 9^9 nodes; we stop
    // at &h (line 13), the first node over the expansion limit.
    write("kustomization.yaml", "resources:\n- bomb.yaml\n");
    write("bomb.yaml", billionLaughs());
    assertFinding(lint(), "invalid-manifest", "bomb.yaml:13");
  }

  @Test
  void billionLaughsAsPatch() throws IOException {
    // kustomize never finishes (killed after 60 s).
    write("kustomization.yaml", "resources:\n- cm.yaml\npatches:\n- path: bomb.yaml\n");
    write("cm.yaml", CM);
    write("bomb.yaml", billionLaughs());
    assertFinding(lint(), "invalid-manifest", "bomb.yaml:13");
  }

  @Test
  void binaryTreeAliasBomb() throws IOException {
    // Two aliases a level, 40 levels: 80 aliases, 2^40 nodes. kustomize never finishes.
    StringBuilder s = new StringBuilder(CM).append("data:\n  l0: &l0 [x, y]\n");
    for (int i = 1; i <= 40; i++) {
      s.append("  l").append(i).append(": &l").append(i)
          .append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
    }
    write("kustomization.yaml", "resources:\n- cm.yaml\npatchesStrategicMerge:\n- bomb.yaml\n");
    write("cm.yaml", CM);
    write("bomb.yaml", s.toString());
    // l22 (line 28) is the first level past 10 million nodes.
    assertFinding(lint(), "invalid-manifest", "bomb.yaml:28");
  }

  @Test
  void aliasInsideItsOwnAnchor() throws IOException {
    // kustomize crashes: "fatal error: stack overflow". A List whose items contain themselves
    // used to overflow our stack as well.
    write("kustomization.yaml", "resources:\n- list.yaml\n");
    write("list.yaml", "apiVersion: v1\nkind: List\nitems: &x\n- kind: List\n  items: *x\n");
    Finding f = assertFinding(lint(), "invalid-manifest", "list.yaml:5");
    assertEquals(10, f.location().column());
  }

  @Test
  void manyHarmlessAliasesAreFine() throws IOException {
    // kustomize builds it: 150 aliases of a one-item list.
    StringBuilder s = new StringBuilder(CM).append("data:\n  a: &a [x]\n");
    for (int i = 0; i < 150; i++) {
      s.append("  k").append(i).append(": *a\n");
    }
    write("kustomization.yaml", "resources:\n- foo.yaml\n");
    write("foo.yaml", s.toString().replace(CM, FOO));
    assertNoErrors(lint());
  }

  // ------------------------------------------------------------------- deep nesting

  @Test
  void tenThousandUnclosedBracketsInResource() throws IOException {
    // kustomize: MalformedYAMLError: yaml: line 6: did not find expected node content
    write("kustomization.yaml", "resources:\n- deep.yaml\n");
    write("deep.yaml", FOO + "spec:\n  x: " + "[".repeat(10_000) + "\n");
    assertFinding(lint(), "invalid-manifest", "deep.yaml:6");
  }

  @Test
  void tenThousandUnclosedBracketsInPatch() throws IOException {
    // kustomize: unable to parse SM or JSON patch (no line)
    write("kustomization.yaml", "resources:\n- foo.yaml\npatches:\n- path: deep.yaml\n");
    write("foo.yaml", FOO);
    write("deep.yaml", FOO + "spec:\n  x: " + "[".repeat(10_000) + "\n");
    assertFinding(lint(), "invalid-manifest", "deep.yaml:6");
  }

  @Test
  void tenThousandUnclosedBracketsInKustomization() throws IOException {
    // kustomize: invalid Kustomization: yaml: line 2: did not find expected node content
    write("kustomization.yaml", "resources:\n- " + "[".repeat(10_000) + "\n");
    assertFinding(lint(), "invalid-kustomization", "kustomization.yaml:2");
  }

  @Test
  void nestingOneDeeperThanGoYamlAllows() throws IOException {
    // 9999 brackets under spec: 10001 collections deep. kustomize: exceeded max depth of 10000
    write("kustomization.yaml", "resources:\n- deep.yaml\n");
    write("deep.yaml", FOO + "spec:\n  x: " + "[".repeat(9_999) + "]".repeat(9_999) + "\n");
    assertFinding(lint(), "invalid-manifest", "deep.yaml:6");
  }

  @Test
  void nestingAsDeepAsGoYamlAllowsIsFine() throws IOException {
    // 9998 brackets under spec: 10000 collections deep. kustomize builds it.
    write("kustomization.yaml", "resources:\n- deep.yaml\n");
    write("deep.yaml", FOO + "spec:\n  x: " + "[".repeat(9_998) + "]".repeat(9_998) + "\n");
    assertNoErrors(lint());
  }

  @Test
  void deepBlockMappingIsFine() throws IOException {
    // 2000 nested block mappings: kustomize builds it (our old depth limit of 100 refused it).
    StringBuilder s = new StringBuilder(FOO).append("spec:\n");
    for (int i = 0; i < 2000; i++) {
      s.append(" ".repeat(i + 1)).append('k').append(i).append(":\n");
    }
    s.append(" ".repeat(2001)).append("v: 1\n");
    write("kustomization.yaml", "resources:\n- deep.yaml\n");
    write("deep.yaml", s.toString());
    assertNoErrors(lint());
  }

  // ----------------------------------------------------------------------- symlinks

  @Test
  void directorySymlinkedToItsParentInsideTheTree() throws IOException {
    // kustomize builds both directories; the walk must not follow the link forever.
    write("kustomization.yaml", "resources:\n- cm.yaml\n");
    write("cm.yaml", CM);
    write("sub/kustomization.yaml", "resources:\n- cm.yaml\n");
    write("sub/cm.yaml", CM);
    Files.createSymbolicLink(root.resolve("sub/up"), Path.of(".."));
    assertNoErrors(lint());
  }

  @Test
  void resourceThroughASymlinkLoop() throws IOException {
    // kustomize: evalsymlink failure on '.../a/cm.yaml' : EvalSymlinks: too many links
    write("kustomization.yaml", "resources:\n- a/cm.yaml\n");
    Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
    assertFinding(lint(), "missing-file", "kustomization.yaml:2");
  }

  @Test
  void resourceThatIsASymlinkToItsOwnDirectory() throws IOException {
    // kustomize: cycle detected: candidate root '...' contains visited root '...'
    write("kustomization.yaml", "resources:\n- loop\n");
    Files.createSymbolicLink(root.resolve("loop"), Path.of("."));
    assertFinding(lint(), "kustomization-cycle", "kustomization.yaml:2");
  }

  @Test
  void twoSymlinksToOwnDirectory() throws IOException {
    // kustomize: cycle detected: candidate root '...' contains visited root '...'
    write("kustomization.yaml", "resources:\n- l1\n- l2\n");
    Files.createSymbolicLink(root.resolve("l1"), Path.of("."));
    Files.createSymbolicLink(root.resolve("l2"), Path.of("."));
    assertFinding(lint(), "kustomization-cycle", "kustomization.yaml:2");
  }

  // ------------------------------------------------------ kustomizations and their links

  @Test
  void cycleBetweenTwoKustomizations() throws IOException {
    // kustomize: cycle detected: candidate root '.../a' contains visited root '.../a'
    write("a/kustomization.yaml", "resources:\n- ../b\n");
    write("b/kustomization.yaml", "resources:\n- ../a\n");
    assertFinding(lint(), "kustomization-cycle", "b/kustomization.yaml:2");
  }

  @Test
  void kustomizationThatIncludesItself() throws IOException {
    // kustomize: cycle detected: candidate root '...' contains visited root '...'
    write("kustomization.yaml", "resources:\n- .\n");
    assertFinding(lint(), "kustomization-cycle", "kustomization.yaml:2");
  }

  @Test
  void componentThatIncludesItsParent() throws IOException {
    // kustomize: cycle detected: candidate root '...' contains visited root '.../c'
    write("kustomization.yaml", "components:\n- c\n");
    write("c/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\n"
        + "kind: Component\ncomponents:\n- ..\n");
    assertFinding(lint(), "kustomization-cycle", "c/kustomization.yaml:4");
  }

  @Test
  void resourceDirectoryWithoutKustomization() throws IOException {
    // kustomize: unable to find one of 'kustomization.yaml', ... in directory '.../sub'
    write("kustomization.yaml", "resources:\n- sub\n");
    write("sub/cm.yaml", CM);
    assertFinding(lint(), "missing-file", "kustomization.yaml:2");
  }

  @Test
  void twoKustomizationFilesInOneDirectory() throws IOException {
    // kustomize: Found multiple kustomization files under: ... (a directory problem: no line)
    write("kustomization.yaml", "resources: []\n");
    write("kustomization.yml", "resources: []\n");
    assertFinding(lint(), "multiple-kustomizations", "kustomization.yml:1");
  }

  private static byte[] bytes(String prefix, int... more) {
    byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
    byte[] out = java.util.Arrays.copyOf(head, head.length + more.length);
    for (int i = 0; i < more.length; i++) {
      out[head.length + i] = (byte) more[i];
    }
    return out;
  }
}
