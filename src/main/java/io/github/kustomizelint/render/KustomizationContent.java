package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How kustomize reads the values of a kustomization's own content ({@link Inputs#content}):
 * string maps, lists, and absent values as Go decodes them.
 */
final class KustomizationContent {

  private KustomizationContent() {}

  /**
   * A map of strings as Go reads it into map[string]string: scalars by their text, null as
   * the empty string.
   */
  static Map<String, String> strings(YNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (absent(node)) {
      return out;
    }
    if (!(node instanceof YMap m)) {
      throw new Unmodelled("a map of strings that is not a map", node.at());
    }
    for (YNode.Field f : m.fields()) {
      if (!(f.value() instanceof YScalar s)) {
        throw new Unmodelled("a map of strings with a value that is not a string", f.keyAt());
      }
      out.put(f.key(), Values.scalar(s) == Values.NULL ? "" : s.value());
    }
    return out;
  }

  /**
   * A Go struct's fields as kustomize decodes them through JSON: keys match the field names
   * case-insensitively, and an unknown key makes kustomize fail. Keyed by the names given.
   */
  static Map<String, YNode> struct(YNode node, List<String> names, String what) {
    if (!(node instanceof YMap m)) {
      throw new Unmodelled(what + " that is not a map", node.at());
    }
    Map<String, YNode> out = new LinkedHashMap<>();
    for (YNode.Field f : m.fields()) {
      String name = names.stream().filter(n -> n.equalsIgnoreCase(f.key())).findFirst()
          .orElseThrow(() -> new Unmodelled(what + " with the unknown field '" + f.key()
              + "', where kustomize fails", f.keyAt()));
      if (out.put(name, f.value()) != null) {
        throw new Unmodelled(what + " naming '" + name + "' twice", f.keyAt());
      }
    }
    return out;
  }

  /**
   * The map with each key that names one of {@code names} in another case renamed to it, as
   * Go's JSON decoding reads a struct (the last of keys naming one field wins).
   */
  static YMap canonicalKeys(YMap m, java.util.Set<String> names) {
    if (m.fields().stream().allMatch(f -> names.contains(f.key()))) {
      return m;
    }
    List<YNode.Field> out = new java.util.ArrayList<>();
    for (YNode.Field f : m.fields()) {
      String key = names.stream().filter(n -> n.equalsIgnoreCase(f.key())).findFirst()
          .orElse(f.key());
      out.removeIf(o -> o.key().equals(key));
      out.add(new YNode.Field(key, f.keyAt(), f.value()));
    }
    return new YMap(out, m.at());
  }

  private static final java.util.Set<String> V2_TRUE = java.util.Set.of("y", "Y", "yes", "Yes",
      "YES", "on", "On", "ON", "true", "True", "TRUE");
  private static final java.util.Set<String> V2_FALSE = java.util.Set.of("n", "N", "no", "No",
      "NO", "off", "Off", "OFF", "false", "False", "FALSE");

  /** A Go list field's items: absent or null is empty. */
  static List<YNode> items(YNode n, String what) {
    if (absent(n)) {
      return List.of();
    }
    if (!(n instanceof YNode.YSeq s)) {
      throw new Unmodelled(what + " that are not a list", n.at());
    }
    return s.items();
  }

  /** Whether a field is absent or null, which Go decodes alike. */
  /** A field of kustomize's own types: Go's JSON decoding takes an exact key, else any case. */
  static YNode field(YMap m, String key) {
    YNode exact = m.get(key);
    if (exact != null) {
      return exact;
    }
    for (YNode.Field f : m.fields()) {
      if (f.key().equalsIgnoreCase(key)) {
        return f.value();
      }
    }
    return null;
  }

  static boolean absent(YNode n) {
    return n == null || n instanceof YScalar s && Values.scalar(s) == Values.NULL;
  }

  /** A Go string field: absent or null is "", other non-strings make kustomize fail. */
  static String string(Map<String, YNode> struct, String key) {
    YNode n = struct.get(key);
    if (absent(n)) {
      return "";
    }
    if (!(n instanceof YScalar s && Values.scalar(s) instanceof String)) {
      throw new Unmodelled("'" + key + "' that is not a string, where kustomize fails", n.at());
    }
    return s.value();
  }

  /** A Go bool field: absent or null is false. */
  static boolean bool(Map<String, YNode> struct, String key) {
    return bool(struct.get(key), key);
  }

  /** A Go bool field's value {@code n}: absent or null is false. */
  static boolean bool(YNode n, String key) {
    if (absent(n)) {
      return false;
    }
    if (n instanceof YScalar s && s.plain() && s.tag() == null) {
      // kustomize decodes its own files with go-yaml v2: YAML 1.1's bool words
      if (V2_TRUE.contains(s.value())) {
        return true;
      }
      if (V2_FALSE.contains(s.value())) {
        return false;
      }
    }
    if (n instanceof YScalar s && Values.scalar(s) instanceof Boolean b) {
      return b;
    }
    throw new Unmodelled("'" + key + "' that is not a bool", n.at());
  }
}
