package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.resolve.Occurrence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The check's view of content: renders each kustomization that has JSON6902 patches and
 * reports an operation whose path its target lacks (kustomize fails there). Only a
 * kustomization whose own patch fails is reported; where rendering meets anything unmodelled
 * first, nothing is claimed.
 */
public final class JsonPatchFailures {

  private JsonPatchFailures() {}

  public static List<Occurrence> find(List<Kustomization> kustomizations, Renderer renderer) {
    List<Occurrence> out = new ArrayList<>();
    for (Kustomization k : kustomizations) {
      if (k.component() || Stream.of(k.patches(), k.patchesJson6902())
          .flatMap(List::stream).noneMatch(Patch::json)) {
        continue;
      }
      Unmodelled stop = renderer.stoppedBy(k.dir(), Json6902Step.PATH_MISSING);
      if (stop == null) {
        continue;
      }
      Location at = stop.at();
      Set<Path> own = new HashSet<>(k.files());
      own.add(k.file());
      if (own.contains(at.file())) {
        String what = stop.feature().substring(Json6902Step.PATH_MISSING.length());
        out.add(new Occurrence(new Problem(Problem.Kind.JSON_PATCH_PATH_MISSING, at,
            "JSON6902 operation on a path that " + what.replaceFirst(" \\(", " lacks at this"
                + " point of the build; kustomize fails (") + ": fix the path, or add the missing"
                + " parent with an earlier 'add'"), k.dir()));
      }
    }
    return out;
  }
}
