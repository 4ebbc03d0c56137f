package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A resource or patch file kustomize cannot read. */
public final class InvalidManifest extends ProblemRule {

  public InvalidManifest() {
    super(Problem.Kind.INVALID_MANIFEST, "invalid-manifest",
        "A resource or patch file kustomize cannot read.",
        "A manifest or patch that does not parse, is not a map, or has no kind or "
        + "metadata.name stops the build. Fix the document at the line shown.");
  }
}
