package io.github.kustomizelint;

import io.github.kustomizelint.resolve.Build;
import io.github.kustomizelint.rules.LintContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * One lint run with the model it read: what rules saw, and each built directory's objects.
 *
 * @param builds every linted (non-Component) directory's build
 */
public record Analysis(LintResult result, LintContext context, Map<Path, Build> builds) {}
