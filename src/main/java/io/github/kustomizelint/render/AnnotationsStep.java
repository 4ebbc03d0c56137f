package io.github.kustomizelint.render;

import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.Kustomization;
import java.util.List;
import java.util.Map;

/**
 * {@code commonAnnotations}: kustomize's annotations filter with its built-in field specs
 * (every object's metadata, and the pod template of each workload kind, creating the maps
 * that are missing).
 */
final class AnnotationsStep implements Step {

  private static final List<FieldSpec> SPECS = FieldSpec.builtin("commonAnnotations");

  @Override
  public List<String> fields() {
    return List.of("commonAnnotations");
  }

  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    Map<String, String> add = k.commonAnnotations();
    if (add.isEmpty()) {
      return objects;
    }
    List<FieldSpec> specs = in.config(k).section("commonannotations", SPECS);
    return objects.stream()
        .map(o -> StringEntries.set(o, add, specs, "commonAnnotations"))
        .toList();
  }
}
