package io.github.kustomizelint.rules;

import io.github.kustomizelint.resolve.PatchOutcome;
import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.report.Severity;

/** A patch whose target may come from content we cannot see. */
public final class PatchUnverifiable extends BaseRule {

  public PatchUnverifiable() {
    super("patch-unverifiable", Severity.NOTE, false,
        "A patch's target may come from remote, Helm or generated content, so it was not checked.",
        "kustomize-lint never fetches or runs anything. When a patch matches nothing we can"
        + " see but the build also takes objects from a remote URL, a Helm chart or an external"
        + " generator or transformer, the target may live there: the patch is reported as not"
        + " verified instead of missing.");
  }

  @Override
  public void check(LintContext c, Reporter out) {
    for (io.github.kustomizelint.resolve.Occurrence o : c.problems()) {
      if (o.problem().kind() == io.github.kustomizelint.model.Problem.Kind.PATCH_UNVERIFIABLE) {
        out.report(o.problem().location(), o.problem().message(), o.build());
      }
    }
    for (PatchOutcome o : c.outcomes()) {
      if (!o.matched().isEmpty() || o.unknowns().isEmpty()) {
        continue;
      }
      if (o.patch().target() == null && o.patch().json()) {
        continue;
      }
      String what = o.patch().target() != null ? "target " + o.patch().target().describe()
          : PatchText.object(o.patch().id());
      java.util.List<String> whys = new java.util.ArrayList<>();
      for (Entry why : o.unknowns()) {
        String w = why.value() + " (" + c.show(why.location().file()) + ":"
            + why.location().line() + ")";
        if (!whys.contains(w) && whys.size() < 3) {
          whys.add(w);
        }
      }
      String more = o.unknowns().size() > whys.size() ? " and more" : "";
      out.report(o.patch().location(), "not verified: " + what + " is not among the resources"
          + " we can see in " + PatchText.buildOf(c, o) + ", but the build also includes "
          + String.join("; ", whys) + more, o.build());
    }
  }
}
