package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Problem;

/** A name reference that could mean several objects of the build. */
public final class NameReferenceAmbiguous extends ProblemRule {

  public NameReferenceAmbiguous() {
    super(Problem.Kind.NAME_REFERENCE_AMBIGUOUS, "name-reference-ambiguous",
        "A name reference that could mean several objects of the build.",
        "At the end of a build kustomize points every name reference (a ServiceAccount in a"
        + " role binding's subjects, a ConfigMap in a pod's volumes, ...) at the object it meant"
        + " before prefixes, suffixes and hashes; when several objects of that kind had the name"
        + " and neither namespace nor prefixes tell them apart, it fails (found multiple"
        + " possible referrals), naming no file. Give the reference a namespace, or the objects"
        + " distinct names. Found by rendering the build as kustomize does; where the renderer"
        + " does not model something in it, the rule stays silent.");
  }

  // Name references are fixed at the top of each build: an overlay may tell the objects apart.
  @Override
  public boolean breaksOnlyItsOwnBuild() {
    return true;
  }
}
