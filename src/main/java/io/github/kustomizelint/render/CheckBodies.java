package io.github.kustomizelint.render;

import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.model.Replacement;
import io.github.kustomizelint.model.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which objects the check's renders compose whole (CRD bundles, most of the bytes, mostly
 * need not be). A JSON6902 failure lies in its target's body and an ambiguous name reference
 * in a referrer's; a replacement reads its source's and writes its targets' (their kinds are
 * composed too, unless its paths stay in metadata, which skeletons hold whole). Other bodies
 * reach those only through a patch or replacement that changes ids in ways we do not follow
 * or a selector without a kind, and then every body is composed; configurations and crds add
 * referrer kinds (and a referrer or referred kind left out composes every body). A var reads
 * its object's body (its kind is composed), and what it fills in elsewhere cannot make a
 * check fail. ConfigMaps
 * and Secrets always are: generators merge into them and the name hash reads them. Decided per
 * group of kustomizations that include one another, so one overlay's replacements cost only
 * its own.
 */
public final class CheckBodies {

  private static final Set<String> ALWAYS = Set.of("ConfigMap", "Secret");

  private CheckBodies() {}

  /**
   * For each kustomization directory, the objects to compose whole where it is rendered (by
   * kind, and by name where every selector that needs the kind names its objects), or null
   * for every object (also for a directory not among {@code kustomizations}).
   *
   * @param sharedKinds the kinds two objects of a directory's build share a name of
   *     ({@link ContentFailures#sharedKinds})
   */
  public static Function<Path, Whole> of(YamlCache cache,
      List<Kustomization> kustomizations, boolean jsonPatches, boolean nameReferences,
      Function<Path, Set<String>> sharedKinds) {
    return of(cache, kustomizations, jsonPatches, nameReferences, null, sharedKinds);
  }

  /**
   * The same; the targets of the strategic-merge patches {@code smPatches} takes (null:
   * none) are composed too where their kind has lists with merge keys (where a patch element
   * can change nothing).
   */
  public static Function<Path, Whole> of(YamlCache cache,
      List<Kustomization> kustomizations, boolean jsonPatches, boolean nameReferences,
      Predicate<Patch> smPatches, Function<Path, Set<String>> sharedKinds) {
    Map<Path, Path> roots = groups(kustomizations, true);
    Map<Path, List<Kustomization>> groups = new HashMap<>();
    for (Kustomization k : kustomizations) {
      groups.computeIfAbsent(roots.get(k.dir()), r -> new ArrayList<>()).add(k);
    }
    Map<Path, Whole> byGroup = new HashMap<>();
    Inputs in = new Inputs(cache);
    groups.forEach((r, ks) -> byGroup.put(r, kinds(ks, in, jsonPatches, nameReferences,
        smPatches, sharedKinds)));
    // fixed before any render: renderers on several threads read it
    Map<Path, Whole> byDir = new HashMap<>();
    roots.forEach((dir, r) -> byDir.put(dir, byGroup.get(r)));
    return byDir::get;
  }

  /**
   * Each directory the kustomizations are or include, to its group's root: the
   * kustomizations joined by the directories they list under resources (and, with {@code
   * components}, under components).
   */
  static Map<Path, Path> groups(List<Kustomization> kustomizations, boolean components) {
    Map<Path, Path> parent = new HashMap<>();
    Set<Path> dirs = new HashSet<>();
    for (Kustomization k : kustomizations) {
      dirs.add(k.dir());
      parent.putIfAbsent(k.dir(), k.dir());
    }
    for (Kustomization k : kustomizations) {
      Stream<Entry> entries = components
          ? Stream.concat(k.resources().stream(), k.components().stream())
          : k.resources().stream();
      for (Entry e : entries.toList()) {
        Path p = k.dir().resolve(e.value()).normalize();
        if (dirs.contains(p) || Files.isDirectory(p)) {
          parent.putIfAbsent(p, p);
          parent.put(root(parent, p), root(parent, k.dir()));
        }
      }
    }
    Map<Path, Path> out = new HashMap<>();
    for (Path p : new ArrayList<>(parent.keySet())) {
      out.put(p, root(parent, p));
    }
    return out;
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

  private static Whole kinds(List<Kustomization> group, Inputs in, boolean jsonPatches,
      boolean nameReferences, Predicate<Patch> smPatches,
      Function<Path, Set<String>> sharedKinds) {
    // kind pattern: the names (as selectors write them) whose objects are composed, null: all
    Map<String, Set<String>> patterns = new java.util.LinkedHashMap<>();
    boolean renames = false;
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
        // its field is read (a kind as a regex: a superset)
        need(patterns, v.objref().kind(), v.objref().name());
      }
      for (Replacement r : k.replacements()) {
        if (r.rewritesIds() || r.bodyKinds().contains("")) {
          return null;
        }
        r.bodyKinds().forEach(kind -> need(patterns, kind, null)); // metadata is in skeletons
      }
      for (Patch p : Stream.of(k.patchesStrategicMerge(), k.patches(), k.patchesJson6902(),
          k.transformerPatches()).flatMap(List::stream).toList()) {
        if (p.opaqueIdentity()) {
          return null;
        }
        renames |= p.rename() != null && p.rename().name() != null;
        if (smPatches != null && smPatches.test(p)) {
          String kind = p.target() != null ? p.target().kind()
              : p.id() == null ? "" : p.id().kind();
          String name = p.target() != null ? p.target().name()
              : p.id() == null ? null : p.id().name();
          Selector kindOnly = new Selector("", "", kind, "", "", "", "", null);
          Predicate<String> kinds = kind.isEmpty() || !kindOnly.isValid() ? null
              : kindOnly.kindMatcher();
          for (String k2 : MergeSchema.kinds()) {
            if (kinds == null || kinds.test(k2)) {
              need(patterns, k2, kinds == null ? null : name);
            }
          }
        }
        if (jsonPatches && p.json()) {
          if (p.target() == null || p.target().kind().isEmpty()) {
            return null;
          }
          need(patterns, p.target().kind(), p.target().name());
        }
      }
    }
    if (renames) {
      patterns.replaceAll((kind, names) -> null); // a selector may name the new name
    }
    Set<String> referrers = new HashSet<>();
    if (nameReferences) {
      Set<String> shared = new HashSet<>();
      for (Kustomization k : group) {
        if (!k.component()) {
          shared.addAll(sharedKinds.apply(k.dir()));
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
    Map<Predicate<String>, Set<String>> kinds = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : patterns.entrySet()) {
      Selector kindOnly = new Selector("", "", e.getKey(), "", "", "", "", null);
      if (!kindOnly.isValid()) {
        return null;
      }
      kinds.put(kindOnly.kindMatcher(), e.getValue());
    }
    // kinds are few and objects many: each kind is resolved to its names once (by the
    // renderers of every thread)
    Map<String, Optional<Set<String>>> known = new java.util.concurrent.ConcurrentHashMap<>();
    return (kind, name) -> {
      Optional<Set<String>> names = known.computeIfAbsent(kind, k -> names(k,
          ALWAYS.contains(k) || referrers.contains(k), kinds));
      return names.isEmpty() || name == null
          || names.get().stream().anyMatch(n -> mayName(n, name));
    };
  }

  /** Whether an object of a kind, with the name its file gives it, is composed whole. */
  @FunctionalInterface
  public interface Whole {
    boolean test(String kind, String name);
  }

  private static void need(Map<String, Set<String>> patterns, String kind, String name) {
    boolean literal = name != null && !name.isEmpty() && Selector.literal(name.replace(".", ""));
    if (!literal) {
      patterns.put(kind, null);
    } else if (!patterns.containsKey(kind) || patterns.get(kind) != null) {
      patterns.computeIfAbsent(kind, k -> new HashSet<>()).add(name);
    }
  }

  // empty: every name; else the names selectors give (none: no object of the kind)
  private static Optional<Set<String>> names(String kind, boolean all,
      Map<Predicate<String>, Set<String>> kinds) {
    Set<String> out = new HashSet<>();
    for (Map.Entry<Predicate<String>, Set<String>> e : kinds.entrySet()) {
      if (e.getKey().test(kind)) {
        if (e.getValue() == null) {
          return Optional.empty();
        }
        out.addAll(e.getValue());
      }
    }
    return all ? Optional.empty() : Optional.of(out);
  }

  /**
   * Whether a selector's name (literal but for '.', any character) may select an object whose
   * file names it {@code name}: selectors match the name as written or as prefixes and
   * suffixes left it (renames compose every name), so the name lies within the selector's.
   */
  static boolean mayName(String selector, String name) {
    for (int i = 0; i + name.length() <= selector.length(); i++) {
      int j = 0;
      while (j < name.length() && (selector.charAt(i + j) == '.'
          || selector.charAt(i + j) == name.charAt(j))) {
        j++;
      }
      if (j == name.length()) {
        return true;
      }
    }
    return false;
  }
}
