package io.github.kustomizelint;

import io.github.kustomizelint.report.Severity;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What to lint and how.
 *
 * @param configDirectory the tree to walk for kustomizations
 * @param baseDirectory paths in findings are relative to it
 * @param severities per rule id: a severity, or empty to turn the rule off
 */
public record LintOptions(Path configDirectory, Path baseDirectory,
    Map<String, Optional<Severity>> severities) {

  public LintOptions {
    configDirectory = configDirectory.toAbsolutePath().normalize();
    baseDirectory = baseDirectory.toAbsolutePath().normalize();
    severities = Map.copyOf(severities);
  }

  public static LintOptions of(Path configDirectory, Path baseDirectory) {
    return new LintOptions(configDirectory, baseDirectory, Map.of());
  }
}
