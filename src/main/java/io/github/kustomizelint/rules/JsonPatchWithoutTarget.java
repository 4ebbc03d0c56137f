package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A JSON6902 patch without a target. */
public final class JsonPatchWithoutTarget extends ProblemRule {

  public JsonPatchWithoutTarget() {
    super(Problem.Kind.JSON_PATCH_WITHOUT_TARGET, "json-patch-without-target",
        "A JSON6902 patch without a target.",
        "A JSON6902 operation list does not name the object it patches; kustomize fails (must "
        + "specify a target for JSON patch). Add a target with kind and name.");
  }
}
