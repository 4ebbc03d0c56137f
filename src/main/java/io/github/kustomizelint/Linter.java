package io.github.kustomizelint;

import io.github.kustomizelint.build.Resolver;
import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.report.Finding;
import io.github.kustomizelint.report.Severity;
import io.github.kustomizelint.rules.LintContext;
import io.github.kustomizelint.rules.Rule;
import io.github.kustomizelint.rules.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The core entry point: walk a tree, build every kustomization, run every rule. */
public final class Linter {

  private final LintOptions options;

  public Linter(LintOptions options) {
    this.options = options;
  }

  public LintResult run() {
    Path root = options.configDirectory();
    YamlCache cache = new YamlCache();
    Resolver resolver = new Resolver(cache);
    List<Path> built = new ArrayList<>();
    for (Path dir : kustomizationDirs(root)) {
      Optional<Kustomization> k = resolver.kustomization(dir);
      if (k.isEmpty() || !k.get().component()) {
        resolver.build(dir);
        built.add(dir);
      }
    }
    Map<Path, String> buildFiles = new HashMap<>();
    for (Path dir : resolver.includes().keySet()) {
      buildFiles.put(dir, buildFile(resolver, dir));
    }
    for (Path dir : built) {
      buildFiles.put(dir, buildFile(resolver, dir));
    }
    LintContext context = new LintContext(options.baseDirectory(), resolver.problems(),
        resolver.outcomes());
    TreeSet<Finding> findings = new TreeSet<>();
    for (Rule rule : Rules.all()) {
      Optional<Severity> severity =
          options.severities().getOrDefault(rule.id(), Optional.of(rule.defaultSeverity()));
      if (severity.isEmpty()) {
        continue;
      }
      rule.check(context, (at, message, build) -> findings.add(new Finding(rule.id(),
          severity.get(), relative(at), message,
          build == null ? null : new Location(Path.of(buildFiles.computeIfAbsent(build,
              d -> buildFile(resolver, d))), 0, 0))));
    }
    return new LintResult(List.copyOf(findings), List.copyOf(built), Map.copyOf(buildFiles),
        Map.copyOf(resolver.includes()), cache.size());
  }

  private String buildFile(Resolver resolver, Path dir) {
    Path file = resolver.kustomization(dir).map(Kustomization::file)
        .orElse(dir.resolve(Resolver.FILE_NAMES.get(0)));
    return relativePath(file).toString();
  }

  private Location relative(Location at) {
    return new Location(relativePath(at.file()), at.line(), at.column());
  }

  private Path relativePath(Path p) {
    Path base = options.baseDirectory();
    return p.startsWith(base) ? base.relativize(p) : p;
  }

  /** Every directory under root holding a kustomization file, in a fixed order. */
  static List<Path> kustomizationDirs(Path root) {
    TreeSet<Path> dirs = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try {
      // Symlinks are not followed, so a link loop cannot trap the walk.
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          if (!dir.equals(root) && name.startsWith(".")) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (Resolver.FILE_NAMES.contains(file.getFileName().toString())) {
            dirs.add(file.getParent());
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
    return List.copyOf(dirs);
  }
}
