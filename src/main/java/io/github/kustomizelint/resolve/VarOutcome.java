package io.github.kustomizelint.resolve;

import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.Var;
import java.nio.file.Path;
import java.util.List;

/** One var mapped in the build of the kustomization that declares it. */
public record VarOutcome(Var var, Path build, List<Resource> matched, List<Entry> unknowns) {

  public VarOutcome {
    matched = List.copyOf(matched);
    unknowns = List.copyOf(unknowns);
  }
}
