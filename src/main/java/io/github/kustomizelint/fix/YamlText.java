package io.github.kustomizelint.fix;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A file's text with its lines, so that the marks SnakeYAML gives (0-based lines, columns in
 * code points) become offsets a {@link TextEdit} can use.
 */
final class YamlText {

  final Path file;
  final String text;
  private final int[] lineStarts;
  /** The file's own line ending, kept in every line a fix writes. */
  final String eol;

  YamlText(Path file, String text) {
    this.file = file;
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    eol = text.contains("\r\n") ? "\r\n" : "\n";
  }

  /** Lines, counting a last line without a line ending. */
  int lines() {
    return lineStarts[lineStarts.length - 1] == text.length() ? lineStarts.length - 1
        : lineStarts.length;
  }

  /** Offset of the start of a 0-based line; the text's end past the last line. */
  int lineStart(int line) {
    return line < lineStarts.length ? lineStarts[line] : text.length();
  }

  /** A 0-based line without its line ending. */
  String line(int line) {
    int s = lineStart(line);
    int e = lineStart(line + 1);
    String l = text.substring(s, e);
    return l.endsWith("\r\n") ? l.substring(0, l.length() - 2)
        : l.endsWith("\n") ? l.substring(0, l.length() - 1) : l;
  }

  int offset(Mark m) {
    return offset(m.getLine(), m.getColumn());
  }

  int offset(int line, int codePointColumn) {
    int s = lineStart(line);
    return text.offsetByCodePoints(s, Math.min(codePointColumn,
        text.codePointCount(s, Math.max(s, lineStart(line + 1)))));
  }

  /** The leading spaces of a 0-based line. */
  int indent(int line) {
    String l = line(line);
    int i = 0;
    while (i < l.length() && l.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** The source characters of a node. */
  String source(Node n) {
    return text.substring(offset(n.getStartMark()), offset(n.getEndMark()));
  }

  /** The first document's root, or null when it is not a map or does not parse. */
  MappingNode root() {
    try {
      Node n = new Yaml(new LoaderOptions()).compose(new StringReader(text));
      return n instanceof MappingNode m ? m : null;
    } catch (YAMLException e) {
      return null;
    }
  }

  /** The 0-based lines of the explicit {@code ---} markers that start documents. */
  List<Integer> documentMarkers() {
    List<Integer> out = new ArrayList<>();
    try {
      for (Event e : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
        if (e instanceof DocumentStartEvent d && d.getExplicit()) {
          out.add(d.getStartMark().getLine());
        }
      }
    } catch (YAMLException e) {
      return null;
    }
    return out;
  }

  /** One document's lines [from, to); marked when from is its {@code ---} line. */
  record Segment(int from, int to, boolean marked) {}

  /**
   * The text cut at its {@code ---} markers, in order; null when it does not parse or a marker
   * line carries content (a layout a fix does not cut).
   */
  List<Segment> segments() {
    List<Integer> markers = documentMarkers();
    if (markers == null) {
      return null;
    }
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int m : markers) {
      if (m > 0) {
        starts.add(m);
      }
      String rest = line(m).substring(3).strip();
      if (!rest.isEmpty() && !rest.startsWith("#")) {
        return null;
      }
    }
    List<Segment> out = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      int from = starts.get(i);
      out.add(new Segment(from, i + 1 < starts.size() ? starts.get(i + 1) : lines(),
          markers.contains(from)));
    }
    return out;
  }

  /** Whether a segment holds more than markers, comments and blank lines. */
  boolean hasContent(Segment s) {
    for (int l = s.from(); l < s.to(); l++) {
      String t = line(l).strip();
      if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("---") && !t.equals("...")) {
        return true;
      }
    }
    return false;
  }

  /** A segment's lines without its marker. */
  String body(Segment s) {
    StringBuilder sb = new StringBuilder();
    for (int l = s.marked() ? s.from() + 1 : s.from(); l < s.to(); l++) {
      sb.append(line(l)).append(eol);
    }
    return sb.toString();
  }

  /** The top-level entry whose key is name, in any case (kustomize reads keys so). */
  static NodeTuple field(MappingNode root, String name) {
    for (NodeTuple t : root.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return null;
  }
}
