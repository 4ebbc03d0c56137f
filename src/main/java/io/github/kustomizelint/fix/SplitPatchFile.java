package io.github.kustomizelint.fix;

import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.report.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** patch-multiple-documents, when asked: one file per patch, listed where the file was. */
final class SplitPatchFile implements Fixer {

  @Override
  public String ruleId() {
    return "patch-multiple-documents";
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
      String field = null;
      boolean mixed = false;
      for (Kustomization k : c.analysis().context().kustomizations()) {
        for (Patch p : all(k)) {
          if (p.location().file().equals(file) && !by.contains(k)) {
            by.add(k);
            mixed |= field != null && !field.equals(p.field().key());
            field = p.field().key();
          }
        }
      }
      String[] why = new String[1];
      List<FileChange> changes = by.isEmpty() || mixed ? null
          : Split.split(c, file, field, by, why);
      if (changes == null) {
        refused.add(new Refusal(ruleId(), at, why[0] != null ? why[0]
            : "the patch file's entries or layout are not ones the fix cuts exactly"));
      } else {
        out.add(new Fix(ruleId(), at, "split " + c.show(file) + " into "
            + (changes.size() - by.size() - 1) + " patch files, one patch each", changes, 0));
      }
    }
    return out;
  }

  private static List<Patch> all(Kustomization k) {
    List<Patch> out = new ArrayList<>(k.patchesStrategicMerge());
    out.addAll(k.patches());
    return out;
  }
}
