package io.github.kustomizelint.resolve;

import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.model.Resource;
import java.nio.file.Path;
import java.util.List;

/**
 * One patch applied in one build.
 *
 * @param declaredIn the kustomization (or component) file that lists the patch
 * @param build the directory whose build applies it, and fails if the patch cannot apply
 * @param matched the resources the patch applied to
 * @param sameKind for a patch that found no target: the resources of its kind at that point
 * @param unknowns what may hold the target though we cannot see it (remote, Helm, ...)
 * @param deletedBy for a patch that found no target: the $patch: delete that removed an
 *     object of that id earlier, or null
 */
public record PatchOutcome(Patch patch, Path declaredIn, Path build, List<Resource> matched,
    List<Resource> sameKind, List<Entry> unknowns, Location deletedBy) {

  public PatchOutcome {
    matched = List.copyOf(matched);
    sameKind = List.copyOf(sameKind);
    unknowns = List.copyOf(unknowns);
  }
}
