package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.Kustomization;
import java.util.List;

/** {@code patchesStrategicMerge}: each document patches the one object its id names. */
final class StrategicMergeStep implements Step {

  @Override
  public List<String> fields() {
    return List.of("patchesStrategicMerge");
  }

  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    List<YMap> out = objects;
    for (PatchBodies.Body b : PatchBodies.of(in, k, "patchesStrategicMerge")) {
      for (YNode doc : b.docs()) {
        out = byId(out, doc, b);
      }
    }
    return out;
  }

  /** Applies one strategic-merge document to the object its id names. */
  static List<YMap> byId(List<YMap> objects, YNode doc, PatchBodies.Body b) {
    if (!(doc instanceof YMap patch)) {
      throw new Unmodelled("a strategic-merge patch that is not a map", doc.at());
    }
    return PatchTargets.byId(objects, patch,
        o -> SmPatch.apply(o, patch, b.allowNameChange(), b.allowKindChange()));
  }
}
