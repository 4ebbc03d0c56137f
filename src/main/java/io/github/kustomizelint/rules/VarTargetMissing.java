package io.github.kustomizelint.rules;

import io.github.kustomizelint.resolve.VarOutcome;
import io.github.kustomizelint.report.Severity;

/** A var whose objref names no object of the build: kustomize fails. */
public final class VarTargetMissing extends BaseRule {

  public VarTargetMissing() {
    super("var-target-missing", Severity.ERROR, true,
        "A var's objref names no object of the kustomization that declares it.",
        "kustomize maps each var to the object its objref names (group, version and kind"
        + " exactly, the name it has or had, the namespace only when given) once the"
        + " declaring kustomization is built; without one every build that includes it fails"
        + " with 'cannot be mapped to a field in the set of known resources'. Kubebuilder's"
        + " cert-manager vars do this when the certmanager base is left commented out. Include"
        + " the object or remove the var (better: move to replacements).");
  }

  @Override
  public void check(LintContext c, Reporter out) {
    for (VarOutcome o : c.vars()) {
      if (o.matched().isEmpty() && o.unknowns().isEmpty()) {
        String noVersion = o.var().objref().version().isEmpty()
            ? " (the objref has no apiVersion/version, and kustomize matches versions exactly)"
            : "";
        out.report(o.var().location(), "var '" + o.var().name() + "' refers to "
            + PatchText.object(o.var().objref()) + ", which is not in " + c.show(o.build())
            + noVersion + ", so kustomize fails (var cannot be mapped to a field in the set of"
            + " known resources)", o.build());
      }
    }
  }
}
