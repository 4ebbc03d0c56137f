package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.Kustomization;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code namespace}: kustomize's namespace filter sets metadata.namespace on every
 * namespaced object (cluster-scoped ones by its built-in table are left alone). Its other
 * field specs (a Namespace's own name, APIService and CRD webhook services, role binding
 * subjects named "default") are not modelled yet.
 */
final class NamespaceStep implements Step {

  @Override
  public List<String> fields() {
    return List.of("namespace");
  }

  @Override
  public List<YMap> apply(Kustomization k, List<YMap> objects) {
    if (k.namespace() == null || k.namespace().value() == null
        || k.namespace().value().isEmpty()) {
      return objects;
    }
    String ns = k.namespace().value();
    List<YMap> out = new ArrayList<>();
    for (YMap original : objects) {
      unmodelledCases(original);
      // kustomize stores every object's id before the namespace changes it
      YMap o = BuildIds.storePrevious(original);
      if (Objects.id(o).clusterScoped()) {
        out.add(o);
        continue;
      }
      YMap next = Objects.updateMap(o, List.of("metadata"), m -> m.with("namespace",
          YNode.YScalar.string(ns)));
      if (next == null || Objects.metadata(o).get("namespace") instanceof YNode.YMap
          || Objects.metadata(o).get("namespace") instanceof YNode.YSeq) {
        throw new Unmodelled("namespace over a metadata that is not a map of scalars", o.at());
      }
      out.add(next);
    }
    return out;
  }

  private static void unmodelledCases(YMap o) {
    String kind = Objects.kind(o);
    String group = Objects.group(o);
    if (kind.equals("Namespace") && Objects.apiVersion(o).equals("v1")) {
      throw new Unmodelled("namespace renaming a Namespace object", o.at());
    }
    if (kind.equals("APIService") && group.equals("apiregistration.k8s.io")) {
      throw new Unmodelled("namespace on an APIService's service", o.at());
    }
    if (kind.equals("CustomResourceDefinition") && group.equals("apiextensions.k8s.io")
        && o.get("spec") instanceof YMap spec && spec.get("conversion") != null) {
      throw new Unmodelled("namespace on a CRD conversion webhook", o.at());
    }
    if ((kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding"))
        && o.get("subjects") != null) {
      throw new Unmodelled("namespace on role binding subjects", o.at());
    }
  }
}
