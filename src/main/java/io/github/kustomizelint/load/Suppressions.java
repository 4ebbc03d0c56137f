package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Suppression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code # kustomize-lint:disable=a,b} and {@code # kustomize-lint:disable-file=a}. A
 * trailing comment covers its own line; a comment alone on its line covers the next line with
 * content, and when that line opens a document ({@code apiVersion:}), the document's header up
 * to its {@code kind:}, where document findings point. Text after the ids is a reason.
 */
public final class Suppressions {

  private static final String MARK = "kustomize-lint:disable";
  private static final Pattern COMMENT = Pattern.compile(
      "#\\s*kustomize-lint:(disable|disable-file)\\s*=\\s*([A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*)");

  private Suppressions() {}

  public static List<Suppression> parse(Path file, String text) {
    if (text == null || !text.contains(MARK)) {
      return List.of();
    }
    List<Suppression> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int[] below = null;
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].contains(MARK)) {
        continue;
      }
      Matcher m = COMMENT.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      boolean wholeFile = m.group(1).equals("disable-file");
      int first = i + 1;
      boolean ownLine = lines[i].substring(0, m.start()).isBlank();
      if (ownLine && below == null) {
        below = coveredBelow(lines);
      }
      int last = ownLine ? below[i] : i + 1;
      Location at = new Location(file, i + 1, m.start() + 1);
      for (String id : m.group(2).split(",")) {
        out.add(new Suppression(at, id.trim(), wholeFile, first, last));
      }
    }
    return out;
  }

  /**
   * For each line index, the last line (1-based) an own-line comment there covers; one pass
   * from the end, so a file of many comments costs linear time.
   */
  private static int[] coveredBelow(String[] lines) {
    int n = lines.length;
    int[] out = new int[n];
    int next = -1; // the next line with content after i
    int nextKind = -1; // when that line opens a document, its 'kind:' line
    int kind = -1; // the first 'kind:' line after i, before any '---'
    for (int i = n - 1; i >= 0; i--) {
      out[i] = next < 0 ? i + 1 : (nextKind >= 0 ? nextKind : next) + 1;
      String l = lines[i];
      if (l.startsWith("---")) {
        kind = -1;
      } else if (l.startsWith("kind:")) {
        kind = i;
      }
      if (!(l.isBlank() || l.stripLeading().startsWith("#") || l.startsWith("---"))) {
        next = i;
        nextKind = l.startsWith("apiVersion:") ? kind : -1;
      }
    }
    return out;
  }
}
