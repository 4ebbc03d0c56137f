package io.github.kustomizelint.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * How many nodes a document stands for once its aliases and merge keys expand, in time linear
 * in the document: a merged map's entries are counted by key, and a map merged only once hands
 * its count on instead of copying it, so a chain of maps each merging the one before is not
 * walked again at every link. What is copied for maps merged more than once is itself part of
 * the expansion, and counted against the same bound.
 */
final class Expansion {

  /** The entries of a merged map by key, each with the nodes it stands for, and their sum. */
  private static final class Entries {
    final Map<String, Long> cost;
    long sum;

    Entries(Map<String, Long> cost, long sum) {
      this.cost = cost;
      this.sum = sum;
    }

    void put(String key, long c, boolean override) {
      Long old = override ? cost.put(key, c) : cost.putIfAbsent(key, c);
      if (old == null) {
        sum += c;
      } else if (override) {
        sum += c - old;
      }
    }
  }

  private final long max;
  private final Map<Node, Long> size = new IdentityHashMap<>();
  private final Map<MappingNode, Integer> uses = new IdentityHashMap<>();
  private final Map<MappingNode, Entries> entries = new IdentityHashMap<>();
  private long copied;

  private Expansion(long max) {
    this.max = max;
  }

  /** The first node (innermost first) that stands for more than max nodes, or null. */
  static Node overExpanded(Node root, long max) {
    return new Expansion(max).run(root);
  }

  private Node run(Node root) {
    Deque<Node> todo = new ArrayDeque<>();
    Map<Node, Boolean> met = new IdentityHashMap<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (met.put(n, Boolean.TRUE) == null) {
        if (n instanceof MappingNode m) {
          MergedTuples.sources(m).forEach(s -> uses.merge(s, 1, Integer::sum));
        }
        children(n).forEach(todo::push);
      }
    }
    todo.push(root);
    while (!todo.isEmpty()) {
      Node n = todo.peek();
      if (size.containsKey(n)) {
        todo.pop();
        continue;
      }
      boolean ready = true;
      for (Node c : children(n)) {
        if (!size.containsKey(c)) {
          todo.push(c);
          ready = false;
        }
      }
      if (!ready) {
        continue;
      }
      todo.pop();
      long total = n instanceof MappingNode m ? map(m) : sum(children(n));
      size.put(n, total);
      if (total > max) {
        return n;
      }
    }
    return null;
  }

  private long sum(List<Node> children) {
    long total = 1;
    for (Node c : children) {
      total = Math.min(max + 1, total + size.get(c));
    }
    return total;
  }

  private long map(MappingNode m) {
    List<MappingNode> sources = MergedTuples.sources(m);
    boolean merged = !uses.getOrDefault(m, 0).equals(0);
    if (sources.isEmpty() && !merged) {
      return sum(children(m));
    }
    Entries acc = null;
    for (MappingNode s : sources) {
      Entries from = handOver(s);
      if (acc == null) {
        acc = from;
      } else {
        for (Map.Entry<String, Long> e : from.cost.entrySet()) {
          acc.put(e.getKey(), e.getValue(), false);
        }
        copied += from.cost.size();
      }
    }
    if (acc == null) {
      acc = new Entries(new HashMap<>(), 0);
    }
    // Own entries win over merged ones; of own repeated keys the first is merged onwards,
    // while each still counts here.
    Entries own = new Entries(new HashMap<>(), 0);
    long repeated = 0;
    for (NodeTuple t : MergedTuples.own(m)) {
      long c = Math.min(max + 1, size.get(t.getKeyNode()) + size.get(t.getValueNode()));
      if (own.cost.putIfAbsent(MergedTuples.key(t), c) != null) {
        repeated += c;
      }
    }
    for (Map.Entry<String, Long> e : own.cost.entrySet()) {
      acc.put(e.getKey(), e.getValue(), true);
    }
    if (merged) {
      entries.put(m, acc);
    }
    return copied > max ? max + 1 : Math.min(max + 1, 1 + acc.sum + repeated);
  }

  /** A merged map's entries: taken over by its last user, copied for the others. */
  private Entries handOver(MappingNode s) {
    int left = uses.merge(s, -1, Integer::sum);
    Entries e = left == 0 ? entries.remove(s) : entries.get(s);
    if (e == null) {
      return new Entries(new HashMap<>(), 0); // not counted yet: only through a cycle
    }
    if (left == 0) {
      return e;
    }
    copied += e.cost.size();
    return new Entries(new HashMap<>(e.cost), e.sum);
  }

  /** What a node is made of as written: a merged map's own keys and values and the maps it merges. */
  static List<Node> children(Node n) {
    if (n instanceof SequenceNode s) {
      return s.getValue();
    }
    if (n instanceof MappingNode m) {
      List<NodeTuple> own = MergedTuples.own(m);
      List<Node> out = new java.util.ArrayList<>(own.size() * 2 + 1);
      for (NodeTuple t : own) {
        out.add(t.getKeyNode());
        out.add(t.getValueNode());
      }
      out.addAll(MergedTuples.sources(m));
      return out;
    }
    return List.of();
  }
}
