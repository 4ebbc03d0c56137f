package io.github.kustomizelint.maven;

import io.github.kustomizelint.FailOn;
import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.LintResult;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.RuleSettings;
import io.github.kustomizelint.report.Finding;
import io.github.kustomizelint.report.SarifWriter;
import io.github.kustomizelint.report.Severity;
import io.github.kustomizelint.rules.Rules;
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
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Checks every kustomization under the config directory for patches kustomize cannot apply. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
    requiresProject = false)
public class CheckMojo extends AbstractMojo {

  /** The kustomize tree to lint (kubebuilder / operator-sdk layout). */
  @Parameter(property = "kustomize-lint.configDirectory", defaultValue = "${project.basedir}/config")
  File configDirectory;

  /** Skips the check. */
  @Parameter(property = "kustomize-lint.skip", defaultValue = "false")
  boolean skip;

  /** The lowest severity that fails the build: {@code error}, {@code warning}, {@code note} or {@code never}. */
  @Parameter(property = "kustomize-lint.failOn", defaultValue = "error")
  String failOn;

  /** Where the SARIF 2.1.0 report is written. */
  @Parameter(property = "kustomize-lint.sarifFile",
      defaultValue = "${project.build.directory}/kustomize-lint/kustomize-lint.sarif")
  File sarifFile;

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

  /** Paths in findings are relative to this directory (the working directory without a pom). */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("kustomize-lint: skipped (kustomize-lint.skip)");
      return;
    }
    FailOn threshold;
    try {
      threshold = FailOn.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<failOn> (kustomize-lint.failOn) is " + e.getMessage(), e);
    }
    Path base = (basedir != null ? basedir.toPath() : Path.of("")).toAbsolutePath().normalize();
    Path config = base.resolve(orDefault(configDirectory, Path.of("config")));
    Path sarif = base.resolve(orDefault(sarifFile,
        Path.of("target", "kustomize-lint", "kustomize-lint.sarif")));
    if (!Files.isDirectory(config)) {
      getLog().info("kustomize-lint: no " + show(base, config)
          + " directory, nothing to check");
      return;
    }
    LintOptions options;
    try {
      options = LintOptions.of(config, base)
          .withSeverities(RuleSettings.parse(rules, disabledRules))
          .withFiles(includes == null ? List.of() : includes,
              excludes == null ? List.of() : excludes);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<rules> or <disabledRules> (kustomize-lint.disabledRules): "
          + e.getMessage(), e);
    }
    try {
      options = options.withLoadRestrictor(loadRestrictor).withEnablePlugins(enablePlugins);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<loadRestrictor> (kustomize-lint.loadRestrictor) is "
          + e.getMessage(), e);
    }
    LintResult result;
    try {
      result = new Linter(options).run();
      new SarifWriter(getClass().getPackage().getImplementationVersion())
          .write(sarif, base, Rules.docs(), result.findings());
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("kustomize-lint could not check "
          + config + ": " + e.getMessage(), e);
    }
    for (Finding f : result.findings()) {
      switch (f.severity()) {
        case ERROR -> getLog().error(f.toString());
        case WARNING -> getLog().warn(f.toString());
        default -> getLog().info(f.toString());
      }
    }
    String report = show(base, sarif);
    String counts = plural(result.count(Severity.ERROR), "error") + ", "
        + plural(result.count(Severity.WARNING), "warning") + ", "
        + plural(result.count(Severity.NOTE), "note");
    getLog().info("kustomize-lint: " + plural(result.kustomizations().size(), "kustomization")
        + " checked under " + show(base, config) + ": " + counts + "; SARIF report: " + report);
    if (threshold.failing(result.findings()) > 0) {
      throw new MojoFailureException("kustomize-lint found " + counts + " (failOn="
          + failOn + "); see the lines above or " + report);
    }
  }

  private static String show(Path base, Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(base) && !abs.equals(base) ? base.relativize(abs).toString()
        : abs.toString();
  }

  // Without a pom (requiresProject = false) project paths stay unset or uninterpolated.
  private static Path orDefault(File f, Path fallback) {
    return f == null || f.getPath().contains("${") ? fallback : f.toPath();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
