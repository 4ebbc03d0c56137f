package io.github.kustomizelint.model;

import java.util.Map;

/**
 * One patch as kustomize applies it: a single document of a patch file or inline patch.
 *
 * @param field the kustomization field that declared it
 * @param json true for a JSON6902 operation list, false for a strategic-merge document
 * @param id the object a strategic-merge body names (its own target when there is no selector)
 * @param target the {@code target} selector, or null
 * @param location the document's {@code kind}, or the entry when there is no document
 * @param entry the kustomization list entry that declared the patch
 * @param action what a strategic-merge body does to its target
 * @param labels label changes: a null value removes the label
 * @param labelsReplaced the patch replaces all labels (labels: null, $patch: replace) by
 *     {@code labels}
 * @param rename the name and namespace the patch gives its targets (null fields: unchanged)
 * @param opaqueIdentity the patch changes its targets' ids in a way we do not compute
 * @param inMetadata a JSON6902 list every operation of which (its path and from) lies in
 *     metadata: it reads and writes no body
 */
public record Patch(
    Field field,
    boolean json,
    ResourceId id,
    Selector target,
    Location location,
    Location entry,
    Action action,
    Map<String, String> labels,
    boolean labelsReplaced,
    Map<String, String> annotations,
    Rename rename,
    boolean opaqueIdentity,
    boolean inMetadata) {

  /** A new name and/or namespace; null means unchanged. */
  public record Rename(String name, String namespace) {
    public ResourceId apply(ResourceId id) {
      ResourceId out = name == null ? id : id.withName(name);
      return namespace == null ? out : out.withNamespace(namespace);
    }
  }

  public enum Field {
    PATCHES_STRATEGIC_MERGE("patchesStrategicMerge"),
    PATCHES("patches"),
    PATCHES_JSON6902("patchesJson6902");

    private final String key;

    Field(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public enum Action { MERGE, DELETE, REPLACE }

  public Patch {
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    annotations = Map.copyOf(annotations);
  }
}
