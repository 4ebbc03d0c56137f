package io.github.kustomizelint.fix;

import io.github.kustomizelint.model.Location;

/** A finding a fixer will not repair, and why: the change would not be exact. */
public record Refusal(String ruleId, Location at, String why) {}
