package io.github.kustomizelint.rules;

import io.github.kustomizelint.resolve.PatchOutcome;
import io.github.kustomizelint.model.ResourceId;
import io.github.kustomizelint.report.Severity;

/** A strategic-merge patch whose object is not in the build: kustomize fails. */
public final class PatchTargetMissing extends BaseRule {

  public PatchTargetMissing() {
    super("patch-target-missing", Severity.ERROR, true,
        "A patch names an object that is not among the kustomization's resources.",
        "A strategic-merge patch without a target is applied to the object its body names"
        + " (apiVersion, kind, metadata.name, metadata.namespace). When no resource of the build"
        + " has had that id, kustomize fails with 'no matches for Id'. A new object belongs in"
        + " its own manifest listed under resources:, never in a patch file; an existing one"
        + " must be named as its base names it.");
  }

  @Override
  public void check(LintContext c, Reporter out) {
    for (PatchOutcome o : c.outcomes()) {
      if (o.patch().target() != null || !o.matched().isEmpty() || !o.unknowns().isEmpty()) {
        continue;
      }
      ResourceId want = o.patch().id();
      String build = PatchText.buildOf(c, o);
      String message;
      if (o.deletedBy() != null) {
        message = "patch targets " + PatchText.object(want) + ", which the $patch: delete at "
            + c.show(o.deletedBy().file()) + ":" + o.deletedBy().line() + " removed earlier in"
            + " the build of " + build + ", so kustomize fails (no matches for Id " + want
            + "). Remove this patch, or the delete";
      } else if (o.sameKind().isEmpty()) {
        message = "patch targets " + PatchText.object(want) + " but there is no " + want.kind()
            + " at all among the resources of " + build + ", so kustomize fails (no matches for Id "
            + want + "). A new object belongs in its own manifest listed under resources:, not"
            + " in a patch file";
      } else if (o.sameKind().stream().anyMatch(r -> r.uncertain() && r.id().matches(want))) {
        // the renderer followed a replacement that renamed it (ContentFailures.confirmMissing)
        message = "patch targets " + PatchText.object(want) + ", which a replacement earlier in"
            + " the build of " + build + " renamed, so kustomize fails (no matches for Id " + want
            + "; the rename keeps no earlier id a patch without a target could match). Use the"
            + " new name, or give the patch a target, which selects the object by its old name";
      } else {
        message = "patch targets " + PatchText.object(want) + " but no " + want.kind()
            + " in " + build + " has that id, so kustomize fails (no matches for Id " + want
            + "). Closest: " + PatchText.closest(c, want, o.sameKind())
            + ". Use the apiVersion, name and namespace the base gives it";
      }
      out.report(o.patch().location(), message, o.build());
    }
  }
}
