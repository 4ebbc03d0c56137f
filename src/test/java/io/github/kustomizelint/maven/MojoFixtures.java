package io.github.kustomizelint.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** Shared by the Mojo tests: clean a fixture's reports, capture what a goal logs. */
final class MojoFixtures {

  private MojoFixtures() {}

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** The goal's log lines from now on, as {@code [level] text}. */
  static List<String> capture(AbstractMojo mojo) {
    List<String> lines = new CopyOnWriteArrayList<>();
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence c) {
        lines.add("[info] " + c);
      }

      @Override
      public void warn(CharSequence c) {
        lines.add("[warn] " + c);
      }

      @Override
      public void error(CharSequence c) {
        lines.add("[error] " + c);
      }
    });
    return lines;
  }
}
