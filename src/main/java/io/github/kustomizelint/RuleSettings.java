package io.github.kustomizelint;

import io.github.kustomizelint.report.Severity;
import io.github.kustomizelint.rules.Rules;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns user settings (rule id to severity or off, a disabled list) into rule severities. */
public final class RuleSettings {

  private RuleSettings() {}

  /**
   * @param levels rule id to error, warning, note or off
   * @param disabled comma-separated rule ids to turn off
   * @throws IllegalArgumentException naming the unknown rule or level
   */
  public static Map<String, Optional<Severity>> parse(Map<String, String> levels, String disabled) {
    Map<String, Optional<Severity>> out = new LinkedHashMap<>();
    if (levels != null) {
      levels.forEach((id, level) -> {
        known(id);
        String l = level == null ? "" : level.trim().toLowerCase(Locale.ROOT);
        if (l.equals("off")) {
          out.put(id, Optional.empty());
        } else {
          try {
            out.put(id, Optional.of(Severity.parse(l)));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule " + id + ": unknown level '" + level
                + "' (use error, warning, note or off)", e);
          }
        }
      });
    }
    if (disabled != null) {
      for (String id : disabled.split(",")) {
        if (!id.isBlank()) {
          known(id.trim());
          out.put(id.trim(), Optional.empty());
        }
      }
    }
    return out;
  }

  private static void known(String id) {
    if (Rules.byId(id) == null) {
      throw new IllegalArgumentException("unknown rule '" + id + "'; known rules: "
          + String.join(", ", Rules.all().stream().map(r -> r.id()).toList()));
    }
  }
}
