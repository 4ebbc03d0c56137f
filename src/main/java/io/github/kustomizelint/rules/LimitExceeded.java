package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.report.Severity;

/** Input past one of the linter's bounds: the part beyond it is not checked. */
public final class LimitExceeded extends ProblemRule {

  public LimitExceeded() {
    super(Problem.Kind.LIMIT_EXCEEDED, "limit-exceeded", Severity.NOTE, false,
        "The tree goes past one of the linter's bounds (nesting, component applications), so"
        + " the part beyond it was not checked.",
        "kustomize-lint bounds the work any input can cause: bases and components nested more"
        + " than 100 deep, and more than 1,000 component applications in one build (components"
        + " included along diamonds are applied again at every inclusion, as kustomize does)."
        + " What lies beyond is not followed, and checks that depend on it become"
        + " 'patch-unverifiable'. kustomize itself may still build it: simplify the structure.");
  }
}
