package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A kustomization, or a file it names, that kustomize cannot read. */
public final class InvalidKustomization extends ProblemRule {

  public InvalidKustomization() {
    super(Problem.Kind.INVALID_KUSTOMIZATION, "invalid-kustomization",
        "A kustomization, or a file it names, that kustomize cannot read.",
        "YAML that does not parse, a kustomization that is not a map, values of the wrong "
        + "type at any depth, an unknown field in a configurations file, a replacement without "
        + "source or targets, an env file that is not UTF-8, a Component under resources or a "
        + "Kustomization under components: kustomize refuses the whole build.");
  }
}
