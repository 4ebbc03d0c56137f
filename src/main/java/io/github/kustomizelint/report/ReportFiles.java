package io.github.kustomizelint.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report, creating its directory. */
final class ReportFiles {

  private ReportFiles() {}

  static void write(Path out, String text) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, text, StandardCharsets.UTF_8);
  }
}
