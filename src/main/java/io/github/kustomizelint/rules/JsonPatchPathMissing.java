package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A JSON6902 operation on a path its target object does not have. */
public final class JsonPatchPathMissing extends ProblemRule {

  public JsonPatchPathMissing() {
    super(Problem.Kind.JSON_PATCH_PATH_MISSING, "json-patch-path-missing",
        "A JSON6902 operation on a path its target object does not have.",
        "kustomize fails when a JSON6902 operation names a path the object lacks at that point"
        + " of the build (doc is missing path): a replace, remove or test of a missing field, an"
        + " add under a missing parent, an index past the end of a list. Fix the path, or add"
        + " the missing parent with an earlier operation. Found by rendering the object as"
        + " kustomize does; where the renderer does not model something before the patch, the"
        + " rule stays silent.");
  }
}
