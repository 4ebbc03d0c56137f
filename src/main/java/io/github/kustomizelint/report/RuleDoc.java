package io.github.kustomizelint.report;

/** What reporters say about a rule: its id, default severity and documentation. */
public record RuleDoc(String id, Severity defaultSeverity, String description, String help) {}
