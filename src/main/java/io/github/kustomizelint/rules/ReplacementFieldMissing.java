package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A replacement field path its source, or a target it selects, does not have. */
public final class ReplacementFieldMissing extends ProblemRule {

  public ReplacementFieldMissing() {
    super(Problem.Kind.REPLACEMENT_FIELD_MISSING, "replacement-field-missing",
        "A replacement field path its source, or a target it selects, does not have.",
        "kustomize fails when a replacement's source.fieldPath is missing (or empty) in the"
        + " source object, or a target's fieldPaths entry names a field a selected object lacks"
        + " and options.create is not set (unable to find field in replacement target). Fix the"
        + " path, narrow the select, or set options.create. Found by rendering the objects as"
        + " kustomize does; where the renderer does not model something before the replacement,"
        + " the rule stays silent.");
  }
}
