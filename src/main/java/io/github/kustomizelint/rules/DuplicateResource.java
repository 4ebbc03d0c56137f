package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** The same resource id accumulated twice. */
public final class DuplicateResource extends ProblemRule {

  public DuplicateResource() {
    super(Problem.Kind.DUPLICATE_RESOURCE, "duplicate-resource",
        "The same resource id accumulated twice.",
        "kustomize refuses a build in which two objects have the same group, version, kind, "
        + "name and namespace: a file listed twice, two bases with the same object, or a patch "
        + "file listed under resources.");
  }
}
