package io.github.kustomizelint.rules;

import io.github.kustomizelint.build.Occurrence;
import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.report.Severity;

/** A rule that reports one kind of problem met while reading and building the tree. */
abstract class ProblemRule implements Rule {

  private final Problem.Kind kind;

  ProblemRule(Problem.Kind kind) {
    this.kind = kind;
  }

  @Override
  public boolean breaksBuild() {
    return true;
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public final void check(LintContext context, Reporter out) {
    for (Occurrence o : context.problems()) {
      if (o.problem().kind() == kind) {
        out.report(o.problem().location(), context.relativeText(o.problem().message()), o.build());
      }
    }
  }
}
