package io.github.kustomizelint.resolve;

import io.github.kustomizelint.model.Problem;
import java.nio.file.Path;

/** A problem and the directory whose build it breaks. */
public record Occurrence(Problem problem, Path build) {}
