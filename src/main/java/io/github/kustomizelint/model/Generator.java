package io.github.kustomizelint.model;

import java.util.List;
import java.util.Map;

/** A configMapGenerator or secretGenerator entry. */
public record Generator(
    String kind,
    String name,
    String namespace,
    Behavior behavior,
    List<Entry> files,
    Map<String, String> labels,
    Map<String, String> annotations,
    Location location) {

  public enum Behavior { CREATE, MERGE, REPLACE }

  public Generator {
    files = List.copyOf(files);
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  public ResourceId id() {
    return new ResourceId("", "v1", kind, name, namespace);
  }
}
