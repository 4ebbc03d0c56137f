package io.github.kustomizelint;

import io.github.kustomizelint.report.Finding;
import io.github.kustomizelint.report.Severity;
import java.util.List;
import java.util.Locale;

/** The lowest severity that fails a build, or never. */
public enum FailOn {
  ERROR(Severity.ERROR),
  WARNING(Severity.WARNING),
  NOTE(Severity.NOTE),
  NEVER(null);

  private final Severity threshold;

  FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  /** @throws IllegalArgumentException for anything but error, warning, note or never */
  public static FailOn parse(String text) {
    String t = text == null ? "error" : text.trim().toUpperCase(Locale.ROOT);
    try {
      return valueOf(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "'; use error, warning, note or never", e);
    }
  }

  /** How many findings fail the build. */
  public long failing(List<Finding> findings) {
    return threshold == null ? 0
        : findings.stream().filter(f -> f.severity().atLeast(threshold)).count();
  }
}
