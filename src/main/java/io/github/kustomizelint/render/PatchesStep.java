package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.Kustomization;
import java.util.List;

/**
 * {@code patches}: kustomize's PatchTransformer. A JSON6902 list applies to its target's
 * objects; a strategic-merge document to its target's objects, or without a target to the
 * object its id names.
 */
final class PatchesStep implements Step {

  @Override
  public List<String> fields() {
    return List.of("patches");
  }

  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    List<YMap> out = objects;
    for (PatchBodies.Body b : PatchBodies.of(in, k, "patches")) {
      out = apply(out, b);
    }
    return out;
  }

  /** One patch as kustomize's PatchTransformer applies it. */
  static List<YMap> apply(List<YMap> objects, PatchBodies.Body b) {
    if (b.json()) {
      return Json6902Step.apply(objects, b, true);
    }
    if (b.target() != null) {
      if (b.docs().size() != 1 || !(b.docs().get(0) instanceof YMap patch)) {
        throw new Unmodelled("a targeted patch that is not one strategic-merge document",
            b.at());
      }
      return PatchTargets.bySelector(objects, b.target(),
          o -> SmPatch.apply(o, patch, b.allowNameChange(), b.allowKindChange()));
    }
    List<YMap> out = objects;
    for (YNode doc : b.docs()) {
      out = StrategicMergeStep.byId(out, doc, b);
    }
    return out;
  }
}
