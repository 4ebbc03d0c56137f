package io.github.kustomizelint.load;

import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The entries of a map with merge keys ({@code <<: *base}) as go-yaml reads them for kustomize:
 * its own entries, then those of each merged map (flattened the same way) whose key is not
 * there yet. Listed only when first read, so flattening a document costs its length, and a
 * chain of maps each merging the one before costs its square only where something reads every
 * link (YamlCache bounds what that can be, see {@link Expansion}).
 */
final class MergedTuples extends AbstractList<NodeTuple> {

  private final List<NodeTuple> own;
  private final List<MappingNode> sources;
  private List<NodeTuple> listed;

  private MergedTuples(List<NodeTuple> own, List<MappingNode> sources) {
    this.own = own;
    this.sources = sources;
  }

  /** The view of m's entries, or null when m has no merge key. */
  static MergedTuples of(MappingNode m) {
    if (m.getValue() instanceof MergedTuples v) {
      return v;
    }
    List<NodeTuple> own = new ArrayList<>();
    List<MappingNode> sources = new ArrayList<>();
    boolean merges = false;
    for (NodeTuple t : m.getValue()) {
      if (!Tag.MERGE.equals(t.getKeyNode().getTag())) {
        own.add(t);
        continue;
      }
      merges = true;
      Node v = t.getValueNode();
      for (Node src : v instanceof SequenceNode s ? s.getValue() : List.of(v)) {
        if (src instanceof MappingNode sm) {
          sources.add(sm);
        }
      }
    }
    return merges ? new MergedTuples(own, sources) : null;
  }

  /** The entries written in the map itself, merge keys left out. */
  static List<NodeTuple> own(MappingNode m) {
    MergedTuples v = of(m);
    return v == null ? m.getValue() : v.own;
  }

  /** The maps m merges, in order. */
  static List<MappingNode> sources(MappingNode m) {
    MergedTuples v = of(m);
    return v == null ? List.of() : v.sources;
  }

  @Override
  public Iterator<NodeTuple> iterator() {
    return listed().iterator();
  }

  @Override
  public int size() {
    return listed().size();
  }

  @Override
  public NodeTuple get(int index) {
    return listed().get(index);
  }

  /**
   * Lists this map and, first, every merged map not listed yet (depth first, with a stack of
   * our own: a chain may be longer than the call stack is deep).
   */
  private List<NodeTuple> listed() {
    if (listed != null) {
      return listed;
    }
    Deque<MergedTuples> todo = new ArrayDeque<>();
    Set<MergedTuples> open = Collections.newSetFromMap(new IdentityHashMap<>());
    todo.push(this);
    while (!todo.isEmpty()) {
      MergedTuples v = todo.peek();
      boolean ready = true;
      if (open.add(v)) {
        for (MappingNode src : v.sources) {
          MergedTuples s = of(src);
          if (s != null && s.listed == null && !open.contains(s)) {
            todo.push(s);
            ready = false;
          }
        }
      }
      if (ready) {
        todo.pop();
        v.list();
      }
    }
    return listed;
  }

  /** Lists this map once the maps it merges are listed. */
  private void list() {
    if (listed != null) {
      return;
    }
    Set<String> keys = new HashSet<>();
    List<NodeTuple> out = new ArrayList<>(own);
    for (NodeTuple t : own) {
      keys.add(key(t)); // its own repeated keys stay: they are reported
    }
    for (MappingNode src : sources) {
      MergedTuples s = of(src);
      // a map merging itself through a cycle contributes what it has so far: nothing
      List<NodeTuple> from = s == null ? src.getValue() : s.listed == null ? s.own : s.listed;
      for (NodeTuple t : from) {
        if (keys.add(key(t))) {
          out.add(t);
        }
      }
    }
    listed = out;
  }

  static String key(NodeTuple t) {
    return String.valueOf(Nodes.text(t.getKeyNode()));
  }
}
