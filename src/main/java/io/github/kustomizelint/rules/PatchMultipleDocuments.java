package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One patch file (or inline patch) carrying patches for several objects. */
public final class PatchMultipleDocuments extends BaseRule {

  // A note, not a warning: on ten more public operator trees every multi-document patch file
  // applied cleanly (kubebuilder's own cainjection patch is one), and patch-target-missing
  // catches the failure itself.
  public PatchMultipleDocuments() {
    super("patch-multiple-documents", Severity.NOTE, false,
        "A patch file holds patches for more than one resource.",
        "kustomize applies each document of a patch file as a patch of its own, and each"
        + " must match an object of the build. The release outage this plugin was written for began with a new"
        + " object appended as a second document to a patch file. Keep one patch per file,"
        + " named after what it patches.");
  }

  @Override
  public void check(LintContext c, Reporter out) {
    for (Kustomization k : c.kustomizations()) {
      Map<Location, List<Patch>> byEntry = new LinkedHashMap<>();
      for (List<Patch> list : List.of(k.patchesStrategicMerge(), k.patches())) {
        for (Patch p : list) {
          if (!p.json()) {
            byEntry.computeIfAbsent(p.entry(), e -> new ArrayList<>()).add(p);
          }
        }
      }
      for (List<Patch> docs : byEntry.values()) {
        if (docs.size() < 2) {
          continue;
        }
        List<String> what = new ArrayList<>();
        for (Patch p : docs) {
          what.add(p.id().kind() + " '" + p.id().name() + "'");
        }
        Patch second = docs.get(1);
        out.report(second.location(), c.show(second.location().file()) + " holds "
            + docs.size() + " patches (" + String.join(", ", what) + "); keep one patch per"
            + " file, and put new objects in manifests of their own under resources:", k.dir());
      }
    }
  }
}
