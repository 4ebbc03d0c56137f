package io.github.kustomizelint.resolve;

import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Replacement;
import io.github.kustomizelint.model.Resource;
import java.nio.file.Path;
import java.util.List;

/**
 * One replacement source looked up in one build.
 *
 * @param build the directory whose build reads the source, and fails without exactly one
 * @param sameKind when the source selects nothing: the resources of its kind at that point
 */
public record ReplacementOutcome(Replacement source, Path build, List<Resource> matched,
    List<Resource> sameKind, List<Entry> unknowns) {

  public ReplacementOutcome {
    matched = List.copyOf(matched);
    sameKind = List.copyOf(sameKind);
    unknowns = List.copyOf(unknowns);
  }
}
