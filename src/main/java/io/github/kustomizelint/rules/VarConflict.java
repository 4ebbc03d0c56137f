package io.github.kustomizelint.rules;

import io.github.kustomizelint.resolve.Occurrence;
import io.github.kustomizelint.resolve.VarOutcome;
import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.report.Severity;

/** A var declared twice in one build, or whose objref names several objects. */
public final class VarConflict extends BaseRule {

  public VarConflict() {
    super("var-conflict", Severity.ERROR, true,
        "A var declared twice in one build, or whose objref names several objects.",
        "Var names are global to a build: two bases declaring the same var make kustomize"
        + " fail with 'already encountered', and an objref that fits several objects (the"
        + " same base under two prefixes) fails with 'unable to disambiguate'. Declare each"
        + " var once, with a namespace or the current name when needed, or move to replacements.");
  }

  @Override
  public void check(LintContext c, Reporter out) {
    for (Occurrence o : c.problems()) {
      if (o.problem().kind() == Problem.Kind.VAR_CONFLICT) {
        out.report(o.problem().location(), c.relativeText(o.problem().message()), o.build());
      }
    }
    for (VarOutcome o : c.vars()) {
      if (o.matched().size() > 1) {
        out.report(o.var().location(), "var '" + o.var().name() + "' refers to "
            + PatchText.object(o.var().objref()) + ", which fits " + o.matched().size()
            + " objects in " + c.show(o.build()) + " (" + String.join(", ", o.matched().stream()
                .limit(4).map(r -> r.id().kind() + " '" + r.id().name() + "'").toList())
            + "), so kustomize fails (unable to disambiguate)", o.build());
      }
    }
  }
}
