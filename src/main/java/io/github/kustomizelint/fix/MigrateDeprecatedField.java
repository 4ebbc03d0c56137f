package io.github.kustomizelint.fix;

import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * deprecated-field, migrated as 'kustomize edit fix' would, but by editing the field's text:
 * bases into resources, imageTags into images, patchesStrategicMerge and patchesJson6902
 * into patches, commonLabels into labels with includeSelectors. vars and
 * helmChartInflationGenerator have no exact rewrite and are left, saying so.
 */
final class MigrateDeprecatedField implements Fixer {

  // Transformers kustomize runs between 'patches' and 'patchesJson6902'.
  private static final List<String> BETWEEN_PATCHES_AND_JSON6902 = List.of("namespace",
      "namePrefix", "nameSuffix", "commonLabels", "labels", "commonAnnotations");

  @Override
  public String ruleId() {
    return "deprecated-field";
  }

  @Override
  public List<Fix> fixes(FixContext c, List<Refusal> refused) {
    List<Fix> out = new ArrayList<>();
    for (Kustomization k : c.analysis().context().kustomizations()) {
      for (Map.Entry<String, Location> f : k.fields().entrySet()) {
        if (!c.reported(ruleId(), f.getValue())) {
          continue;
        }
        YamlText t = c.text(k.file());
        MappingNode root = t == null ? null : t.root();
        NodeTuple field = root == null ? null : YamlText.field(root, f.getKey());
        String[] why = new String[1];
        Fix fix = field == null ? null : migrate(c, k, t, root, f.getKey(), field, why);
        if (fix != null) {
          out.add(fix);
        } else {
          refused.add(new Refusal(ruleId(), f.getValue(), why[0] != null ? why[0]
              : "the field's layout is not one the fix rewrites exactly"));
        }
      }
    }
    return out;
  }

  private static Fix migrate(FixContext c, Kustomization k, YamlText t, MappingNode root,
      String name, NodeTuple field, String[] why) {
    List<TextEdit> edits = switch (name) {
      case "bases" -> merge(t, root, field, "resources", false, why);
      case "imageTags" -> sameNames(root, field, "images", why) ? merge(t, root, field,
          "images", false, why) : null;
      case "patchesStrategicMerge" -> strategicMerge(t, root, field, why);
      case "patchesJson6902" -> json6902(k, t, root, field, why);
      case "commonLabels" -> commonLabels(t, root, field, why);
      case "vars" -> refuse(why, "vars have no exact rewrite into replacements here (a var"
          + " is substituted wherever $(NAME) appears); convert them by hand");
      default -> refuse(why, "'" + name + "' has no exact rewrite here; migrate it by hand");
    };
    if (edits == null) {
      return null;
    }
    String to = switch (name) {
      case "bases" -> "resources";
      case "imageTags" -> "images";
      case "commonLabels" -> "labels (includeSelectors: true)";
      default -> "patches";
    };
    return new Fix("deprecated-field", k.fields().get(name), "moved '" + name + "' into '" + to
        + "'", List.of(new FileChange.Edit(k.file(), edits)), 0);
  }

  private static List<TextEdit> refuse(String[] why, String reason) {
    why[0] = reason;
    return null;
  }

  /** Renames field when target is absent, else moves its items to the target's end or start. */
  private static List<TextEdit> merge(YamlText t, MappingNode root, NodeTuple field,
      String target, boolean first, String[] why) {
    if (YamlText.field(root, target) == null) {
      TextEdit rename = ListEdits.renameKey(t, field, target);
      return rename == null ? null : List.of(rename);
    }
    if (!(field.getValueNode() instanceof SequenceNode seq)) {
      return null;
    }
    List<String> blocks = ListEdits.blocks(t, seq);
    return blocks == null ? null : moveBlocks(t, root, field, target, blocks, first, why);
  }

  private static List<TextEdit> moveBlocks(YamlText t, MappingNode root, NodeTuple field,
      String target, List<String> blocks, boolean first, String[] why) {
    if (commentsOutsideItems(t, field)) {
      return refuse(why, "a comment between the field's key and its first item would be lost");
    }
    List<TextEdit> add = ListEdits.add(t, root, target, blocks, first);
    TextEdit drop = ListEdits.deleteField(t, field);
    if (add == null || drop == null) {
      return null;
    }
    List<TextEdit> out = new ArrayList<>(add);
    out.add(drop);
    return out;
  }

  private static boolean commentsOutsideItems(YamlText t, NodeTuple field) {
    int key = field.getKeyNode().getStartMark().getLine();
    int first = field.getValueNode().getStartMark().getLine();
    for (int l = key; l < first; l++) {
      if (t.line(l).contains("#")) {
        return true;
      }
    }
    return false;
  }

  // images and imageTags for one image name would apply in a new order.
  private static boolean sameNames(MappingNode root, NodeTuple field, String target,
      String[] why) {
    NodeTuple other = YamlText.field(root, target);
    if (other == null) {
      return true;
    }
    Set<String> names = names(other.getValueNode());
    for (String n : names(field.getValueNode())) {
      if (names.contains(n)) {
        why[0] = "both '" + target + "' and the deprecated field set image '" + n + "'";
        return false;
      }
    }
    return true;
  }

  private static Set<String> names(Node list) {
    Set<String> out = new HashSet<>();
    if (list instanceof SequenceNode s) {
      for (Node item : s.getValue()) {
        if (item instanceof MappingNode m) {
          NodeTuple n = YamlText.field(m, "name");
          if (n != null && n.getValueNode() instanceof ScalarNode v) {
            out.add(v.getValue());
          }
        }
      }
    }
    return out;
  }

  /** Each entry becomes '- path: FILE' or '- patch: |...'; kustomize applies them before 'patches'. */
  private static List<TextEdit> strategicMerge(YamlText t, MappingNode root, NodeTuple field,
      String[] why) {
    if (!(field.getValueNode() instanceof SequenceNode seq)
        || seq.getFlowStyle() == FlowStyle.FLOW || seq.getValue().isEmpty()) {
      return null;
    }
    List<TextEdit> inPlace = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (!(item instanceof ScalarNode s) || ListEdits.dash(t, s) < 0) {
        return null;
      }
      int start = t.offset(s.getStartMark());
      int line = s.getStartMark().getLine();
      if (s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED) {
        String header = t.line(line).substring(start - t.lineStart(line));
        if (!header.matches("[|>][+-]?\\s*(#.*)?")) {
          return refuse(why, "an inline patch with an explicit indentation indicator");
        }
        inPlace.add(TextEdit.insert(start, "patch: "));
        for (int l = line + 1; l <= ListEdits.lastLine(s); l++) {
          if (!t.line(l).isBlank()) {
            inPlace.add(TextEdit.insert(t.lineStart(l), "  "));
          }
        }
      } else if (ListEdits.lastLine(s) == line && !s.getValue().contains("\n")
          && !s.getValue().contains(": ") && !s.getValue().startsWith("{")) {
        inPlace.add(TextEdit.insert(start, "path: "));
      } else {
        return refuse(why, "an inline patch written on one line or in quotes");
      }
    }
    if (YamlText.field(root, "patches") == null) {
      TextEdit rename = ListEdits.renameKey(t, field, "patches");
      if (rename == null) {
        return null;
      }
      inPlace.add(rename);
      return inPlace;
    }
    // Into the existing list, first, as kustomize applies these before it.
    YamlText after = new YamlText(t.file, FixRun.apply(t.text, inPlace));
    MappingNode root2 = after.root();
    NodeTuple field2 = root2 == null ? null
        : YamlText.field(root2, "patchesStrategicMerge");
    if (field2 == null || !(field2.getValueNode() instanceof SequenceNode seq2)) {
      return null;
    }
    List<String> blocks = ListEdits.blocks(after, seq2);
    return blocks == null ? null : moveBlocks(t, root, field, "patches", blocks, true, why);
  }

  /** Exact only where kustomize runs nothing between 'patches' and 'patchesJson6902'. */
  private static List<TextEdit> json6902(Kustomization k, YamlText t, MappingNode root,
      NodeTuple field, String[] why) {
    for (String f : BETWEEN_PATCHES_AND_JSON6902) {
      if (k.fields().containsKey(f)) {
        return refuse(why, "kustomize applies patchesJson6902 after '" + f + "', but 'patches'"
            + " before it; moving them would change what they patch");
      }
    }
    return merge(t, root, field, "patches", false, why);
  }

  private static List<TextEdit> commonLabels(YamlText t, MappingNode root, NodeTuple field,
      String[] why) {
    Node v = field.getValueNode();
    if (!(v instanceof MappingNode map) || map.getValue().isEmpty()) {
      return null;
    }
    NodeTuple labels = YamlText.field(root, "labels");
    if (labels != null) {
      return refuse(why, "the kustomization has 'labels' too; merge them by hand");
    }
    int keyLine = field.getKeyNode().getStartMark().getLine();
    int keyCol = field.getKeyNode().getStartMark().getColumn();
    if (t.indent(keyLine) != keyCol) {
      return null;
    }
    String ind = " ".repeat(keyCol);
    TextEdit rename = ListEdits.renameKey(t, field, "labels");
    if (rename == null) {
      return null;
    }
    String header = ind + "- includeSelectors: true" + t.eol + ind + "  pairs:";
    if (map.getFlowStyle() == FlowStyle.FLOW) {
      if (map.getStartMark().getLine() != keyLine) {
        return null;
      }
      return List.of(new TextEdit(t.offset(field.getKeyNode().getStartMark()),
          t.offset(map.getStartMark()), "labels:" + t.eol + header + " "));
    }
    int first = map.getStartMark().getLine();
    int last = ListEdits.lastLine(map);
    int delta = keyCol + 4 - map.getStartMark().getColumn();
    String body = ListEdits.reindent(t, keyLine + 1, last, delta);
    if (first <= keyLine || body == null) {
      return null;
    }
    return List.of(rename, new TextEdit(t.lineStart(keyLine + 1), t.lineStart(last + 1),
        header + t.eol + body));
  }
}
