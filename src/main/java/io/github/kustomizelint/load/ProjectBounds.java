package io.github.kustomizelint.load;

import java.nio.file.Path;
import java.util.List;

/**
 * The directories the linter may read: the project and the linted tree. Whatever lies outside
 * (a base in a sibling checkout, a file reached through a symlink or with
 * LoadRestrictionsNone) is never opened, so nothing of it can be quoted in a finding; what it
 * would add is unknown, and the checks that depend on it say so.
 */
public final class ProjectBounds {

  /** No bounds: every path may be read (for tests of the reader alone). */
  public static final ProjectBounds NONE = new ProjectBounds(List.of());

  private final List<Path> roots;

  private ProjectBounds(List<Path> roots) {
    this.roots = roots;
  }

  /** Bounds of these directories, as real paths. */
  public static ProjectBounds of(Path... dirs) {
    List<Path> real = new java.util.ArrayList<>();
    for (Path d : dirs) {
      Path r = RealPaths.real(d);
      real.add(r != null ? r : d.toAbsolutePath().normalize());
    }
    return new ProjectBounds(List.copyOf(real));
  }

  /** Whether p, with symlinks resolved, lies in one of the directories. */
  public boolean contains(Path p) {
    if (roots.isEmpty()) {
      return true;
    }
    Path real = RealPaths.real(p);
    Path q = real != null ? real : p.toAbsolutePath().normalize();
    return roots.stream().anyMatch(q::startsWith);
  }
}
