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

  private YNodes() {}

  public static YNode of(Path file, Node node) {
    return convert(file, node, new IdentityHashMap<>(), new Resolver(), false);
  }

  /**
   * A kustomization's own content: kustomize decodes it as JSON, where the last of repeated
   * keys wins at any depth (kubectl-checked), while in a resource a repeated key fails the build.
   */
  public static YNode ofKustomization(Path file, Node node) {
    return convert(file, node, new IdentityHashMap<>(), new Resolver(), true);
  }

  // Aliases are the same SnakeYAML node reached twice: expanded, as kustomize expands them;
  // a node inside itself would never end.
  private static YNode convert(Path file, Node node, Map<Node, Boolean> open, Resolver resolver,
      boolean lastWins) {
    Location at = new Location(file, node.getStartMark().getLine() + 1,
        node.getStartMark().getColumn() + 1);
    if (node instanceof ScalarNode s) {
      if (s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.FOLDED
          && (s.getValue().startsWith(" ") || s.getValue().contains("\n "))) {
        // kubectl: go-yaml keeps an extra line break before a more-indented line of a folded
        // scalar ("a\n  b" folded reads "a\n\n  b"), where the YAML spec and SnakeYAML keep one
        throw new Unmodelled("a folded scalar with more-indented lines", at);
      }
      return new YNode.YScalar(s.getValue(), s.isPlain(), explicitTag(s, resolver), at);
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
          items.add(convert(file, n, open, resolver, lastWins));
        }
        return new YNode.YSeq(items, at);
      }
      MappingNode m = (MappingNode) node;
      List<YNode.Field> fields = new ArrayList<>();
      // a set, not a scan: maps a merge-key chain flattened can hold thousands of keys
      java.util.Set<String> keys = new java.util.HashSet<>();
      for (NodeTuple t : m.getValue()) {
        YNode key = convert(file, t.getKeyNode(), open, resolver, lastWins);
        if (!(key instanceof YNode.YScalar k) || !(Values.scalar(k) instanceof String ks)) {
          throw new Unmodelled("a map key that is not a string", key.at());
        }
        if (ks.equals("<<") && k.plain()) {
          throw new Unmodelled("a YAML merge key (<<)", key.at());
        }
        YNode value = convert(file, t.getValueNode(), open, resolver, lastWins);
        YNode.Field field = new YNode.Field(ks, key.at(), value);
        if (keys.add(ks)) {
          fields.add(field);
        } else if (lastWins) {
          fields.replaceAll(f -> f.key().equals(ks) ? field : f);
        } else {
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
