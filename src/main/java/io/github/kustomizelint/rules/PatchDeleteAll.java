package io.github.kustomizelint.rules;

import io.github.kustomizelint.resolve.PatchOutcome;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.report.Severity;

/** A {@code $patch: delete} with an empty target: kustomize deletes every object. */
public final class PatchDeleteAll extends BaseRule {

  public PatchDeleteAll() {
    super("patch-delete-all", Severity.ERROR, false,
        "A $patch: delete with an empty target deletes every resource of the build.",
        "With a target, the patch body applies to every object the target selects; an empty"
        + " target selects all of them, so a $patch: delete body empties the build and kustomize"
        + " prints nothing, without an error. Give the target the kind and name to delete.");
  }

  @Override
  public void check(LintContext c, Reporter out) {
    for (PatchOutcome o : c.outcomes()) {
      Patch p = o.patch();
      if (p.action() == Patch.Action.DELETE && p.target() != null && p.target().isEmpty()) {
        out.report(p.target().location(), "$patch: delete with an empty target deletes all "
            + o.matched().size() + " resources of " + c.show(o.build())
            + ": name the kind and name to delete in the target", o.build());
      }
    }
  }
}
