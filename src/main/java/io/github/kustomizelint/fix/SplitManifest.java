package io.github.kustomizelint.fix;

import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.report.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** manifest-multiple-resources, when asked: one file per object, listed in the same place. */
final class SplitManifest implements Fixer {

  @Override
  public String ruleId() {
    return "manifest-multiple-resources";
  }

  @Override
  public boolean byDefault() {
    return false;
  }

  @Override
  public List<Fix> fixes(FixContext c, List<Refusal> refused) {
    List<Fix> out = new ArrayList<>();
    for (Finding f : c.findings(ruleId())) {
      Location at = c.absolute(f.location());
      Path file = at.file();
      List<Kustomization> by = new ArrayList<>();
      boolean other = false;
      for (Kustomization k : c.analysis().context().kustomizations()) {
        boolean listed = false;
        for (Entry e : k.resources()) {
          listed |= k.dir().resolve(e.value()).normalize().equals(file);
        }
        if (listed) {
          by.add(k);
        } else {
          other |= k.files().contains(file);
        }
      }
      String[] why = new String[1];
      List<FileChange> changes = by.isEmpty() || other ? null
          : Split.split(c, file, "resources", by, why);
      if (changes == null) {
        refused.add(new Refusal(ruleId(), at, why[0] != null ? why[0]
            : "the file is not only listed under resources:, or its layout is not one the fix"
            + " cuts exactly"));
      } else {
        out.add(new Fix(ruleId(), at, "split " + c.show(file) + " into "
            + (changes.size() - by.size() - 1) + " files, one object each", changes, 0));
      }
    }
    return out;
  }
}
