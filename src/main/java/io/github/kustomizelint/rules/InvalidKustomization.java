package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A kustomization kustomize cannot read. */
public final class InvalidKustomization extends ProblemRule {

  public InvalidKustomization() {
    super(Problem.Kind.INVALID_KUSTOMIZATION);
  }

  @Override
  public String id() {
    return "invalid-kustomization";
  }

  @Override
  public String description() {
    return "A kustomization kustomize cannot read.";
  }

  @Override
  public String help() {
    return "YAML that does not parse, a kustomization that is not a map, fields of the wrong type, a Component under resources or a Kustomization under components: kustomize refuses the whole build.";
  }
}
