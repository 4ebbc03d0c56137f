package io.github.kustomizelint.model;

/**
 * One rule id named by a {@code # kustomize-lint:disable=...} comment, and the lines it covers.
 *
 * @param wholeFile a {@code disable-file} comment
 * @param firstLine first line covered (1-based)
 * @param lastLine last line covered
 */
public record Suppression(Location location, String ruleId, boolean wholeFile, int firstLine,
    int lastLine) {

  /** Whether this comment silences rule at line of its file. */
  public boolean covers(String rule, int line) {
    return ruleId.equals(rule) && (wholeFile || (line >= firstLine && line <= lastLine));
  }
}
