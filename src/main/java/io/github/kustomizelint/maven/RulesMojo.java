package io.github.kustomizelint.maven;

import io.github.kustomizelint.report.Severity;
import io.github.kustomizelint.rules.Rule;
import io.github.kustomizelint.rules.Rules;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lists every rule: id, default severity (and the configured one where it differs), whether
 * kustomize itself fails on it, and what it catches.
 */
@Mojo(name = "rules", threadSafe = true, requiresProject = false)
public class RulesMojo extends AbstractLintMojo {

  @Override
  boolean lintsTree() {
    return false;
  }

  @Override
  void report(Lint lint) {
    int width = Rules.all().stream().mapToInt(r -> r.id().length()).max().orElse(10);
    getLog().info(String.format("%-" + width + "s  %-16s  %-15s  %s", "rule", "severity",
        "kustomize fails", "catches"));
    for (Rule r : Rules.all()) {
      Optional<Severity> set = lint.options().severities()
          .getOrDefault(r.id(), Optional.of(r.defaultSeverity()));
      String severity = r.defaultSeverity().label();
      if (set.isEmpty()) {
        severity += " (off)";
      } else if (set.get() != r.defaultSeverity()) {
        severity += " (" + set.get().label() + ")";
      }
      getLog().info(String.format("%-" + width + "s  %-16s  %-15s  %s", r.id(), severity,
          r.breaksBuild() ? "yes" : "no", r.description()));
    }
    getLog().info(Rules.all().size() + " rules; documentation with examples: "
        + io.github.kustomizelint.report.RuleHelp.PROJECT_URL + "/blob/main/docs/rules.md");
  }
}
