package io.github.kustomizelint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The skim reads every object's identity exactly as composing the whole file does, and gives
 * up (so the file is composed) wherever it could differ.
 */
class SkimParserTest {

  private static final Path FILE = Path.of("/x/manifest.yaml");

  @ParameterizedTest
  @ValueSource(strings = {
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: ns\ndata:\n  k: v\n",
      "kind: Service\nspec:\n  ports: [{port: 80}]\nmetadata: {name: s, labels: {app: x}}\napiVersion: v1\n",
      "---\napiVersion: v1\nkind: A\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: B\nmetadata:\n  name: b\n---\n",
      "---\n---\napiVersion: v1\nkind: A\nmetadata:\n  name: a\n",
      "{}\n---\nkind: A\nmetadata:\n  name: a\n",
      "~\n---\nnull\n---\nkind: A\nmetadata:\n  name: a\n",
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: A\n  metadata: {name: a}\n  spec: {x: 1}\n- kind: B\n  metadata:\n    name: b\n",
      "kind: List\nitems:\n- kind: ConfigMapList\n  items:\n  - kind: ConfigMap\n    metadata: {name: deep}\n- 3\n- [a, b]\n- {}\n",
      "kind: List\nitems: {kind: A}\n",
      "kind: List\nitems: ~\n",
      "kind: List\nitems: []\n",
      "kind: Deployment\nitems:\n- x\nmetadata:\n  name: d\n",
      "apiVersion: v1\nmetadata:\n  name: nameless-kind\n",
      "apiVersion: v1\nkind: Secret\n",
      "kind: \"\"\nmetadata: {name: a}\n",
      "kind: A\nmetadata:\n  name: ''\n",
      "kind: A\nmetadata:\n  name: 123\n  labels:\n    a: \"1\"\n    b: 2\n    c: ~\n    d: [x]\n  annotations:\n    text: |\n      multi\n      line\n",
      "'kind': A\n\"metadata\": {\"name\": q}\n\"apiVersion\": 'v1'\n",
      "kind: A\nmetadata:\n  name: a\nspec:\n  a: {b: [1, 2, {c: d}], e: \"f\"}\n  g: >\n    folded\n  h:\n  - - - x\n",
      "# comment\nkind: A # trailing\nmetadata:\n  # inside\n  name: a\n",
      "kind: A\r\nmetadata:\r\n  name: crlf\r\n",
      "kind:\tA\nmetadata:\n  name:\tt\n",
      "kind: A\nmetadata:\n  name: a\n...\n---\nkind: B\nmetadata:\n  name: b\n",
      "kind: A\nmetadata:\n  name: a\nspec:\n  k1: 1\n  k2: 2\n  k3: 3\n  k4: 4\n  k5: 5\n  k6: 6\n  k7: 7\n  k8: 8\n  k9: 9\n  k10: 10\n",
      "kind: A\nmetadata:\n  name: a\nspec:\n  x: {a: 1}\n  y: {a: 1}\n  z: [{a: 1}, {a: 1}]\n",
      "kind: A\nmetadata:\n  name: a\nspec: {'a': 1, \"b\": 2, ? c : 3}\n",
      "kind: A\nmetadata:\n  name: ünïcode\n  labels: {emoji: \"😀\"}\n",
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: b\n"
          + "subjects:\n- kind: ServiceAccount\n  name: sa\n  namespace: ~\n",
  })
  void skimReadsIdentitiesAsFullComposition(String text) {
    assertNotNull(SkimParser.skim(YamlCache.tabsAfterColons(text)), "skim gave up");
    assertSame(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // anchors and aliases
      "kind: A\nmetadata: &m\n  name: a\nspec:\n  x: *m\n",
      "kind: A\nmetadata:\n  name: a\nspec: &s {x: 1}\n",
      "kind: &k A\nmetadata:\n  name: a\n",
      // merge keys
      "kind: A\nmetadata:\n  name: a\nspec:\n  <<: {x: 1}\n",
      // explicit tags
      "kind: !!str A\nmetadata:\n  name: a\n",
      "kind: A\nmetadata:\n  name: a\nspec: !custom\n  x: 1\n",
      "kind: A\nmetadata:\n  name: a\nspec:\n  x: ! 1\n",
      "--- !!map\nkind: A\nmetadata:\n  name: a\n",
      // repeated keys, at the top, in a skipped body, in metadata, in a big map
      "kind: A\nkind: B\nmetadata:\n  name: a\n",
      "kind: A\nmetadata:\n  name: a\nspec:\n  x: 1\n  y: 2\n  x: 3\n",
      "kind: A\nmetadata:\n  name: a\n  name: b\n",
      "kind: A\nmetadata:\n  name: a\nspec:\n  k1: 1\n  k2: 2\n  k3: 3\n  k4: 4\n  k5: 5\n  k6: 6\n  k7: 7\n  k8: 8\n  k9: 9\n  k3: 10\n",
      "kind: A\nmetadata:\n  name: a\nspec:\n  'x': 1\n  x: 2\n",
      // complex keys
      "kind: A\nmetadata:\n  name: a\nspec:\n  ? [a, b]\n  : 1\n",
      // documents that are not maps
      "- kind: A\n  metadata:\n    name: a\n",
      "just a string\n",
      "'~'\n",
      // malformed
      "kind: A\nmetadata:\n\tname: a\n",
      "kind: A\nmetadata:\n  name: \"unclosed\n",
      "kind: A\nmetadata:\n  name: a\nspec:\n  x: [1, 2\n",
      "kind: A\nmetadata:\n  name: a\n...\nkind: B\n",
      "kind: A\nmetadata:\n  name: a\nspec:\n  x: \"\\u12\"\n",
      "kind: A\nmetadata:\n  name: a\u0001\n",
      "kind: A\n  bad: indent\nmetadata: x\n",
  })
  void skimGivesUpWhereItCouldDiffer(String text) {
    assertNull(SkimParser.skim(YamlCache.tabsAfterColons(text)));
    assertSame(text);
  }

  @Test
  void deepNestingInASkippedBodyGivesUp() {
    String deep = "kind: A\nmetadata:\n  name: a\nspec: " + "[".repeat(SkimParser.MAX_DEPTH + 1)
        + "]".repeat(SkimParser.MAX_DEPTH + 1) + "\n";
    assertNull(SkimParser.skim(deep));
    assertSame(deep);
    String shallow = "kind: A\nmetadata:\n  name: a\nspec: " + "[".repeat(SkimParser.MAX_DEPTH - 2)
        + "]".repeat(SkimParser.MAX_DEPTH - 2) + "\n";
    assertNotNull(SkimParser.skim(shallow));
    assertEquals(ManifestReader.objects(YamlCache.parse(FILE, shallow)),
        ManifestReader.objects(YamlCache.parse(FILE, shallow, true)));
  }

  @Test
  void deepNestingInMetadataGivesUp() {
    String deep = "kind: A\nmetadata:\n  name: a\n  labels: " + "{a: ".repeat(SkimParser.MAX_DEPTH)
        + "1" + "}".repeat(SkimParser.MAX_DEPTH) + "\n";
    assertNull(SkimParser.skim(deep));
    assertSame(deep);
  }

  @Test
  void bodiesAreNotKept() {
    YamlFile f = YamlCache.parse(FILE, "kind: A\nmetadata:\n  name: a\nspec:\n  big: [1, 2, 3]\n"
        + "status: {}\n", true);
    assertTrue(f.skimmed());
    assertNull(f.text());
    MappingNode doc = (MappingNode) f.documents().get(0);
    assertEquals(List.of("kind", "metadata"), doc.getValue().stream()
        .map(t -> ((ScalarNode) t.getKeyNode()).getValue()).toList());
  }

  @Test
  void suppressionsAreReadFromTheText() {
    String text = "# kustomize-lint:disable-file=orphan-manifest -- vendored\nkind: A\n"
        + "metadata:\n  name: a\n";
    YamlFile skim = YamlCache.parse(FILE, text, true);
    assertTrue(skim.skimmed());
    assertEquals(YamlCache.parse(FILE, text).suppressions(), skim.suppressions());
    assertFalse(skim.suppressions().isEmpty());
  }

  /** Every YAML file of the test fixtures reads the same skimmed as whole. */
  @Test
  void everyFixtureReadsTheSame() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().toList();
    }
    int skimmed = 0;
    for (Path p : files) {
      skimmed += assertSame(p) ? 1 : 0;
    }
    assertTrue(files.size() > 1000, "fixtures found: " + files.size());
    // most real manifests skim; only the fallbacks are composed
    assertTrue(skimmed > files.size() / 2, skimmed + " of " + files.size() + " skimmed");
  }

  private static void assertSame(String text) {
    assertSame(FILE, text);
  }

  private static void assertSame(Path file, String text) {
    assertSame(YamlCache.parse(file, text, false), YamlCache.parse(file, text, true));
  }

  /** Reads the file skimmed and whole, compares them, and says whether the skim held. */
  static boolean assertSame(Path file) {
    YamlFile skim = YamlCache.load(file, true);
    assertSame(YamlCache.load(file, false), skim);
    return skim.skimmed();
  }

  /** Skimmed or not, the file's objects, problems, comments and first-empty flag agree. */
  private static void assertSame(YamlFile whole, YamlFile skim) {
    Path file = whole.path();
    assertEquals(ManifestReader.objects(whole), ManifestReader.objects(skim), file.toString());
    assertEquals(whole.problem(), skim.problem(), file.toString());
    assertEquals(whole.suppressions(), skim.suppressions(), file.toString());
    assertEquals(whole.firstEmpty(), skim.firstEmpty(), file.toString());
    if (skim.skimmed()) {
      assertEquals(whole.documents().size(), skim.documents().size(), file.toString());
      for (int i = 0; i < whole.documents().size(); i++) {
        assertEquals(shape(identity(whole.documents().get(i))), shape(skim.documents().get(i)),
            file.toString());
      }
    }
  }

  /** What a skim keeps of a composed object: the fields the reader reads, and List items. */
  private static Node identity(Node n) {
    if (!(n instanceof MappingNode m)) {
      return n;
    }
    List<NodeTuple> kept = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      String k = ((ScalarNode) t.getKeyNode()).getValue();
      if (k.equals("items") && t.getValueNode() instanceof SequenceNode s) {
        kept.add(new NodeTuple(t.getKeyNode(), new SequenceNode(s.getTag(), true,
            s.getValue().stream().map(SkimParserTest::identity).toList(), s.getStartMark(),
            s.getEndMark(), s.getFlowStyle())));
      } else if (ManifestReader.FIELDS.contains(k) || k.equals("items")) {
        kept.add(t);
      }
    }
    return new MappingNode(m.getTag(), true, kept, m.getStartMark(), m.getEndMark(),
        m.getFlowStyle());
  }

  /** Tags, values, styles and positions of a node tree, as text. */
  private static String shape(Object o) {
    if (o instanceof List<?> l) {
      return l.stream().map(SkimParserTest::shape).toList().toString();
    }
    Node n = (Node) o;
    // skeletons keep line and column, not offsets (see SkimParser.at)
    String at = n.getTag() + "@" + n.getStartMark().getLine() + ":" + n.getStartMark().getColumn()
        + "-" + n.getEndMark().getLine() + ":" + n.getEndMark().getColumn();
    if (n instanceof ScalarNode s) {
      return at + s.getScalarStyle() + "'" + s.getValue() + "'";
    }
    if (n instanceof SequenceNode s) {
      return at + s.getFlowStyle() + shape(s.getValue());
    }
    StringBuilder sb = new StringBuilder(at + ((MappingNode) n).getFlowStyle() + "{");
    for (NodeTuple t : ((MappingNode) n).getValue()) {
      sb.append(shape(t.getKeyNode())).append(": ").append(shape(t.getValueNode())).append(", ");
    }
    return sb.append("}").toString();
  }

  /** Compares skim and full reads of every YAML file under a folder (the corpus): DIR. */
  public static void main(String[] args) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().toList();
    }
    int skimmed = 0;
    int failed = 0;
    for (Path p : files) {
      try {
        skimmed += assertSame(p) ? 1 : 0;
      } catch (AssertionError e) {
        failed++;
        System.out.println("DIFF " + p + ": " + e.getMessage());
      }
    }
    System.out.printf("%d files, %d skimmed, %d differ%n", files.size(), skimmed, failed);
  }
}
