package io.github.kustomizelint.rules;

import io.github.kustomizelint.build.ReplacementOutcome;
import io.github.kustomizelint.report.Severity;

/** A replacement whose source selects several objects: kustomize fails. */
public final class ReplacementSourceAmbiguous implements Rule {

  @Override
  public String id() {
    return "replacement-source-ambiguous";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public boolean breaksBuild() {
    return true;
  }

  @Override
  public String description() {
    return "A replacement's source selects more than one object.";
  }

  @Override
  public String help() {
    return "A replacement copies a field from exactly one source object; a source that selects"
        + " several (a kind without a name, say) makes kustomize fail with 'multiple matches"
        + " for selector'. Name the object.";
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
