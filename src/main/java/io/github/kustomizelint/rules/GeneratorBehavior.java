package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A generator whose behavior does not fit what exists. */
public final class GeneratorBehavior extends ProblemRule {

  public GeneratorBehavior() {
    super(Problem.Kind.GENERATOR_BEHAVIOR, "generator-behavior",
        "A generator merges into or replaces a ConfigMap or Secret that does not exist,"
        + " or creates one that does.",
        "behavior: merge and replace need an object of that name from a base; without one "
        + "kustomize fails (cannot merge or replace). behavior create, the default, over an "
        + "object a base already has fails too (behavior must be merge or replace).");
  }
}
