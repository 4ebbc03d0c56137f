package io.github.kustomizelint.render;

import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.ResourceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kustomize's default "legacy" object order (api/internal/builtins/SortOrderTransformer.go):
 * kinds in a fixed first and last list, then by group/version/kind, then namespace and name.
 */
final class LegacyOrder {

  private static final List<String> FIRST = List.of("Namespace", "ResourceQuota",
      "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy", "Role",
      "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints",
      "Service", "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim",
      "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget");
  private static final List<String> LAST = List.of("MutatingWebhookConfiguration",
      "ValidatingWebhookConfiguration");
  private static final Map<String, Integer> RANK = new HashMap<>();

  static {
    for (int i = 0; i < FIRST.size(); i++) {
      RANK.put(FIRST.get(i), -FIRST.size() + i);
    }
    for (int i = 0; i < LAST.size(); i++) {
      RANK.put(LAST.get(i), 1 + i);
    }
  }

  private LegacyOrder() {}

  static int compare(YMap a, YMap b) {
    ResourceId x = Objects.id(a);
    ResourceId y = Objects.id(b);
    boolean sameGvk = x.group().equals(y.group()) && x.version().equals(y.version())
        && x.kind().equals(y.kind());
    if (!sameGvk) {
      int rx = RANK.getOrDefault(x.kind(), 0);
      int ry = RANK.getOrDefault(y.kind(), 0);
      if (rx != ry) {
        return Integer.compare(rx, ry);
      }
      int c = gvkString(x).compareTo(gvkString(y));
      if (x.kind().equals("Namespace") && y.kind().equals("Namespace")
          && (x.group().isEmpty() || y.group().isEmpty())) {
        return -c;
      }
      return c;
    }
    return idString(x).compareTo(idString(y));
  }

  private static String gvkString(ResourceId id) {
    return or(id.group(), "~G") + "_" + or(id.version(), "~V") + "_" + or(id.kind(), "~K");
  }

  private static String idString(ResourceId id) {
    String gvk = or(id.kind(), "[noKind]") + "." + or(id.version(), "[noVer]") + "."
        + or(id.group(), "[noGrp]");
    return gvk + "|" + or(id.namespace(), "~X") + "|" + or(id.name(), "~N");
  }

  private static String or(String s, String dflt) {
    return s == null || s.isEmpty() ? dflt : s;
  }
}
