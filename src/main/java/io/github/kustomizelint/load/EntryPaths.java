package io.github.kustomizelint.load;

/**
 * The one check every path read from a kustomization goes through before it touches the file
 * system: kustomize (Kustomize v5.5.0) fails on each of these, and Java's path API would throw
 * or misread them.
 */
public final class EntryPaths {

  /** Longer paths are refused by the OS (PATH_MAX); kustomize fails on them too. */
  public static final int MAX_LENGTH = 4096;

  /** The longest file name one path segment may have (NAME_MAX). */
  public static final int MAX_SEGMENT = 255;

  private EntryPaths() {}

  /** Why kustomize cannot load this entry as a local path, or null when it may. */
  public static String problem(String value) {
    if (value == null || value.isBlank()) {
      return "is empty";
    }
    if (value.indexOf('\0') >= 0) {
      return "holds a NUL character; kustomize fails (invalid argument)";
    }
    if (value.length() > MAX_LENGTH) {
      return "is " + value.length() + " characters long, over the " + MAX_LENGTH
          + " the file system allows; kustomize fails";
    }
    int start = 0;
    for (int i = 0; i <= value.length(); i++) {
      if (i == value.length() || value.charAt(i) == '/') {
        if (i - start > MAX_SEGMENT) {
          return "has a file name of " + (i - start) + " characters, over the " + MAX_SEGMENT
              + " the file system allows; kustomize fails (file name too long)";
        }
        start = i + 1;
      }
    }
    if (value.chars().allMatch(c -> c == '/')) {
      return "is the file system root; kustomize fails ('/' must resolve to a file)";
    }
    try {
      java.nio.file.Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      return "is not a valid path; kustomize fails";
    }
    return null;
  }

  /** The value, cut for a message: a hostile entry must not make every message huge. */
  public static String shown(String value) {
    String cut = value.length() <= 200 ? value : value.substring(0, 200) + "...";
    StringBuilder sb = new StringBuilder(cut.length());
    cut.chars().forEach(c -> sb.append(c < 0x20 ? String.format("\\x%02x", c)
        : Character.isSurrogate((char) c) ? String.format("\\u%04x", c)
        : String.valueOf((char) c)));
    return sb.toString();
  }
}
