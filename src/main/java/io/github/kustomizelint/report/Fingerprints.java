package io.github.kustomizelint.report;

import io.github.kustomizelint.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A key per finding that survives unrelated line shifts: the rule, the file, the normalized
 * text of the offending node (not its line number) and the message without line references.
 * Equal keys in one file get an occurrence number, so every key of a run is distinct. SARIF's
 * partialFingerprints, GitLab's fingerprint and the baseline all use it.
 */
public final class Fingerprints {

  static final int MAX_LINES = 200;

  private Fingerprints() {}

  /** One key per finding, in the findings' order; files are read relative to base. */
  public static List<String> of(List<Finding> findings, Path base) {
    Map<Path, List<String>> texts = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      List<String> lines = texts.computeIfAbsent(f.location().file(), p -> read(base.resolve(p)));
      String key = f.ruleId() + "\n" + f.location().file().toString().replace('\\', '/') + "\n"
          + content(lines, f.location()) + "\n" + f.message().replaceAll(":\\d+(:\\d+)?", "");
      String hash = sha256(key);
      int n = seen.merge(hash, 1, Integer::sum);
      out.add(n == 1 ? hash : hash + ":" + n);
    }
    return out;
  }

  private static String content(List<String> lines, Location at) {
    int from = at.line();
    int to = at.line();
    if (at.hasEnd()) {
      // An end at column 1 is the start of the next line, not part of the node.
      to = at.endColumn() <= 1 && at.endLine() > at.line() ? at.endLine() - 1 : at.endLine();
    }
    to = Math.min(to, Math.min(lines.size(), from + MAX_LINES - 1));
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      String l = lines.get(i - 1);
      if (i == from && at.column() > 1 && at.column() <= l.length()) {
        l = l.substring(at.column() - 1);
      }
      sb.append(l.trim().replaceAll("\\s+", " ")).append('\n');
    }
    return sb.toString();
  }

  private static List<String> read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8)
          : List.of();
    } catch (IOException | RuntimeException e) {
      return List.of(); // unreadable: the key still holds rule, file and message
    }
  }

  private static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
