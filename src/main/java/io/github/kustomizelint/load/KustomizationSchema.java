package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Location;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The nested structs of kustomize v5.5's Kustomization type, for its strict decoding: an
 * unknown field anywhere in them makes kustomize refuse the file. Field names match in any
 * case, as Go's JSON decoding does. Maps of free keys (labels, options) are not checked.
 */
final class KustomizationSchema {

  /** A struct: its fields, each with the struct it holds (or a list of); no fields: a leaf. */
  private record Struct(Map<String, Struct> fields) {}

  private static final Struct LEAF = new Struct(Map.of());
  private static final Struct SELECTOR = new Struct(Map.of("group", none(), "version", none(),
      "kind", none(), "name", none(), "namespace", none(), "annotationSelector", none(),
      "labelSelector", none()));
  private static final Struct PATCH = new Struct(Map.of("path", none(), "patch", none(),
      "target", SELECTOR, "options", none()));
  private static final Struct GENERATOR_OPTIONS = new Struct(Map.of("labels", none(),
      "annotations", none(), "disableNameSuffixHash", none(), "immutable", none()));
  private static final Struct GENERATOR = new Struct(Map.of("namespace", none(), "name", none(),
      "behavior", none(), "literals", none(), "files", none(), "envs", none(), "env", none(),
      "options", GENERATOR_OPTIONS, "type", none()));
  private static final Struct FIELD_OPTIONS = new Struct(Map.of("delimiter", none(),
      "index", none(), "encoding", none(), "create", none()));
  private static final Struct SOURCE = new Struct(Map.of("group", none(), "version", none(),
      "kind", none(), "name", none(), "namespace", none(), "fieldPath", none(),
      "options", FIELD_OPTIONS));
  private static final Struct TARGET = new Struct(Map.of("select", SELECTOR, "reject", SELECTOR,
      "fieldPaths", none(), "options", FIELD_OPTIONS));
  private static final Struct REPLACEMENT = new Struct(Map.of("path", none(), "source", SOURCE,
      "targets", TARGET));

  /** The top-level fields whose values are checked, with their struct. */
  private static final Map<String, Struct> FIELDS = Map.of(
      "patches", PATCH,
      "patchesJson6902", PATCH,
      "labels", new Struct(Map.of("pairs", none(), "includeSelectors", none(),
          "includeTemplates", none(), "fields", none())),
      "configMapGenerator", GENERATOR,
      "secretGenerator", GENERATOR,
      "generatorOptions", GENERATOR_OPTIONS,
      "replacements", REPLACEMENT,
      "vars", new Struct(Map.of("name", none(), "objref", new Struct(Map.of("apiVersion", none(),
          "group", none(), "version", none(), "kind", none(), "name", none(),
          "namespace", none())), "fieldref", new Struct(Map.of("fieldPath", none())))),
      "images", new Struct(Map.of("name", none(), "newName", none(), "tagSuffix", none(),
          "newTag", none(), "digest", none())),
      "replicas", new Struct(Map.of("name", none(), "count", none())));

  private KustomizationSchema() {}

  private static Struct none() {
    return LEAF;
  }

  /** Reports every unknown nested field under root's top-level fields. */
  static void check(Node root, java.util.function.Function<Node, Location> at,
      BiConsumer<Location, String> unknown) {
    for (Map.Entry<String, Struct> f : FIELDS.entrySet()) {
      NodeTuple t = Nodes.fieldTuple(root, f.getKey());
      if (t != null) {
        check(t.getValueNode(), f.getValue(), f.getKey(), at, unknown);
      }
    }
  }

  private static void check(Node value, Struct struct, String path,
      java.util.function.Function<Node, Location> at, BiConsumer<Location, String> unknown) {
    if (struct.fields().isEmpty()) {
      return;
    }
    List<Node> items = value instanceof SequenceNode s ? s.getValue() : List.of(value);
    for (Node item : items) {
      if (!(item instanceof MappingNode m)) {
        continue;
      }
      for (NodeTuple t : m.getValue()) {
        String key = Nodes.text(t.getKeyNode());
        if (key == null) {
          continue;
        }
        Map.Entry<String, Struct> known = struct.fields().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(key)).findFirst().orElse(null);
        if (known == null) {
          unknown.accept(at.apply(t.getKeyNode()), "unknown field '" + key + "' in " + path
              + " (known: " + String.join(", ", new java.util.TreeSet<>(struct.fields().keySet()))
              + "); kustomize refuses the kustomization (json: unknown field)");
        } else {
          check(t.getValueNode(), known.getValue(), path + "." + known.getKey(), at, unknown);
        }
      }
    }
  }
}
