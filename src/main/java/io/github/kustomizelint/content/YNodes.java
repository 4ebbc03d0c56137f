package io.github.kustomizelint.content;

import io.github.kustomizelint.model.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** Builds content nodes from the SnakeYAML nodes the reader already composed. */
public final class YNodes {

  // SnakeYAML's tag resolver compiles its table once; resolving only reads it
  private static final Resolver RESOLVER = new Resolver();

  private YNodes() {}

  /**
   * How a repeated key is read: failing, the last or the first winning, or as at the top of a
   * strategic-merge patch (see ofPatch).
   */
  private enum Repeated { FAIL, LAST_WINS, FIRST_WINS, PATCH }

  // a patch's keys kustomize decodes strictly, repeats failing at any depth
  private static final java.util.Set<String> STRICT = java.util.Set.of("apiVersion", "kind",
      "metadata");

  public static YNode of(Path file, Node node) {
    return convert(file, node, new IdentityHashMap<>(), RESOLVER, Repeated.FAIL);
  }

  /**
   * A strategic-merge patch document: of keys repeated at its top or in a map at its top,
   * kustomize merges the first and ignores the rest; deeper it fails (kubectl-checked). A
   * repeat deeper, or in apiVersion, kind or metadata, stays Unmodelled here.
   */
  public static YNode ofPatch(Path file, Node node) {
    return convert(file, node, new IdentityHashMap<>(), RESOLVER,
        node instanceof MappingNode ? Repeated.PATCH : Repeated.FAIL);
  }

  /**
   * A kustomization's own content: kustomize decodes it as JSON, where the last of repeated
   * keys wins at any depth (kubectl-checked), while in a resource a repeated key fails the build.
   */
  public static YNode ofKustomization(Path file, Node node) {
    return convert(file, node, new IdentityHashMap<>(), RESOLVER, Repeated.LAST_WINS);
  }

  // first-wins holds for one level only, and a patch's strict keys fail below them too
  private static Repeated deeper(Repeated r, String key) {
    return switch (r) {
      case PATCH -> STRICT.contains(key) ? Repeated.FAIL : Repeated.FIRST_WINS;
      case FIRST_WINS -> Repeated.FAIL;
      default -> r;
    };
  }

  // Aliases are the same SnakeYAML node reached twice: expanded, as kustomize expands them;
  // a node inside itself would never end.
  private static YNode convert(Path file, Node node, Map<Node, Boolean> open, Resolver resolver,
      Repeated repeated) {
    Location at = new Location(file, node.getStartMark().getLine() + 1,
        node.getStartMark().getColumn() + 1);
    if (node instanceof ScalarNode s) {
      String value = s.getValue();
      if (s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.FOLDED
          && (value.contains("\n ") || value.contains("\n\t"))) {
        if (value.startsWith(" ") || value.startsWith("\t")) {
          // kubectl: no extra break then (">2-\n   a\n  b\n    c" reads " a\nb\n  c")
          throw new Unmodelled("a folded scalar starting more indented", at);
        }
        value = goFolded(value);
      }
      String tag = explicitTag(s, resolver);
      if (tag != null && tag.startsWith("!")) {
        // a local tag (!custom): kustomize's trip through JSON makes the value a string of
        // its text and drops the tag (kubectl: !custom 12 prints "12")
        return new YNode.YScalar(value, false, null, at);
      }
      return new YNode.YScalar(value, s.isPlain(), tag, at);
    }
    // only a collection with an anchor can be reached again, and so hold itself
    boolean anchored = node.getAnchor() != null;
    if (anchored && open.put(node, Boolean.TRUE) != null) {
      throw new Unmodelled("recursive alias", at);
    }
    try {
      if (node instanceof SequenceNode s) {
        List<YNode> items = new ArrayList<>();
        for (Node n : s.getValue()) {
          items.add(convert(file, n, open, resolver, deeper(repeated, "")));
        }
        return new YNode.YSeq(items, at);
      }
      MappingNode m = (MappingNode) node;
      List<YNode.Field> fields = new ArrayList<>();
      // a set, not a scan, for large maps: a merge-key chain flattened can hold thousands of
      // keys; most maps hold a few, where a scan costs less than hashing
      List<NodeTuple> tuples = m.getValue();
      java.util.Set<String> keys = tuples.size() > SCAN ? new java.util.HashSet<>() : null;
      for (NodeTuple t : tuples) {
        YNode key = convert(file, t.getKeyNode(), open, resolver, Repeated.FAIL);
        if (!(key instanceof YNode.YScalar k) || !(Values.scalar(k) instanceof String ks)) {
          throw new Unmodelled("a map key that is not a string", key.at());
        }
        if (ks.equals("<<") && k.plain()) {
          throw new Unmodelled("a YAML merge key (<<)", key.at());
        }
        YNode value = convert(file, t.getValueNode(), open, resolver, deeper(repeated, ks));
        YNode.Field field = new YNode.Field(ks, key.at(), value);
        if (keys != null ? keys.add(ks) : !hasKey(fields, ks)) {
          fields.add(field);
        } else if (repeated == Repeated.LAST_WINS) {
          fields.replaceAll(f -> f.key().equals(ks) ? field : f);
        } else if (repeated == Repeated.FAIL
            || repeated == Repeated.PATCH && STRICT.contains(ks)) {
          throw new Unmodelled("a duplicate map key", key.at());
        }
      }
      return new YNode.YMap(fields, at);
    } finally {
      if (anchored) {
        open.remove(node);
      }
    }
  }

  private static final int SCAN = 8;

  private static boolean hasKey(List<YNode.Field> fields, String key) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).key().equals(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A folded scalar as go-yaml reads it: one more line break than the YAML spec (and
   * SnakeYAML) where a more-indented line follows a line that is not, blank lines between or
   * not (kubectl-checked: "a\n  b" folded reads "a\n\n  b").
   */
  static String goFolded(String spec) {
    String[] lines = spec.split("\n", -1);
    StringBuilder out = new StringBuilder(spec.length() + 8);
    boolean lastIndented = true; // no content line yet: nothing to break from
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean indented = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
      if (i > 0) {
        out.append('\n');
        if (indented && !lastIndented) {
          out.append('\n');
        }
      }
      out.append(line);
      if (!line.isEmpty()) {
        lastIndented = indented;
      }
    }
    return out.toString();
  }

  /** The tag written in the file, or null when the tag is the one the resolver would pick. */
  private static String explicitTag(ScalarNode s, Resolver resolver) {
    // The reader's marks keep the character a node starts with: only a tag ('!'), or an
    // anchor a tag may follow ('&'), can make the tag other than the resolver's.
    int[] first = s.getStartMark().getBuffer();
    int at = s.getStartMark().getPointer();
    if (first != null && at < first.length && first[at] != '!' && first[at] != '&') {
      return null;
    }
    Tag implicit = s.isPlain() ? resolver.resolve(NodeId.scalar, s.getValue(), true) : Tag.STR;
    return s.getTag().equals(implicit) ? null : s.getTag().getValue();
  }
}
