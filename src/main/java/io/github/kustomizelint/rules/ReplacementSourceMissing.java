package io.github.kustomizelint.rules;

import io.github.kustomizelint.resolve.ReplacementOutcome;
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
      if (!o.unknowns().isEmpty()) {
        continue;
      }
      String field = o.source().fieldPath().replaceFirst("^\\.", "");
      if (o.matched().size() == 1 && field.equals("metadata.namespace")
          && o.matched().get(0).id().namespace().isEmpty()) {
        // The one field whose presence the model knows: an object without a namespace.
        out.report(o.source().location(), "replacement source " + o.source() + " reads"
            + " metadata.namespace, but " + PatchText.object(o.matched().get(0).id())
            + " has none in " + c.show(o.build()) + ", so kustomize fails (fieldPath"
            + " `metadata.namespace` is missing for replacement source): set a namespace on"
            + " it, or read another field", o.build());
        continue;
      }
      if (!o.matched().isEmpty()) {
        continue;
      }
      if (o.sameKind().stream().anyMatch(r -> r.uncertain()
          && r.id().name().equals(o.source().name()))) {
        // the renderer followed a replacement that renamed it (ContentFailures)
        out.report(o.source().location(), "replacement source " + o.source() + " selects"
            + " nothing in " + c.show(o.build()) + ": a replacement earlier in the build renamed"
            + " that object and kept no earlier name to select it by, so kustomize fails (nothing"
            + " selected by " + o.source() + "): use the new name", o.build());
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
