package io.github.kustomizelint.rules;

import io.github.kustomizelint.resolve.PatchOutcome;
import io.github.kustomizelint.report.Severity;

/** A patch whose target selector selects nothing: kustomize builds, the patch does nothing. */
public final class PatchNoEffect extends BaseRule {

  public PatchNoEffect() {
    super("patch-no-effect", Severity.WARNING, false,
        "A patch's target selector matches no resource, so the patch changes nothing.",
        "kustomize does not fail when a 'target' (patches or patchesJson6902) selects"
        + " nothing: the patch is silently skipped. Selectors are anchored regular expressions;"
        + " name and namespace match the original or the current value, group, version and"
        + " kind the current one. A patch of a reusable Component is reported once, at the"
        + " component, and only when it selects nothing in every build that includes it."
        + " Fix the selector or remove the patch.");
  }

  @Override
  public void check(LintContext c, Reporter out) {
    java.util.Set<java.nio.file.Path> components = new java.util.HashSet<>();
    c.kustomizations().forEach(k -> {
      if (k.component()) {
        components.add(k.file());
      }
    });
    // A Component's patch is read once and applied in every build that includes it.
    java.util.Map<io.github.kustomizelint.model.Patch, java.util.List<PatchOutcome>> reused =
        new java.util.LinkedHashMap<>();
    for (PatchOutcome o : c.outcomes()) {
      if (o.patch().target() == null) {
        continue;
      }
      if (components.contains(o.declaredIn())) {
        reused.computeIfAbsent(o.patch(), p -> new java.util.ArrayList<>()).add(o);
      } else if (dead(o)) {
        out.report(o.patch().target().location(), "target " + o.patch().target().describe()
            + " selects no resource of " + PatchText.buildOf(c, o) + hint(o)
            + ", so kustomize skips this " + o.patch().field().key() + " entry silently", o.build());
      }
    }
    // One finding at the component's patch, only when it is dead in every build.
    for (java.util.List<PatchOutcome> all : reused.values()) {
      if (!all.stream().allMatch(PatchNoEffect::dead)) {
        continue;
      }
      java.util.TreeSet<String> builds = new java.util.TreeSet<>();
      all.forEach(o -> builds.add(PatchText.buildOf(c, o)));
      PatchOutcome first = all.get(0);
      String names = builds.size() <= 5 ? String.join(", ", builds)
          : String.join(", ", new java.util.ArrayList<>(builds).subList(0, 5)) + " and "
              + (builds.size() - 5) + " more";
      out.report(first.patch().target().location(), "target "
          + first.patch().target().describe() + " of this component selects no resource in any"
          + " build that includes it (" + names + ")" + hint(first) + ", so kustomize skips this "
          + first.patch().field().key() + " entry silently in each", first.build());
    }
  }

  private static boolean dead(PatchOutcome o) {
    return o.matched().isEmpty() && o.unknowns().isEmpty();
  }

  private static String hint(PatchOutcome o) {
    String kind = o.patch().target().kind();
    return kind.isEmpty() || !o.sameKind().isEmpty() ? ""
        : " (there is no " + kind + " in it at all)";
  }
}
