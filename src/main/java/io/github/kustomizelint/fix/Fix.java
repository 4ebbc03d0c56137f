package io.github.kustomizelint.fix;

import io.github.kustomizelint.model.Location;
import java.util.List;

/**
 * A repair of one finding.
 *
 * @param ruleId the rule whose finding it repairs
 * @param at where that finding points (absolute path)
 * @param what one line for the log: what was done
 * @param changes the edits, all computed from positions the model already knows
 * @param added how many objects the fix adds to each build that includes {@code at}
 */
public record Fix(String ruleId, Location at, String what, List<FileChange> changes, int added) {

  public Fix {
    changes = List.copyOf(changes);
  }
}
