package io.github.kustomizelint.fix;

import io.github.kustomizelint.build.Build;
import io.github.kustomizelint.build.PatchOutcome;
import io.github.kustomizelint.load.Text;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.ResourceId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * patch-target-missing, when the patch document is a new object (no object of its kind in any
 * build that applies it): the release-pipeline mistake. The document moves to a manifest of
 * its own beside the kustomization, listed under resources; the patch entry goes when its
 * file is left empty.
 */
final class MoveNewObjectToResources implements Fixer {

  @Override
  public String ruleId() {
    return "patch-target-missing";
  }

  @Override
  public List<Fix> fixes(FixContext c, List<Refusal> refused) {
    Map<Location, List<PatchOutcome>> byPatch = new LinkedHashMap<>();
    for (PatchOutcome o : c.analysis().context().outcomes()) {
      byPatch.computeIfAbsent(o.patch().location(), k -> new ArrayList<>()).add(o);
    }
    List<Fix> out = new ArrayList<>();
    for (Map.Entry<Location, List<PatchOutcome>> e : byPatch.entrySet()) {
      PatchOutcome o = e.getValue().get(0);
      if (!c.reported(ruleId(), e.getKey()) || o.patch().target() != null || o.patch().json()) {
        continue;
      }
      String why = whyNot(c, e.getValue());
      Fix f = why == null ? move(c, o) : null;
      if (f != null) {
        out.add(f);
      } else {
        refused.add(new Refusal(ruleId(), e.getKey(), why != null ? why
            : "the patch file's layout is not one the fix edits exactly"));
      }
    }
    return out;
  }

  private static String whyNot(FixContext c, List<PatchOutcome> all) {
    for (PatchOutcome o : all) {
      if (!o.matched().isEmpty() || !o.unknowns().isEmpty() || o.deletedBy() != null) {
        return "some build applies it to an object, or may (remote or generated content)";
      }
      if (!o.sameKind().isEmpty()) {
        return "the build has " + o.patch().id().kind() + " objects, so this may be a"
            + " mistyped patch rather than a new object";
      }
      if (o.patch().action() != Patch.Action.MERGE) {
        return "it is a $patch directive, not an object";
      }
      Build b = c.analysis().builds().get(o.build());
      String kind = o.patch().id().kind().toLowerCase(Locale.ROOT);
      for (Resource r : b == null ? List.<Resource>of() : b.resources()) {
        String other = r.id().kind().toLowerCase(Locale.ROOT);
        if (!other.equals(kind) && Text.distance(other, kind) <= 2) {
          return "its kind is close to " + r.id().kind() + ", which the build has: a typo?";
        }
      }
    }
    return null;
  }

  private static Fix move(FixContext c, PatchOutcome o) {
    Patch p = o.patch();
    Path patchFile = p.location().file();
    Kustomization k = c.kustomization(o.declaredIn());
    if (k == null || patchFile.equals(k.file()) || k.fields().containsKey("sortOptions")) {
      return null;
    }
    YamlText patch = c.text(patchFile);
    YamlText kust = c.text(k.file());
    MappingNode root = kust == null ? null : kust.root();
    List<YamlText.Segment> segments = patch == null ? null : patch.segments();
    if (root == null || segments == null) {
      return null;
    }
    int kindLine = p.location().line() - 1;
    int seg = 0;
    while (seg + 1 < segments.size() && segments.get(seg + 1).from() <= kindLine) {
      seg++;
    }
    YamlText.Segment moved = segments.get(seg);
    String body = patch.body(moved);
    boolean othersLeft = false;
    for (YamlText.Segment s : segments) {
      othersLeft |= s != moved && patch.hasContent(s);
    }
    ResourceId id = p.id();
    Path manifest = c.freeName(k.dir(), (id.kind() + "-" + id.name()).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9.-]+", "-"));
    List<FileChange> changes = new ArrayList<>();
    changes.add(new FileChange.Create(manifest, body));
    List<TextEdit> kustEdits = new ArrayList<>();
    List<TextEdit> add = ListEdits.add(kust, root, "resources",
        List.of("- " + manifest.getFileName() + kust.eol), false);
    if (add == null) {
      return null;
    }
    kustEdits.addAll(add);
    if (othersLeft) {
      int cutFrom = patch.lineStart(moved.from());
      int cutTo = patch.lineStart(moved.to());
      if (seg == 0 && !moved.marked() && moved.to() < patch.lines()) {
        cutTo = patch.lineStart(moved.to() + 1);
      }
      changes.add(new FileChange.Edit(patchFile, List.of(TextEdit.delete(cutFrom, cutTo))));
    } else {
      NodeTuple field = YamlText.field(root, p.field().key());
      TextEdit drop = field == null ? null
          : ListEdits.deleteItem(kust, field, p.entry().line() - 1);
      if (drop == null) {
        return null;
      }
      kustEdits.add(drop);
      changes.add(new FileChange.Delete(patchFile));
    }
    changes.add(new FileChange.Edit(k.file(), kustEdits));
    return new Fix("patch-target-missing", p.location(), "moved " + id.kind() + " '" + id.name()
        + "' out of the patch file into " + c.show(manifest) + ", listed under resources: of "
        + c.show(k.file()), changes, 1);
  }
}
