package io.github.kustomizelint.fix;

import java.util.List;

/** Offers repairs for the findings of one rule. Stateless. */
public interface Fixer {

  String ruleId();

  /** Whether it runs without being named in fixRules. */
  default boolean byDefault() {
    return true;
  }

  /**
   * The repairs it can compute, and for findings it cannot repair exactly, why not
   * (reported, never guessed).
   */
  List<Fix> fixes(FixContext context, List<Refusal> refused);
}
