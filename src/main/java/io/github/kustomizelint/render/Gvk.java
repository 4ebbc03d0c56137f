package io.github.kustomizelint.render;

import io.github.kustomizelint.model.ResourceId;

/** A field spec's group, version and kind; an empty part selects any (kustomize's IsSelected). */
record Gvk(String group, String version, String kind) {
  // written out: a record's generated equals and hashCode link through invokedynamic, which
  // costs a cold build milliseconds per class (ObjectMethods bootstrap)
  @Override
  public boolean equals(Object other) {
    return other instanceof Gvk o && java.util.Objects.equals(group, o.group)
        && java.util.Objects.equals(version, o.version)
        && java.util.Objects.equals(kind, o.kind);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(group);
    h = 31 * h + java.util.Objects.hashCode(version);
    h = 31 * h + java.util.Objects.hashCode(kind);
    return h;
  }

  boolean selects(ResourceId id) {
    return (group.isEmpty() || group.equals(id.group()))
        && (version.isEmpty() || version.equals(id.version()))
        && (kind.isEmpty() || kind.equals(id.kind()));
  }
}
