package io.github.kustomizelint.maven;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.RuleSettings;
import io.github.kustomizelint.fix.Fix;
import io.github.kustomizelint.fix.FixRun;
import io.github.kustomizelint.fix.Fixer;
import io.github.kustomizelint.fix.Fixes;
import io.github.kustomizelint.fix.Refusal;
import io.github.kustomizelint.model.Location;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Repairs, in place, the findings whose fix the model proves: after it every affected build
 * shows the same objects, bar the one the fix adds.
 */
@Mojo(name = "fix", threadSafe = true, requiresProject = false)
public class FixMojo extends AbstractMojo {

  /** The kustomize tree to repair. */
  @Parameter(property = "kustomize-lint.configDirectory", defaultValue = "${project.basedir}/config")
  File configDirectory;

  /** Per-rule severity; a rule set to {@code off} is not fixed. */
  @Parameter
  Map<String, String> rules;

  /** Comma-separated rule ids to turn off (and so not fix). */
  @Parameter(property = "kustomize-lint.disabledRules")
  String disabledRules;

  /** Globs, relative to configDirectory, of the files fixes may touch findings in. */
  @Parameter
  List<String> includes;

  /** Globs of files whose findings are left alone. */
  @Parameter
  List<String> excludes;

  /** The load restrictor your kustomize builds use. */
  @Parameter(property = "kustomize-lint.loadRestrictor", defaultValue = "LoadRestrictionsRootOnly")
  String loadRestrictor;

  /** Prints the changes as a unified diff and writes nothing. */
  @Parameter(property = "kustomize-lint.dryRun", defaultValue = "false")
  boolean dryRun;

  /** Comma-separated rule ids whose opt-in fixes run too. */
  @Parameter(property = "kustomize-lint.fixRules")
  String fixRules;

  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  @Override
  public void execute() throws MojoExecutionException {
    Path base = (basedir != null && !basedir.getPath().contains("${") ? basedir.toPath()
        : Path.of("")).toAbsolutePath().normalize();
    Path config = base.resolve(configDirectory == null || configDirectory.getPath().contains("${")
        ? Path.of("config") : configDirectory.toPath());
    if (!Files.isDirectory(config)) {
      throw new MojoExecutionException("<configDirectory> (kustomize-lint.configDirectory): "
          + config + " is not a directory, nothing to fix");
    }
    LintOptions options;
    try {
      options = LintOptions.of(config, base)
          .withSeverities(RuleSettings.parse(rules, disabledRules))
          .withFiles(includes == null ? List.of() : includes,
              excludes == null ? List.of() : excludes)
          .withLoadRestrictor(loadRestrictor);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<rules>, <disabledRules> or <loadRestrictor>: "
          + e.getMessage(), e);
    }
    Set<String> optIn = new LinkedHashSet<>();
    if (fixRules != null && !fixRules.isBlank()) {
      optIn.addAll(Arrays.stream(fixRules.split(",")).map(String::trim)
          .filter(s -> !s.isEmpty()).toList());
    }
    for (String id : optIn) {
      if (Fixes.all().stream().map(Fixer::ruleId).noneMatch(id::equals)) {
        getLog().warn("kustomize-lint: no fix exists for '" + id + "' (fixRules); it is left as"
            + " is");
      }
    }
    FixRun.Outcome outcome;
    try {
      outcome = new FixRun(options, optIn, dryRun).run();
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("kustomize-lint could not fix " + config + ": "
          + e.getMessage(), e);
    }
    for (Fix f : outcome.applied()) {
      getLog().info(show(base, f.at()) + ": " + (dryRun ? "would fix" : "fixed") + " ["
          + f.ruleId() + "] " + f.what());
    }
    for (Refusal r : outcome.refused()) {
      getLog().info(show(base, r.at()) + ": not fixed [" + r.ruleId() + "] " + r.why());
    }
    if (dryRun && !outcome.diff().isEmpty()) {
      getLog().info("kustomize-lint: the changes fix would make (nothing written):\n"
          + outcome.diff());
    }
    getLog().info("kustomize-lint: " + outcome.applied().size() + " fixed"
        + (dryRun ? " (dry run, nothing written)" : "") + ", " + outcome.refused().size()
        + " left as they are");
  }

  private static String show(Path base, Location at) {
    Path p = at.file();
    return (p.startsWith(base) ? base.relativize(p) : p) + ":" + at.line();
  }
}
