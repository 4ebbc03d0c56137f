package io.github.kustomizelint.rules;

import io.github.kustomizelint.report.Severity;

/** A rule's identity and documentation, held as data so each rule class is its check. */
abstract class BaseRule implements Rule {

  private final String id;
  private final Severity severity;
  private final boolean breaksBuild;
  private final String description;
  private final String help;

  BaseRule(String id, Severity severity, boolean breaksBuild, String description, String help) {
    this.id = id;
    this.severity = severity;
    this.breaksBuild = breaksBuild;
    this.description = description;
    this.help = help;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Severity defaultSeverity() {
    return severity;
  }

  @Override
  public final boolean breaksBuild() {
    return breaksBuild;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final String help() {
    return help;
  }
}
