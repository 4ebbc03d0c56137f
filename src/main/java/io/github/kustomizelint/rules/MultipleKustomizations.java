package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** More than one kustomization file in a directory. */
public final class MultipleKustomizations extends ProblemRule {

  public MultipleKustomizations() {
    super(Problem.Kind.MULTIPLE_KUSTOMIZATIONS, "multiple-kustomizations",
        "More than one kustomization file in a directory.",
        "kustomize refuses a directory holding more than one of kustomization.yaml, "
        + "kustomization.yml and Kustomization. Keep one.");
  }
}
