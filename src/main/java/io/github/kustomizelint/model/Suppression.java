package io.github.kustomizelint.model;

/**
 * One rule id named by a {@code # kustomize-lint:disable=...} comment.
 *
 * @param wholeFile a {@code disable-file} comment
 * @param ownLine the comment is alone on its line, so it also covers the line below
 */
public record Suppression(Location location, String ruleId, boolean wholeFile, boolean ownLine) {

  /** Whether this comment silences rule at line (0: the whole file) of its file. */
  public boolean covers(String rule, int line) {
    if (!ruleId.equals(rule)) {
      return false;
    }
    return wholeFile || line == location.line() || (ownLine && line == location.line() + 1);
  }
}
