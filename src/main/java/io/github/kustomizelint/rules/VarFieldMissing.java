package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A var whose fieldref.fieldPath its object does not have. */
public final class VarFieldMissing extends ProblemRule {

  public VarFieldMissing() {
    super(Problem.Kind.VAR_FIELD_MISSING, "var-field-missing",
        "A var whose fieldref.fieldPath its object does not have.",
        "kustomize resolves every var declared in a build, used or not, and fails when the field"
        + " a var's fieldref names is missing from the object its objref names (field specified"
        + " in var not found in corresponding resource). Fix the field path, or point objref at"
        + " an object that has the field. Found by rendering the build as kustomize does; where"
        + " the renderer does not model something in the build, the rule stays silent.");
  }
}
