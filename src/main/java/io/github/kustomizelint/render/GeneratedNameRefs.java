package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The name-reference update for hashed ConfigMaps and Secrets: the pod-spec fields of
 * kustomize's built-in nameReference table (konfig/builtinpluginconsts/namereference.go)
 * follow a rename when the referrer is in the same namespace. The table's other referrers
 * (RBAC resourceNames, Ingress, ServiceAccount, StorageClass, Node, PersistentVolume,
 * Knative Service) are unmodelled when they hold an old name.
 */
final class GeneratedNameRefs {

  private static final Map<String, List<String>> POD_SPECS = Map.of(
      "Pod", List.of("spec"),
      "PodTemplate", List.of("template", "spec"),
      "Deployment", List.of("spec", "template", "spec"),
      "ReplicaSet", List.of("spec", "template", "spec"),
      "DaemonSet", List.of("spec", "template", "spec"),
      "StatefulSet", List.of("spec", "template", "spec"),
      "Job", List.of("spec", "template", "spec"),
      "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"));

  private static final Map<String, List<String>> IN_POD_SPEC = Map.of(
      "ConfigMap", List.of("volumes/configMap/name",
          "containers/env/valueFrom/configMapKeyRef/name",
          "initContainers/env/valueFrom/configMapKeyRef/name",
          "containers/envFrom/configMapRef/name", "initContainers/envFrom/configMapRef/name",
          "volumes/projected/sources/configMap/name"),
      "Secret", List.of("volumes/secret/secretName",
          "containers/env/valueFrom/secretKeyRef/name",
          "initContainers/env/valueFrom/secretKeyRef/name",
          "containers/envFrom/secretRef/name", "initContainers/envFrom/secretRef/name",
          "imagePullSecrets/name", "volumes/projected/sources/secret/name"));

  private static final Set<String> OTHER_REFERRERS = Set.of("Role", "ClusterRole", "Ingress",
      "ServiceAccount", "StorageClass", "Node", "PersistentVolume", "Service");

  private GeneratedNameRefs() {}

  static List<YMap> update(List<YMap> objects, List<HashSuffix.Rename> renames) {
    List<YMap> out = new ArrayList<>();
    for (YMap o : objects) {
      String kind = Objects.kind(o);
      if (OTHER_REFERRERS.contains(kind)
          && (!kind.equals("Service") || Objects.group(o).equals("serving.knative.dev"))) {
        refuseOldNames(o.without("metadata"), o, renames);
        refuseOldNames(Objects.metadata(o).get("annotations"), o, renames);
      }
      List<String> prefix = POD_SPECS.get(kind);
      if (prefix == null || kind.equals("Pod") && !version(o).equals("v1")) {
        out.add(o);
        continue;
      }
      YMap next = o;
      for (Map.Entry<String, List<String>> e : IN_POD_SPEC.entrySet()) {
        for (String suffix : e.getValue()) {
          List<String> path = new ArrayList<>(prefix);
          path.addAll(List.of(suffix.split("/")));
          YNode changed = update(next, path, 0, o, e.getKey(), renames);
          next = (YMap) changed;
        }
      }
      out.add(next);
    }
    return out;
  }

  private static YNode update(YNode n, List<String> path, int i, YMap referrer, String kind,
      List<HashSuffix.Rename> renames) {
    if (n instanceof YNode.YSeq seq) {
      List<YNode> items = new ArrayList<>();
      for (YNode item : seq.items()) {
        items.add(update(item, path, i, referrer, kind, renames));
      }
      return new YNode.YSeq(items, seq.at());
    }
    if (i == path.size()) {
      if (!(n instanceof YScalar s)) {
        throw new Unmodelled("a name reference that is not a string", n.at());
      }
      String name = referral(s.value(), referrer, kind, renames);
      return name == null ? n : new YScalar(name, false, null, s.at());
    }
    if (!(n instanceof YMap m) || m.get(path.get(i)) == null) {
      return n;
    }
    return m.with(path.get(i), update(m.get(path.get(i)), path, i + 1, referrer, kind,
        renames));
  }

  // selectReferral: previous name, kind and namespace match; several must agree on the name.
  private static String referral(String old, YMap referrer, String kind,
      List<HashSuffix.Rename> renames) {
    ResourceId from = Objects.id(referrer);
    String found = null;
    for (HashSuffix.Rename r : renames) {
      ResourceId b = r.before();
      if (b.kind().equals(kind) && b.group().isEmpty() && b.version().equals("v1")
          && b.name().equals(old) && b.effectiveNamespace().equals(from.effectiveNamespace())) {
        if (found != null && !found.equals(r.name())) {
          throw new Unmodelled("a reference to several generated objects", referrer.at());
        }
        found = r.name();
      }
    }
    return found;
  }

  private static void refuseOldNames(YNode n, YMap referrer, List<HashSuffix.Rename> renames) {
    if (n instanceof YScalar s) {
      for (HashSuffix.Rename r : renames) {
        if (r.before().name().equals(s.value())) {
          throw new Unmodelled("a " + Objects.kind(referrer) + " naming a generated object",
              s.at() == null ? referrer.at() : s.at());
        }
      }
    } else if (n instanceof YNode.YSeq seq) {
      seq.items().forEach(item -> refuseOldNames(item, referrer, renames));
    } else if (n instanceof YMap m) {
      m.fields().forEach(f -> refuseOldNames(f.value(), referrer, renames));
    }
  }

  private static String version(YMap o) {
    String v = Objects.apiVersion(o);
    return v.substring(v.indexOf('/') + 1);
  }
}
