package io.github.kustomizelint.model;

import java.util.List;

/** A configMapGenerator or secretGenerator entry. */
public record Generator(
    String kind,
    String name,
    String namespace,
    Behavior behavior,
    List<Entry> files,
    Location location) {

  public enum Behavior { CREATE, MERGE, REPLACE }

  public Generator {
    files = List.copyOf(files);
  }

  public ResourceId id() {
    return new ResourceId("", "v1", kind, name, namespace);
  }
}
