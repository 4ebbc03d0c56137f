package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNode.YSeq;
import io.github.kustomizelint.model.Location;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * RFC 6902 as kustomize applies it (evanphx/json-patch v4): a replace on a missing map key
 * adds it, negative indices count from the end, a test of a missing path against null
 * passes; a missing parent, a remove of a missing key or an index out of range fails.
 * Values are typed by go-yaml v2, as kustomize reads the patch (so {@code yes} is true).
 */
public final class JsonPatch {

  /**
   * An operation kustomize fails on; {@code at} is the operation in the patch, and
   * {@code pathMissing} tells a path (or index) that is not there from a failed test or an
   * unknown op.
   */
  public static final class Failure extends RuntimeException {
    private final transient Location at;
    private final boolean pathMissing;

    Failure(String message, Location at) {
      this(message, at, true);
    }

    Failure(String message, Location at, boolean pathMissing) {
      super(message, null, false, false);
      this.at = at;
      this.pathMissing = pathMissing;
    }

    public Location at() {
      return at;
    }

    public boolean pathMissing() {
      return pathMissing;
    }
  }

  private record Op(String op, List<String> path, String pathText, List<String> from,
      YNode value, Location at, Location fromAt) {

    /** The same operation failing at its {@code from}. */
    Op atFrom() {
      return new Op(op, from, "/" + String.join("/", from), from, value, fromAt, fromAt);
    }
  }

  private static final Set<String> V2_BOOLS = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N",
      "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "true", "True", "TRUE", "false",
      "False", "FALSE");
  private static final Set<String> V2_TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "on", "On",
      "ON", "true", "True", "TRUE");
  // Only a scalar v2 could read as a number or timestamp (a digit or '.' first) can differ:
  // with '_' or ':' in it, a leading 0, or 0b/0o; a letter first is a string to both.
  private static final Pattern V2_DIFFERS = Pattern.compile(
      "[-+]?(0[0-9].*|[0-9.].*[_:].*|0[bBoO].*)");
  private static final BigInteger FLOAT_EXACT = BigInteger.ONE.shiftLeft(53);

  private final List<Op> ops;

  private JsonPatch(List<Op> ops) {
    this.ops = ops;
  }

  /** Reads an operation list; what kustomize refuses to decode is unmodelled here. */
  public static JsonPatch of(YNode doc) {
    if (!(doc instanceof YSeq seq)) {
      throw new Unmodelled("a JSON patch that is not a list of operations", doc.at());
    }
    List<Op> ops = new ArrayList<>();
    for (YNode n : seq.items()) {
      if (!(n instanceof YMap m) || m.string("op") == null || m.string("path") == null) {
        throw new Unmodelled("a JSON patch operation without op or path", n.at());
      }
      String op = m.string("op");
      String path = m.string("path");
      String from = m.string("from");
      if (path.isEmpty() || "".equals(from)) {
        throw new Unmodelled("a JSON patch on the whole document (path \"\")", n.at());
      }
      YNode value = m.get("value");
      if (value == null && Set.of("add", "replace", "test").contains(op)) {
        throw new Unmodelled("a JSON patch '" + op + "' without a value", n.at());
      }
      if (from == null && Set.of("move", "copy").contains(op)) {
        throw new Unmodelled("a JSON patch '" + op + "' without from", n.at());
      }
      // failures point at the path the user has to fix
      Location at = m.get("path").at() == null ? n.at() : m.get("path").at();
      Location fromAt = from == null || m.get("from").at() == null ? at : m.get("from").at();
      ops.add(new Op(op, pointer(path, at), path, from == null ? null : pointer(from, fromAt),
          value == null ? null : v2(value), at, fromAt));
    }
    return new JsonPatch(ops);
  }

  /** The object with every operation applied, in order. */
  public YMap apply(YMap object) {
    YNode doc = object;
    for (Op op : ops) {
      doc = apply(doc, op);
    }
    checkExact(doc);
    return (YMap) doc;
  }

  private static YNode apply(YNode doc, Op op) {
    List<String> path = op.path();
    String last = path.get(path.size() - 1);
    List<String> parent = path.subList(0, path.size() - 1);
    switch (op.op()) {
      case "add":
        return inParent(doc, parent, op, "add operation does not apply: doc is missing path",
            c -> add(c, last, op.value(), op));
      case "remove":
        return inParent(doc, parent, op, "remove operation does not apply: doc is missing path",
            c -> remove(c, last, op));
      case "replace":
        return inParent(doc, parent, op, "replace operation does not apply: doc is missing path",
            c -> replace(c, last, op));
      case "move": {
        List<String> from = op.from();
        String fromLast = from.get(from.size() - 1);
        YNode[] moved = new YNode[1];
        YNode removed = inParent(doc, from.subList(0, from.size() - 1), op.atFrom(),
            "move operation does not apply: doc is missing from path", c -> {
              moved[0] = child(c, fromLast);
              return remove(c, fromLast, op.atFrom());
            });
        return inParent(removed, parent, op,
            "move operation does not apply: doc is missing destination path",
            c -> add(c, last, moved[0], op));
      }
      case "copy": {
        YNode value = find(doc, op.from());
        if (value == null) {
          throw new Unmodelled("a JSON patch copy from a missing path", op.at());
        }
        return inParent(doc, parent, op, "copy operation does not apply: doc is missing"
            + " destination path", c -> add(c, last, value, op));
      }
      case "test": {
        YNode container = find(doc, parent);
        if (container == null || container instanceof YScalar) {
          throw new Failure("test operation does not apply: is missing path: " + op.pathText(),
              op.at());
        }
        YNode actual = child(container, last);
        boolean passes = actual == null ? StrategicMerges.isNull(op.value())
            : same(actual, op.value());
        if (!passes) {
          throw new Failure("testing value " + op.pathText() + " failed: test failed", op.at(),
              false);
        }
        return doc;
      }
      default:
        throw new Failure("Unexpected kind: " + op.op(), op.at(), false);
    }
  }

  /** The document with the container at {@code parent} changed; fails when it is missing. */
  private static YNode inParent(YNode doc, List<String> parent, Op op, String missing,
      UnaryOperator<YNode> change) {
    if (parent.isEmpty()) {
      return change.apply(doc);
    }
    YNode next = child(doc, parent.get(0));
    if (next == null || next instanceof YScalar) {
      throw new Failure(missing + ": " + op.pathText(), op.at());
    }
    YNode changed = inParent(next, parent.subList(1, parent.size()), op, missing, change);
    return set(doc, parent.get(0), changed);
  }

  private static YNode find(YNode doc, List<String> path) {
    YNode n = doc;
    for (String seg : path) {
      n = n == null ? null : child(n, seg);
    }
    return n;
  }

  /** The child at a map key or list index (negative from the end), or null. */
  private static YNode child(YNode c, String key) {
    if (c instanceof YMap m) {
      return m.get(key);
    }
    if (c instanceof YSeq s) {
      Integer i = index(key, s.items().size());
      return i == null ? null : s.items().get(i);
    }
    return null;
  }

  private static YNode set(YNode c, String key, YNode value) {
    if (c instanceof YMap m) {
      return m.with(key, value);
    }
    YSeq s = (YSeq) c;
    List<YNode> items = new ArrayList<>(s.items());
    items.set(index(key, items.size()), value);
    return new YSeq(items, s.at());
  }

  private static YNode add(YNode c, String key, YNode value, Op op) {
    if (c instanceof YMap m) {
      return m.with(key, value);
    }
    if (!(c instanceof YSeq s)) {
      throw new Failure("add operation does not apply: doc is missing path: " + op.pathText(),
          op.at());
    }
    List<YNode> items = new ArrayList<>(s.items());
    if (key.equals("-")) {
      items.add(value);
    } else {
      Integer i = index(key, items.size() + 1);
      if (i == null) {
        throw new Failure("error in add for path: '" + op.pathText() + "': Unable to access"
            + " invalid index: " + key + ": invalid index referenced", op.at());
      }
      items.add(i, value);
    }
    return new YSeq(items, s.at());
  }

  private static YNode remove(YNode c, String key, Op op) {
    if (c instanceof YMap m) {
      if (m.get(key) == null) {
        throw new Failure("error in remove for path: '" + op.pathText() + "': Unable to remove"
            + " nonexistent key: " + key + ": missing value", op.at());
      }
      return m.without(key);
    }
    YSeq s = (YSeq) c;
    Integer i = index(key, s.items().size());
    if (i == null) {
      throw new Failure("error in remove for path: '" + op.pathText() + "': Unable to access"
          + " invalid index: " + key + ": invalid index referenced", op.at());
    }
    List<YNode> items = new ArrayList<>(s.items());
    items.remove((int) i);
    return new YSeq(items, s.at());
  }

  private static YNode replace(YNode c, String key, Op op) {
    if (c instanceof YSeq s && index(key, s.items().size()) == null) {
      throw new Failure("replace operation does not apply: doc is missing key: "
          + op.pathText() + ": missing value", op.at());
    }
    return set(c, key, op.value());
  }

  /** A list index in [-size, size), as a position, or null when out of range or no number. */
  private static Integer index(String key, int size) {
    if (!key.matches("-?[0-9]{1,9}")) {
      return null;
    }
    int i = Integer.parseInt(key);
    if (i < 0) {
      i += size;
    }
    return i < 0 || i >= size ? null : i;
  }

  private static List<String> pointer(String text, Location at) {
    if (!text.startsWith("/")) {
      throw new Unmodelled("a JSON patch path that does not start with '/'", at);
    }
    List<String> out = new ArrayList<>();
    for (String seg : text.substring(1).split("/", -1)) {
      out.add(seg.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** The value as go-yaml v2 types it; plain scalars v2 and v3 read apart are unmodelled. */
  private static YNode v2(YNode n) {
    if (n instanceof YMap m) {
      List<YNode.Field> out = new ArrayList<>();
      m.fields().forEach(f -> out.add(new YNode.Field(f.key(), f.keyAt(), v2(f.value()))));
      return new YMap(out, m.at());
    }
    if (n instanceof YSeq s) {
      return new YSeq(s.items().stream().map(JsonPatch::v2).toList(), s.at());
    }
    YScalar s = (YScalar) n;
    if (!s.plain() || s.tag() != null) {
      return s;
    }
    if (V2_BOOLS.contains(s.value())) {
      return new YScalar(V2_TRUE.contains(s.value()) ? "true" : "false", true, null, s.at());
    }
    if (V2_DIFFERS.matcher(s.value()).matches()) {
      throw new Unmodelled("a JSON patch value go-yaml v2 may read differently: " + s.value(),
          s.at());
    }
    return s;
  }

  static boolean same(YNode a, YNode b) {
    if (a instanceof YMap x && b instanceof YMap y) {
      return x.fields().size() == y.fields().size() && x.fields().stream()
          .allMatch(f -> y.get(f.key()) != null && same(f.value(), y.get(f.key())));
    }
    if (a instanceof YSeq x && b instanceof YSeq y) {
      if (x.items().size() != y.items().size()) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        if (!same(x.items().get(i), y.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof YScalar x && b instanceof YScalar y) {
      Object u = Values.scalar(x);
      Object v = Values.scalar(y);
      if (u instanceof Number p && v instanceof Number q) {
        return new BigDecimal(p.toString()).compareTo(new BigDecimal(q.toString())) == 0;
      }
      return u.equals(v);
    }
    return false;
  }

  // kustomize reads the patched JSON back through float64: larger integers would change.
  private static void checkExact(YNode n) {
    if (n instanceof YMap m) {
      m.fields().forEach(f -> checkExact(f.value()));
    } else if (n instanceof YSeq s) {
      s.items().forEach(JsonPatch::checkExact);
    } else if (Values.scalar((YScalar) n) instanceof BigInteger i
        && i.abs().compareTo(FLOAT_EXACT) > 0) {
      throw new Unmodelled("an integer beyond 2^53 in a JSON-patched object", n.at());
    }
  }
}
