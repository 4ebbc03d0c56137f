package io.github.kustomizelint.maven;

import io.github.kustomizelint.FailOn;
import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.LintResult;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.RuleSettings;
import io.github.kustomizelint.UpToDate;
import io.github.kustomizelint.report.Finding;
import io.github.kustomizelint.report.ReportPaths;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters every goal shares and the one order they run in ({@link #execute()}): skip,
 * read the options, find the tree, lint it, then the goal's own step ({@link #report}).
 * A new goal fills in that step; a new shared parameter goes here.
 */
public abstract class AbstractLintMojo extends AbstractMojo {

  static final String SARIF_DEFAULT = "target/kustomize-lint/kustomize-lint.sarif";

  /** The kustomize tree to lint (kubebuilder / operator-sdk layout). */
  @Parameter(property = "kustomize-lint.configDirectory", defaultValue = "${project.basedir}/config")
  File configDirectory;

  /** Skips the goal. */
  @Parameter(property = "kustomize-lint.skip", defaultValue = "false")
  boolean skip;

  /** The lowest severity that fails the build: {@code error}, {@code warning}, {@code note} or {@code never}. */
  @Parameter(property = "kustomize-lint.failOn", defaultValue = "error")
  String failOn;

  /** Per-rule severity: {@code <rules><orphan-manifest>off</orphan-manifest></rules>}. */
  @Parameter
  Map<String, String> rules;

  /** Comma-separated rule ids to turn off. */
  @Parameter(property = "kustomize-lint.disabledRules")
  String disabledRules;

  /** Globs, relative to configDirectory, of the files findings may point at (default: all). */
  @Parameter
  List<String> includes;

  /** Globs, relative to configDirectory, of files whose findings are dropped. */
  @Parameter
  List<String> excludes;

  /**
   * The load restrictor your kustomize builds use: LoadRestrictionsRootOnly (kustomize's
   * default) or LoadRestrictionsNone.
   */
  @Parameter(property = "kustomize-lint.loadRestrictor", defaultValue = "LoadRestrictionsRootOnly")
  String loadRestrictor;

  /**
   * Your kustomize builds run with --enable-alpha-plugins: external generators, transformers
   * and validators are then opaque (what depends on them is unverifiable) instead of refused.
   */
  @Parameter(property = "kustomize-lint.enablePlugins", defaultValue = "false")
  boolean enablePlugins;

  /** Accepted findings: written by the baseline goal, read by check when the file exists. */
  @Parameter(property = "kustomize-lint.baselineFile",
      defaultValue = "${project.basedir}/kustomize-lint-baseline.json")
  File baselineFile;

  /** Runs even when nothing changed since the last passing check of this module. */
  @Parameter(property = "kustomize-lint.force", defaultValue = "false")
  boolean force;

  /** Holds the up-to-date index (target/kustomize-lint/). */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true)
  File buildDirectory;

  /** Paths in findings are relative to this directory (the working directory without a pom). */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  /** The pom, absent when the goal runs ad hoc outside a project. */
  @Parameter(defaultValue = "${project.file}", readonly = true)
  File pomFile;

  /** Where Maven was started; console paths are relative to it, so they stay clickable. */
  @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
  File executionRoot;

  /** Everything the goal's own step needs from one lint run. */
  record Lint(LintResult result, LintOptions options, Path config, FailOn threshold) {}

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("kustomize-lint: skipped (kustomize-lint.skip)");
      skipped(base());
      return;
    }
    FailOn threshold;
    try {
      threshold = FailOn.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<failOn> (kustomize-lint.failOn) is " + e.getMessage());
    }
    LintOptions options = options(base(), config());
    if (!lintsTree()) {
      report(new Lint(null, options, config(), threshold));
      return;
    }
    Path config = config();
    if (!Files.isDirectory(config)) {
      if (Files.exists(config) || !config.equals(base().resolve("config"))) {
        throw new MojoExecutionException("<configDirectory> (kustomize-lint.configDirectory) "
            + show(config) + (Files.exists(config) ? " is a file, not a directory"
            : " does not exist") + "; set it to the folder holding your kustomizations");
      }
      getLog().info("kustomize-lint: no " + show(config) + " directory, nothing to check");
      skipped(base());
      return;
    }
    if (!lintsFirst()) {
      report(new Lint(null, options, config, threshold));
      return;
    }
    UpToDate upToDate = upToDate(config);
    if (upToDate != null && !force && reportsKept() && upToDate.upToDate()) {
      getLog().info("kustomize-lint: " + show(config) + " unchanged since the last passing"
          + " check; skipped (-Dkustomize-lint.force runs it anyway)");
      return;
    }
    LintResult result;
    Linter linter = new Linter(options);
    UpToDate.Snapshot before;
    try {
      before = upToDate == null ? null : upToDate.snapshot();
      result = linter.run();
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("kustomize-lint could not check " + show(config) + ": "
          + e.getMessage(), e);
    }
    try {
      report(new Lint(result, options, config, threshold));
    } catch (MojoFailureException | MojoExecutionException e) {
      if (upToDate != null) {
        upToDate.forget(); // a failing run is always run, and reported, again
      }
      throw e;
    }
    if (upToDate != null) {
      try {
        upToDate.record(before, linter.filesRead());
      } catch (IOException | UncheckedIOException e) {
        getLog().debug("kustomize-lint: cannot write " + upToDate.index() + ": " + e);
      }
    }
  }

  /**
   * The index that lets an unchanged tree skip this goal, or null when the goal keeps none
   * (only check does, and only inside a project).
   */
  UpToDate upToDate(Path config) throws MojoExecutionException {
    return null;
  }

  /** Whether the reports of the last run are still there for a skipped run to leave. */
  boolean reportsKept() {
    return true;
  }

  /** Every shared parameter that can change a finding or the outcome, as text. */
  final String sharedParameters() {
    return String.join("\n", failOn, String.valueOf(rules == null ? null
        : new java.util.TreeMap<>(rules)), disabledRules, String.valueOf(includes),
        String.valueOf(excludes), loadRestrictor, String.valueOf(enablePlugins),
        String.valueOf(base()));
  }

  /** Whether the goal reads the tree at all (the rules goal does not). */
  boolean lintsTree() {
    return true;
  }

  /** Whether the shared lint runs before the goal's step (fix runs its own, on a copy). */
  boolean lintsFirst() {
    return true;
  }

  /** Called instead of the lint when skipped or when there is nothing to check. */
  void skipped(Path base) throws MojoExecutionException {}

  /** The goal's own step. */
  abstract void report(Lint lint) throws MojoExecutionException, MojoFailureException;

  final Path base() {
    return (basedir != null ? basedir.toPath() : Path.of("")).toAbsolutePath().normalize();
  }

  final Path config() {
    return base().resolve(orDefault(configDirectory, Path.of("config"))).normalize();
  }

  final ReportPaths reportPaths(File override) {
    return ReportPaths.of(base(), override == null || override.getPath().contains("${") ? null
        : override.toPath());
  }

  /** A report file, or null when switched off (empty) or when ad hoc and not asked for. */
  final Path reportFile(String value, String fallback) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Path p = base().resolve(orDefault(new File(value), Path.of(fallback))).normalize();
    if (pomFile == null && p.equals(base().resolve(fallback).normalize())) {
      return null; // outside a project nothing goes to ./target unless its property is set
    }
    return p;
  }

  /** The console line of a finding, its path relative to where Maven was started. */
  final void log(Finding f) {
    String line = f.toString(show(base().resolve(f.location().file())));
    switch (f.severity()) {
      case ERROR -> getLog().error(line);
      case WARNING -> getLog().warn(line);
      default -> getLog().info(line);
    }
  }

  /** A path for the console: relative to where Maven was started when inside it. */
  final String show(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path from = executionRoot == null || executionRoot.getPath().contains("${") ? base()
        : executionRoot.toPath().toAbsolutePath().normalize();
    return abs.startsWith(from) && !abs.equals(from) ? from.relativize(abs).toString()
        : abs.toString();
  }

  // Option errors name the POM element and the bad value, never a Java exception.
  private LintOptions options(Path base, Path config) throws MojoExecutionException {
    LintOptions options;
    try {
      options = LintOptions.of(config, base)
          .withSeverities(RuleSettings.parse(rules, disabledRules))
          .withFiles(includes == null ? List.of() : includes,
              excludes == null ? List.of() : excludes);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<rules> or <disabledRules> (kustomize-lint.disabledRules): "
          + e.getMessage());
    }
    try {
      return options.withLoadRestrictor(loadRestrictor).withEnablePlugins(enablePlugins);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<loadRestrictor> (kustomize-lint.loadRestrictor) is "
          + e.getMessage());
    }
  }

  // Without a pom (requiresProject = false) project paths stay unset or uninterpolated.
  static Path orDefault(File f, Path fallback) {
    return f == null || f.getPath().contains("${") ? fallback : f.toPath();
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
