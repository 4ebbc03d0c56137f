package io.github.kustomizelint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
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
 * Dropping bodies never changes what the skim reads: the same skeletons at the same lines
 * and columns, and a give-up wherever the whole text gives one.
 */
class BodyElisionTest {

  private static final String HEAD = "apiVersion: v1\nkind: A\nmetadata:\n  name: a\n";

  /** The skim of the text and of its elided form, described; equal, or the test fails. */
  private static String sameSkim(String text) {
    String yaml = YamlCache.tabsAfterColons(text);
    String elided = BodyElision.apply(yaml, 0);
    String whole = describe(SkimParser.skim(yaml));
    assertEquals(whole, describe(SkimParser.skim(elided)), () -> "elided:\n" + elided);
    return elided;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "spec:\n  group: x\n  names:\n    kind: W\n    plural: ws\n  versions:\n  - name: v1\n"
          + "    served: true\n    schema:\n      openAPIV3Schema:\n        description: a b\n"
          + "          c d\n        type: object\n        properties:\n          x:\n"
          + "            type: string\n            enum: []\n            default: {}\n"
          + "            pattern: '^a''b$'\n            format: \"x\\u00e9\\n\"\n"
          + "            description: |-\n              literal\n\n              # not a comment\n"
          + "            example: >\n              folded\n  - name: v2\n    list:\n    - a\n"
          + "    -\n      b: 1\n    - - nested\n",
      "spec:\n  a: 1\n# a comment at column 0\n  b: 2\nstatus:\n  c: 3\n",
      "spec:\n  a: &anchor 1\n  b: *anchor\n",
      "spec:\n  a: !!str 1\n",
      "spec:\n  a: 1\n  a: 2\n",
      "spec:\n  <<: {a: 1}\n",
      "spec:\n  a:\n  - 1\n  - 2\n  b: 3\n",
      "spec:\n- 1\n- 2\n",
      "spec:\n  a: \"unclosed\n    more\"\n",
      "spec:\n  a: 'two\n    lines'\n",
      "spec:\n  a: {b: 1}\n",
      "spec:\n  a: [1, 2]\n",
      "spec:\n  a: b: c\n",
      "spec:\n  a: plain\n   continued: no\n",
      "spec:\n  a: plain\n  # comment\n   more\n",
      "spec:\n  a: |2\n     indented\n",
      "spec:\n  a: |\n      deep\n    shallow\n",
      "spec:\n  a: |\n        \n    text\n",
      "spec:\n  a: \"\\q bad escape\"\n",
      "spec:\n  a: \"\\U0001F600\"\n",
      "spec:\n\ta: tab\n",
      "spec:\n  a: 1\r\n",
      "spec:\n  a: \u2028\n",
      "spec:\n  a: \uFEFF\n",
      "spec:\n  a: 1\n ---\n",
      "spec:\n  a: 1\n---\nkind: B\nmetadata:\n  name: b\nspec:\n  c: 1\n",
      "spec:\n  a: 1\n...\n---\nkind: B\nmetadata:\n  name: b\n",
      "spec:\n  a: 1\nspec:\n  b: 2\n",
      "spec:\n    deeper: 1\n  shallower: 2\n",
      "spec:\n  - a\n  -b\n",
      "spec:\n  x:\n    - a: 1\n      b: 2\n    - a: 1\n      a: 2\n",
      "spec:\n  a: -1\n  b: - x\n",
      "spec:\n  a: ?x\n  b: :x\n  c: %x\n  d: @x\n  e: `x\n",
      "spec:\n  \"quoted key\": 1\n",
      "spec:\n  ? complex\n  : value\n",
      "data:\n  key: value\nmetadata:\n  name: late\n",
      "spec:\n  a: 1\n  b:\n  c: 2\n",
      "spec:\n  a: \"x\" trailing\n",
      "spec:\n  a: 'x'# no space\n",
      "spec: # comment\n  a: 1\n",
      "spec:\n  a:   \n    b: 1\n",
      "spec:\n  s:\n  - |\n    block in item\n  - >-\n    folded\n  - k: |\n      in map\n    j: 2\n",
      "spec:\n  a: 1\n\n\n",
      "spec:\n  a: x #comment\n    more\n",
      "spec:\n  a: text\n    - dash continues\n    `tick continues\n",
      "spec:\n  a: 'single ''quoted''\n    over\n\n    lines'\n  b: 1\n",
      "spec:\n  a: 'not indented\n  enough'\n",
      "spec:\n  a: 'never closed\n",
      "spec:\n  a: \"double \\\"quoted\\\"\n    with an escaped \\\n    break\" # c\n",
      "spec:\n  a: \"bad \\q\n    escape\"\n",
      "spec:\n  a: 'x'\n    more\n",
      "spec:\n  a: [\"v1\", 'v2', v3, -1]\n  b: [ ]\n  c: [a b, c]\n",
      "spec:\n  a: [a, [b]]\n  b: [a: 1]\n  c: [a, ]\n  d: [a\n  e: [a]x\n",
      "spec:\n  a: [\"\\u00e9\", 'it''s', \"#\", a#b]\n",
      "spec:\n  a: [x, *alias]\n",
  })
  void skimReadsTheSame(String body) {
    sameSkim(HEAD + body);
    sameSkim(body + HEAD); // bodies before the identity too
  }

  @Test
  void plainBodiesAreDroppedKeepingLines() {
    String text = HEAD + "spec:\n  a: 1\n  b:\n  - x\nstatus:\n  c: d\n";
    String elided = sameSkim(text);
    assertEquals(HEAD + "spec:\n\n\n\nstatus:\n\n", elided);
  }

  @Test
  void aBodyItCannotProveIsKeptWithTheRestOfTheFile() {
    String text = HEAD + "spec:\n  a: 1\nstatus:\n  b: &x 1\nother:\n  c: 1\n";
    assertEquals(HEAD + "spec:\n\nstatus:\n  b: &x 1\nother:\n  c: 1\n", sameSkim(text));
  }

  @Test
  void smallFilesAreLeftAlone() {
    String text = HEAD + "spec:\n  a: 1\n";
    assertEquals(text, BodyElision.apply(text));
  }

  /** Every YAML file of the test fixtures skims the same elided. */
  @Test
  void everyFixtureSkimsTheSame() throws IOException {
    int changed = 0;
    List<Path> files = fixtures();
    for (Path p : files) {
      String text = read(p);
      if (text != null && !sameSkim(text).equals(YamlCache.tabsAfterColons(text))) {
        changed++;
      }
    }
    assertTrue(files.size() > 1000, "fixtures found: " + files.size());
    assertTrue(changed > 100, changed + " of " + files.size() + " elided");
  }

  /**
   * Mutations of real fixtures (a character inserted, replaced or deleted, a line indented
   * or outdented), seeded: each skims the same elided as whole.
   */
  @Test
  void mutatedFixturesSkimTheSame() throws IOException {
    List<String> texts = fixtures().stream().map(BodyElisionTest::read)
        .filter(t -> t != null && t.contains("spec:")).toList();
    assertNotEquals(0, texts.size());
    Random random = new Random(Long.getLong("kustomize-lint.elision.seed", 20261203));
    String alphabet = " \n:-#'\"|>&*!?[]{},\t\\abc01";
    for (int i = 0; i < Integer.getInteger("kustomize-lint.elision.mutations", 20_000); i++) {
      StringBuilder t = new StringBuilder(texts.get(random.nextInt(texts.size())));
      for (int m = 1 + random.nextInt(3); m > 0 && t.length() > 0; m--) {
        int at = random.nextInt(t.length());
        switch (random.nextInt(5)) {
          case 0 -> t.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> t.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 2 -> t.deleteCharAt(at);
          case 3 -> t.insert(t.lastIndexOf("\n", at) + 1, "  ");
          default -> {
            int line = t.lastIndexOf("\n", at) + 1;
            if (t.length() > line + 1 && t.charAt(line) == ' ' && t.charAt(line + 1) == ' ') {
              t.delete(line, line + 2);
            }
          }
        }
      }
      sameSkim(t.toString());
    }
  }

  // -Dkustomize-lint.elision.dir=../shared runs both checks over real trees
  private static List<Path> fixtures() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of(System.getProperty("kustomize-lint.elision.dir",
        "src/test/resources")))) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null; // not UTF-8: never skimmed from text here
    }
  }

  private static String describe(SkimParser.Skim skim) {
    if (skim == null) {
      return "gave up";
    }
    StringBuilder out = new StringBuilder("firstEmpty=" + skim.firstEmpty() + "\n");
    skim.documents().forEach(d -> describe(d, out));
    return out.toString();
  }

  private static void describe(Node n, StringBuilder out) {
    out.append(n.getStartMark().getLine()).append(':').append(n.getStartMark().getColumn())
        .append('-').append(n.getEndMark().getLine()).append(':')
        .append(n.getEndMark().getColumn()).append(' ').append(n.getTag()).append(' ');
    if (n instanceof ScalarNode s) {
      out.append(s.getScalarStyle()).append(" [").append(s.getValue()).append("]\n");
    } else if (n instanceof SequenceNode s) {
      out.append(s.getFlowStyle()).append(" [\n");
      s.getValue().forEach(i -> describe(i, out));
      out.append("]\n");
    } else {
      out.append(((MappingNode) n).getFlowStyle()).append(" {\n");
      for (NodeTuple t : ((MappingNode) n).getValue()) {
        describe(t.getKeyNode(), out);
        describe(t.getValueNode(), out);
      }
      out.append("}\n");
    }
  }
}
