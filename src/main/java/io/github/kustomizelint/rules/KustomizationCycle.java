package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** Kustomizations that include each other. */
public final class KustomizationCycle extends ProblemRule {

  public KustomizationCycle() {
    super(Problem.Kind.KUSTOMIZATION_CYCLE, "kustomization-cycle",
        "Kustomizations that include each other.",
        "kustomize refuses a cycle of bases or components. A base must not include its "
        + "overlays: move the shared part into a base of its own.");
  }
}
