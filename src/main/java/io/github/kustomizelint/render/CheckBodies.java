package io.github.kustomizelint.render;

import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.model.Replacement;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which objects the check's renders compose whole (CRD bundles, most of the bytes, mostly
 * need not be). A JSON6902 failure lies in its target's body and an ambiguous name reference
 * in a referrer's; a replacement reads its source's and writes its targets' (their kinds are
 * composed too, unless its paths stay in metadata, which skeletons hold whole). Other bodies reach those only through a patch or replacement that changes ids
 * in ways we do not follow or a selector without a kind, and then every body is composed;
 * configurations and crds add referrer kinds (and a referrer or referred kind left out
 * composes every body). A var reads its object's body
 * (its kind is composed), and what it fills in elsewhere cannot make a check fail. ConfigMaps
 * and Secrets always are: generators merge into them and the name hash reads them. Decided per
 * group of kustomizations that include one another, so one overlay's replacements cost only
 * its own.
 */
public final class CheckBodies {

  private static final Set<String> ALWAYS = Set.of("ConfigMap", "Secret");

  private CheckBodies() {}

  /**
   * For each kustomization directory, the kinds to compose whole where it is rendered, or
   * null for every kind (also for a directory not among {@code kustomizations}).
   *
   * @param resources the objects a kustomization's build accumulates (the resolver's)
   */
  public static Function<Path, Predicate<String>> of(YamlCache cache,
      List<Kustomization> kustomizations, boolean jsonPatches, boolean nameReferences, Function<Path, List<Resource>> resources) {
    Map<Path, Path> parent = new HashMap<>();
    Map<Path, Kustomization> byDir = new HashMap<>();
    for (Kustomization k : kustomizations) {
      byDir.put(k.dir(), k);
      parent.putIfAbsent(k.dir(), k.dir());
    }
    for (Kustomization k : kustomizations) {
      for (Entry e : Stream.concat(k.resources().stream(), k.components().stream()).toList()) {
        Path p = k.dir().resolve(e.value()).normalize();
        if (byDir.containsKey(p) || Files.isDirectory(p)) {
          parent.putIfAbsent(p, p);
          parent.put(root(parent, p), root(parent, k.dir()));
        }
      }
    }
    Map<Path, List<Kustomization>> groups = new HashMap<>();
    for (Kustomization k : kustomizations) {
      groups.computeIfAbsent(root(parent, k.dir()), r -> new ArrayList<>()).add(k);
    }
    Map<Path, Predicate<String>> byGroup = new HashMap<>();
    Inputs in = new Inputs(cache);
    groups.forEach((r, ks) -> byGroup.put(r, kinds(ks, in, jsonPatches, nameReferences,
        resources)));
    return dir -> parent.containsKey(dir) ? byGroup.get(root(parent, dir)) : null;
  }

  private static Path root(Map<Path, Path> parent, Path p) {
    Path r = p;
    while (!parent.get(r).equals(r)) {
      r = parent.get(r);
    }
    for (Path q = p; !q.equals(r); ) {
      q = parent.put(q, r); // every step of the chain now points at the root
    }
    return r;
  }

  private static Predicate<String> kinds(List<Kustomization> group, Inputs in,
      boolean jsonPatches, boolean nameReferences, Function<Path, List<Resource>> resources) {
    Set<String> patterns = new java.util.LinkedHashSet<>();
    List<NameReferences.Spec> added = new ArrayList<>();
    for (Kustomization k : group) {
      if ((k.fields().containsKey("configurations") || k.fields().containsKey("crds"))
          && k.unread().isEmpty()) {
        try {
          added.addAll(TransformerConfig.own(k, in).plus(CrdConfig.own(k, in)).nameReference());
        } catch (RuntimeException e) {
          // Unmodelled, or a path no file system takes: every build including k stops there
        }
      }
      for (io.github.kustomizelint.model.Var v : k.vars()) {
        patterns.add(v.objref().kind()); // its field is read (a kind as a regex: a superset)
      }
      for (Replacement r : k.replacements()) {
        if (r.rewritesIds() || r.bodyKinds().contains("")) {
          return null;
        }
        patterns.addAll(r.bodyKinds()); // skeletons hold whole metadata

      }
      for (Patch p : Stream.of(k.patchesStrategicMerge(), k.patches(), k.patchesJson6902(),
          k.transformerPatches()).flatMap(List::stream).toList()) {
        if (p.opaqueIdentity()) {
          return null;
        }
        if (jsonPatches && p.json()) {
          if (p.target() == null || p.target().kind().isEmpty()) {
            return null;
          }
          patterns.add(p.target().kind());
        }
      }
    }
    Set<String> referrers = new HashSet<>();
    if (nameReferences) {
      Set<String> shared = new HashSet<>();
      for (Kustomization k : group) {
        if (!k.component()) {
          shared.addAll(NameReferences.sharedKinds(resources.apply(k.dir())));
        }
      }
      for (NameReferences.Spec s : NameReferences.SPECS) {
        if (shared.contains(s.target().kind())) {
          referrers.add(s.referrer().kind());
        }
      }
      for (NameReferences.Spec s : added) {
        if (s.target().kind().isEmpty() || s.referrer().kind().isEmpty()) {
          return null;
        }
        if (shared.contains(s.target().kind())) {
          referrers.add(s.referrer().kind());
        }
      }
    }
    List<Predicate<String>> kinds = new ArrayList<>();
    for (String k : patterns) {
      Selector kindOnly = new Selector("", "", k, "", "", "", "", null);
      if (!kindOnly.isValid()) {
        return null;
      }
      kinds.add(kindOnly.kindMatcher());
    }
    // kinds are few and objects many: each kind is tested once
    Map<String, Boolean> known = new HashMap<>();
    return kind -> known.computeIfAbsent(kind, k -> ALWAYS.contains(k) || referrers.contains(k)
        || kinds.stream().anyMatch(m -> m.test(k)));
  }
}
