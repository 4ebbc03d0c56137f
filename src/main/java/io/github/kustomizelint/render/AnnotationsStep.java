package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.Kustomization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code commonAnnotations}: kustomize's annotations filter with its built-in field specs
 * (builtinpluginconsts/commonannotations.go): every object's metadata, and the pod template
 * of each workload kind, creating the maps that are missing.
 */
final class AnnotationsStep implements Step {

  private record Spec(String group, String version, String kind, List<String> path) {}

  private static final List<String> TEMPLATE = List.of("spec", "template", "metadata",
      "annotations");
  private static final List<Spec> SPECS = List.of(
      new Spec(null, null, null, List.of("metadata", "annotations")),
      new Spec(null, "v1", "ReplicationController", TEMPLATE),
      new Spec(null, null, "Deployment", TEMPLATE),
      new Spec(null, null, "ReplicaSet", TEMPLATE),
      new Spec(null, null, "DaemonSet", TEMPLATE),
      new Spec(null, null, "StatefulSet", TEMPLATE),
      new Spec("batch", null, "Job", TEMPLATE),
      new Spec("batch", null, "CronJob", List.of("spec", "jobTemplate", "metadata",
          "annotations")),
      new Spec("batch", null, "CronJob", List.of("spec", "jobTemplate", "spec", "template",
          "metadata", "annotations")));

  @Override
  public List<String> fields() {
    return List.of("commonAnnotations");
  }

  @Override
  public List<YMap> apply(Kustomization k, List<YMap> objects) {
    Map<String, String> add = k.commonAnnotations();
    if (add.isEmpty()) {
      return objects;
    }
    List<YMap> out = new ArrayList<>();
    for (YMap o : objects) {
      YMap next = o;
      for (Spec s : SPECS) {
        if (selects(s, o)) {
          next = Objects.updateMap(next, s.path(), m -> {
            YMap r = m;
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(add).entrySet()) {
              r = r.with(e.getKey(), YNode.YScalar.string(e.getValue()));
            }
            return r;
          });
          if (next == null) {
            throw new Unmodelled("commonAnnotations over a field that is not a map", o.at());
          }
        }
      }
      out.add(next);
    }
    return out;
  }

  private static boolean selects(Spec s, YMap o) {
    String v = Objects.apiVersion(o);
    String version = v.substring(v.indexOf('/') + 1);
    return (s.kind() == null || s.kind().equals(Objects.kind(o)))
        && (s.group() == null || s.group().equals(Objects.group(o)))
        && (s.version() == null || s.version().equals(version));
  }
}
