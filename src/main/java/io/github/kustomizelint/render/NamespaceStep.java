package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNode.YSeq;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.ResourceId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code namespace}: kustomize's namespace filter. Every object's id is stored first; then
 * metadata.namespace of namespaced objects, subjects named "default" of role bindings, and
 * the built-in field specs (builtinpluginconsts/namespace.go): a v1 Namespace's own name,
 * an APIService's spec.service.namespace (created), a CRD conversion webhook's service
 * namespace (only where written). Two objects left with one id is kustomize's
 * "namespace transformation produces ID conflict".
 */
final class NamespaceStep implements Step {

  private static final List<String> CRD_SERVICE = List.of("spec", "conversion", "webhook",
      "clientConfig", "service", "namespace");

  @Override
  public List<String> fields() {
    return List.of("namespace");
  }

  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    if (k.namespace() == null || k.namespace().value() == null
        || k.namespace().value().isEmpty()) {
      return objects;
    }
    String ns = k.namespace().value();
    List<YMap> out = new ArrayList<>();
    Set<ResourceId> ids = new HashSet<>();
    for (YMap original : objects) {
      YMap o = BuildIds.storePrevious(original);
      if (!Objects.id(o).clusterScoped()) {
        o = set(o, List.of("metadata"), "namespace", ns);
      }
      String kind = Objects.kind(o);
      String group = Objects.group(o);
      if (kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding")) {
        o = defaultSubjects(o, ns);
      }
      if (kind.equals("Namespace") && Objects.apiVersion(o).equals("v1")) {
        o = set(o, List.of("metadata"), "name", ns);
      }
      if (kind.equals("APIService") && group.equals("apiregistration.k8s.io")) {
        o = set(o, List.of("spec", "service"), "namespace", ns);
      }
      if (kind.equals("CustomResourceDefinition") && group.equals("apiextensions.k8s.io")) {
        o = (YMap) FieldPath.update(o, CRD_SERVICE, n -> scalar(n, ns));
      }
      for (FieldSpec spec : in.config(k).namespace()) {
        o = spec.apply(o, spec.create() ? YScalar.string(ns) : null, n -> scalar(n, ns));
      }
      ResourceId id = Objects.id(o);
      if (!ids.add(id.withNamespace(id.effectiveNamespace()))) {
        throw new Unmodelled("two objects with one id after namespace (kustomize fails: "
            + "namespace transformation produces ID conflict)", original.at());
      }
      out.add(o);
    }
    return out;
  }

  // kustomize's default setRoleBindingSubjects mode: only subjects named "default".
  private static YMap defaultSubjects(YMap o, String ns) {
    YNode subjects = o.get("subjects");
    if (KustomizationContent.absent(subjects)) {
      return o;
    }
    if (!(subjects instanceof YSeq s)) {
      throw new Unmodelled("role binding subjects that are not a list", subjects.at());
    }
    List<YNode> items = new ArrayList<>();
    for (YNode item : s.items()) {
      if (!(item instanceof YMap m)) {
        throw new Unmodelled("a role binding subject that is not a map", item.at());
      }
      items.add("default".equals(m.string("name"))
          ? m.with("namespace", scalar(m.get("namespace"), ns)) : m);
    }
    return o.with("subjects", new YSeq(items, s.at()));
  }

  /** The object with {@code key} set under {@code path}, creating the maps on the way. */
  private static YMap set(YMap o, List<String> path, String key, String ns) {
    YMap next = Objects.updateMap(o, path, m -> m.with(key, scalar(m.get(key), ns)));
    if (next == null) {
      throw new Unmodelled("namespace over a field that is not a map", o.at());
    }
    return next;
  }

  // kustomize: "namespace field specs must target scalar nodes"
  private static YNode scalar(YNode old, String ns) {
    if (old != null && !(old instanceof YScalar)) {
      throw new Unmodelled("a namespace field that is not a scalar (kustomize fails)", old.at());
    }
    return YScalar.string(ns);
  }
}
