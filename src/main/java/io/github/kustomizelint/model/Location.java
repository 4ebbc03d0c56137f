package io.github.kustomizelint.model;

import java.nio.file.Path;
import java.util.Comparator;

/** A place in a file: 1-based line and column; line 0 means the whole file. */
public record Location(Path file, int line, int column) implements Comparable<Location> {

  private static final Comparator<Location> ORDER =
      Comparator.comparing((Location l) -> l.file().toString())
          .thenComparingInt(Location::line)
          .thenComparingInt(Location::column);

  public static Location of(Path file) {
    return new Location(file, 0, 0);
  }

  @Override
  public int compareTo(Location o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return line == 0 ? file.toString() : file + ":" + line + ":" + column;
  }
}
