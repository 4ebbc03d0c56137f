package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** Kustomizations that include each other. */
public final class KustomizationCycle extends ProblemRule {

  public KustomizationCycle() {
    super(Problem.Kind.KUSTOMIZATION_CYCLE);
  }

  @Override
  public String id() {
    return "kustomization-cycle";
  }

  @Override
  public String description() {
    return "Kustomizations that include each other.";
  }

  @Override
  public String help() {
    return "kustomize refuses a cycle of bases or components. A base must not include its overlays: move the shared part into a base of its own.";
  }
}
