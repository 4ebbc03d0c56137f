package io.github.kustomizelint.report;

import io.github.kustomizelint.model.Location;
import java.util.Comparator;

/**
 * One thing the linter found: immutable, the same for every reporter.
 *
 * @param build the kustomization file whose build the finding concerns (SARIF related location)
 */
public record Finding(String ruleId, Severity severity, Location location, String message,
    Location build) implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER = Comparator
      .comparing(Finding::location)
      .thenComparing(Finding::ruleId)
      .thenComparing(Finding::message)
      .thenComparing(f -> f.build() == null ? "" : f.build().toString());

  @Override
  public int compareTo(Finding o) {
    return ORDER.compare(this, o);
  }

  /** {@code path:line:col: severity [rule-id] message}, the console form. */
  @Override
  public String toString() {
    return location + ": " + severity.label() + " [" + ruleId + "] " + message;
  }

  /** The console form with the file shown as given (e.g. relative to where Maven started). */
  public String toString(String shownFile) {
    return shownFile + ":" + location.line() + ":" + location.column() + ": " + severity.label()
        + " [" + ruleId + "] " + message;
  }
}
