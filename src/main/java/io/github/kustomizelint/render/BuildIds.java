package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.ResourceId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An object's id history, kept as kustomize keeps it: comma-separated build annotations
 * ({@code internal.config.kubernetes.io/previousNames}, {@code previousNamespaces},
 * {@code previousKinds}, and the {@code prefixes}/{@code suffixes} added) on the object
 * itself, so it travels through nested kustomizations with the content, and is stripped
 * before output. Patch targets and name references match on these ids.
 */
final class BuildIds {

  private static final String DOMAIN = "internal.config.kubernetes.io/";
  static final String PREVIOUS_NAMES = DOMAIN + "previousNames";
  static final String PREVIOUS_NAMESPACES = DOMAIN + "previousNamespaces";
  static final String PREVIOUS_KINDS = DOMAIN + "previousKinds";
  static final String PREFIXES = DOMAIN + "prefixes";
  static final String SUFFIXES = DOMAIN + "suffixes";
  private static final List<String> ALL = List.of(PREVIOUS_NAMES, PREVIOUS_NAMESPACES,
      PREVIOUS_KINDS, PREFIXES, SUFFIXES);
  // kustomize's EffectiveNamespace of a cluster-scoped id, stored as its previous namespace
  private static final String NOT_NAMESPACEABLE = "_non_namespaceable_";

  private BuildIds() {}

  /** kustomize's StorePreviousId: the current id joins the history, before a rename. */
  static YMap storePrevious(YMap o) {
    ResourceId id = Objects.id(o);
    String ns = id.clusterScoped() ? NOT_NAMESPACEABLE : id.effectiveNamespace();
    YMap next = append(o, PREVIOUS_NAMES, id.name());
    next = append(next, PREVIOUS_NAMESPACES, ns);
    return append(next, PREVIOUS_KINDS, id.kind());
  }

  /** The ids the object had before its current one, oldest first (kustomize's PrevIds). */
  static List<ResourceId> previous(YMap o) {
    YMap a = annotations(o);
    if (a == null || a.get(PREVIOUS_NAMES) == null && a.get(PREVIOUS_NAMESPACES) == null
        && a.get(PREVIOUS_KINDS) == null) {
      return List.of(); // most objects, asked for their original id by every transformer
    }
    List<String> names = csv(o, PREVIOUS_NAMES);
    List<String> namespaces = csv(o, PREVIOUS_NAMESPACES);
    List<String> kinds = csv(o, PREVIOUS_KINDS);
    if (names.size() != namespaces.size() || names.size() != kinds.size()) {
      throw new Unmodelled("build annotations of unequal length", o.at());
    }
    String apiVersion = Objects.apiVersion(o);
    List<ResourceId> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(ResourceId.of(apiVersion, kinds.get(i), names.get(i), namespaces.get(i)));
    }
    return out;
  }

  /** The first id the object had (kustomize's OrgId). */
  static ResourceId original(YMap o) {
    List<ResourceId> p = previous(o);
    return p.isEmpty() ? Objects.id(o) : p.get(0);
  }

  /** The current id, then every previous one. */
  static List<ResourceId> all(YMap o) {
    List<ResourceId> out = new ArrayList<>();
    out.add(Objects.id(o));
    out.addAll(previous(o));
    return out;
  }

  static YMap addPrefix(YMap o, String prefix) {
    return append(o, PREFIXES, prefix);
  }

  static YMap addSuffix(YMap o, String suffix) {
    return append(o, SUFFIXES, suffix);
  }

  static List<String> prefixes(YMap o) {
    return csv(o, PREFIXES);
  }

  static List<String> suffixes(YMap o) {
    return csv(o, SUFFIXES);
  }

  /** The object without the build annotations (an annotations map left empty stays). */
  static YMap strip(YMap o) {
    YMap a = annotations(o);
    if (a == null || ALL.stream().noneMatch(k -> a.get(k) != null)) {
      return o;
    }
    YMap next = a;
    for (String k : ALL) {
      next = next.without(k);
    }
    return o.with("metadata", Objects.metadata(o).with("annotations", next));
  }

  // kustomize's appendCsvAnnotation: an empty value adds nothing.
  private static YMap append(YMap o, String key, String value) {
    if (value.isEmpty()) {
      return o;
    }
    List<String> values = new ArrayList<>(csv(o, key));
    values.add(value);
    YMap next = Objects.updateMap(o, List.of("metadata", "annotations"),
        a -> a.with(key, YNode.YScalar.string(String.join(",", values))));
    if (next == null) {
      throw new Unmodelled("metadata.annotations that is not a map", o.at());
    }
    return next;
  }

  private static List<String> csv(YMap o, String key) {
    YMap a = annotations(o);
    String v = a == null ? null : a.string(key);
    return v == null ? List.of() : Arrays.asList(v.split(",", -1));
  }

  private static YMap annotations(YMap o) {
    YNode a = Objects.metadata(o).get("annotations");
    if (KustomizationContent.absent(a)) {
      return null; // a null map, which kyaml reads as empty
    }
    if (!(a instanceof YMap)) {
      throw new Unmodelled("metadata.annotations that is not a map", a.at());
    }
    return (YMap) a;
  }
}
