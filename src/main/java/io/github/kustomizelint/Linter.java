package io.github.kustomizelint;

import io.github.kustomizelint.resolve.Build;
import io.github.kustomizelint.resolve.Resolver;
import io.github.kustomizelint.load.KustomizationReader;
import io.github.kustomizelint.load.ProjectBounds;
import io.github.kustomizelint.load.Suppressions;
import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.render.CheckBodies;
import io.github.kustomizelint.render.ContentFailures;
import io.github.kustomizelint.render.Renderer;
import io.github.kustomizelint.resolve.Occurrence;
import io.github.kustomizelint.load.YamlFile;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Suppression;
import io.github.kustomizelint.report.Finding;
import io.github.kustomizelint.report.Severity;
import io.github.kustomizelint.rules.LintContext;
import io.github.kustomizelint.rules.Rule;
import io.github.kustomizelint.rules.Rules;
import io.github.kustomizelint.rules.UnusedSuppression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The core entry point: walk a tree, build every kustomization, run every rule. */
public final class Linter {

  private final LintOptions options;
  private List<Path> read = List.of();
  private List<PathMatcher> includes;
  private List<PathMatcher> excludes;

  public Linter(LintOptions options) {
    this.options = options;
  }

  /**
   * The kustomization directories and YAML files found by one walk of the tree.
   *
   * @param kustomizationFiles the kustomization files that are regular files (not links)
   */
  record Tree(List<Path> kustomizationDirs, List<Path> yamlFiles, List<Path> kustomizationFiles) {}

  public LintResult run() {
    return analyze().result();
  }

  /** The result with the model it came from, for goals that act on the model (fix). */
  public Analysis analyze() {
    Tree tree = walk(options.configDirectory());
    YamlCache cache = new YamlCache();
    // Every file the walk found lies inside the tree (links are not followed): safe to read.
    cache.prefetch(tree.kustomizationFiles(), tree.yamlFiles());
    try {
      return analyze(tree, cache);
    } finally {
      cache.stopPrefetch();
    }
  }

  private Analysis analyze(Tree tree, YamlCache cache) {
    ProjectBounds bounds = ProjectBounds.of(options.baseDirectory(), options.configDirectory());
    Resolver resolver = new Resolver(cache, options.rootOnly(), bounds, options.enablePlugins());
    resolver.prefetch(tree.kustomizationFiles());
    try {
      return analyze(tree, cache, bounds, resolver);
    } finally {
      resolver.stopPrefetch();
    }
  }

  private Analysis analyze(Tree tree, YamlCache cache, ProjectBounds bounds,
      Resolver resolver) {
    List<Path> built = new ArrayList<>();
    for (Path dir : tree.kustomizationDirs()) {
      Optional<Kustomization> k = resolver.kustomization(dir);
      if (k.isEmpty() || !k.get().component()) {
        resolver.build(dir);
        built.add(dir);
      }
    }
    // Content failures need the objects' content: the renderer finds them.
    List<Occurrence> problems = new ArrayList<>(resolver.problems());
    // A rule switched off costs nothing: its builds are not rendered.
    // the ambiguous-reference check asks every build which kinds share a name: counted ahead
    java.util.function.Function<Path, Set<String>> sharedKinds = ContentFailures.sharedKinds(
        disabled("name-reference-ambiguous") ? List.of() : resolver.kustomizations().stream()
            .filter(k -> !k.component()).map(Kustomization::dir).toList(),
        dir -> resolver.build(dir).resources(), Runtime.getRuntime().availableProcessors());
    java.util.function.Predicate<io.github.kustomizelint.model.Patch> mayDrop =
        ContentFailures.mayDrop(file -> cache.read(file).text());
    List<ContentFailures.Check> on = ContentFailures.checks(sharedKinds, mayDrop).stream()
        .filter(c -> !disabled(c.rule())).toList();
    List<io.github.kustomizelint.resolve.PatchOutcome> outcomes = resolver.outcomes();
    List<io.github.kustomizelint.resolve.ReplacementOutcome> sources = resolver.replacements();
    boolean patchRenames = !disabled("patch-target-missing")
        && outcomes.stream().anyMatch(ContentFailures::unverifiedByRename);
    boolean sourceRenames = !disabled("replacement-source-missing")
        && sources.stream().anyMatch(ContentFailures::unverifiedByRename);
    boolean renames = patchRenames || sourceRenames;
    if (!on.isEmpty() || renames) {
      Set<String> rules = new HashSet<>();
      on.forEach(c -> rules.add(c.rule()));
      java.util.function.Function<Path, CheckBodies.Whole> whole = CheckBodies.of(cache,
          resolver.kustomizations(), rules.contains("json-patch-path-missing"),
          rules.contains("name-reference-ambiguous"),
          rules.contains("patch-element-no-effect") ? mayDrop : null, sharedKinds);
      // renderers on other threads may read a kustomization the resolution did not
      java.util.function.Function<Path, KustomizationReader.Result> read = file -> {
        synchronized (resolver) {
          return resolver.read(file);
        }
      };
      Renderer renderer = new Renderer(cache, read, whole);
      java.util.concurrent.atomic.AtomicBoolean first =
          new java.util.concurrent.atomic.AtomicBoolean();
      problems.addAll(ContentFailures.find(resolver.kustomizations(),
          () -> first.getAndSet(true) ? new Renderer(cache, read, whole) : renderer, on,
          Runtime.getRuntime().availableProcessors()));
      if (renames) {
        // a patch or replacement source left unverified by a rename the renderer can follow
        java.util.function.Predicate<String> renamed = ContentFailures.renamedKinds(
            resolver.kustomizations());
        if (patchRenames) {
          outcomes = ContentFailures.confirmMissing(outcomes, renderer, renamed);
        }
        if (sourceRenames) {
          sources = ContentFailures.confirmMissingSources(sources, renderer, renamed);
        }
      }
    }
    LintContext context = new LintContext(options.baseDirectory(), problems,
        outcomes, sources, resolver.vars(), resolver.kustomizations(), resolver.manifests(), tree.yamlFiles(),
        cache::readManifest, List.of());
    List<Finding> raw = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      if (!(rule instanceof UnusedSuppression)) {
        run(rule, context, resolver, raw);
      }
    }
    List<Suppression> suppressions = suppressions(cache, tree.yamlFiles(), bounds);
    read = cache.files().stream().map(YamlFile::path).toList();
    // By file and rule, so each finding looks only at the comments that could cover it.
    Map<Path, Map<String, List<Suppression>>> byFile = new HashMap<>();
    for (Suppression s : suppressions) {
      byFile.computeIfAbsent(s.location().file(), p -> new HashMap<>())
          .computeIfAbsent(s.ruleId(), r -> new ArrayList<>()).add(s);
    }
    Set<Suppression> used = new HashSet<>();
    List<Finding> kept = new ArrayList<>();
    for (Finding f : raw) {
      Suppression s = suppressing(byFile.getOrDefault(f.location().file(), Map.of())
          .getOrDefault(f.ruleId(), List.of()), f);
      if (s == null) {
        kept.add(f);
      } else {
        used.add(s);
      }
    }
    // A comment for a rule switched off in the build is not stale, just idle.
    List<Suppression> unused = suppressions.stream()
        .filter(s -> !used.contains(s) && !disabled(s.ruleId())).toList();
    run(Rules.byId("unused-suppression"), context.withUnusedSuppressions(unused), resolver, kept);

    Map<Path, String> buildFiles = new HashMap<>();
    for (Map.Entry<Path, Set<Path>> e : resolver.includes().entrySet()) {
      buildFiles.put(e.getKey(), buildFile(resolver, e.getKey()));
      // an included component's own findings (it includes nothing) break its includers too
      e.getValue().forEach(d -> buildFiles.computeIfAbsent(d, x -> buildFile(resolver, x)));
    }
    for (Path dir : built) {
      buildFiles.put(dir, buildFile(resolver, dir));
    }
    TreeSet<Finding> findings = new TreeSet<>();
    for (Finding f : kept) {
      if (selected(f.location().file()) && (f.build() == null || selected(f.build().file()))) {
        findings.add(new Finding(f.ruleId(), f.severity(), relative(f.location()), f.message(),
            f.build() == null ? null : Location.of(relativePath(f.build().file()))));
      }
    }
    Set<String> breaking = new HashSet<>();
    Set<String> ownBuildOnly = new HashSet<>();
    for (Rule r : Rules.all()) {
      if (r.breaksBuild()) {
        breaking.add(r.id());
      }
      if (r.breaksOnlyItsOwnBuild()) {
        ownBuildOnly.add(r.id());
      }
    }
    Map<Path, Build> builds = new HashMap<>();
    for (Path dir : built) {
      builds.put(dir, resolver.build(dir));
    }
    LintResult result = new LintResult(List.copyOf(findings), List.copyOf(built),
        Map.copyOf(buildFiles), Map.copyOf(resolver.includes()), Set.copyOf(breaking),
        Set.copyOf(ownBuildOnly), cache.size());
    return new Analysis(result, context.withUnusedSuppressions(unused), Map.copyOf(builds));
  }

  /** Every file the last {@link #run} read or looked for (for the up-to-date index). */
  public List<Path> filesRead() {
    return read;
  }

  private boolean disabled(String ruleId) {
    return options.severities().getOrDefault(ruleId, Optional.of(Severity.NOTE)).isEmpty();
  }

  private void run(Rule rule, LintContext context, Resolver resolver, List<Finding> out) {
    Optional<Severity> severity =
        options.severities().getOrDefault(rule.id(), Optional.of(rule.defaultSeverity()));
    if (severity.isPresent()) {
      rule.check(context, (at, message, build) -> out.add(new Finding(rule.id(), severity.get(),
          at, message, build == null ? null : Location.of(fileOf(resolver, build)))));
    }
  }

  /** The kustomization file of a built directory, as read once by the resolver. */
  private static Path fileOf(Resolver resolver, Path dir) {
    return resolver.kustomization(dir).map(Kustomization::file)
        .orElse(dir.resolve(Resolver.FILE_NAMES.get(0)));
  }

  private static List<Suppression> suppressions(YamlCache cache, List<Path> yamlFiles,
      ProjectBounds bounds) {
    List<Suppression> out = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (YamlFile f : cache.files()) {
      seen.add(f.path());
      if (!bounds.contains(f.path())) {
        continue; // comments of a file outside the project are not ours to read
      }
      out.addAll(f.suppressions());
    }
    for (Path p : yamlFiles) {
      if (!seen.contains(p)) {
        try {
          if (Files.size(p) > YamlCache.MAX_FILE_BYTES) {
            continue;
          }
          out.addAll(Suppressions.parse(p, Files.readString(p)));
        } catch (IOException | UncheckedIOException e) {
          // unreadable files have no findings to suppress
        }
      }
    }
    return out;
  }

  private static Suppression suppressing(List<Suppression> all, Finding f) {
    for (Suppression s : all) {
      if (s.location().file().equals(f.location().file())
          && s.covers(f.ruleId(), f.location().line())) {
        return s;
      }
    }
    return null;
  }

  private boolean selected(Path file) {
    if (includes == null) {
      includes = matchers(options.includes());
      excludes = matchers(options.excludes());
    }
    Path rel = options.configDirectory().relativize(file);
    if (!includes.isEmpty() && includes.stream().noneMatch(m -> m.matches(rel))) {
      return false;
    }
    return excludes.stream().noneMatch(m -> m.matches(rel));
  }

  // Each glob compiled once per run, not once per finding.
  private static List<PathMatcher> matchers(List<String> globs) {
    return globs.stream()
        .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
  }

  private String buildFile(Resolver resolver, Path dir) {
    return relativePath(fileOf(resolver, dir)).toString();
  }

  private Location relative(Location at) {
    return at.withFile(relativePath(at.file()));
  }

  private Path relativePath(Path p) {
    Path base = options.baseDirectory();
    return p.startsWith(base) ? base.relativize(p) : p;
  }

  /** Every kustomization directory and YAML file under root, in a fixed order. */
  static Tree walk(Path root) {
    TreeSet<Path> dirs = new TreeSet<>();
    TreeSet<Path> yaml = new TreeSet<>();
    TreeSet<Path> kustomizationFiles = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return new Tree(List.of(), List.of(), List.of());
    }
    try {
      // Symlinks are not followed, so a link loop cannot trap the walk.
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          // Dot-directories are walked like any other (.github/...): only .git is skipped.
          if (!dir.equals(root) && name.equals(".git")) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (Resolver.FILE_NAMES.contains(name)) {
            dirs.add(file.getParent());
            if (attrs.isRegularFile()) {
              kustomizationFiles.add(file);
            }
          } else if (attrs.isRegularFile() && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
            yaml.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root, e);
    }
    return new Tree(List.copyOf(dirs), List.copyOf(yaml), List.copyOf(kustomizationFiles));
  }
}
