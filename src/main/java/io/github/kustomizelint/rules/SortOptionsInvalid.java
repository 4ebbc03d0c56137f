package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** sortOptions kustomize refuses: only the build of that very kustomization fails. */
public final class SortOptionsInvalid extends ProblemRule {

  public SortOptionsInvalid() {
    super(Problem.Kind.SORT_OPTIONS_INVALID, "sort-options-invalid",
        "sortOptions without an order of fifo or legacy, or with legacySortOptions under fifo.",
        "kustomize reads sortOptions of the kustomization it builds and fails when order is"
        + " missing or not fifo or legacy (the field 'sortOptions.order' must be one of [fifo,"
        + " legacy]), or when legacySortOptions is set with order fifo. An overlay over it"
        + " builds: kustomize ignores a base's sortOptions. Set order: legacy or order: fifo,"
        + " and legacySortOptions only with legacy.");
  }

  @Override
  public boolean breaksOnlyItsOwnBuild() {
    return true;
  }
}
