package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A generator's sources as kustomize's KV loader (api/kv) reads them: env files line by line,
 * each line valid UTF-8 (comments too), and file sources as [KEY=]PATH with one '=' at most.
 * The content of a file source may be anything (a ConfigMap keeps it as binaryData).
 */
public final class GeneratorSources {

  private GeneratorSources() {}

  /**
   * The keys an env file gives, in order, as kustomize reads them; a line that is not UTF-8 is
   * reported at the entry. Nothing for a file that is missing or not to be read (others say why).
   */
  static List<String> envKeys(Path dir, Entry e, boolean rootOnly, Consumer<Problem> out) {
    Path file = dir.resolve(e.value()).normalize();
    List<String> keys = new ArrayList<>();
    if (e.value().contains("://") || !Files.isRegularFile(file)
        || rootOnly && !RealPaths.inside(file, dir)) {
      return keys;
    }
    byte[] bytes;
    try {
      if (Files.size(file) > YamlCache.MAX_FILE_BYTES) {
        return keys; // kustomize reads it whole; we do not, past the limit every file has
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException | OutOfMemoryError x) {
      return keys;
    }
    int[] bad = {0};
    List<String[]> pairs = envPairs(bytes, line -> bad[0] = line);
    if (pairs == null) {
      out.accept(new Problem(Problem.Kind.INVALID_KUSTOMIZATION, e.location(), "line " + bad[0]
          + " of env file '" + e.value() + "' is not valid UTF-8; kustomize fails (line has"
          + " invalid utf8 bytes): save it as UTF-8"));
      return keys;
    }
    pairs.forEach(p -> keys.add(p[0]));
    return keys;
  }

  /**
   * The key and value of each line of an env file, as kustomize's KV loader splits them
   * (comments, blank lines and lines without a key skipped, leading space trimmed, the value after the first '=',
   * empty without one, quotes kept); null after telling {@code badLine} the first line that
   * is not UTF-8.
   */
  public static List<String[]> envPairs(byte[] bytes, java.util.function.IntConsumer badLine) {
    List<String[]> pairs = new ArrayList<>();
    int start = 0;
    for (int line = 1; start < bytes.length; line++) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      // bufio.Scanner's lines: without \n, and without a \r before it
      int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
      String text = utf8(bytes, start, stop);
      if (text == null) {
        badLine.accept(line);
        return null;
      }
      if (line == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      text = text.stripLeading();
      int eq = text.indexOf('=');
      // a line without a key ("=v") counts as a comment
      if (!text.isEmpty() && text.charAt(0) != '#' && eq != 0) {
        pairs.add(eq < 0 ? new String[] {text, ""}
            : new String[] {text.substring(0, eq), text.substring(eq + 1)});
      }
      start = end + 1;
    }
    return pairs;
  }

  /** Reports a file source kustomize cannot split into key and path; true when it is fine. */
  static boolean fileSource(Entry e, Consumer<Problem> out) {
    String v = e.value();
    long eqs = v.chars().filter(c -> c == '=').count();
    String why = eqs > 1 ? "key name or file path contains '='"
        : eqs == 1 && v.startsWith("=") ? "missing key name for file path"
        : eqs == 1 && v.endsWith("=") ? "missing file path for key name" : null;
    if (why != null) {
      out.accept(new Problem(Problem.Kind.INVALID_KUSTOMIZATION, e.location(), "file source '"
          + v + "' is not [KEY=]PATH; kustomize fails (" + why + ")"));
    }
    return why == null;
  }

  private static String utf8(byte[] b, int from, int to) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, from, to - from)).toString();
    } catch (CharacterCodingException x) {
      return null;
    }
  }
}
