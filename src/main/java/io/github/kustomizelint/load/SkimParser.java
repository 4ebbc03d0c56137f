package io.github.kustomizelint.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads resource manifests from SnakeYAML's events: of each document it composes only what
 * {@link ManifestReader} reads of its objects (apiVersion, kind, metadata, RoleBinding
 * subjects, and the items of a List, recursively),
 * with the nodes and marks full composition would give; every other subtree is scanned and
 * dropped. Wherever that could read differently from {@link YamlCache}'s full composition it
 * gives up (null) and the caller composes the file: anchors and aliases, merge keys, explicit
 * tags, repeated or complex keys, nesting deeper than {@link #MAX_DEPTH}, a document that is
 * not a map, and any YAML that does not parse (so its finding is the full reader's).
 */
final class SkimParser {

  /** Deeper documents are rare; full composition handles them on a stack of its own. */
  static final int MAX_DEPTH = 1000;

  /** The skeletons of the non-empty documents, and whether the first document was empty. */
  record Skim(List<Node> documents, boolean firstEmpty) {}

  /** Skimming would not read as full composition does. */
  private static final class GiveUp extends RuntimeException {
    private static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final int[] NO_TEXT = {};

  private final Parser parser;
  private final Resolver resolver = YamlCache.RESOLVER;
  private final Keys keys = new Keys();

  private SkimParser(String text) {
    this.parser = new ParserImpl(new StreamReader(text), YamlCache.options());
  }

  /** The skim of text (as {@link YamlCache} composes it: tabs already made spaces), or null. */
  static Skim skim(String text) {
    try {
      return new SkimParser(text).run();
    } catch (RuntimeException | StackOverflowError e) {
      // GiveUp, or YAML that does not parse: the full reader says exactly how.
      return null;
    }
  }

  private Skim run() {
    List<Node> docs = new ArrayList<>();
    boolean first = true;
    boolean firstEmpty = false;
    parser.getEvent(); // stream start
    while (!parser.checkEvent(Event.ID.StreamEnd)) {
      parser.getEvent(); // document start
      Node doc = document();
      parser.getEvent(); // document end
      if (first) {
        firstEmpty = doc == null;
        first = false;
      }
      if (doc != null) {
        docs.add(doc);
      }
    }
    return new Skim(docs, firstEmpty);
  }

  /** The document's skeleton, or null for null and {} (which kustomize drops). */
  private Node document() {
    Event e = parser.getEvent();
    plain(e);
    if (e instanceof ScalarEvent s && s.isPlain()
        && Tag.NULL.equals(resolver.resolve(NodeId.scalar, s.getValue(), true))) {
      return null;
    }
    if (!(e instanceof MappingStartEvent m)) {
      throw GiveUp.INSTANCE; // a list or scalar document: rare, and read with its contents
    }
    if (parser.checkEvent(Event.ID.MappingEnd)) {
      parser.getEvent();
      return null;
    }
    return object(m, 1);
  }

  /** A map whose identity fields are composed and whose other values are skipped. */
  private MappingNode object(MappingStartEvent start, int depth) {
    List<NodeTuple> kept = new ArrayList<>(4);
    keys.open();
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      ScalarEvent k = key(parser.getEvent());
      if (ManifestReader.FIELDS.contains(k.getValue())) {
        kept.add(new NodeTuple(scalar(k), compose(parser.getEvent(), depth + 1)));
      } else if (k.getValue().equals("items")) {
        kept.add(new NodeTuple(scalar(k), items(parser.getEvent(), depth + 1)));
      } else {
        skip(parser.getEvent(), depth + 1);
      }
    }
    keys.close();
    return new MappingNode(Tag.MAP, true, kept, at(start.getStartMark()), at(parser.getEvent().getEndMark()),
        start.getFlowStyle());
  }

  /** A List's items: each map among them is an object of its own. */
  private Node items(Event e, int depth) {
    if (!(e instanceof SequenceStartEvent s)) {
      return compose(e, depth);
    }
    plain(e);
    depth(depth);
    List<Node> out = new ArrayList<>();
    while (!parser.checkEvent(Event.ID.SequenceEnd)) {
      Event item = parser.getEvent();
      out.add(item instanceof MappingStartEvent m && plain(m) ? object(m, depth + 1)
          : compose(item, depth + 1));
    }
    return new SequenceNode(Tag.SEQ, true, out, at(s.getStartMark()), at(parser.getEvent().getEndMark()),
        s.getFlowStyle());
  }

  /** The node starting at e, composed as SnakeYAML's Composer does (tags resolved alike). */
  private Node compose(Event e, int depth) {
    plain(e);
    if (e instanceof ScalarEvent s) {
      return scalar(s);
    }
    depth(depth);
    if (e instanceof SequenceStartEvent s) {
      List<Node> out = new ArrayList<>();
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        out.add(compose(parser.getEvent(), depth + 1));
      }
      return new SequenceNode(Tag.SEQ, true, out, at(s.getStartMark()), at(parser.getEvent().getEndMark()),
          s.getFlowStyle());
    }
    MappingStartEvent m = (MappingStartEvent) e;
    List<NodeTuple> out = new ArrayList<>();
    keys.open();
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Node key = scalar(key(parser.getEvent()));
      out.add(new NodeTuple(key, compose(parser.getEvent(), depth + 1)));
    }
    keys.close();
    return new MappingNode(Tag.MAP, true, out, at(m.getStartMark()), at(parser.getEvent().getEndMark()),
        m.getFlowStyle());
  }

  /**
   * Reads past the node starting at e without building it, still giving up on what would
   * make full composition differ. An explicit stack: the input chooses the depth.
   */
  private void skip(Event e, int depth) {
    plain(e);
    if (!(e instanceof CollectionStartEvent)) {
      return;
    }
    // per open collection: is it a map, and is its next node a key
    boolean[] map = new boolean[8];
    boolean[] atKey = new boolean[8];
    int top = 0;
    map[0] = e instanceof MappingStartEvent;
    atKey[0] = true;
    if (map[0]) {
      keys.open();
    }
    depth(depth);
    while (top >= 0) {
      Event next = parser.getEvent();
      if (next.is(Event.ID.MappingEnd) || next.is(Event.ID.SequenceEnd)) {
        if (map[top]) {
          keys.close();
        }
        top--;
        continue;
      }
      if (map[top] && atKey[top]) {
        key(next);
        atKey[top] = false;
        continue;
      }
      atKey[top] = true;
      plain(next);
      if (next instanceof CollectionStartEvent) {
        depth(depth + ++top);
        if (top == map.length) {
          map = java.util.Arrays.copyOf(map, top * 2);
          atKey = java.util.Arrays.copyOf(atKey, top * 2);
        }
        map[top] = next instanceof MappingStartEvent;
        atKey[top] = true;
        if (map[top]) {
          keys.open();
        }
      }
    }
  }

  /** A key of the innermost open map: a plain-composable scalar, not a merge, not repeated. */
  private ScalarEvent key(Event e) {
    plain(e);
    if (!(e instanceof ScalarEvent s) || s.getValue().equals("<<") || !keys.add(s.getValue())) {
      throw GiveUp.INSTANCE;
    }
    return s;
  }

  private ScalarNode scalar(ScalarEvent s) {
    Tag tag = resolver.resolve(NodeId.scalar, s.getValue(), s.getImplicit().canOmitTagInPlainScalar());
    return new ScalarNode(tag, true, s.getValue(), at(s.getStartMark()), at(s.getEndMark()),
        s.getScalarStyle());
  }

  /**
   * The mark without the reader's buffer it points into, so a kept node does not keep a
   * window of the file's text alive, and without an offset (-1): the text read may have had
   * its bodies dropped ({@link BodyElision}), so only line and column are the file's.
   */
  private static Mark at(Mark m) {
    return new Mark(m.getName(), -1, m.getLine(), m.getColumn(), NO_TEXT, 0);
  }

  /** Gives up on an alias, an anchor or an explicit tag; true otherwise. */
  private static boolean plain(Event e) {
    if (e.is(Event.ID.Alias) || (e instanceof NodeEvent n && n.getAnchor() != null)
        || (e instanceof ScalarEvent s && s.getTag() != null)
        || (e instanceof CollectionStartEvent c && c.getTag() != null)) {
      throw GiveUp.INSTANCE;
    }
    return true;
  }

  private static void depth(int depth) {
    if (depth > MAX_DEPTH) {
      throw GiveUp.INSTANCE;
    }
  }

  /**
   * The keys of every open map, to find a repeat: a short list scanned while a map is small,
   * a set once it grows.
   */
  private static final class Keys {
    private static final int SCAN = 8;
    private String[] keys = new String[64];
    private int size;
    private int[] start = new int[16];
    private final List<Set<String>> sets = new ArrayList<>();
    private int depth = -1;

    void open() {
      depth++;
      if (depth == start.length) {
        start = java.util.Arrays.copyOf(start, depth * 2);
      }
      start[depth] = size;
      if (sets.size() == depth) {
        sets.add(null);
      }
    }

    /** False when key is already a key of the innermost map. */
    boolean add(String key) {
      Set<String> set = sets.get(depth);
      if (set != null) {
        return set.add(key);
      }
      for (int i = start[depth]; i < size; i++) {
        if (keys[i].equals(key)) {
          return false;
        }
      }
      if (size - start[depth] == SCAN) {
        set = new HashSet<>(java.util.Arrays.asList(keys).subList(start[depth], size));
        set.add(key);
        sets.set(depth, set);
        return true;
      }
      if (size == keys.length) {
        keys = java.util.Arrays.copyOf(keys, size * 2);
      }
      keys[size++] = key;
      return true;
    }

    void close() {
      size = start[depth];
      sets.set(depth, null);
      depth--;
    }
  }
}
