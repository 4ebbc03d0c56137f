package io.github.kustomizelint.rules;

import io.github.kustomizelint.report.Severity;

/** One check. Stateless; reads the whole build, reports on single places. */
public interface Rule {

  /** Stable, public, kebab-case. */
  String id();

  Severity defaultSeverity();

  /** One line: what the rule catches. */
  String description();

  /** Why it matters and how to fix it. */
  String help();

  /** Whether a finding of this rule means kustomize itself fails to build. */
  default boolean breaksBuild() {
    return false;
  }

  /**
   * Whether kustomize fails only when this very kustomization is built, not an overlay over it
   * (kubectl: sortOptions are read at the top only).
   */
  default boolean breaksOnlyItsOwnBuild() {
    return false;
  }

  void check(LintContext context, Reporter out);
}
