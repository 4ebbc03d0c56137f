package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A resource, patch, component or generator input that does not exist. */
public final class MissingFile extends ProblemRule {

  public MissingFile() {
    super(Problem.Kind.MISSING_FILE, "missing-file",
        "A resource, patch, component or generator input that does not exist.",
        "kustomize stops at the first path it cannot open and names no line. Fix the path, or "
        + "add the file (generated files such as controller-gen output must exist before the "
        + "build).");
  }
}
