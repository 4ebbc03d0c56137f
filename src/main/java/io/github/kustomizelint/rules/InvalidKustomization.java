package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A kustomization kustomize cannot read. */
public final class InvalidKustomization extends ProblemRule {

  public InvalidKustomization() {
    super(Problem.Kind.INVALID_KUSTOMIZATION, "invalid-kustomization",
        "A kustomization kustomize cannot read.",
        "YAML that does not parse, a kustomization that is not a map, fields of the wrong "
        + "type, a Component under resources or a Kustomization under components: kustomize "
        + "refuses the whole build.");
  }
}
