package io.github.kustomizelint.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The merge keys and patch strategies of kustomize's built-in OpenAPI data (merge-keys.tsv):
 * a type is a name, a field of a type has a type or is a list with a strategy. A kind not in
 * the table has no schema, so its lists are replaced, as kustomize replaces them.
 */
final class MergeSchema {

  /** A list field: its element type (null for scalars), strategy and merge keys. */
  record ListField(String elementType, String strategy, List<String> keys) {
    boolean merges() {
      return List.of(strategy.split(",")).contains("merge");
    }
  }

  private static final String OBJECT_META = "ObjectMeta";
  private static final Map<String, String> KINDS = new HashMap<>();
  private static final Map<String, String> FIELDS = new HashMap<>();
  private static final Map<String, ListField> LISTS = new HashMap<>();

  static {
    try (InputStream in = MergeSchema.class.getResourceAsStream("merge-keys.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] c = line.split("\t", -1);
        switch (c[0]) {
          case "kind" -> KINDS.put(c[1] + " " + c[2], c[3]);
          case "field" -> FIELDS.put(c[1] + "." + c[2], c[3]);
          case "list" -> LISTS.put(c[1] + "." + c[2], new ListField(c[3].equals("-") ? null : c[3],
              c[4], c[5].isEmpty() ? List.of() : List.of(c[5].split(","))));
          default -> throw new IllegalStateException("merge-keys.tsv: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MergeSchema() {}

  /** The kinds that have a type in some apiVersion. */
  static java.util.Set<String> kinds() {
    return KIND_NAMES;
  }

  private static final java.util.Set<String> KIND_NAMES = new java.util.TreeSet<>();

  static {
    KINDS.keySet().forEach(k -> KIND_NAMES.add(k.substring(k.indexOf(' ') + 1)));
  }

  /** The type of an object of this apiVersion and kind, or null when kustomize has none. */
  static String typeOf(String apiVersion, String kind) {
    return KINDS.get(apiVersion + " " + kind);
  }

  /** The type of a map field, or null (no schema below it). */
  static String field(String type, String key) {
    if (type == null) {
      return null;
    }
    if (key.equals("metadata") && KINDS.containsValue(type)) {
      return OBJECT_META;
    }
    return FIELDS.get(type + "." + key);
  }

  /** The list field's strategy, or null (replaced as a whole). */
  static ListField list(String type, String key) {
    return type == null ? null : LISTS.get(type + "." + key);
  }
}
