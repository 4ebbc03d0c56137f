package io.github.kustomizelint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One accumulated object: every id it has had (oldest first, the last is current), where it
 * came from, and the labels and annotations that target selectors look at. {@code uncertain}
 * marks an object a patch renamed in a way we cannot follow. Immutable: a
 * transformer makes a new one, so a base's result can be shared by every overlay.
 */
public record Resource(
    List<ResourceId> ids,
    Location origin,
    Origin kind,
    Map<String, String> labels,
    Map<String, String> annotations,
    boolean uncertain) {

  public Resource(List<ResourceId> ids, Location origin, Origin kind, Map<String, String> labels,
      Map<String, String> annotations) {
    this(ids, origin, kind, labels, annotations, false);
  }

  /** How the object entered the build. */
  public enum Origin { MANIFEST, GENERATED }

  public Resource {
    ids = List.copyOf(ids);
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  public ResourceId id() {
    return ids.get(ids.size() - 1);
  }

  public ResourceId originalId() {
    return ids.get(0);
  }

  /** kustomize matches a patch without a target against every id the object has had. */
  public boolean matchesAnyId(ResourceId patchId) {
    for (ResourceId id : ids) {
      if (id.matches(patchId)) {
        return true;
      }
    }
    return false;
  }

  public Resource withId(ResourceId next) {
    if (next.equals(id())) {
      return this;
    }
    List<ResourceId> all = new ArrayList<>(ids);
    all.add(next);
    return new Resource(all, origin, kind, labels, annotations, uncertain);
  }

  /** The same object, whose id a patch changed in a way we cannot compute. */
  public Resource asUncertain() {
    return new Resource(ids, origin, kind, labels, annotations, true);
  }

  /** The same object under a new current id, its old current id forgotten. */
  public Resource replacingId(ResourceId next) {
    List<ResourceId> all = new ArrayList<>(ids);
    all.set(all.size() - 1, next);
    return new Resource(all, origin, kind, labels, annotations, uncertain);
  }

  public Resource withLabels(Map<String, String> added) {
    return withLabels(added, false);
  }

  /** Applies label changes: a null value removes the label; replaced starts from none. */
  public Resource withLabels(Map<String, String> changes, boolean replaced) {
    if (changes.isEmpty() && !replaced) {
      return this;
    }
    Map<String, String> merged = new TreeMap<>(replaced ? Map.of() : labels);
    changes.forEach((k, v) -> {
      if (v == null) {
        merged.remove(k);
      } else {
        merged.put(k, v);
      }
    });
    return new Resource(ids, origin, kind, merged, annotations, uncertain);
  }

  public Resource withAnnotations(Map<String, String> added) {
    if (added.isEmpty()) {
      return this;
    }
    Map<String, String> merged = new TreeMap<>(annotations);
    merged.putAll(added);
    return new Resource(ids, origin, kind, labels, merged, uncertain);
  }
}
