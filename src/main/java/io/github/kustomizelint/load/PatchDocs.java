package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.model.ResourceId;
import io.github.kustomizelint.model.Selector;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Turns the documents of a patch file or inline patch into patches, one per document. */
final class PatchDocs {

  /** Maps a position in the parsed text to the file the user edits. */
  interface Mapper {
    Location map(Location parsed);
  }

  static final Mapper IDENTITY = l -> l;

  /** The {@code options} of a {@code patches} entry. */
  record Options(boolean allowNameChange, boolean allowKindChange) {
    static final Options NONE = new Options(false, false);
  }

  // JSON6902 paths whose change gives the object a new identity.
  private static final Set<String> IDENTITY_PATHS =
      Set.of("", "/metadata", "/metadata/name", "/metadata/namespace", "/kind", "/apiVersion");

  private PatchDocs() {}

  /** A {@code patches} body: a JSON6902 operation list or strategic-merge documents. */
  static void any(Patch.Field field, YamlFile file, Mapper m, Location entry, Selector target,
      Options options, Consumer<Patch> out, List<Problem> problems) {
    if (!file.documents().isEmpty() && file.documents().get(0) instanceof SequenceNode) {
      json(field, file, m, entry, target, out, problems);
    } else {
      strategicMerge(field, file, m, entry, target, options, out, problems);
    }
  }

  static void strategicMerge(Patch.Field field, YamlFile file, Mapper m, Location entry,
      Selector target, Options options, Consumer<Patch> out, List<Problem> problems) {
    if (file.documents().isEmpty()) {
      problems.add(new Problem(Problem.Kind.INVALID_MANIFEST, entry, "the patch is empty;"
          + " kustomize fails (patch appears to be empty): remove the entry or fill the patch"));
    }
    for (Node doc : file.documents()) {
      // Like resources, a *List with items is read as its items.
      for (Node item : Nodes.inlineLists(doc)) {
        document(field, file, item, m, entry, target, options, out, problems);
      }
    }
  }

  private static void document(Patch.Field field, YamlFile file, Node doc, Mapper m,
      Location entry, Selector target, Options options, Consumer<Patch> out,
      List<Problem> problems) {
    if (!(doc instanceof MappingNode)) {
      problems.add(new Problem(Problem.Kind.INVALID_MANIFEST, m.map(file.at(doc)),
          "a strategic-merge patch must be a map, not a " + KustomizationReader.describe(doc)));
      return;
    }
    // kubectl: repeated keys at a patch's top two levels merge first-wins; deeper it fails
    Node[] repeated = file.text() == null || file.text().contains("&") ? null
        : Nodes.repeatedKeyFrom(doc, 3);
    if (repeated != null) {
      problems.add(new Problem(Problem.Kind.INVALID_MANIFEST, m.map(file.at(repeated[1])),
          "key '" + Nodes.text(repeated[1]) + "' is already defined at line "
              + m.map(file.at(repeated[0])).line() + "; kustomize refuses a key repeated this"
              + " deep in a strategic-merge patch (mapping key already defined): keep one"));
      return;
    }
    String kindText = Nodes.text(doc, "kind");
    Node metadata = Nodes.get(doc, "metadata");
    String missing = kindText == null || kindText.isEmpty() ? "kind"
        : Nodes.text(metadata, "name") == null ? "metadata.name" : null;
    if (missing != null) {
      NodeTuple k = Nodes.tuple(doc, "kind");
      problems.add(new Problem(Problem.Kind.INVALID_MANIFEST,
          m.map(file.at(k != null ? k.getKeyNode() : doc)), "patch document has no " + missing
              + "; kustomize cannot read it as a patch (unable to parse SM or JSON patch),"
              + " even with a target: give it the apiVersion, kind and name of the object"));
      return;
    }
    ResourceId id = ResourceId.of(Nodes.text(doc, "apiVersion"), Nodes.text(doc, "kind"),
        Nodes.text(metadata, "name"), Nodes.text(metadata, "namespace"));
    NodeTuple kind = Nodes.tuple(doc, "kind");
    Location at = m.map(file.at(kind != null ? kind.getKeyNode() : doc));
    String action = Nodes.text(doc, "$patch");
    Patch.Action a = "delete".equals(action) ? Patch.Action.DELETE
        : "replace".equals(action) ? Patch.Action.REPLACE : Patch.Action.MERGE;
    boolean kindChange = options.allowKindChange();
    Patch.Rename rename = options.allowNameChange() && !id.name().isEmpty()
        ? new Patch.Rename(id.name(), null) : null;
    NodeTuple labelsTuple = Nodes.tuple(metadata, "labels");
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    boolean replaced = false;
    if (labelsTuple != null) {
      Node l = labelsTuple.getValueNode();
      replaced = Nodes.isNull(l);
      if (l instanceof MappingNode lm) {
        for (NodeTuple t : lm.getValue()) {
          String k = Nodes.text(t.getKeyNode());
          if ("$patch".equals(k)) {
            replaced = "replace".equals(Nodes.text(t.getValueNode()));
          } else if (k != null) {
            // null deletes the label in a strategic merge
            labels.put(k, Nodes.text(t.getValueNode()));
          }
        }
      }
    }
    out.accept(new Patch(field, false, id, target, at, entry, a, labels, replaced,
        Nodes.stringMap(Nodes.get(metadata, "annotations")), rename, kindChange, false));
  }

  static void json(Patch.Field field, YamlFile file, Mapper m, Location entry, Selector target,
      Consumer<Patch> out, List<Problem> problems) {
    for (Node doc : file.documents()) {
      if (!(doc instanceof SequenceNode ops)) {
        problems.add(new Problem(Problem.Kind.INVALID_MANIFEST, m.map(file.at(doc)),
            "a JSON6902 patch must be a list of operations, not a "
                + KustomizationReader.describe(doc)));
        continue;
      }
      String name = null;
      String namespace = null;
      boolean opaque = false;
      Map<String, String> labels = new java.util.LinkedHashMap<>();
      boolean labelsReplaced = false;
      boolean inMetadata = true;
      for (Node op : ops.getValue()) {
        String kind = Nodes.text(op, "op");
        String path = String.valueOf(Nodes.text(op, "path"));
        String from = Nodes.text(op, "from");
        inMetadata &= path.startsWith("/metadata/") && (from == null
            || from.startsWith("/metadata/"));
        String value = Nodes.text(op, "value");
        boolean sets = ("replace".equals(kind) || "add".equals(kind)) && value != null;
        boolean setsMap = ("replace".equals(kind) || "add".equals(kind));
        if (path.startsWith("/metadata/labels/")) {
          String key = path.substring("/metadata/labels/".length())
              .replace("~1", "/").replace("~0", "~");
          if (sets) {
            labels.put(key, value);
          } else if ("remove".equals(kind)) {
            labels.put(key, null);
          }
        } else if (path.equals("/metadata/labels") && (setsMap || "remove".equals(kind))) {
          labelsReplaced = true;
          labels.clear();
          if (setsMap) {
            labels.putAll(Nodes.stringMap(Nodes.get(op, "value")));
          }
        } else if (sets && path.equals("/metadata/name")) {
          name = value;
        } else if (sets && path.equals("/metadata/namespace")) {
          namespace = value;
        } else if ("remove".equals(kind) && path.equals("/metadata/namespace")) {
          namespace = "";
        } else if (!"test".equals(kind) && (IDENTITY_PATHS.contains(path)
            || IDENTITY_PATHS.contains(String.valueOf(Nodes.text(op, "from"))))) {
          opaque = true;
        }
      }
      Patch.Rename rename = name == null && namespace == null ? null
          : new Patch.Rename(name, namespace);
      out.accept(new Patch(field, true, null, target, m.map(file.at(doc)), entry,
          Patch.Action.MERGE, labels, labelsReplaced, Map.of(), rename, opaque, inMetadata));
    }
  }
}
