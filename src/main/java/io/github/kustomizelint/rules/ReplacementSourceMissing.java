package io.github.kustomizelint.rules;

import io.github.kustomizelint.build.ReplacementOutcome;
import io.github.kustomizelint.report.Severity;

/** A replacement whose source selects no object: kustomize fails. */
public final class ReplacementSourceMissing extends BaseRule {

  public ReplacementSourceMissing() {
    super("replacement-source-missing", Severity.ERROR, true,
        "A replacement's source selects no object of the build.",
        "A replacement copies a field from exactly one source object. kustomize fails with"
        + " 'nothing selected by' when no object of the build has, or has had, the source's"
        + " kind, name and namespace (group and version too, when given). Fix the selector or"
        + " include the object.");
  }

  @Override
  public void check(LintContext c, Reporter out) {
    for (ReplacementOutcome o : c.replacements()) {
      if (!o.matched().isEmpty() || !o.unknowns().isEmpty()) {
        continue;
      }
      String kind = o.source().kind();
      String near = o.sameKind().isEmpty()
          ? (kind.isEmpty() ? "" : "; there is no " + kind + " in it at all")
          : "; " + kind + " objects there: " + String.join(", ", o.sameKind().stream()
              .limit(4).map(r -> "'" + r.id().name() + "'").toList());
      out.report(o.source().location(), "replacement source " + o.source()
          + " selects nothing in " + c.show(o.build()) + near
          + ", so kustomize fails (nothing selected by " + o.source() + ")", o.build());
    }
  }
}
