package io.github.kustomizelint.model;

/**
 * The {@code source} of a replacement: kustomize copies a field from the one object it selects
 * and fails when it selects none or several. Empty fields match anything; the others must
 * equal one of the ids the object has had (namespaces compared as kustomize does).
 *
 * @param location the {@code source} key (inline) or the replacement file's document
 * @param rewritesIds a target field path is metadata.name or metadata.namespace, so ids
 *     change in ways not followed here
 * @param targetKinds the kind each target's {@code select} names ("" where it names none)
 * @param bodies the objects whose fields outside metadata it reads or writes, by kind and
 *     name as selected: the source where its fieldPath leaves metadata, each target where one
 *     of its fieldPaths does ("" for a select without a kind or a name)
 */
public record Replacement(String group, String version, String kind, String name,
    String namespace, String fieldPath, Location location, boolean rewritesIds,
    java.util.List<String> targetKinds, java.util.List<Body> bodies) {

  public Replacement {
    targetKinds = java.util.List.copyOf(targetKinds);
    bodies = java.util.List.copyOf(bodies);
    group = group == null ? "" : group;
    version = version == null ? "" : version;
    kind = kind == null ? "" : kind;
    name = name == null ? "" : name;
    namespace = namespace == null ? "" : namespace;
    fieldPath = fieldPath == null ? "" : fieldPath;
  }

  /** An object a replacement selects by kind and name ("" for any). */
  public record Body(String kind, String name) {}

  public boolean selects(Resource r) {
    for (ResourceId id : r.ids()) {
      if ((name.isEmpty() || name.equals(id.name()))
          && (kind.isEmpty() || kind.equals(id.kind()))
          && (group.isEmpty() || group.equals(id.group()))
          && (version.isEmpty() || version.equals(id.version()))
          && (namespace.isEmpty() || namespace.equals(plainNamespace(id)))) {
        return true;
      }
    }
    return false;
  }

  // Replacement sources compare namespaces without regard to scope: unset reads as default.
  private static String plainNamespace(ResourceId id) {
    return id.namespace().isEmpty() ? ResourceId.DEFAULT_NAMESPACE : id.namespace();
  }

  /** As kustomize prints a source selector, e.g. {@code Service.v1.[noGrp]/web.[noNs]:metadata.name}. */
  @Override
  public String toString() {
    return kind + "." + (version.isEmpty() ? "[noVer]" : version) + "."
        + (group.isEmpty() ? "[noGrp]" : group) + "/" + (name.isEmpty() ? "[noName]" : name) + "."
        + (namespace.isEmpty() ? "[noNs]" : namespace) + ":" + fieldPath;
  }
}
