package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Location;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
    // SnakeYAML's end mark is just past the node, which is SARIF's exclusive end.
    return new Location(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1,
        node.getEndMark() == null ? 0 : node.getEndMark().getLine() + 1,
        node.getEndMark() == null ? 0 : node.getEndMark().getColumn() + 1);
  }

  /** The entry for key; kustomize lets the last of repeated keys win, and so do we. */
  public static NodeTuple tuple(Node map, String key) {
    return last(map, key, false);
  }

  /**
   * A field of kustomize's own types: Go's JSON decoding matches names in any case, and the
   * last of repeated keys wins.
   */
  public static NodeTuple fieldTuple(Node map, String key) {
    return last(map, key, true);
  }

  private static NodeTuple last(Node map, String key, boolean anyCase) {
    NodeTuple found = null;
    if (map instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k
            && (anyCase ? key.equalsIgnoreCase(k.getValue()) : key.equals(k.getValue()))) {
          found = t;
        }
      }
    }
    return found;
  }

  public static Node field(Node map, String key) {
    NodeTuple t = fieldTuple(map, key);
    return t == null ? null : t.getValueNode();
  }

  public static String fieldText(Node map, String key) {
    return text(field(map, key));
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

  /**
   * The objects of a document as kustomize reads them: a map whose kind ends in "List" and
   * whose items are a list stands for its items, nested to any depth. An explicit stack, so the
   * depth the input chooses never reaches the call stack.
   */
  static java.util.List<Node> inlineLists(Node doc) {
    java.util.List<Node> out = new java.util.ArrayList<>();
    java.util.Deque<Node> todo = new java.util.ArrayDeque<>();
    todo.push(doc);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      String kind = n instanceof MappingNode ? text(n, "kind") : null;
      if (kind != null && kind.endsWith("List")
          && get(n, "items") instanceof org.yaml.snakeyaml.nodes.SequenceNode s) {
        for (int i = s.getValue().size() - 1; i >= 0; i--) {
          todo.push(s.getValue().get(i));
        }
      } else {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * Applies YAML merge keys ({@code <<: *base}) under root, as go-yaml does for kustomize: keys
   * written in the map win over merged ones, earlier merged maps over later ones. Each map with
   * merge keys gets a view of its entries ({@link MergedTuples}), never a copy, so the work is
   * linear in the document however long a chain of maps merging each other is.
   */
  public static void flattenMerges(Node root) {
    java.util.Deque<Node> todo = new java.util.ArrayDeque<>();
    java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    todo.push(root);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (!seen.add(n)) {
        continue;
      }
      if (n instanceof MappingNode m) {
        MergedTuples view = MergedTuples.of(m);
        if (view != null) {
          m.setValue(view);
        }
        MergedTuples.own(m).forEach(t -> todo.push(t.getValueNode()));
        MergedTuples.sources(m).forEach(todo::push);
      } else if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode s) {
        s.getValue().forEach(todo::push);
      }
    }
  }

  /**
   * The first key repeated in a map anywhere under root, as [first, repeat], or null.
   *
   * @param shared the document uses anchors, so nodes may be shared (and seen twice)
   */
  public static Node[] repeatedKey(Node root, boolean shared) {
    java.util.Deque<Node> todo = new java.util.ArrayDeque<>();
    java.util.Set<Node> seen = shared
        ? java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()) : null;
    // merged maps whose values are pushed already (a chain is walked once, not at every link)
    java.util.Set<MappingNode> walked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    todo.push(root);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (seen != null && !seen.add(n)) {
        continue;
      }
      if (n instanceof MappingNode m) {
        // A map's own keys; what it merges is walked for its values only: kustomize takes
        // the first of keys repeated in a merged map (kubectl: <<: {a: "1", a: "2"} builds).
        List<NodeTuple> tuples = MergedTuples.own(m);
        for (MappingNode src : MergedTuples.sources(m)) {
          mergedValues(src, todo, walked);
        }
        java.util.Map<String, Node> keys = tuples.size() > 1 ? new java.util.HashMap<>() : null;
        for (NodeTuple t : tuples) {
          String k = text(t.getKeyNode());
          Node first = k == null || keys == null ? null : keys.putIfAbsent(k, t.getKeyNode());
          if (first != null) {
            return new Node[] {first, t.getKeyNode()};
          }
          todo.push(t.getValueNode());
        }
      } else if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode s) {
        s.getValue().forEach(todo::push);
      }
    }
    return null;
  }

  /**
   * The first key repeated in a map nested at least {@code depth} maps deep (the root map is
   * 1), reached through maps only, as [first, repeat], or null. Merge keys are not followed.
   */
  public static Node[] repeatedKeyFrom(Node root, int depth) {
    return repeatedKeyFrom(root, depth, 1);
  }

  private static Node[] repeatedKeyFrom(Node n, int depth, int level) {
    if (!(n instanceof MappingNode m)) {
      return null;
    }
    java.util.Map<String, Node> keys = new java.util.HashMap<>();
    for (NodeTuple t : m.getValue()) {
      String k = text(t.getKeyNode());
      Node first = k == null ? null : keys.putIfAbsent(k, t.getKeyNode());
      if (first != null && level >= depth) {
        return new Node[] {first, t.getKeyNode()};
      }
      Node[] below = repeatedKeyFrom(t.getValueNode(), depth, level + 1);
      if (below != null) {
        return below;
      }
    }
    return null;
  }

  /** Pushes the values of a merged map and of the maps it merges, each map once. */
  private static void mergedValues(MappingNode src, java.util.Deque<Node> todo,
      java.util.Set<MappingNode> walked) {
    java.util.Deque<MappingNode> maps = new java.util.ArrayDeque<>();
    maps.push(src);
    while (!maps.isEmpty()) {
      MappingNode m = maps.pop();
      if (walked.add(m)) {
        MergedTuples.own(m).forEach(t -> todo.push(t.getValueNode()));
        MergedTuples.sources(m).forEach(maps::push);
      }
    }
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
