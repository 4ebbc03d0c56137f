package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.Kustomization;
import java.util.List;

/** {@code patchesJson6902}: each operation list applies to every object its target selects. */
final class Json6902Step implements Step {

  /** How a failure on a missing path is named, for {@link ContentFailures}. */
  static final String PATH_MISSING = "a JSON patch path missing in ";

  @Override
  public List<String> fields() {
    return List.of("patchesJson6902");
  }

  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    List<YMap> out = objects;
    for (PatchBodies.Body b : PatchBodies.of(in, k, "patchesJson6902")) {
      out = apply(out, b, false);
    }
    return out;
  }

  /**
   * One JSON6902 entry over the objects its target selects. kustomize keeps each object's
   * internal annotations (its id history among them) through the patch and sets the
   * annotations back as strings; {@code patches:} first stores the object's id.
   */
  static List<YMap> apply(List<YMap> objects, PatchBodies.Body b, boolean storePrevious) {
    if (b.target() == null || b.docs().size() != 1) {
      throw new Unmodelled("a JSON patch without a target or with several documents", b.at());
    }
    JsonPatch patch = JsonPatch.of(b.docs().get(0));
    return PatchTargets.bySelector(objects, b.target(), o -> {
      try {
        YMap before = storePrevious ? BuildIds.storePrevious(o) : o;
        return InternalAnnotations.restore(before, patch.apply(before));
      } catch (JsonPatch.Failure f) {
        String on = Objects.kind(o) + " '" + Objects.name(o) + "'";
        throw new Unmodelled((f.pathMissing() ? PATH_MISSING : "a JSON patch operation"
            + " kustomize fails on ") + on + " (" + f.getMessage() + ")", f.at());
      }
    });
  }
}
