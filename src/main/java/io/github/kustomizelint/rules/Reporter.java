package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Location;
import java.nio.file.Path;

/** Where a rule sends what it finds; severity and rule id are added by the caller. */
@FunctionalInterface
public interface Reporter {

  /**
   * @param build the kustomization directory whose build this concerns
   */
  void report(Location at, String message, Path build);
}
