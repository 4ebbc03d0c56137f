package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.resolve.Occurrence;
import io.github.kustomizelint.resolve.PatchOutcome;
import io.github.kustomizelint.resolve.ReplacementOutcome;
import io.github.kustomizelint.resolve.Resolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The check's view of content: renders each kustomization that uses a feature and reports
 * where kustomize fails in it. Where rendering meets anything unmodelled first, nothing is
 * claimed. Every check of one kustomization runs before the next kustomization's, so its
 * render is reused.
 */
public final class ContentFailures {

  /**
   * One content rule: the failure its feature names, the kustomizations worth rendering for
   * it, and whether only a failure in the kustomization's own files is its own (a base's is
   * its own build's; a name reference is fixed at the top, so it is every build's).
   */
  public record Check(String rule, String feature, Problem.Kind kind,
      Predicate<Kustomization> uses, boolean ownFilesOnly, UnaryOperator<String> message,
      boolean silent) {
    Check(String rule, String feature, Problem.Kind kind, Predicate<Kustomization> uses,
        boolean ownFilesOnly, UnaryOperator<String> message) {
      this(rule, feature, kind, uses, ownFilesOnly, message, false);
    }
  }

  private ContentFailures() {}

  /**
   * The kinds of which two objects of a kustomization's build share a name, computed once
   * per directory from {@code resources} (the objects its build accumulates).
   */
  public static Function<Path, Set<String>> sharedKinds(
      Function<Path, List<Resource>> resources) {
    return sharedKinds(List.of(), resources, 1);
  }

  /**
   * The same, computed ahead for {@code dirs} on up to {@code threads} threads (their objects
   * are read here, on the calling thread; only the pure count runs on the others).
   */
  public static Function<Path, Set<String>> sharedKinds(List<Path> dirs,
      Function<Path, List<Resource>> resources, int threads) {
    Map<Path, Set<String>> known = new java.util.HashMap<>();
    List<List<Resource>> lists = dirs.stream().map(resources).toList();
    List<Set<String>> sets = new ArrayList<>(java.util.Collections.nCopies(dirs.size(), null));
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    Runnable count = () -> {
      for (int i; (i = next.getAndIncrement()) < lists.size(); ) {
        sets.set(i, Set.copyOf(NameReferences.sharedKinds(lists.get(i))));
      }
    };
    onThreads(Math.min(threads, dirs.size() / MIN_PARALLEL + 1) - 1, "kustomize-lint-names",
        count);
    for (int i = 0; i < dirs.size(); i++) {
      known.put(dirs.get(i), sets.get(i));
    }
    return dir -> known.computeIfAbsent(dir,
        d -> Set.copyOf(NameReferences.sharedKinds(resources.apply(d))));
  }

  /** @param sharedKinds by directory, as {@link #sharedKinds} gives them */
  public static List<Check> checks(Function<Path, Set<String>> sharedKinds) {
    return checks(sharedKinds, p -> !p.json());
  }

  /**
   * The same, a strategic-merge patch's silent outcomes looked for where {@code mayDrop}
   * (see {@link #mayDrop}) says it may have some.
   */
  public static List<Check> checks(Function<Path, Set<String>> sharedKinds,
      Predicate<Patch> mayDrop) {
    return List.of(
        new Check("json-patch-path-missing", Json6902Step.PATH_MISSING,
            Problem.Kind.JSON_PATCH_PATH_MISSING, k -> Stream.of(k.patches(),
                k.patchesJson6902()).flatMap(List::stream).anyMatch(Patch::json), true,
            what -> "JSON6902 operation on a path that " + what.replaceFirst(" \\(",
                " lacks at this point of the build; kustomize fails (") + ": fix the path, or"
                + " add the missing parent with an earlier 'add'"),
        new Check("replacement-field-missing", ReplacementsStep.FIELD_MISSING,
            Problem.Kind.REPLACEMENT_FIELD_MISSING, k -> !k.replacements().isEmpty(), true,
            what -> "replacement field path: " + what + ": fix the path"
                + (what.startsWith("the target") ? ", narrow the select, or set options.create"
                    : ", or point the source at an object that has it")),
        new Check("var-field-missing", VarsStep.FIELD_MISSING, Problem.Kind.VAR_FIELD_MISSING,
            k -> !k.vars().isEmpty(), true,
            what -> "var field path: " + what + ": fix fieldref.fieldPath, or point objref at"
                + " an object that has the field"),
        new Check("name-reference-ambiguous", NameReferences.AMBIGUOUS,
            Problem.Kind.NAME_REFERENCE_AMBIGUOUS,
            k -> !sharedKinds.apply(k.dir()).isEmpty(), false,
            what -> "name reference" + what + ": give the reference a namespace, or the"
                + " objects distinct names"),
        // kustomize builds: each silent outcome of a patch is noted while rendering
        new Check("patch-element-no-effect", AssociativeList.NO_EFFECT,
            Problem.Kind.PATCH_ELEMENT_NO_EFFECT, k -> Stream.of(k.patchesStrategicMerge(),
                k.patches()).flatMap(List::stream).anyMatch(mayDrop), true,
            what -> "strategic-merge patch: " + what.substring(2), true));
  }

  /**
   * Whether a strategic-merge patch, by its text, may hold an element kustomize drops: only a
   * delete, or an element of a list with several merge keys, can be (a single-key element
   * that matches nothing is added). Keeps the renders to the patches worth them.
   */
  public static Predicate<Patch> mayDrop(Function<Path, String> text) {
    return p -> {
      if (p.json()) {
        return false;
      }
      String t = text.apply(p.location().file());
      return t == null || t.contains("$patch") || t.contains("ports:")
          || t.contains("topologySpreadConstraints:");
    };
  }

  public static List<Occurrence> find(List<Kustomization> kustomizations, Renderer renderer,
      List<Check> checks) {
    return find(kustomizations, () -> renderer, checks, 1);
  }

  /**
   * The same on up to {@code threads} threads, each rendering whole groups of kustomizations
   * with a renderer of its own; the occurrences come in kustomization order whatever the
   * timing.
   * Which checks a kustomization uses is decided first, on this thread (it reads the
   * resolver's builds).
   */
  public static List<Occurrence> find(List<Kustomization> kustomizations,
      java.util.function.Supplier<Renderer> renderers, List<Check> checks, int threads) {
    List<Kustomization> work = new ArrayList<>();
    List<List<Check>> uses = new ArrayList<>();
    for (Kustomization k : kustomizations) {
      List<Check> on = k.component() ? List.of()
          : checks.stream().filter(c -> c.uses().test(k)).toList();
      if (!on.isEmpty()) {
        work.add(k);
        uses.add(on);
      }
    }
    // groups of kustomizations that include one another share their renders: one renderer
    // each, the largest first (components are rendered afresh in every includer)
    Map<Path, Path> roots = CheckBodies.groups(kustomizations);
    Map<Path, List<Integer>> byRoot = new java.util.LinkedHashMap<>();
    for (int i = 0; i < work.size(); i++) {
      byRoot.computeIfAbsent(roots.get(work.get(i).dir()), r -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> groups = new ArrayList<>(byRoot.values());
    groups.sort(java.util.Comparator.comparingInt(g -> -g.size()));
    List<List<Occurrence>> found = new ArrayList<>(java.util.Collections.nCopies(work.size(),
        null));
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    Runnable worker = () -> {
      Renderer renderer = null;
      for (int g; (g = next.getAndIncrement()) < groups.size(); ) {
        renderer = renderer == null ? renderers.get() : renderer;
        for (int i : groups.get(g)) {
          found.set(i, occurrences(work.get(i), uses.get(i), renderer));
        }
      }
    };
    // starting threads for fewer kustomizations would cost more than they save
    onThreads(work.size() < MIN_PARALLEL ? 0 : Math.min(threads, groups.size()) - 1,
        "kustomize-lint-render", worker);
    List<Occurrence> out = new ArrayList<>();
    found.forEach(out::addAll);
    return out;
  }

  /** Fewer kustomizations to render are rendered on the calling thread. */
  private static final int MIN_PARALLEL = 16;

  /**
   * Runs {@code worker} on this thread and on {@code helpers} more, and returns when all are
   * done; a failure on a helper is thrown here. A render recurses with the content's depth:
   * helpers get a stack as deep as the deep-YAML reader's.
   */
  private static void onThreads(int helpers, String name, Runnable worker) {
    List<Thread> started = new ArrayList<>();
    Throwable[] failed = new Throwable[1];
    for (int t = 0; t < helpers; t++) {
      Thread th = new Thread(null, worker, name,
          io.github.kustomizelint.load.YamlCache.DEEP_STACK_BYTES);
      th.setDaemon(true);
      th.setUncaughtExceptionHandler((x, e) -> failed[0] = e);
      th.start();
      started.add(th);
    }
    worker.run();
    io.github.kustomizelint.load.YamlCache.join(started);
    if (failed[0] instanceof Error e) {
      throw e;
    }
    if (failed[0] != null) {
      throw new IllegalStateException(failed[0]);
    }
  }

  private static List<Occurrence> occurrences(Kustomization k, List<Check> checks,
      Renderer renderer) {
    List<Occurrence> out = new ArrayList<>();
    for (Check c : checks) {
      if (c.silent()) {
        for (Notices.Notice n : renderer.noticed(k.dir(), c.feature())) {
          if (!c.ownFilesOnly() || own(k).contains(n.at().file())) {
            out.add(new Occurrence(new Problem(c.kind(), n.at(),
                c.message().apply(n.feature().substring(c.feature().length()))), k.dir()));
          }
        }
        continue;
      }
      Unmodelled stop = renderer.stoppedBy(k.dir(), c.feature());
      if (stop == null || c.ownFilesOnly() && !own(k).contains(stop.at().file())) {
        continue;
      }
      out.add(new Occurrence(new Problem(c.kind(), stop.at(),
          c.message().apply(stop.feature().substring(c.feature().length()))), k.dir()));
    }
    return out;
  }

  /**
   * Whether the resolver left a patch without a target unverified only because a rename may
   * have changed ids: nothing matched and only renames are unknown, or it matched only ids a
   * rename may have changed.
   */
  public static boolean unverifiedByRename(PatchOutcome o) {
    return o.patch().target() == null && !o.patch().json()
        && byRename(o.matched(), o.unknowns());
  }

  /** The same for a replacement source. */
  public static boolean unverifiedByRename(ReplacementOutcome o) {
    return byRename(o.matched(), o.unknowns());
  }

  private static boolean byRename(List<Resource> matched, List<io.github.kustomizelint.model.Entry> unknowns) {
    return matched.isEmpty()
        ? !unknowns.isEmpty() && unknowns.stream().allMatch(u -> u.value().equals(Resolver.RENAMED))
        : matched.stream().allMatch(Resource::uncertain);
  }

  /**
   * The outcomes with each patch {@link #unverifiedByRename} turned into a missing target where
   * the renderer, following the rename, stops at that very patch as kustomize does (no object
   * has its id). A patch the render applies, or one it cannot reach, stays unverified.
   */
  public static List<PatchOutcome> confirmMissing(List<PatchOutcome> outcomes,
      Renderer renderer, Predicate<String> renamedKinds) {
    List<PatchOutcome> out = new ArrayList<>(outcomes.size());
    for (PatchOutcome o : outcomes) {
      // the resolver places a patch at its kind, the renderer at its document's start
      if (unverifiedByRename(o) && renamedKinds.test(o.patch().id().kind())
          && stops(renderer, o.build(), PatchTargets.NO_MATCH, o.patch().location(), -2, 0)) {
        out.add(new PatchOutcome(o.patch(), o.declaredIn(), o.build(), List.of(),
            seen(o.sameKind(), o.matched()), List.of(), o.deletedBy()));
      } else {
        out.add(o);
      }
    }
    return out;
  }

  /** The same for replacement sources, missing where the renderer selects nothing. */
  public static List<ReplacementOutcome> confirmMissingSources(List<ReplacementOutcome> outcomes,
      Renderer renderer, Predicate<String> renamedKinds) {
    List<ReplacementOutcome> out = new ArrayList<>(outcomes.size());
    for (ReplacementOutcome o : outcomes) {
      // the resolver places a source at its key, the renderer at the map below it
      if (renamedKinds.test(o.source().kind()) && unverifiedByRename(o)
          && stops(renderer, o.build(), ReplacementsStep.NO_SOURCE, o.source().location(), 0, 2)) {
        out.add(new ReplacementOutcome(o.source(), o.build(), List.of(),
            seen(o.sameKind(), o.matched()), List.of()));
      } else {
        out.add(o);
      }
    }
    return out;
  }

  // Whether rendering the build stops at feature in the anchor's file, between from and to
  // lines from the anchor.
  private static boolean stops(Renderer renderer, Path build, String feature, Location anchor,
      int from, int to) {
    Unmodelled stop = renderer.stoppedBy(build, feature);
    return stop != null && anchor.file().equals(stop.at().file())
        && stop.at().line() >= anchor.line() + from && stop.at().line() <= anchor.line() + to;
  }

  private static List<Resource> seen(List<Resource> sameKind, List<Resource> matched) {
    List<Resource> seen = new ArrayList<>(sameKind);
    seen.addAll(matched);
    return seen;
  }

  /**
   * The kinds renames can reach: the target kinds of replacements writing metadata.name or
   * namespace; every kind where one selects none, or where a patch changes ids.
   */
  public static Predicate<String> renamedKinds(List<Kustomization> kustomizations) {
    Set<String> kinds = new HashSet<>();
    for (Kustomization k : kustomizations) {
      for (io.github.kustomizelint.model.Replacement r : k.replacements()) {
        if (r.rewritesIds()) {
          kinds.addAll(r.targetKinds());
        }
      }
      for (Patch p : Stream.of(k.patchesStrategicMerge(), k.patches(), k.patchesJson6902(),
          k.transformerPatches()).flatMap(List::stream).toList()) {
        if (p.opaqueIdentity()) {
          kinds.add(""); // a kind change: later patches may name either kind
        }
      }
    }
    return kinds.contains("") ? kind -> true : kind -> kinds.contains(kind) || kind.isEmpty();
  }

  private static Set<Path> own(Kustomization k) {
    Set<Path> own = new HashSet<>(k.files());
    own.add(k.file());
    return own;
  }
}
