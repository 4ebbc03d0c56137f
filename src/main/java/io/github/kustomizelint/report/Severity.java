package io.github.kustomizelint.report;

import java.util.Locale;

/** How serious a finding is; the names are SARIF's levels. */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  NOTE("note");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Parses error, warning (or warn), note (or info); anything else is refused. */
  public static Severity parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "error":
        return ERROR;
      case "warning":
      case "warn":
        return WARNING;
      case "note":
      case "info":
        return NOTE;
      default:
        throw new IllegalArgumentException(
            "unknown severity '" + text + "' (use error, warning or note)");
    }
  }

  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }
}
