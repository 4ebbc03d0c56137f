package io.github.kustomizelint.rules;

import io.github.kustomizelint.build.PatchOutcome;
import io.github.kustomizelint.report.Severity;

/** A patch whose target selector selects nothing: kustomize builds, the patch does nothing. */
public final class PatchNoEffect extends BaseRule {

  public PatchNoEffect() {
    super("patch-no-effect", Severity.WARNING, false,
        "A patch's target selector matches no resource, so the patch changes nothing.",
        "kustomize does not fail when a 'target' (patches or patchesJson6902) selects"
        + " nothing: the patch is silently skipped. Selectors are anchored regular expressions;"
        + " name and namespace match the original or the current value, group, version and"
        + " kind the current one. Fix the selector or remove the patch.");
  }

  @Override
  public void check(LintContext c, Reporter out) {
    for (PatchOutcome o : c.outcomes()) {
      if (o.patch().target() == null || !o.matched().isEmpty() || !o.unknowns().isEmpty()) {
        continue;
      }
      String kind = o.patch().target().kind();
      String hint = kind.isEmpty() || !o.sameKind().isEmpty() ? ""
          : " (there is no " + kind + " in it at all)";
      out.report(o.patch().target().location(), "target " + o.patch().target().describe()
          + " selects no resource of " + PatchText.buildOf(c, o) + hint
          + ", so kustomize skips this " + o.patch().field().key() + " entry silently", o.build());
    }
  }
}
