package io.github.kustomizelint.render;

import io.github.kustomizelint.model.ResourceId;

/** A field spec's group, version and kind; an empty part selects any (kustomize's IsSelected). */
record Gvk(String group, String version, String kind) {

  boolean selects(ResourceId id) {
    return (group.isEmpty() || group.equals(id.group()))
        && (version.isEmpty() || version.equals(id.version()))
        && (kind.isEmpty() || kind.equals(id.kind()));
  }
}
