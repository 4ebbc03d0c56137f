package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A file outside the kustomization's directory. */
public final class OutsideRoot extends ProblemRule {

  public OutsideRoot() {
    super(Problem.Kind.OUTSIDE_ROOT, "outside-root",
        "A file outside the kustomization's directory.",
        "kustomize's load restrictor refuses files that are not in or below the "
        + "kustomization's directory. Directories with their own kustomization may live "
        + "anywhere; single files may not.");
  }
}
