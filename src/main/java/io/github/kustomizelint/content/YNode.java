package io.github.kustomizelint.content;

import io.github.kustomizelint.model.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of an object's content, as kyaml's RNode holds it: maps keep their key order,
 * scalars keep their text and whether they were plain (which decides their type), and every
 * node keeps where it was written ({@code at} is null for nodes a transformer made).
 * Immutable: a transformer returns a changed copy.
 */
public sealed interface YNode permits YNode.YMap, YNode.YSeq, YNode.YScalar {

  Location at();

  /** A mapping; keys are strings (kustomize refuses others when it writes JSON). */
  record YMap(List<Field> fields, Location at) implements YNode {
    public YMap {
      fields = List.copyOf(fields);
    }

    public static YMap empty() {
      return new YMap(List.of(), null);
    }

    public YNode get(String key) {
      // indexed: the hottest lookup of a render, and its iterator was a tenth of what it
      // allocated
      for (int i = 0; i < fields.size(); i++) {
        Field f = fields.get(i);
        if (f.key().equals(key)) {
          return f.value();
        }
      }
      return null;
    }

    /** The same map with {@code key} set (kept in place if present, else appended). */
    public YMap with(String key, YNode value) {
      List<Field> next = new ArrayList<>(fields);
      for (int i = 0; i < next.size(); i++) {
        if (next.get(i).key().equals(key)) {
          next.set(i, new Field(key, next.get(i).keyAt(), value));
          return new YMap(next, at);
        }
      }
      next.add(new Field(key, null, value));
      return new YMap(next, at);
    }

    public YMap without(String key) {
      List<Field> next = new ArrayList<>(fields);
      next.removeIf(f -> f.key().equals(key));
      return new YMap(next, at);
    }

    /** The string value at {@code key}, or null when absent or not a string scalar. */
    public String string(String key) {
      return get(key) instanceof YScalar s && s.isString() ? s.value() : null;
    }
  }

  record Field(String key, Location keyAt, YNode value) {}

  record YSeq(List<YNode> items, Location at) implements YNode {
    public YSeq {
      items = List.copyOf(items);
    }
  }

  /**
   * A scalar: {@code plain} scalars are typed by go-yaml v3's resolver, quoted ones are
   * strings; {@code tag} is an explicit tag ("!!str") or null.
   */
  record YScalar(String value, boolean plain, String tag, Location at) implements YNode {
    public static YScalar string(String value) {
      return new YScalar(value, false, null, null);
    }

    public boolean isString() {
      return Values.scalar(this) instanceof String;
    }
  }
}
