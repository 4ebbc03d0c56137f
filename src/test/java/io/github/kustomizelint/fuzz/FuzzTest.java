package io.github.kustomizelint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated trees end in findings only. A short run by default; {@code mvn verify -Pfuzz} sets
 * {@code kustomize-lint.fuzz.inputs} for the long one (and {@code kustomize-lint.fuzz.seed}).
 */
class FuzzTest {

  @TempDir
  Path work;

  @Test
  void generatedTreesEndInFindingsOnly() throws IOException {
    long inputs = Long.getLong("kustomize-lint.fuzz.inputs", 200);
    long seed = Long.getLong("kustomize-lint.fuzz.seed", 1);
    FuzzRunner.Report r = new FuzzRunner(work, 10_000).run(seed, inputs,
        inputs > 10_000 ? System.out : null);
    assertEquals(inputs, r.inputs());
    assertTrue(r.findings() > 0, "the generated trees produced no findings at all");
    assertTrue(r.failures().isEmpty(), r.failures().size() + " of " + inputs + " inputs failed:\n"
        + r.failures().stream().limit(20).map(f -> "seed " + f.seed() + ": " + f.what())
            .collect(Collectors.joining("\n")));
  }
}
