package io.github.kustomizelint.resolve;

import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one kustomization directory produces when built on its own, as a base of another.
 *
 * @param kustomization null when the directory's kustomization could not be read
 * @param unknowns where the set may hold objects or names we cannot know (remote, Helm, ...)
 * @param vars the names of the vars declared in the build, and where
 * @param deleted objects a $patch: delete removed, each with where that patch is
 * @param replicaKinds kinds configurations files added to the replicas transformer
 */
public record Build(Path dir, Kustomization kustomization, List<Resource> resources,
    List<Entry> unknowns, Map<String, Location> vars, Map<Resource, Location> deleted,
    java.util.Set<String> replicaKinds) {

  public Build {
    resources = List.copyOf(resources);
    unknowns = List.copyOf(unknowns);
    vars = Map.copyOf(vars);
    deleted = Map.copyOf(deleted);
    replicaKinds = java.util.Set.copyOf(replicaKinds);
  }
}
