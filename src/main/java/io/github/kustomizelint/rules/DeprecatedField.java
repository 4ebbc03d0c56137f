package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.report.Severity;
import java.util.Map;

/** Kustomization fields kustomize v5 deprecates, with what replaces them. */
public final class DeprecatedField extends BaseRule {

  public DeprecatedField() {
    super("deprecated-field", Severity.WARNING, false,
        "A kustomization field that kustomize v5 deprecates.",
        "kustomize still reads these fields but warns on every build and may drop them."
        + " 'kustomize edit fix' rewrites most of them; the message names the replacement.");
  }

  // The replacements kustomize names in its own deprecation warnings ('kustomize edit fix').
  private static final Map<String, String> REPLACEMENTS = Map.of(
      "bases", "list the bases under 'resources'",
      "patchesStrategicMerge", "use 'patches' (one entry per file: '- path: FILE')",
      "patchesJson6902", "use 'patches' (path or patch, with the same target)",
      "commonLabels", "use 'labels' (with includeSelectors: true to keep selector labels)",
      "imageTags", "use 'images'",
      "vars", "use 'replacements'",
      "helmChartInflationGenerator", "use 'helmCharts'");

  @Override
  public void check(LintContext c, Reporter out) {
    for (Kustomization k : c.kustomizations()) {
      for (Map.Entry<String, Location> f : k.fields().entrySet()) {
        String instead = REPLACEMENTS.get(f.getKey());
        if (instead != null) {
          out.report(f.getValue(), "'" + f.getKey() + "' is deprecated: " + instead
              + "; 'kustomize edit fix' does this", k.dir());
        }
      }
    }
  }
}
