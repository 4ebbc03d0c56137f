package io.github.kustomizelint.resolve;

import io.github.kustomizelint.load.KustomizationReader;
import io.github.kustomizelint.load.ManifestReader;
import io.github.kustomizelint.load.PluginKinds;
import io.github.kustomizelint.load.ProjectBounds;
import io.github.kustomizelint.load.RealPaths;
import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Generator;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.model.Replacement;
import io.github.kustomizelint.model.Var;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.ResourceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds kustomizations the way kustomize v5 accumulates them, without running anything:
 * resources, generators, components, then patches, namespace, prefix/suffix, labels and
 * JSON6902 patches. Each directory is built once, however many overlays include it.
 */
public final class Resolver {

  /** The kustomization file names kustomize looks for, in its order. */
  public static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  // What kustomize v5.5 fetches instead of reading from disk, even when a local path of that
  // name exists; other host-like paths (gitlab.com/...) are plain local paths to it.
  private static final Pattern REMOTE = Pattern.compile(
      "^(?:[a-zA-Z][a-zA-Z0-9+.-]*://|git@|git::|github\\.com/)");

  // Kinds the prefix/suffix transformer leaves alone (group "" means any group).
  private static final Map<String, String> NAME_AFFIX_SKIPPED = Map.of(
      "CustomResourceDefinition", "",
      "APIService", "apiregistration.k8s.io",
      "Namespace", "");

  private static final java.util.Set<String> WORKLOADS =
      java.util.Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

  private final KustomizationReader reader;
  private final Map<Path, KustomizationReader.Result> read = new HashMap<>();
  // Kustomization files read on other cores ahead of the builds (see prefetch).
  private final Map<Path, java.util.concurrent.FutureTask<KustomizationReader.Result>> ahead =
      new java.util.concurrent.ConcurrentHashMap<>();
  private java.util.concurrent.ExecutorService pool;
  private final ManifestReader manifests;
  private final Map<Path, Optional<Kustomization>> kustomizations = new java.util.LinkedHashMap<>();
  private final Map<Path, Build> builds = new HashMap<>();
  private final Deque<Path> building = new ArrayDeque<>();
  private final List<Occurrence> problems = new ArrayList<>();
  private final List<PatchOutcome> outcomes = new ArrayList<>();
  private final List<ReplacementOutcome> replacements = new ArrayList<>();
  private final List<VarOutcome> vars = new ArrayList<>();
  private final Map<Path, Set<Path>> includes = new HashMap<>();
  private final Map<io.github.kustomizelint.model.Selector, CompiledSelector> selectors =
      new HashMap<>();

  private final boolean rootOnly;

  /** Bases and components nested deeper than this are not followed (limit-exceeded). */
  public static final int MAX_NESTING = 100;

  /** Component applications one build may make, counting each inclusion along diamonds. */
  public static final int MAX_COMPONENT_APPLICATIONS = 1_000;

  /** @param rootOnly kustomize's default load restrictor (false: LoadRestrictionsNone) */
  public Resolver(YamlCache cache, boolean rootOnly) {
    this(cache, rootOnly, ProjectBounds.NONE, false);
  }

  /**
   * @param bounds nothing outside them is read: what it would add is unknown
   * @param enablePlugins as kustomize's --enable-alpha-plugins
   */
  public Resolver(YamlCache cache, boolean rootOnly, ProjectBounds bounds,
      boolean enablePlugins) {
    this.reader = new KustomizationReader(cache, rootOnly, bounds, enablePlugins);
    this.manifests = new ManifestReader(cache);
    this.rootOnly = rootOnly;
    this.bounds = bounds;
    this.enablePlugins = enablePlugins;
  }

  private final boolean enablePlugins;

  private final ProjectBounds bounds;

  public List<Occurrence> problems() {
    return problems;
  }

  public List<PatchOutcome> outcomes() {
    return outcomes;
  }

  public List<ReplacementOutcome> replacements() {
    return replacements;
  }

  public List<VarOutcome> vars() {
    return vars;
  }

  /** Every kustomization and component read, in the order first read. */
  public List<Kustomization> kustomizations() {
    List<Kustomization> out = new ArrayList<>();
    kustomizations.values().forEach(k -> k.ifPresent(out::add));
    return out;
  }

  /** Every resource file read, with the first object of each of its documents. */
  public Map<Path, List<Resource>> manifests() {
    Map<Path, List<Resource>> out = new HashMap<>();
    manifests.all().forEach((p, r) -> out.put(p, r.heads()));
    return out;
  }

  /** The kustomization directories (bases and components) each built directory includes. */
  public Map<Path, Set<Path>> includes() {
    return includes;
  }

  /** The kustomization file in dir, or null; reports several as a problem. */
  public static Path kustomizationFile(Path dir, List<Path> others) {
    Path found = null;
    for (String name : FILE_NAMES) {
      Path f = dir.resolve(name);
      if (Files.isRegularFile(f)) {
        if (found == null) {
          found = f;
        } else {
          others.add(f);
        }
      }
    }
    return found;
  }

  /** A kustomization file as this run's reader reads it, once: the renderer shares it. */
  public KustomizationReader.Result read(Path file) {
    KustomizationReader.Result r = read.get(file);
    if (r == null) {
      java.util.concurrent.FutureTask<KustomizationReader.Result> early = ahead.remove(file);
      if (early != null) {
        early.run(); // a no-op once a worker has started it
        r = YamlCache.result(early);
      } else {
        r = reader.read(file);
      }
      read.put(file, r);
    }
    return r;
  }

  /**
   * Starts reading kustomization files on every core, in the order given (the order they are
   * built in). A read depends on the files alone, so the results do not depend on timing.
   */
  public void prefetch(List<Path> kustomizationFiles) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (cores < 2 || kustomizationFiles.size() < MIN_PREFETCH || pool != null) {
      return;
    }
    pool = java.util.concurrent.Executors.newFixedThreadPool(cores, r -> {
      // a read walks the kustomization's depth, which the calling thread's stack held
      Thread t = new Thread(null, r, "kustomize-lint-kustomizations",
          YamlCache.DEEP_STACK_BYTES);
      t.setDaemon(true);
      return t;
    });
    for (Path f : kustomizationFiles) {
      java.util.concurrent.FutureTask<KustomizationReader.Result> task =
          new java.util.concurrent.FutureTask<>(() -> reader.read(f));
      if (ahead.putIfAbsent(f, task) == null) {
        pool.execute(task);
      }
    }
    pool.shutdown(); // the queued reads still run
  }

  /** Drops the reads not taken and stops their workers. */
  public void stopPrefetch() {
    ahead.values().forEach(t -> t.cancel(false));
    ahead.clear();
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static final int MIN_PREFETCH = 16;

  /** The parsed kustomization of dir, read once; empty if absent or unreadable. */
  public Optional<Kustomization> kustomization(Path dir) {
    Optional<Kustomization> known = kustomizations.get(dir);
    if (known != null) {
      return known;
    }
    List<Path> others = new ArrayList<>();
    Path file = kustomizationFile(dir, others);
    Optional<Kustomization> result = Optional.empty();
    if (file != null && rootOnly && !RealPaths.inside(file, dir)) {
      // kustomize (root-only) does not find a kustomization file that links out of its directory.
      problems.add(new Occurrence(new Problem(Problem.Kind.MISSING_FILE, Location.of(file),
          file.getFileName() + " is a symlink to a file outside its directory; kustomize does not"
              + " find it (unable to find one of 'kustomization.yaml', 'kustomization.yml' or"
              + " 'Kustomization'): copy the file here, or use the other directory as a base"),
          dir));
      file = null;
    } else if (file != null && !bounds.contains(file)) {
      file = null; // outside the project: never read (callers note it as unknown)
    }
    if (file != null) {
      for (Path other : others) {
        problems.add(new Occurrence(new Problem(Problem.Kind.MULTIPLE_KUSTOMIZATIONS,
            Location.of(other), "directory has more than one kustomization file ("
                + file.getFileName() + " and " + other.getFileName()
                + "); kustomize refuses to build it: keep one"), dir));
      }
      KustomizationReader.Result r = read(file);
      for (Problem p : r.problems()) {
        problems.add(new Occurrence(p, dir));
      }
      result = Optional.ofNullable(r.kustomization());
    }
    kustomizations.put(dir, result);
    return result;
  }

  /** Builds dir on its own, as kustomize does for a base or for {@code kustomize build dir}. */
  public Build build(Path dir) {
    Build done = builds.get(dir);
    if (done != null) {
      return done;
    }
    Optional<Kustomization> k = kustomization(dir);
    Accumulator acc = new Accumulator();
    building.push(dir);
    try {
      k.ifPresent(kz -> accumulate(kz, acc, dir));
    } finally {
      building.pop();
    }
    Build b = new Build(dir, k.orElse(null), acc.resources(), acc.unknowns(), acc.vars(),
        acc.deleted(), acc.replicaKinds());
    builds.put(dir, b);
    return b;
  }

  private void problem(Problem.Kind kind, Location at, String message, Path build) {
    problems.add(new Occurrence(new Problem(kind, at, message), build));
  }

  private void include(Path build, Path dir) {
    if (build.equals(dir)) {
      return;
    }
    includes.computeIfAbsent(build, d -> new LinkedHashSet<>()).add(dir);
  }

  private void accumulate(Kustomization k, Accumulator acc, Path build) {
    include(build, k.dir());
    acc.replicaKinds().addAll(k.replicaKinds());
    resources(k, acc, build);
    generators(k, acc, build);
    k.pluginDirectories().forEach(d -> pluginDirectory(d.field(), d.entry(), k, build));
    components(k, acc, build);
    // kustomize's built-in transformers, in its order.
    k.patchesStrategicMerge().forEach(p -> apply(p, k.file(), acc, build));
    k.patches().forEach(p -> apply(p, k.file(), acc, build));
    namespace(k, acc, build);
    affixes(k, acc);
    if (!k.commonLabels().isEmpty() || !k.commonAnnotations().isEmpty()) {
      acc.transformAll(r -> r.withLabels(k.commonLabels()).withAnnotations(k.commonAnnotations()));
    }
    k.patchesJson6902().forEach(p -> apply(p, k.file(), acc, build));
    replicas(k, acc, build);
    replacements(k, acc, build);
    // The transformers list runs after the built-in ones; its PatchTransformers are followed.
    k.transformerPatches().forEach(p -> apply(p, k.file(), acc, build));
    vars(k, acc, build);
    for (Entry opaque : k.opaque()) {
      if (opaque.value().equals("transformers")) {
        acc.unknown(new Entry("transformers that may rename or add objects", opaque.location()));
      }
    }
  }

  private void namespace(Kustomization k, Accumulator acc, Path build) {
    if (k.namespace() == null || k.namespace().value().isEmpty()) {
      return;
    }
    String ns = k.namespace().value();
    // kustomize's namespace transformer also renames v1 Namespace objects to the namespace.
    acc.transformAll(r -> r.id().apiVersion().equals("v1") && r.id().kind().equals("Namespace")
        ? r.withId(r.id().withName(ns))
        : r.id().clusterScoped() ? r : r.withId(r.id().withNamespace(ns)));
    for (Resource[] c : acc.clashes()) {
      problem(Problem.Kind.DUPLICATE_RESOURCE, k.namespace().location(), "namespace '" + ns
          + "' gives two objects the same id " + c[1].id() + " (" + c[0].origin() + " and "
          + c[1].origin() + "); kustomize fails (namespace transformation produces ID"
          + " conflict)", build);
    }
  }

  /** namePrefix, then nameSuffix: two steps, each leaving an id of its own. */
  private static void affixes(Kustomization k, Accumulator acc) {
    if (k.namePrefix() != null && !k.namePrefix().value().isEmpty()) {
      String prefix = k.namePrefix().value();
      acc.transformAll(r -> affixed(r) ? r.withId(r.id().withName(prefix + r.id().name())) : r);
    }
    if (k.nameSuffix() != null && !k.nameSuffix().value().isEmpty()) {
      String suffix = k.nameSuffix().value();
      acc.transformAll(r -> affixed(r) ? r.withId(r.id().withName(r.id().name() + suffix)) : r);
    }
  }

  /** The replicas transformer needs a workload of each name (current or earlier). */
  private void replicas(Kustomization k, Accumulator acc, Path build) {
    if (acc.replicaKinds().contains("*")) {
      return;
    }
    for (Entry r : k.replicas()) {
      boolean found = acc.named(r.value()).stream().anyMatch(res ->
          WORKLOADS.contains(res.id().kind()) || acc.replicaKinds().contains(res.id().kind()));
      if (!found && acc.unknowns().isEmpty()) {
        problem(Problem.Kind.REPLICAS_TARGET_MISSING, r.location(), "replicas entry '" + r.value()
            + "' names no Deployment, StatefulSet, ReplicaSet or ReplicationController of this"
            + " build; kustomize fails (resource with name " + r.value() + " does not match)",
            build);
      }
    }
  }

  /** The unknown a replacement that renames leaves: the renderer can follow it. */
  public static final String RENAMED = "a replacement that rewrites metadata.name or namespace";

  private void replacements(Kustomization k, Accumulator acc, Path build) {
    for (Replacement r : k.replacements()) {
      List<Resource> matched = acc.select(r.kind().isEmpty() ? null : r.kind(),
          r.name().isEmpty() ? null : r.name(), r::selects);
      replacements.add(new ReplacementOutcome(r, build, matched,
          matched.isEmpty() ? acc.ofKind(r.kind()) : List.of(), acc.unknowns()));
      if (r.rewritesIds()) {
        acc.transformAll(Resource::asUncertain);
        acc.unknown(new Entry(RENAMED, r.location()));
      }
    }
  }

  /** Vars are mapped to their objects once the declaring kustomization is built. */
  private void vars(Kustomization k, Accumulator acc, Path build) {
    for (Var v : k.vars()) {
      List<Resource> matched = acc.select(v.objref().kind(), v.objref().name(), v::refersTo);
      vars.add(new VarOutcome(v, build, matched, acc.unknowns()));
      declareVar(acc, v.name(), v.location(), v.location(), build);
    }
  }

  private void declareVar(Accumulator acc, String name, Location where, Location at, Path build) {
    Location first = acc.vars().putIfAbsent(name, where);
    if (first != null) {
      problem(Problem.Kind.VAR_CONFLICT, at, "var '" + name + "' is declared twice in this build"
          + " (" + where + " and " + first + "); kustomize fails (var '" + name
          + "' already encountered): declare it once, in the kustomization that owns the object",
          build);
    }
  }

  private static boolean affixed(Resource r) {
    String group = NAME_AFFIX_SKIPPED.get(r.id().kind());
    return group == null || !(group.isEmpty() || group.equals(r.id().group()));
  }

  private void resources(Kustomization k, Accumulator acc, Path build) {
    for (Entry e : k.resources()) {
      if (REMOTE.matcher(e.value()).find()) {
        acc.unknown(new Entry("remote resource '" + e.value() + "'", e.location()));
        continue;
      }
      Path target = k.dir().resolve(e.value()).normalize();
      if (Files.isDirectory(target) && absoluteRoot(e, "resource", build)) {
        continue;
      }
      if (Files.isDirectory(target)) {
        Path dir = RealPaths.real(target);
        if (dir == null) {
          problem(Problem.Kind.MISSING_FILE, e.location(), "directory '" + e.value()
              + "' cannot be resolved (a symlink loop?)", build);
          continue;
        }
        base(e, dir, acc, build);
      } else if (Files.isRegularFile(target)) {
        if (rootOnly && !RealPaths.inside(target, k.dir())) {
          problem(Problem.Kind.OUTSIDE_ROOT, e.location(), "resource file '" + e.value()
              + "' is outside this kustomization's directory; kustomize's load restrictor"
              + " refuses it: move it into a base with its own kustomization", build);
          acc.unknown(new Entry("the refused resource '" + e.value() + "'", e.location()));
          continue;
        }
        if (!bounds.contains(target)) {
          acc.unknown(new Entry("a resource outside the project, not read", e.location()));
          continue;
        }
        ManifestReader.Result r = manifests.read(target);
        for (Problem p : r.problems()) {
          problems.add(new Occurrence(p, build));
        }
        for (Resource res : r.resources()) {
          add(acc, res, e, build);
        }
      } else {
        problem(Problem.Kind.MISSING_FILE, e.location(),
            "resource '" + e.value() + "' does not exist", build);
        // What the missing file would add is unknown: do not pile patch findings on top.
        acc.unknown(new Entry("the missing resource '" + e.value() + "'", e.location()));
      }
    }
  }

  private void base(Entry e, Path dir, Accumulator acc, Path build) {
    if (tooDeep(e, acc, build)) {
      return;
    }
    if (outsideProject(e, dir, acc, build)) {
      return;
    }
    if (building.contains(dir)) {
      problem(Problem.Kind.KUSTOMIZATION_CYCLE, e.location(), "'" + e.value()
          + "' includes this kustomization again (cycle: " + cycle(dir)
          + "); kustomize refuses cycles", build);
      return;
    }
    Optional<Kustomization> sub = kustomization(dir);
    if (sub.isEmpty()) {
      if (kustomizationFile(dir, new ArrayList<>()) == null) {
        problem(Problem.Kind.MISSING_FILE, e.location(), "directory '" + e.value()
            + "' has no kustomization.yaml; kustomize can only build a directory that has one",
            build);
      }
      include(build, dir);
      return;
    }
    if (sub.get().component()) {
      problem(Problem.Kind.INVALID_KUSTOMIZATION, e.location(), "'" + e.value()
          + "' is a Component; list it under 'components:', not 'resources:'", build);
      return;
    }
    Build b = build(dir);
    include(build, dir);
    for (Entry u : b.unknowns()) {
      acc.unknown(u);
    }
    for (Resource r : b.resources()) {
      add(acc, r, e, build);
    }
    b.vars().forEach((name, where) -> declareVar(acc, name, where, e.location(), build));
    acc.deleted().putAll(b.deleted());
    acc.replicaKinds().addAll(b.replicaKinds());
  }

  /**
   * A generators, transformers or validators entry that is a directory: kustomize builds it as
   * a kustomization (not a Component) and runs every object it yields as a plugin configuration.
   */
  private void pluginDirectory(String field, Entry e, Kustomization k, Path build) {
    Path dir = RealPaths.real(k.dir().resolve(e.value()).normalize());
    if (dir == null || absoluteRoot(e, "plugin directory", build)) {
      return;
    }
    if (!building.contains(dir) && kustomization(dir).map(Kustomization::component).orElse(false)) {
      problem(Problem.Kind.INVALID_KUSTOMIZATION, e.location(), "'" + e.value() + "' is a"
          + " Component; kustomize builds a plugin directory as a kustomization and refuses it"
          + " (expected kind != 'Component')", build);
      return;
    }
    Accumulator configs = new Accumulator();
    base(e, dir, configs, build);
    if (!configs.unknowns().isEmpty()) {
      return; // what it yields is not known
    }
    for (Resource r : configs.resources()) {
      String refused = PluginKinds.refused(field, r.id().apiVersion(), r.id().kind(),
          enablePlugins);
      if (refused != null) {
        problem(Problem.Kind.INVALID_KUSTOMIZATION, e.location(), "plugin directory '"
            + e.value() + "' yields the configuration '" + r.id().name() + "': " + refused, build);
        return;
      }
    }
  }

  /** kustomize loads a file by absolute path, but never a directory (a new root). */
  private boolean absoluteRoot(Entry e, String what, Path build) {
    if (!e.value().startsWith("/")) {
      return false;
    }
    problem(Problem.Kind.INVALID_KUSTOMIZATION, e.location(), what + " '" + e.value()
        + "' is an absolute directory; kustomize fails (new root cannot be absolute): write it"
        + " relative to this kustomization", build);
    return true;
  }

  /** A base or component outside the project is never read: what it adds is unknown. */
  private boolean outsideProject(Entry e, Path dir, Accumulator acc, Path build) {
    Path file = kustomizationFile(dir, new ArrayList<>());
    if (bounds.contains(dir) && (file == null || bounds.contains(file))) {
      return false;
    }
    include(build, dir);
    acc.unknown(new Entry("'" + e.value() + "', outside the project (not read)", e.location()));
    return true;
  }

  /** The nesting bound: past it, an entry is reported and what it adds is unknown. */
  private boolean tooDeep(Entry e, Accumulator acc, Path build) {
    if (building.size() < MAX_NESTING) {
      return false;
    }
    problem(Problem.Kind.LIMIT_EXCEEDED, e.location(), "'" + e.value() + "' is nested "
        + building.size() + " kustomizations deep, past the bound of " + MAX_NESTING
        + "; it is not followed, and what it adds is not checked", build);
    acc.unknown(new Entry("a kustomization nested past " + MAX_NESTING + " levels", e.location()));
    return true;
  }

  private String cycle(Path dir) {
    List<String> names = new ArrayList<>();
    for (Path p : building) {
      names.add(0, p.getFileName().toString());
      if (p.equals(dir)) {
        break;
      }
    }
    names.add(dir.getFileName().toString());
    return String.join(" -> ", names);
  }

  private void add(Accumulator acc, Resource r, Entry via, Path build) {
    Resource clash = acc.add(r);
    if (clash != null) {
      problem(Problem.Kind.DUPLICATE_RESOURCE, via.location(), r.id().kind() + " '"
          + r.id().name() + "' from '" + via.value() + "' (" + r.origin() + ") is already in this"
          + " build (" + clash.origin() + "); kustomize refuses duplicate ids", build);
    }
  }

  private void generators(Kustomization k, Accumulator acc, Path build) {
    for (Generator g : k.generators()) {
      for (Entry f : g.files()) {
        Path file = k.dir().resolve(f.value()).normalize();
        if (!Files.exists(file)) {
          problem(Problem.Kind.MISSING_FILE, f.location(),
              "generator input '" + f.value() + "' does not exist", build);
        } else if (Files.isDirectory(file)) {
          problem(Problem.Kind.MISSING_FILE, f.location(), "generator input '" + f.value()
              + "' is a directory; kustomize fails (must resolve to a file): name the files", build);
        } else if (rootOnly && !RealPaths.inside(file, k.dir())) {
          problem(Problem.Kind.OUTSIDE_ROOT, f.location(), "generator input '" + f.value()
              + "' is outside this kustomization's directory; kustomize's load restrictor"
              + " refuses it", build);
        }
      }
      Resource made = new Resource(List.of(g.id()), g.location(), Resource.Origin.GENERATED,
          g.labels(), g.annotations());
      List<Resource> existing = acc.byAnyId(g.id());
      if (g.behavior() == Generator.Behavior.CREATE) {
        // kustomize looks the name up among every id objects have had, not only current ones.
        Resource clash = existing.isEmpty() ? acc.add(made) : existing.get(0);
        if (clash != null) {
          problem(Problem.Kind.GENERATOR_BEHAVIOR, g.location(), g.kind() + " generator '"
              + g.name() + "' creates an object that already exists (" + clash.origin()
              + "); kustomize fails: set behavior: merge or replace to change it", build);
        }
      } else if (existing.size() > 1) {
        problem(Problem.Kind.GENERATOR_BEHAVIOR, g.location(), g.kind() + " generator '"
            + g.name() + "' has behavior " + g.behavior().name().toLowerCase() + " but "
            + existing.size() + " objects have had that id (" + existing.get(0).id() + ", "
            + existing.get(1).id() + "); kustomize fails (found multiple objects that could"
            + " accept merge): name the current one", build);
      } else if (existing.isEmpty() && acc.unknowns().isEmpty()) {
        problem(Problem.Kind.GENERATOR_BEHAVIOR, g.location(), g.kind() + " generator '"
            + g.name() + "' has behavior " + g.behavior().name().toLowerCase()
            + " but no " + g.kind() + " '" + g.name() + "' exists to "
            + (g.behavior() == Generator.Behavior.MERGE ? "merge into;" : "replace;")
            + " kustomize fails: use behavior create, or include the base that defines it", build);
      }
    }
    for (Entry opaque : k.opaque()) {
      if (opaque.value().startsWith("the remote patch")) {
        acc.unknown(opaque);
      } else if (!opaque.value().equals("transformers")) {
        acc.unknown(new Entry(opaque.value() + " whose output cannot be known without running them",
            opaque.location()));
      }
    }
  }

  private void components(Kustomization k, Accumulator acc, Path build) {
    for (Entry e : k.components()) {
      Path dir = REMOTE.matcher(e.value()).find() ? null
          : RealPaths.real(k.dir().resolve(e.value()).normalize());
      if (dir != null && Files.isDirectory(dir) && absoluteRoot(e, "component", build)) {
        continue;
      }
      if (dir == null || !Files.isDirectory(dir)) {
        if (REMOTE.matcher(e.value()).find()) {
          acc.unknown(new Entry("remote component '" + e.value() + "'", e.location()));
        } else {
          problem(Problem.Kind.MISSING_FILE, e.location(),
              "component '" + e.value() + "' does not exist", build);
        }
        continue;
      }
      if (tooDeep(e, acc, build)) {
        continue;
      }
      int applied = acc.applyComponent();
      if (applied > MAX_COMPONENT_APPLICATIONS) {
        if (applied > MAX_COMPONENT_APPLICATIONS + 1) {
          return; // reported once, at the first application past the bound
        }
        problem(Problem.Kind.LIMIT_EXCEEDED, e.location(), "component '" + e.value()
            + "' is one application too many: this build already applied "
            + MAX_COMPONENT_APPLICATIONS + " components (diamonds of components multiply);"
            + " the rest is not checked", build);
        acc.unknown(new Entry("components past the bound of " + MAX_COMPONENT_APPLICATIONS
            + " applications", e.location()));
        return;
      }
      if (outsideProject(e, dir, acc, build)) {
        continue;
      }
      if (building.contains(dir)) {
        problem(Problem.Kind.KUSTOMIZATION_CYCLE, e.location(), "component '" + e.value()
            + "' includes itself again (cycle: " + cycle(dir) + ")", build);
        continue;
      }
      Optional<Kustomization> comp = kustomization(dir);
      include(build, dir);
      if (comp.isEmpty()) {
        if (kustomizationFile(dir, new ArrayList<>()) == null) {
          problem(Problem.Kind.MISSING_FILE, e.location(),
              "component directory '" + e.value() + "' has no kustomization.yaml", build);
        }
        continue;
      }
      if (!comp.get().component()) {
        problem(Problem.Kind.INVALID_KUSTOMIZATION, e.location(), "'" + e.value()
            + "' is a Kustomization, not a Component; list it under 'resources:', or give it"
            + " kind: Component", build);
        continue;
      }
      building.push(dir);
      try {
        accumulate(comp.get(), acc, build);
      } finally {
        building.pop();
      }
    }
  }

  private void apply(Patch p, Path declaredIn, Accumulator acc, Path build) {
    List<Resource> matched;
    if (p.target() != null) {
      CompiledSelector target = selectors.computeIfAbsent(p.target(), CompiledSelector::of);
      String refused = target.refused();
      if (refused != null) {
        problem(Problem.Kind.INVALID_KUSTOMIZATION, p.target().location(), "target " + refused
            + "; kustomize refuses it", build);
        acc.unknown(new Entry("a target selector kustomize refuses", p.target().location()));
        return;
      }
      if (target.test() == null) {
        // kustomize reads this selector differently, or refuses it: what follows is unknown.
        acc.unknown(new Entry("a target selector not evaluated here", p.target().location()));
        return;
      }
      matched = acc.select(target.kind(), target.name(), target.test());
    } else if (p.json()) {
      problem(Problem.Kind.JSON_PATCH_WITHOUT_TARGET, p.location(), "JSON6902 patch has no"
          + " 'target'; kustomize fails (must specify a target for JSON patch): add a target"
          + " with the kind and name of the object to patch", build);
      return;
    } else {
      matched = acc.byAnyId(p.id());
    }
    boolean unique = p.target() != null || matched.size() == 1;
    outcomes.add(new PatchOutcome(p, declaredIn, build, matched,
        matched.isEmpty() || !unique ? acc.ofKind(kindOf(p)) : List.of(), acc.unknowns(),
        matched.isEmpty() && p.id() != null ? acc.deletedBy(p.id()) : null));
    if (matched.isEmpty() || !unique) {
      return;
    }
    for (Resource r : matched) {
      if (p.action() == Patch.Action.DELETE) {
        acc.remove(r);
        acc.deleted().put(r, p.location());
        continue;
      }
      Resource next = r.withLabels(p.labels(), p.labelsReplaced())
          .withAnnotations(p.annotations());
      if (p.rename() != null) {
        // The legacy patchesJson6902 transformer keeps no previous id; patches: does.
        next = p.field() == Patch.Field.PATCHES_JSON6902
            ? next.replacingId(p.rename().apply(next.id()))
            : next.withId(p.rename().apply(next.id()));
      }
      if (p.opaqueIdentity()) {
        next = next.asUncertain();
        acc.unknown(new Entry("a patch that changes ids in ways not followed here", p.location()));
      }
      acc.replace(r, next);
    }
    if (p.rename() != null) {
      for (Resource[] c : acc.clashes()) {
        problem(Problem.Kind.DUPLICATE_RESOURCE, p.location(), "this patch renames objects to"
            + " the same id " + c[1].id() + " (" + c[0].origin() + " and " + c[1].origin()
            + "); kustomize fails (may not add resource with an already registered id)", build);
      }
    }
  }

  private static String kindOf(Patch p) {
    if (p.id() != null && !p.id().kind().isEmpty()) {
      return p.id().kind();
    }
    return p.target() == null ? "" : p.target().kind();
  }
}
