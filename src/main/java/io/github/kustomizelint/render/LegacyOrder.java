package io.github.kustomizelint.render;

import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.ResourceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kustomize's "legacy" object order (api/internal/builtins/SortOrderTransformer.go): kinds
 * in a first and a last list (by default a fixed pair), then by group/version/kind, then
 * namespace and name.
 */
final class LegacyOrder implements java.util.Comparator<YMap> {

  private static final List<String> FIRST = List.of("Namespace", "ResourceQuota",
      "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy", "Role",
      "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints",
      "Service", "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim",
      "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget");
  private static final List<String> LAST = List.of("MutatingWebhookConfiguration",
      "ValidatingWebhookConfiguration");
  private static final LegacyOrder DEFAULT = new LegacyOrder(FIRST, LAST);

  private final Map<String, Integer> rank = new HashMap<>();

  /** sortOptions.legacySortOptions: kinds first and last, in the given orders. */
  LegacyOrder(List<String> first, List<String> last) {
    // as kustomize's typeOrders: a kind listed twice keeps its last place
    for (int i = 0; i < first.size(); i++) {
      rank.put(first.get(i), -first.size() + i);
    }
    for (int i = 0; i < last.size(); i++) {
      rank.put(last.get(i), 1 + i);
    }
  }

  static LegacyOrder byDefault() {
    return DEFAULT;
  }

  @Override
  public int compare(YMap a, YMap b) {
    ResourceId x = Objects.id(a);
    ResourceId y = Objects.id(b);
    boolean sameGvk = x.group().equals(y.group()) && x.version().equals(y.version())
        && x.kind().equals(y.kind());
    if (!sameGvk) {
      int rx = rank.getOrDefault(x.kind(), 0);
      int ry = rank.getOrDefault(y.kind(), 0);
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
