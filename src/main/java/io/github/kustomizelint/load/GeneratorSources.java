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
final class GeneratorSources {

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
    int start = 0;
    for (int line = 1; start < bytes.length || start == 0 && bytes.length == 0; line++) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      // bufio.Scanner's lines: without \n, and without a \r before it
      int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
      String text = utf8(bytes, start, stop);
      if (text == null) {
        out.accept(new Problem(Problem.Kind.INVALID_KUSTOMIZATION, e.location(), "line " + line
            + " of env file '" + e.value() + "' is not valid UTF-8; kustomize fails (line has"
            + " invalid utf8 bytes): save it as UTF-8"));
        return keys;
      }
      if (line == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      text = text.stripLeading();
      if (!text.isEmpty() && text.charAt(0) != '#') {
        int eq = text.indexOf('=');
        keys.add(eq < 0 ? text : text.substring(0, eq));
      }
      start = end + 1;
      if (bytes.length == 0) {
        break;
      }
    }
    return keys;
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
