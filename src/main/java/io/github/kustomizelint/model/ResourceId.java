package io.github.kustomizelint.model;

/**
 * What kustomize identifies a resource by. An empty namespace means "not set"; kustomize
 * treats it as {@code default} when comparing, and ignores namespaces of cluster-scoped kinds.
 */
public record ResourceId(String group, String version, String kind, String name, String namespace) {
  // written out: a record's generated equals and hashCode link through invokedynamic, which
  // costs a cold build milliseconds per class (ObjectMethods bootstrap)
  @Override
  public boolean equals(Object other) {
    return other instanceof ResourceId o && group.equals(o.group)
        && version.equals(o.version)
        && kind.equals(o.kind)
        && name.equals(o.name)
        && namespace.equals(o.namespace);
  }

  @Override
  public int hashCode() {
    int h = group.hashCode();
    h = 31 * h + version.hashCode();
    h = 31 * h + kind.hashCode();
    h = 31 * h + name.hashCode();
    h = 31 * h + namespace.hashCode();
    return h;
  }

  public static final String DEFAULT_NAMESPACE = "default";

  public ResourceId {
    group = group == null ? "" : group;
    version = version == null ? "" : version;
    kind = kind == null ? "" : kind;
    name = name == null ? "" : name;
    namespace = namespace == null ? "" : namespace;
  }

  public static ResourceId of(String apiVersion, String kind, String name, String namespace) {
    String av = apiVersion == null ? "" : apiVersion;
    int slash = av.indexOf('/');
    String group = slash < 0 ? "" : av.substring(0, slash);
    String version = slash < 0 ? av : av.substring(slash + 1);
    return new ResourceId(group, version, kind, name, namespace);
  }

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public boolean clusterScoped() {
    return Scope.isClusterScoped(group, version, kind);
  }

  /** The namespace kustomize compares: cluster-scoped kinds have none, unset means default. */
  public String effectiveNamespace() {
    if (clusterScoped()) {
      return "";
    }
    return namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
  }

  /** kustomize's ResId.Equals: group, version, kind, name and effective namespace. */
  public boolean matches(ResourceId o) {
    return kind.equals(o.kind)
        && name.equals(o.name)
        && group.equals(o.group)
        && version.equals(o.version)
        && effectiveNamespace().equals(o.effectiveNamespace());
  }

  public ResourceId withName(String n) {
    return new ResourceId(group, version, kind, n, namespace);
  }

  public ResourceId withNamespace(String ns) {
    return new ResourceId(group, version, kind, name, ns);
  }

  /** Reads like kustomize's own ids, e.g. {@code Deployment.v1.apps/manager.system}. */
  @Override
  public String toString() {
    return kind + "." + (version.isEmpty() ? "[noVer]" : version) + "."
        + (group.isEmpty() ? "[noGrp]" : group) + "/" + name + "."
        + (namespace.isEmpty() ? "[noNs]" : namespace);
  }
}
