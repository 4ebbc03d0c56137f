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
 * directory by what includes it and their components, so one overlay's replacements cost only
 * its own bases, not its siblings'.
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
    // every directory by number, the kustomizations' first (in their order); what includes
    // each (resources or components), and each one's components
    Map<Path, Integer> index = new HashMap<>();
    List<Path> dirs = new ArrayList<>();
    for (Kustomization k : kustomizations) {
      Path d = k.dir();
      index.put(d, dirs.size());
      dirs.add(d);
    }
    int n = dirs.size();
    List<List<Integer>> includers = new ArrayList<>();
    List<List<Integer>> components = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Kustomization k = kustomizations.get(i);
      for (Entry e : k.resources()) {
        include(i, e, index, dirs, includers, null);
      }
      for (Entry e : k.components()) {
        include(i, e, index, dirs, includers, components);
      }
    }
    Inputs in = new Inputs(cache);
    Own[] owns = new Own[n];
    // a kind's matcher compiled once, not once per directory (null: not a valid pattern)
    Map<String, Optional<Selector.TypeTest>> compiled = new HashMap<>();
    Function<String, Selector.TypeTest> matchers = type -> compiled.computeIfAbsent(type, x -> {
      String[] gvk = x.split("\0", -1);
      Selector typeOnly = new Selector(gvk[0], gvk[1], gvk[2], "", "", "", "", null);
      return typeOnly.isValid() ? Optional.of(typeOnly.typeMatcher()) : Optional.empty();
    }).orElse(null);
    // objects read in a directory meet the transformers of what includes it (at any depth)
    // and of their components: those decide, not siblings that share a base
    Map<java.util.BitSet, Whole> bySet = new HashMap<>();
    Map<Path, Whole> byDir = new HashMap<>();
    for (int dir = 0; dir < dirs.size(); dir++) {
      java.util.BitSet seen = new java.util.BitSet();
      reach(dir, includers, seen);
      for (int d = seen.nextSetBit(0); d >= 0; d = seen.nextSetBit(d + 1)) {
        if (d < components.size() && components.get(d) != null) {
          for (int c : components.get(d)) {
            reach(c, components, seen); // a component's other includers never see these objects
          }
        }
      }
      // fixed before any render: renderers on several threads read it
      byDir.put(dirs.get(dir), bySet.computeIfAbsent(seen, x -> {
        List<Kustomization> ks = new ArrayList<>(); // in the kustomizations' order
        List<Own> os = new ArrayList<>();
        for (int d = x.nextSetBit(0); d >= 0 && d < n; d = x.nextSetBit(d + 1)) {
          ks.add(kustomizations.get(d));
          if (owns[d] == null) {
            owns[d] = own(kustomizations.get(d), in, jsonPatches, smPatches);
          }
          os.add(owns[d]);
        }
        return kinds(ks, os, nameReferences, sharedKinds, matchers);
      }));
    }
    return byDir::get;
  }

  private static void reach(int from, List<List<Integer>> edges, java.util.BitSet seen) {
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
    todo.push(from);
    while (!todo.isEmpty()) {
      int d = todo.pop();
      if (!seen.get(d)) {
        seen.set(d);
        if (d < edges.size() && edges.get(d) != null) {
          edges.get(d).forEach(todo::push);
        }
      }
    }
  }

  // an entry naming a directory: it is included by dir (and is one of its components)
  private static void include(int dir, Entry e, Map<Path, Integer> index, List<Path> dirs,
      List<List<Integer>> includers, List<List<Integer>> components) {
    Path p = dirs.get(dir).resolve(e.value()).normalize();
    Integer i = index.get(p);
    if (i == null && Files.isDirectory(p)) {
      i = dirs.size();
      index.put(p, i);
      dirs.add(p);
    }
    if (i != null) {
      add(includers, i, dir);
      if (components != null) {
        add(components, dir, i);
      }
    }
  }

  private static void add(List<List<Integer>> edges, int from, int to) {
    while (edges.size() <= from) {
      edges.add(null);
    }
    if (edges.get(from) == null) {
      edges.set(from, new ArrayList<>());
    }
    edges.get(from).add(to);
  }

  /**
   * Each directory the kustomizations are or include, to its group's root: the
   * kustomizations joined by the directories they list under resources.
   */
  static Map<Path, Path> groups(List<Kustomization> kustomizations) {
    Map<Path, Path> parent = new HashMap<>();
    Set<Path> dirs = new HashSet<>();
    for (Kustomization k : kustomizations) {
      dirs.add(k.dir());
      parent.putIfAbsent(k.dir(), k.dir());
    }
    for (Kustomization k : kustomizations) {
      for (Entry e : k.resources()) {
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

  /**
   * What one kustomization's own fields need composed: by kind, the names its selectors give
   * (null: every name); {@code all} for every object.
   */
  private record Own(boolean all, Map<String, Set<String>> patterns, boolean renames,
      List<NameReferences.Spec> added) {}

  private static final Own ALL = new Own(true, Map.of(), false, List.of());

  private static Own own(Kustomization k, Inputs in, boolean jsonPatches,
      Predicate<Patch> smPatches) {
    Map<String, Set<String>> patterns = new java.util.LinkedHashMap<>();
    boolean renames = false;
    List<NameReferences.Spec> added = new ArrayList<>();
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
      if (r.rewritesIds() || r.bodies().stream().anyMatch(b -> b.kind().isEmpty())) {
        return ALL;
      }
      // metadata is in skeletons
      r.bodies().forEach(b -> need(patterns, b.kind(), b.name()));
    }
    for (Patch p : Stream.of(k.patchesStrategicMerge(), k.patches(), k.patchesJson6902(),
        k.transformerPatches()).flatMap(List::stream).toList()) {
      if (p.opaqueIdentity()) {
        return ALL;
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
      // an operation in metadata fails or not alike on a skeleton (metadata is whole there)
      if (jsonPatches && p.json() && !p.inMetadata()) {
        if (p.target() == null || p.target().kind().isEmpty()) {
          return ALL;
        }
        // kubectl: a target's group and version select as its kind does (v1beta1 selects no
        // apiextensions.k8s.io/v1 CustomResourceDefinition)
        need(patterns, p.target().group(), p.target().version(), p.target().kind(),
            p.target().name());
      }
    }
    return new Own(false, patterns, renames, List.copyOf(added));
  }

  private static Whole kinds(List<Kustomization> group, List<Own> owns,
      boolean nameReferences, Function<Path, Set<String>> sharedKinds,
      Function<String, Selector.TypeTest> matchers) {
    // kind pattern: the names (as selectors write them) whose objects are composed, null: all
    Map<String, Set<String>> patterns = new java.util.LinkedHashMap<>();
    boolean renames = false;
    List<NameReferences.Spec> added = new ArrayList<>();
    for (Own o : owns) {
      if (o.all()) {
        return null;
      }
      renames |= o.renames();
      added.addAll(o.added());
      o.patterns().forEach((kind, names) -> {
        if (names == null) {
          patterns.put(kind, null);
        } else if (!patterns.containsKey(kind) || patterns.get(kind) != null) {
          patterns.computeIfAbsent(kind, x -> new HashSet<>()).addAll(names);
        }
      });
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
    Map<Selector.TypeTest, Set<String>> kinds = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : patterns.entrySet()) {
      Selector.TypeTest m = matchers.apply(e.getKey());
      if (m == null) {
        return null;
      }
      kinds.put(m, e.getValue());
    }
    // kinds are few and objects many: each kind is resolved to its names once (by the
    // renderers of every thread)
    Map<String, Optional<Set<String>>> known = new java.util.concurrent.ConcurrentHashMap<>();
    return (apiVersion, kind, name) -> {
      Optional<Set<String>> names = known.computeIfAbsent(apiVersion + "\0" + kind,
          k -> names(apiVersion, kind, ALWAYS.contains(kind) || referrers.contains(kind),
              kinds));
      return names.isEmpty() || name == null
          || names.get().stream().anyMatch(n -> mayName(n, name));
    };
  }

  /** Whether an object of a kind, with the name its file gives it, is composed whole. */
  @FunctionalInterface
  public interface Whole {
    /** @param apiVersion the object's, or null for any */
    boolean test(String apiVersion, String kind, String name);

    default boolean test(String kind, String name) {
      return test(null, kind, name);
    }
  }

  private static void need(Map<String, Set<String>> patterns, String kind, String name) {
    need(patterns, "", "", kind, name);
  }

  // keyed by group, version and kind as a selector writes them
  private static void need(Map<String, Set<String>> patterns, String group, String version,
      String kind, String name) {
    String type = group + "\0" + version + "\0" + kind;
    boolean literal = name != null && !name.isEmpty() && Selector.literal(name.replace(".", ""));
    if (!literal) {
      patterns.put(type, null);
    } else if (!patterns.containsKey(type) || patterns.get(type) != null) {
      patterns.computeIfAbsent(type, k -> new HashSet<>()).add(name);
    }
  }

  // empty: every name; else the names selectors give (none: no object of the kind)
  private static Optional<Set<String>> names(String apiVersion, String kind, boolean all,
      Map<Selector.TypeTest, Set<String>> kinds) {
    int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
    String group = apiVersion == null ? null : slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion == null ? null : apiVersion.substring(slash + 1);
    Set<String> out = new HashSet<>();
    for (Map.Entry<Selector.TypeTest, Set<String>> e : kinds.entrySet()) {
      if (e.getKey().test(group, version, kind)) {
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
