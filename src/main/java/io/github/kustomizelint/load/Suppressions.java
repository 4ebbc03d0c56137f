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
    for (int i = 0; i < lines.length; i++) {
      Matcher m = COMMENT.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      boolean wholeFile = m.group(1).equals("disable-file");
      int first = i + 1;
      int last = lines[i].substring(0, m.start()).isBlank() ? coveredBelow(lines, i) : i + 1;
      Location at = new Location(file, i + 1, m.start() + 1);
      for (String id : m.group(2).split(",")) {
        out.add(new Suppression(at, id.trim(), wholeFile, first, last));
      }
    }
    return out;
  }

  /** The last line (1-based) an own-line comment at index i covers. */
  private static int coveredBelow(String[] lines, int i) {
    int j = i + 1;
    while (j < lines.length && (lines[j].isBlank() || lines[j].stripLeading().startsWith("#")
        || lines[j].startsWith("---"))) {
      j++;
    }
    if (j >= lines.length) {
      return i + 1;
    }
    if (lines[j].startsWith("apiVersion:")) {
      for (int k = j; k < lines.length && !lines[k].startsWith("---"); k++) {
        if (lines[k].startsWith("kind:")) {
          return k + 1;
        }
      }
    }
    return j + 1;
  }
}
