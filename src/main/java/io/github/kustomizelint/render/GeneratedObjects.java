package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a generated object joins the others (resmap's appendReplaceOrMerge): {@code create}
 * appends; {@code merge} and {@code replace} take the place of the one object with its id,
 * keeping that object's name, namespace, labels and annotations under its own (build
 * annotations from the old one only) and, for merge, its data under the new data.
 */
final class GeneratedObjects {

  private static final String DOMAIN = "internal.config.kubernetes.io/";
  static final String NEEDS_HASH = DOMAIN + "needsHashSuffix";
  static final String BEHAVIOR = DOMAIN + "generatorBehavior";

  private GeneratedObjects() {}

  static void absorb(List<YMap> objects, YMap generated, String behavior) {
    ResourceId id = Objects.id(generated);
    List<Integer> matches = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      if (hasId(objects.get(i), id)) {
        matches.add(i);
      }
    }
    if (matches.isEmpty()) {
      if (!behavior.equals("create")) {
        throw new Unmodelled("a generator '" + behavior + "' with nothing to " + behavior
            + " (kustomize fails)", generated.at());
      }
      objects.add(generated);
      return;
    }
    if (matches.size() > 1 || behavior.equals("create")) {
      throw new Unmodelled("a generated object whose id is taken (kustomize fails)",
          generated.at());
    }
    int i = matches.get(0);
    objects.set(i, combine(objects.get(i), generated, behavior.equals("merge")));
  }

  private static YMap combine(YMap old, YMap made, boolean merge) {
    YMap meta = Objects.metadata(made);
    Map<String, String> labels = strings(Objects.metadata(old), "labels");
    labels.putAll(strings(meta, "labels"));
    meta = labels.isEmpty() ? meta.without("labels") : meta.with("labels", map(labels));
    Map<String, String> oldAnnotations = strings(Objects.metadata(old), "annotations");
    Map<String, String> annotations = new TreeMap<>(oldAnnotations);
    Map<String, String> own = strings(meta, "annotations");
    own.forEach((k, v) -> {
      if (!isBuild(k)) {
        annotations.put(k, v);
      }
    });
    if (!own.containsKey(NEEDS_HASH)) {
      annotations.remove(NEEDS_HASH);
    }
    meta = annotations.isEmpty() ? meta.without("annotations")
        : meta.with("annotations", map(annotations));
    YMap oldMeta = Objects.metadata(old);
    meta = meta.with("name", oldMeta.get("name"));
    meta = oldMeta.get("namespace") == null ? meta.without("namespace")
        : meta.with("namespace", oldMeta.get("namespace"));
    YMap out = made.with("metadata", meta);
    if (merge) {
      out = mergeData(out, old, "data");
      out = mergeData(out, old, "binaryData");
    }
    // a merge keeps the object's place, a replace takes the new one's: buildMetadata's origin
    // names that generator's file (kubectl-checked)
    return merge ? new YMap(out.fields(), old.at()) : out;
  }

  // SetDataMap: the merged map, or no field when it is empty.
  private static YMap mergeData(YMap made, YMap old, String key) {
    Map<String, String> data = strings(old, key);
    data.putAll(strings(made, key));
    return data.isEmpty() ? made.without(key) : made.with(key, map(data));
  }

  // kustomize's BuildAnnotations: kept from the old object only.
  private static final java.util.Set<String> BUILD = java.util.Set.of(
      DOMAIN + "previousKinds", DOMAIN + "previousNames", DOMAIN + "prefixes",
      DOMAIN + "suffixes", DOMAIN + "previousNamespaces", DOMAIN + "allowNameChange",
      DOMAIN + "allowKindChange", DOMAIN + "refBy", BEHAVIOR, NEEDS_HASH, DOMAIN + "path",
      DOMAIN + "index", DOMAIN + "seqindent", DOMAIN + "id",
      DOMAIN + "annotations-migration-resource-id", "config.kubernetes.io/path",
      "config.kubernetes.io/index", "config.k8s.io/id");

  private static boolean isBuild(String key) {
    return BUILD.contains(key);
  }

  // GetMatchingResourcesByAnyId: the current id or one it had before a rename.
  private static boolean hasId(YMap o, ResourceId id) {
    return BuildIds.all(o).stream().anyMatch(id::matches);
  }

  private static Map<String, String> strings(YMap m, String key) {
    YNode n = m.get(key);
    Map<String, String> out = new TreeMap<>();
    if (KustomizationContent.absent(n)) {
      return out; // a null data map is an empty one
    }
    if (!(n instanceof YMap map)) {
      throw new Unmodelled("a generator merging a '" + key + "' that is not a map", n.at());
    }
    for (YNode.Field f : map.fields()) {
      if (!(f.value() instanceof YScalar s)) {
        throw new Unmodelled("a generator merging a '" + key + "' value that is not a scalar",
            f.value().at());
      }
      out.put(f.key(), s.value());
    }
    return out;
  }

  /** A map of string scalars, in the map's order. */
  static YMap map(Map<String, String> m) {
    YMap out = YMap.empty();
    for (Map.Entry<String, String> e : m.entrySet()) {
      out = out.with(e.getKey(), YScalar.string(e.getValue()));
    }
    return out;
  }
}
