package io.github.kustomizelint.rules;

import io.github.kustomizelint.resolve.Occurrence;
import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.report.Severity;

/** A rule that reports one kind of problem met while reading and building: kustomize fails. */
abstract class ProblemRule extends BaseRule {

  private final Problem.Kind kind;

  ProblemRule(Problem.Kind kind, String id, String description, String help) {
    this(kind, id, Severity.ERROR, true, description, help);
  }

  ProblemRule(Problem.Kind kind, String id, Severity severity, boolean breaksBuild,
      String description, String help) {
    super(id, severity, breaksBuild, description, help);
    this.kind = kind;
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
