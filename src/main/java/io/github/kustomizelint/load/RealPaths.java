package io.github.kustomizelint.load;

import java.io.IOException;
import java.nio.file.Path;

/** Paths as kustomize sees them: with symlinks resolved. */
public final class RealPaths {

  private RealPaths() {}

  /** The real path, or null when it cannot be resolved (missing, or a symlink loop). */
  public static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  /** The load restrictor's test, on real paths: a symlink out of the root is refused too. */
  public static boolean inside(Path file, Path dir) {
    Path f = real(file);
    Path d = real(dir);
    return f != null && d != null ? f.startsWith(d) : file.startsWith(dir);
  }
}
