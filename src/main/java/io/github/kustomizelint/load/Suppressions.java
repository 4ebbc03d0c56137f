package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Suppression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code # kustomize-lint:disable=a,b} and {@code # kustomize-lint:disable-file=a}. */
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
      boolean ownLine = lines[i].substring(0, m.start()).isBlank();
      Location at = new Location(file, i + 1, m.start() + 1);
      for (String id : m.group(2).split(",")) {
        if (!id.isBlank()) {
          out.add(new Suppression(at, id.trim(), wholeFile, ownLine));
        }
      }
    }
    return out;
  }
}
