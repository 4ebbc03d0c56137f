package io.github.kustomizelint.rules;

import io.github.kustomizelint.resolve.PatchOutcome;
import io.github.kustomizelint.load.Text;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.ResourceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Wording shared by the patch rules. */
final class PatchText {

  private PatchText() {}

  /** e.g. {@code PodDisruptionBudget 'pdb' (policy/v1, namespace system)}. */
  static String object(ResourceId id) {
    String ns = id.clusterScoped() ? "cluster-scoped"
        : id.namespace().isEmpty() ? "no namespace" : "namespace " + id.namespace();
    String version = id.apiVersion().isEmpty() ? "no apiVersion" : id.apiVersion();
    return id.kind() + " '" + id.name() + "' (" + version + ", " + ns + ")";
  }

  static String buildOf(LintContext c, PatchOutcome o) {
    return c.show(o.build());
  }

  /** The same-kind resources nearest to the patch's id, with what differs. */
  static String closest(LintContext c, ResourceId want, List<Resource> sameKind) {
    // Each distance once, not once per comparison.
    java.util.Map<Resource, Integer> rank = new java.util.IdentityHashMap<>();
    sameKind.forEach(r -> rank.put(r, distance(want, r)));
    List<Resource> ranked = new ArrayList<>(sameKind);
    ranked.sort(Comparator.comparingInt((Resource r) -> rank.get(r))
        .thenComparing(r -> r.id().name()));
    List<String> parts = new ArrayList<>();
    for (Resource r : ranked.subList(0, Math.min(3, ranked.size()))) {
      parts.add(object(r.id()) + " from " + c.show(r.origin().file()) + ":" + r.origin().line()
          + differences(want, r));
    }
    String more = ranked.size() > 3 ? " (and " + (ranked.size() - 3) + " more)" : "";
    return String.join("; ", parts) + more;
  }

  private static String differences(ResourceId want, Resource r) {
    ResourceId best = r.id();
    for (ResourceId id : r.ids()) {
      if (score(want, id) < score(want, best)) {
        best = id;
      }
    }
    List<String> diff = new ArrayList<>();
    if (!best.apiVersion().equals(want.apiVersion())) {
      diff.add("apiVersion " + best.apiVersion() + ", the patch has "
          + (want.apiVersion().isEmpty() ? "none" : want.apiVersion()));
    }
    if (!best.name().equals(want.name()) && !best.equals(r.id())) {
      diff.add("was named '" + best.name() + "'");
    }
    if (!best.effectiveNamespace().equals(want.effectiveNamespace())) {
      diff.add("namespace '" + (best.namespace().isEmpty() ? "(none)" : best.namespace()) + "'");
    }
    if (r.ids().size() > 1) {
      diff.add("names it has had: " + String.join(", ",
          r.ids().stream().map(i -> i.name()
              + (i.namespace().isEmpty() ? "" : "." + i.namespace())).distinct().toList()));
    }
    return diff.isEmpty() ? "" : " [" + String.join("; ", diff) + "]";
  }

  private static int distance(ResourceId want, Resource r) {
    int best = Integer.MAX_VALUE;
    for (ResourceId id : r.ids()) {
      best = Math.min(best, score(want, id));
    }
    return best;
  }

  private static int score(ResourceId want, ResourceId id) {
    return Text.distance(want.name(), id.name()) * 4
        + (id.effectiveNamespace().equals(want.effectiveNamespace()) ? 0 : 3)
        + (id.apiVersion().equals(want.apiVersion()) ? 0 : 2);
  }
}
