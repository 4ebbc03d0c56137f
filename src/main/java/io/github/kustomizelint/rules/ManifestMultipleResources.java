package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.report.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A resource file that holds several objects. */
public final class ManifestMultipleResources extends BaseRule {

  public ManifestMultipleResources() {
    super("manifest-multiple-resources", Severity.NOTE, false,
        "A resource file holds more than one object.",
        "One object per file keeps kustomization.yaml an explicit list of what the build"
        + " contains and makes reviews and patches easy to place. Counted are YAML documents"
        + " (a kind: List is one); files of " + BUNDLE + " documents or more are taken for"
        + " vendored or generated bundles and left alone. Other generated files (controller-gen"
        + " webhook manifests) can be excluded, or carry a disable-file comment.");
  }

  /** From this many documents on, a file is a vendored or generated bundle. */
  static final int BUNDLE = 10;

  @Override
  public void check(LintContext c, Reporter out) {
    for (Map.Entry<Path, List<Resource>> e : new TreeMap<>(c.manifests()).entrySet()) {
      List<Resource> objects = e.getValue();
      if (objects.size() < 2 || objects.size() >= BUNDLE) {
        continue;
      }
      List<String> what = new ArrayList<>();
      for (Resource r : objects.subList(0, Math.min(4, objects.size()))) {
        what.add(r.id().kind() + " '" + r.id().name() + "'");
      }
      String more = objects.size() > 4 ? ", ..." : "";
      out.report(objects.get(1).origin(), c.show(e.getKey()) + " holds " + objects.size()
          + " documents (" + String.join(", ", what) + more + "); consider one resource per file,"
          + " each listed under resources:", null);
    }
  }
}
