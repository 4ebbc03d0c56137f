package io.github.kustomizelint.rules;

import io.github.kustomizelint.resolve.ReplacementOutcome;
import io.github.kustomizelint.report.Severity;

/** A replacement whose source selects several objects: kustomize fails. */
public final class ReplacementSourceAmbiguous extends BaseRule {

  public ReplacementSourceAmbiguous() {
    super("replacement-source-ambiguous", Severity.ERROR, true,
        "A replacement's source selects more than one object.",
        "A replacement copies a field from exactly one source object; a source that selects"
        + " several (a kind without a name, say) makes kustomize fail with 'multiple matches"
        + " for selector'. Name the object.");
  }

  @Override
  public void check(LintContext c, Reporter out) {
    for (ReplacementOutcome o : c.replacements()) {
      if (o.matched().size() > 1) {
        out.report(o.source().location(), "replacement source " + o.source() + " selects "
            + o.matched().size() + " objects in " + c.show(o.build()) + " ("
            + String.join(", ", o.matched().stream().limit(4)
                .map(r -> r.id().kind() + " '" + r.id().name() + "'").toList())
            + "), so kustomize fails (multiple matches for selector): name one", o.build());
      }
    }
  }
}
