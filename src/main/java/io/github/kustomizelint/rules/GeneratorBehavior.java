package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A generator that merges into or replaces a ConfigMap or Secret that does not exist. */
public final class GeneratorBehavior extends ProblemRule {

  public GeneratorBehavior() {
    super(Problem.Kind.GENERATOR_BEHAVIOR);
  }

  @Override
  public String id() {
    return "generator-behavior";
  }

  @Override
  public String description() {
    return "A generator that merges into or replaces a ConfigMap or Secret that does not exist.";
  }

  @Override
  public String help() {
    return "behavior: merge and replace need an object of that name from a base; without one kustomize fails (cannot merge or replace).";
  }
}
