package io.github.kustomizelint.fix;

import io.github.kustomizelint.model.Kustomization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Cuts a multi-document file into one file per document, beside it, and lists the new files,
 * in document order, where each kustomization listed the old one.
 */
final class Split {

  private Split() {}

  /**
   * @param field the kustomization list naming the file (resources, patches, ...)
   * @return the changes, or null when a layout is not one this edits exactly
   */
  static List<FileChange> split(FixContext c, Path file, String field, List<Kustomization> by,
      String[] why) {
    YamlText t = c.text(file);
    List<YamlText.Segment> segments = t == null ? null : t.segments();
    if (segments == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<FileChange> changes = new ArrayList<>();
    String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    for (YamlText.Segment s : segments) {
      if (!t.hasContent(s)) {
        continue;
      }
      String body = t.body(s);
      MappingNode doc = new YamlText(file, body).root();
      String kind = doc == null ? null : text(doc, "kind");
      NodeTuple meta = doc == null ? null : YamlText.field(doc, "metadata");
      String name = meta != null && meta.getValueNode() instanceof MappingNode m
          ? text(m, "name") : null;
      if (kind == null || name == null) {
        why[0] = "a document has no kind or name to name its file after";
        return null;
      }
      Path out = c.freeName(file.getParent(), (stem + "-" + kind + "-" + name)
          .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-"));
      names.add(out.getFileName().toString());
      changes.add(new FileChange.Create(out, body));
    }
    if (names.size() < 2) {
      return null;
    }
    for (Kustomization k : by) {
      YamlText kt = c.text(k.file());
      MappingNode root = kt == null ? null : kt.root();
      NodeTuple list = root == null ? null : YamlText.field(root, field);
      List<TextEdit> edits = list == null ? null : relist(kt, k, list, file, names, why);
      if (edits == null) {
        return null;
      }
      changes.add(new FileChange.Edit(k.file(), edits));
    }
    changes.add(new FileChange.Delete(file));
    return changes;
  }

  /** The item naming file becomes one item per new file, each written as the old one was. */
  private static List<TextEdit> relist(YamlText t, Kustomization k, NodeTuple list, Path file,
      List<String> names, String[] why) {
    if (!(list.getValueNode() instanceof SequenceNode seq)) {
      return null;
    }
    List<TextEdit> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      ScalarNode path = item instanceof ScalarNode s ? s
          : item instanceof MappingNode m && m.getValue().size() == 1
              && YamlText.field(m, "path") != null
              && YamlText.field(m, "path").getValueNode() instanceof ScalarNode v ? v : null;
      if (path == null || !k.dir().resolve(path.getValue()).normalize().equals(file)) {
        if (item instanceof MappingNode m && YamlText.field(m, "path") != null
            && YamlText.field(m, "path").getValueNode() instanceof ScalarNode v
            && k.dir().resolve(v.getValue()).normalize().equals(file)) {
          why[0] = "its entry has a target or options; split it by hand";
          return null;
        }
        continue;
      }
      int dash = ListEdits.dash(t, item);
      if (dash < 0 || path.getScalarStyle() != ScalarStyle.PLAIN
          || ListEdits.lastLine(item) != item.getStartMark().getLine()) {
        return null;
      }
      String dir = path.getValue().contains("/")
          ? path.getValue().substring(0, path.getValue().lastIndexOf('/') + 1) : "";
      String prefix = item instanceof MappingNode ? "- path: " : "- ";
      StringBuilder more = new StringBuilder();
      for (String n : names.subList(1, names.size())) {
        more.append(" ".repeat(dash)).append(prefix).append(dir).append(n).append(t.eol);
      }
      out.add(new TextEdit(t.offset(path.getStartMark()), t.offset(path.getEndMark()),
          dir + names.get(0)));
      out.add(TextEdit.insert(t.lineStart(item.getStartMark().getLine() + 1), more.toString()));
    }
    return out.isEmpty() ? null : out;
  }

  private static String text(MappingNode m, String key) {
    NodeTuple t = YamlText.field(m, key);
    return t != null && t.getValueNode() instanceof ScalarNode s && !s.getValue().isEmpty()
        ? s.getValue() : null;
  }
}
