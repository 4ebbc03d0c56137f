package io.github.kustomizelint.fix;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Edits to a kustomization's top-level lists at the positions of their nodes. Each returns
 * null when the list's layout is not one it can edit exactly; the caller then refuses the fix.
 */
final class ListEdits {

  private ListEdits() {}

  /**
   * The last 0-based line holding a node's content. A block collection's end mark lies past
   * the comments and blank lines that follow it, which belong to what comes next.
   */
  static int lastLine(Node n) {
    if (n instanceof MappingNode m && m.getFlowStyle() != FlowStyle.FLOW
        && !m.getValue().isEmpty()) {
      NodeTuple last = m.getValue().get(m.getValue().size() - 1);
      return Math.max(lastLine(last.getKeyNode()), lastLine(last.getValueNode()));
    }
    if (n instanceof SequenceNode s && s.getFlowStyle() != FlowStyle.FLOW
        && !s.getValue().isEmpty()) {
      return lastLine(s.getValue().get(s.getValue().size() - 1));
    }
    int line = n.getEndMark().getLine();
    return n.getEndMark().getColumn() == 0 && line > n.getStartMark().getLine() ? line - 1 : line;
  }

  /** The column of the dash that opens a block sequence item, or -1. */
  static int dash(YamlText t, Node item) {
    String l = t.line(item.getStartMark().getLine());
    int col = t.offset(item.getStartMark()) - t.lineStart(item.getStartMark().getLine());
    int i = col - 1;
    while (i >= 0 && l.charAt(i) == ' ') {
      i--;
    }
    return i >= 0 && l.charAt(i) == '-' && l.substring(0, i).isBlank() ? i : -1;
  }

  /** A block sequence's items as text blocks, each with its dash at column 0; null if not one. */
  static List<String> blocks(YamlText t, SequenceNode seq) {
    if (seq.getFlowStyle() == FlowStyle.FLOW || seq.getValue().isEmpty()) {
      return null;
    }
    int base = dash(t, seq.getValue().get(0));
    List<String> out = new ArrayList<>();
    List<Node> items = seq.getValue();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      if (dash(t, item) != base) {
        return null;
      }
      int from = item.getStartMark().getLine();
      int to = i + 1 < items.size() ? items.get(i + 1).getStartMark().getLine() - 1 : lastLine(item);
      String block = reindent(t, from, to, -base);
      if (block == null) {
        return null;
      }
      out.add(block);
    }
    return out;
  }

  /** Lines [from, to] with delta spaces added to (or removed from) each non-blank line. */
  static String reindent(YamlText t, int from, int to, int delta) {
    StringBuilder sb = new StringBuilder();
    for (int l = from; l <= to; l++) {
      String line = t.line(l);
      if (!line.isBlank()) {
        if (delta < 0) {
          if (t.indent(l) < -delta) {
            return null;
          }
          line = line.substring(-delta);
        } else {
          line = " ".repeat(delta) + line;
        }
      }
      sb.append(line).append(t.eol);
    }
    return sb.toString();
  }

  /** Adds item blocks (dash at column 0) at the end, or with first at the start, of a list. */
  static List<TextEdit> add(YamlText t, MappingNode root, String field, List<String> blocks,
      boolean first) {
    NodeTuple tuple = YamlText.field(root, field);
    if (tuple == null) {
      int at = t.offset(root.getEndMark());
      String prefix = at == 0 || t.text.charAt(at - 1) == '\n' ? "" : t.eol;
      int col = root.getStartMark().getColumn();
      if (col != 0) {
        return null;
      }
      return List.of(TextEdit.insert(at, prefix + field + ":" + t.eol + indent(blocks, 0, t)));
    }
    Node v = tuple.getValueNode();
    if (v instanceof ScalarNode s && s.getValue().isEmpty()
        && s.getTag().getValue().endsWith(":null")) {
      int line = tuple.getKeyNode().getStartMark().getLine();
      if (lastLine(tuple.getKeyNode()) != line || !tailIsBlankOrComment(t, tuple.getKeyNode())) {
        return null;
      }
      int col = tuple.getKeyNode().getStartMark().getColumn();
      return List.of(TextEdit.insert(t.lineStart(line + 1),
          (t.lineStart(line + 1) == t.text.length() && !t.text.endsWith("\n") ? t.eol : "")
          + indent(blocks, col, t)));
    }
    if (!(v instanceof SequenceNode seq) || seq.getFlowStyle() == FlowStyle.FLOW
        || seq.getValue().isEmpty()) {
      return null;
    }
    Node anchor = first ? seq.getValue().get(0) : seq.getValue().get(seq.getValue().size() - 1);
    int col = dash(t, anchor);
    if (col < 0) {
      return null;
    }
    int at = first ? t.lineStart(anchor.getStartMark().getLine())
        : t.lineStart(lastLine(anchor) + 1);
    String prefix = at == t.text.length() && !t.text.isEmpty() && !t.text.endsWith("\n") ? t.eol : "";
    return List.of(TextEdit.insert(at, prefix + indent(blocks, col, t)));
  }

  private static boolean tailIsBlankOrComment(YamlText t, Node key) {
    String l = t.line(key.getStartMark().getLine());
    int end = t.offset(key.getEndMark()) - t.lineStart(key.getStartMark().getLine());
    String rest = l.substring(Math.min(end, l.length())).strip();
    return rest.equals(":") || rest.startsWith(":") && rest.substring(1).strip().startsWith("#");
  }

  private static String indent(List<String> blocks, int col, YamlText t) {
    StringBuilder sb = new StringBuilder();
    for (String b : blocks) {
      for (String line : b.split("\r?\n", -1)) {
        if (line.isEmpty()) {
          continue;
        }
        sb.append(line.isBlank() ? "" : " ".repeat(col)).append(line).append(t.eol);
      }
    }
    return sb.toString();
  }

  /** Deletes a whole top-level field: its key line through its value's last line. */
  static TextEdit deleteField(YamlText t, NodeTuple tuple) {
    int from = tuple.getKeyNode().getStartMark().getLine();
    if (t.indent(from) != tuple.getKeyNode().getStartMark().getColumn()) {
      return null;
    }
    int to = Math.max(from, lastLine(tuple.getValueNode()));
    return TextEdit.delete(t.lineStart(from), t.lineStart(to + 1));
  }

  /** Deletes the item of a block list that holds 0-based line, or the field if it is the last. */
  static TextEdit deleteItem(YamlText t, NodeTuple tuple, int line) {
    if (!(tuple.getValueNode() instanceof SequenceNode seq) || seq.getFlowStyle() == FlowStyle.FLOW) {
      return null;
    }
    List<Node> items = seq.getValue();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      if (line >= item.getStartMark().getLine() && line <= lastLine(item)) {
        if (items.size() == 1) {
          return deleteField(t, tuple);
        }
        if (dash(t, item) < 0) {
          return null;
        }
        return TextEdit.delete(t.lineStart(item.getStartMark().getLine()),
            t.lineStart(lastLine(item) + 1));
      }
    }
    return null;
  }

  /** Renames a plain top-level key in place. */
  static TextEdit renameKey(YamlText t, NodeTuple tuple, String name) {
    if (!(tuple.getKeyNode() instanceof ScalarNode k)
        || k.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
      return null;
    }
    return new TextEdit(t.offset(k.getStartMark()), t.offset(k.getEndMark()), name);
  }
}
