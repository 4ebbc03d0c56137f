package io.github.kustomizelint.rules;

import io.github.kustomizelint.build.Occurrence;
import io.github.kustomizelint.build.PatchOutcome;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything rules read: the problems met while loading and every patch applied.
 *
 * @param base the directory paths in messages are relative to
 */
public record LintContext(Path base, List<Occurrence> problems, List<PatchOutcome> outcomes) {

  public String show(Path p) {
    Path rel = p.startsWith(base) ? base.relativize(p) : p;
    String s = rel.toString();
    return s.isEmpty() ? "." : s;
  }
}
