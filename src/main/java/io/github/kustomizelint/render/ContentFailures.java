package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.resolve.Occurrence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The check's view of content: renders each kustomization that uses a feature and reports
 * where kustomize fails in it, when that lies in the kustomization's own files (a base's
 * failure is its own build's). Where rendering meets anything unmodelled first, nothing is
 * claimed.
 */
public final class ContentFailures {

  private ContentFailures() {}

  /** JSON6902 operations on paths their targets lack. */
  public static List<Occurrence> jsonPatchPaths(List<Kustomization> kustomizations,
      Renderer renderer) {
    return find(kustomizations, renderer, Json6902Step.PATH_MISSING,
        Problem.Kind.JSON_PATCH_PATH_MISSING, k -> Stream.of(k.patches(), k.patchesJson6902())
            .flatMap(List::stream).anyMatch(io.github.kustomizelint.model.Patch::json),
        what -> "JSON6902 operation on a path that " + what.replaceFirst(" \\(",
            " lacks at this point of the build; kustomize fails (") + ": fix the path, or add"
            + " the missing parent with an earlier 'add'");
  }

  /** Replacement field paths their source or a selected target lacks. */
  public static List<Occurrence> replacementFields(List<Kustomization> kustomizations,
      Renderer renderer) {
    return find(kustomizations, renderer, ReplacementsStep.FIELD_MISSING,
        Problem.Kind.REPLACEMENT_FIELD_MISSING, k -> !k.replacements().isEmpty(),
        what -> "replacement field path: " + what + ": fix the path"
            + (what.startsWith("the target") ? ", narrow the select, or set options.create"
                : ", or point the source at an object that has it"));
  }

  /** Var field paths their objects lack. */
  public static List<Occurrence> varFields(List<Kustomization> kustomizations,
      Renderer renderer) {
    return find(kustomizations, renderer, VarsStep.FIELD_MISSING,
        Problem.Kind.VAR_FIELD_MISSING, k -> !k.vars().isEmpty(),
        what -> "var field path: " + what + ": fix fieldref.fieldPath, or point objref at an"
            + " object that has the field");
  }

  private static List<Occurrence> find(List<Kustomization> kustomizations, Renderer renderer,
      String feature, Problem.Kind kind, Predicate<Kustomization> uses,
      java.util.function.UnaryOperator<String> message) {
    List<Occurrence> out = new ArrayList<>();
    for (Kustomization k : kustomizations) {
      if (k.component() || !uses.test(k)) {
        continue;
      }
      Unmodelled stop = renderer.stoppedBy(k.dir(), feature);
      if (stop == null) {
        continue;
      }
      Location at = stop.at();
      Set<Path> own = new HashSet<>(k.files());
      own.add(k.file());
      if (own.contains(at.file())) {
        out.add(new Occurrence(new Problem(kind, at,
            message.apply(stop.feature().substring(feature.length()))), k.dir()));
      }
    }
    return out;
  }
}
