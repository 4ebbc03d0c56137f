package io.github.kustomizelint;

import io.github.kustomizelint.report.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to lint and how.
 *
 * @param configDirectory the tree to walk for kustomizations
 * @param baseDirectory paths in findings are relative to it
 * @param severities per rule id: a severity, or empty to turn the rule off
 * @param includes globs, relative to configDirectory, of the files findings may point at
 *     (empty: all)
 * @param excludes globs of files whose findings are dropped
 */
public record LintOptions(Path configDirectory, Path baseDirectory,
    Map<String, Optional<Severity>> severities, List<String> includes, List<String> excludes) {

  public LintOptions {
    configDirectory = canonical(configDirectory);
    baseDirectory = canonical(baseDirectory);
    severities = Map.copyOf(severities);
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  // Real paths, so that paths met through symlinks compare equal to those met directly.
  private static Path canonical(Path p) {
    try {
      return p.toRealPath();
    } catch (java.io.IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  public static LintOptions of(Path configDirectory, Path baseDirectory) {
    return new LintOptions(configDirectory, baseDirectory, Map.of(), List.of(), List.of());
  }

  public LintOptions withSeverities(Map<String, Optional<Severity>> s) {
    return new LintOptions(configDirectory, baseDirectory, s, includes, excludes);
  }

  public LintOptions withFiles(List<String> include, List<String> exclude) {
    return new LintOptions(configDirectory, baseDirectory, severities, include, exclude);
  }
}
