package io.github.kustomizelint.rules;

import io.github.kustomizelint.resolve.PatchOutcome;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.report.Severity;
import java.util.ArrayList;
import java.util.List;

/** A strategic-merge patch whose id several objects have had: kustomize fails. */
public final class PatchTargetAmbiguous extends BaseRule {

  public PatchTargetAmbiguous() {
    super("patch-target-ambiguous", Severity.ERROR, true,
        "A patch matches more than one object, so kustomize cannot pick one.",
        "A strategic-merge patch without a target matches every object that has ever had"
        + " its id, including names from before a namePrefix or nameSuffix. Two bases with the"
        + " same object under different prefixes both match its original name and kustomize"
        + " fails with 'multiple matches for Id'. Name the object by its current, unique name,"
        + " or add a target selector.");
  }

  @Override
  public void check(LintContext c, Reporter out) {
    for (PatchOutcome o : c.outcomes()) {
      if (o.patch().target() != null || o.matched().size() < 2) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (Resource r : o.matched()) {
        names.add(PatchText.object(r.id()) + " from " + c.show(r.origin().file()) + ":"
            + r.origin().line());
      }
      out.report(o.patch().location(), "patch targets " + PatchText.object(o.patch().id())
          + ", which matches " + o.matched().size() + " resources of " + PatchText.buildOf(c, o)
          + " (" + String.join("; ", names) + "), so kustomize fails (multiple matches for Id "
          + o.patch().id() + "). Name one by its current name, or use a target selector",
          o.build());
    }
  }
}
