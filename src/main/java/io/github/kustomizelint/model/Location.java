package io.github.kustomizelint.model;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a file: 1-based line and column, and where known the end of the offending node
 * (endLine/endColumn, end exclusive as in SARIF; 0 when unknown). The end is extra detail for
 * reporters: equality and order look at file, line and column only, so a location built without
 * an end still equals the same place built with one.
 */
public record Location(Path file, int line, int column, int endLine, int endColumn)
    implements Comparable<Location> {

  private static final Comparator<Location> ORDER =
      Comparator.comparing((Location l) -> l.file().toString())
          .thenComparingInt(Location::line)
          .thenComparingInt(Location::column);

  /** A start without a known end. */
  public Location(Path file, int line, int column) {
    this(file, line, column, 0, 0);
  }

  /** The file as a whole; shown, like every finding, as {@code path:1:1}. */
  public static Location of(Path file) {
    return new Location(file, 1, 1);
  }

  /** The same place in another file path (e.g. made relative), end kept. */
  public Location withFile(Path other) {
    return new Location(other, line, column, endLine, endColumn);
  }

  public boolean hasEnd() {
    return endLine > 0 && (endLine > line || endLine == line && endColumn > column);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Location l && file.equals(l.file) && line == l.line && column == l.column;
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, line, column);
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
