package io.github.kustomizelint.rules;

import io.github.kustomizelint.model.Suppression;
import io.github.kustomizelint.report.Severity;

/** A disable comment that names an unknown rule or silences nothing. */
public final class UnusedSuppression extends BaseRule {

  public UnusedSuppression() {
    super("unused-suppression", Severity.NOTE, false,
        "A kustomize-lint:disable comment that suppresses nothing.",
        "A suppression that matches no finding is stale (the problem was fixed) or names a"
        + " rule that does not exist (a typo); either way it would hide a future finding"
        + " nobody meant to hide. Remove it or fix the rule id.");
  }

  @Override
  public void check(LintContext c, Reporter out) {
    for (Suppression s : c.unusedSuppressions()) {
      String why = Rules.byId(s.ruleId()) == null
          ? "names unknown rule '" + s.ruleId() + "'"
          : "matches no " + s.ruleId() + " finding" + (s.wholeFile() ? " in this file"
              : s.firstLine() == s.lastLine() ? " on line " + s.firstLine()
              : " on lines " + s.firstLine() + "-" + s.lastLine());
      out.report(s.location(), "this suppression " + why + "; remove it", null);
    }
  }
}
