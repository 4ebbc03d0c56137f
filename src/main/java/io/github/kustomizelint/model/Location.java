package io.github.kustomizelint.model;

import java.nio.file.Path;
import java.util.Comparator;

/** A place in a file: 1-based line and column. */
public record Location(Path file, int line, int column) implements Comparable<Location> {

  private static final Comparator<Location> ORDER =
      Comparator.comparing((Location l) -> l.file().toString())
          .thenComparingInt(Location::line)
          .thenComparingInt(Location::column);

  /** The file as a whole; shown, like every finding, as {@code path:1:1}. */
  public static Location of(Path file) {
    return new Location(file, 1, 1);
  }

  @Override
  public int compareTo(Location o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
