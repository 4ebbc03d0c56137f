package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Location;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small readers over SnakeYAML nodes. Marks are 0-based; locations are 1-based. */
public final class Nodes {

  private Nodes() {}

  public static Location location(Path file, Node node) {
    return new Location(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  /** The entry for key; kustomize lets the last of repeated keys win, and so do we. */
  public static NodeTuple tuple(Node map, String key) {
    NodeTuple found = null;
    if (map instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
          found = t;
        }
      }
    }
    return found;
  }

  public static Node get(Node map, String key) {
    NodeTuple t = tuple(map, key);
    return t == null ? null : t.getValueNode();
  }

  /** The scalar's text; null for a missing value, YAML null or a non-scalar. */
  public static String text(Node node) {
    if (node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
      return s.getValue();
    }
    return null;
  }

  public static String text(Node map, String key) {
    return text(get(map, key));
  }

  public static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
  }

  /** A map of scalar keys to scalar values, e.g. labels; other entries are skipped. */
  public static Map<String, String> stringMap(Node node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        String k = text(t.getKeyNode());
        String v = text(t.getValueNode());
        if (k != null) {
          out.put(k, v == null ? "" : v);
        }
      }
    }
    return out;
  }
}
