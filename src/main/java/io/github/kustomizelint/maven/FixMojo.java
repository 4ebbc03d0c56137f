package io.github.kustomizelint.maven;

import io.github.kustomizelint.fix.Fix;
import io.github.kustomizelint.fix.FixRun;
import io.github.kustomizelint.fix.Fixer;
import io.github.kustomizelint.fix.Fixes;
import io.github.kustomizelint.fix.Refusal;
import io.github.kustomizelint.model.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Repairs, in place, the findings whose fix the model proves: after it every affected build
 * shows the same objects, bar the one the fix adds.
 */
@Mojo(name = "fix", threadSafe = true, requiresProject = false)
public class FixMojo extends AbstractLintMojo {

  /** Prints the changes as a unified diff and writes nothing. */
  @Parameter(property = "kustomize-lint.dryRun", defaultValue = "false")
  boolean dryRun;

  /** Comma-separated rule ids whose opt-in fixes run too (manifest-multiple-resources, patch-multiple-documents). */
  @Parameter(property = "kustomize-lint.fixRules")
  String fixRules;

  @Override
  boolean lintsFirst() {
    return false;
  }

  @Override
  void report(Lint lint) throws MojoExecutionException {
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
      outcome = new FixRun(lint.options(), optIn, dryRun).run();
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("kustomize-lint could not fix " + show(lint.config())
          + ": " + e.getMessage(), e);
    }
    for (Fix f : outcome.applied()) {
      getLog().info(at(f.at()) + ": " + (dryRun ? "would fix" : "fixed") + " [" + f.ruleId()
          + "] " + f.what());
    }
    for (Refusal r : outcome.refused()) {
      getLog().info(at(r.at()) + ": not fixed [" + r.ruleId() + "] " + r.why());
    }
    if (dryRun && !outcome.diff().isEmpty()) {
      getLog().info("kustomize-lint: the changes fix would make (nothing written):\n"
          + outcome.diff());
    }
    getLog().info("kustomize-lint: " + outcome.applied().size() + " fixed"
        + (dryRun ? " (dry run, nothing written)" : "") + ", " + outcome.refused().size()
        + " left as they are");
  }

  private String at(Location l) {
    return show(l.file()) + ":" + l.line();
  }
}
