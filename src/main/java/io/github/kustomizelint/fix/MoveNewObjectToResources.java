package io.github.kustomizelint.fix;

import io.github.kustomizelint.resolve.Build;
import io.github.kustomizelint.resolve.PatchOutcome;
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
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

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
      String[] why = {whyNot(c, e.getValue())};
      Fix f = why[0] == null ? move(c, o, why) : null;
      if (f != null) {
        out.add(f);
      } else {
        refused.add(new Refusal(ruleId(), e.getKey(), why[0] != null ? why[0]
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

  private static Fix move(FixContext c, PatchOutcome o, String[] why) {
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
    String partial = incomplete(new YamlText(patchFile, body).root());
    if (partial != null) {
      why[0] = partial;
      return null;
    }
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

  // Where a workload keeps its pod spec, by kind.
  private static final Map<String, List<String>> POD_SPEC = Map.of(
      "Deployment", List.of("spec", "template", "spec"),
      "StatefulSet", List.of("spec", "template", "spec"),
      "DaemonSet", List.of("spec", "template", "spec"),
      "ReplicaSet", List.of("spec", "template", "spec"),
      "ReplicationController", List.of("spec", "template", "spec"),
      "Job", List.of("spec", "template", "spec"),
      "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"),
      "Pod", List.of("spec"));

  /**
   * Why the document reads as a patch rather than a whole object, or null. A patch is
   * partial: only metadata, or a workload without a selector or a container image; moved
   * into resources it would become a broken object, not the one it meant to patch.
   */
  static String incomplete(MappingNode doc) {
    if (doc == null) {
      return "the document does not parse on its own";
    }
    String kind = scalar(doc, List.of("kind"));
    if (kind == null) {
      return "the document has no kind";
    }
    boolean content = false;
    for (NodeTuple t : doc.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
      content |= !List.of("apiVersion", "kind", "metadata").contains(key);
    }
    if (!content) {
      return "it holds only metadata: a patch, not a new object";
    }
    List<String> podSpec = POD_SPEC.get(kind);
    if (podSpec == null) {
      return null;
    }
    if (!kind.equals("Pod") && !kind.equals("Job") && !kind.equals("CronJob")
        && node(doc, List.of("spec", "selector")) == null) {
      return "a " + kind + " without spec.selector: a patch, not a new object";
    }
    Node containers = node(doc, concat(podSpec, "containers"));
    if (!(containers instanceof SequenceNode list) || list.getValue().isEmpty()) {
      return "a " + kind + " without containers: a patch, not a new object";
    }
    for (Node item : list.getValue()) {
      if (!(item instanceof MappingNode m) || scalar(m, List.of("image")) == null) {
        return "a " + kind + " container without an image: a patch, not a new object";
      }
    }
    return null;
  }

  private static List<String> concat(List<String> path, String last) {
    List<String> out = new ArrayList<>(path);
    out.add(last);
    return out;
  }

  private static Node node(MappingNode doc, List<String> path) {
    Node n = doc;
    for (String key : path) {
      NodeTuple t = n instanceof MappingNode m ? YamlText.field(m, key) : null;
      if (t == null) {
        return null;
      }
      n = t.getValueNode();
    }
    return n;
  }

  private static String scalar(MappingNode doc, List<String> path) {
    return node(doc, path) instanceof ScalarNode s && !s.getValue().isEmpty() ? s.getValue()
        : null;
  }
}
