package io.github.kustomizelint.model;

/** Something that stops kustomize from reading the tree at all, found while loading it. */
public record Problem(Kind kind, Location location, String message) {

  public enum Kind {
    MISSING_FILE,
    INVALID_KUSTOMIZATION,
    INVALID_MANIFEST,
    KUSTOMIZATION_CYCLE,
    DUPLICATE_RESOURCE,
    OUTSIDE_ROOT,
    MULTIPLE_KUSTOMIZATIONS,
    GENERATOR_BEHAVIOR,
    JSON_PATCH_WITHOUT_TARGET,
    VAR_CONFLICT,
    REPLICAS_TARGET_MISSING,
    LIMIT_EXCEEDED,
    PATCH_UNVERIFIABLE,
    SORT_OPTIONS_INVALID,
    JSON_PATCH_PATH_MISSING,
    NAME_REFERENCE_AMBIGUOUS,
    REPLACEMENT_FIELD_MISSING,
    VAR_FIELD_MISSING,
    PATCH_ELEMENT_NO_EFFECT
  }
}
