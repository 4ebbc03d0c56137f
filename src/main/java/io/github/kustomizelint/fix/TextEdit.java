package io.github.kustomizelint.fix;

/** Replaces the characters [start, end) of a file's text: positions come from the model. */
public record TextEdit(int start, int end, String text) implements Comparable<TextEdit> {

  public TextEdit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
  }

  public static TextEdit insert(int at, String text) {
    return new TextEdit(at, at, text);
  }

  public static TextEdit delete(int start, int end) {
    return new TextEdit(start, end, "");
  }

  /** Two edits clash when their ranges share characters, or both insert at one place. */
  boolean overlaps(TextEdit o) {
    return start < o.end && o.start < end
        || start == end && o.start == o.end && start == o.start && !equals(o);
  }

  @Override
  public int compareTo(TextEdit o) {
    return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
  }
}
