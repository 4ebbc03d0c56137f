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
 * @param rootOnly kustomize's default load restrictor; false for builds run with
 *     {@code --load-restrictor LoadRestrictionsNone}
 * @param enablePlugins builds run with {@code --enable-alpha-plugins}: external generators,
 *     transformers and validators are opaque instead of refused
 */
public record LintOptions(Path configDirectory, Path baseDirectory,
    Map<String, Optional<Severity>> severities, List<String> includes, List<String> excludes,
    boolean rootOnly, boolean enablePlugins) {

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
    return new LintOptions(configDirectory, baseDirectory, Map.of(), List.of(), List.of(), true,
        false);
  }

  public LintOptions withSeverities(Map<String, Optional<Severity>> s) {
    return new LintOptions(configDirectory, baseDirectory, s, includes, excludes, rootOnly,
        enablePlugins);
  }

  public LintOptions withFiles(List<String> include, List<String> exclude) {
    return new LintOptions(configDirectory, baseDirectory, severities, include, exclude,
        rootOnly, enablePlugins);
  }

  /**
   * kustomize's --load-restrictor value: LoadRestrictionsRootOnly (the default) or
   * LoadRestrictionsNone; rootOnly and none are accepted too.
   *
   * @throws IllegalArgumentException for anything else
   */
  public LintOptions withLoadRestrictor(String value) {
    String v = value == null ? "" : value.trim();
    boolean root;
    if (v.isEmpty() || v.equalsIgnoreCase("LoadRestrictionsRootOnly") || v.equalsIgnoreCase("rootOnly")) {
      root = true;
    } else if (v.equalsIgnoreCase("LoadRestrictionsNone") || v.equalsIgnoreCase("none")) {
      root = false;
    } else {
      throw new IllegalArgumentException("'" + value
          + "'; use LoadRestrictionsRootOnly (kustomize's default) or LoadRestrictionsNone");
    }
    return new LintOptions(configDirectory, baseDirectory, severities, includes, excludes, root,
        enablePlugins);
  }

  /** As kustomize's --enable-alpha-plugins. */
  public LintOptions withEnablePlugins(boolean enable) {
    return new LintOptions(configDirectory, baseDirectory, severities, includes, excludes,
        rootOnly, enable);
  }
}
