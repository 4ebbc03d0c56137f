package io.github.kustomizelint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated trees end in findings only. A short run by default; {@code mvn verify -Pfuzz} sets
 * {@code kustomize-lint.fuzz.inputs} for the long one (and {@code kustomize-lint.fuzz.seed};
 * {@code kustomize-lint.fuzz.workers}, all cores in a long run, and {@code kustomize-lint.fuzz.dir},
 * e.g. a tmpfs, since writing the trees costs more than linting them on disk).
 */
class FuzzTest {

  @TempDir
  Path work;

  @Test
  void generatedTreesEndInFindingsOnly() throws IOException {
    long inputs = Long.getLong("kustomize-lint.fuzz.inputs", 200);
    long seed = Long.getLong("kustomize-lint.fuzz.seed", 1);
    boolean longRun = inputs > 10_000;
    int workers = Integer.getInteger("kustomize-lint.fuzz.workers", longRun ? 0 : 1);
    workers = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    String dir = System.getProperty("kustomize-lint.fuzz.dir", "");
    Path root = dir.isEmpty() ? work : Files.createTempDirectory(Path.of(dir), "fuzz");
    FuzzRunner.Report r = new FuzzRunner(root, 10_000, workers).run(seed, inputs,
        longRun ? System.out : null);
    if (root != work) {
      Files.deleteIfExists(root);
    }
    if (longRun) {
      System.out.printf("done: %d inputs from seed %d, %d workers, %d findings, %d failures,"
          + " slowest %d ms%n", r.inputs(), seed, workers, r.findings(), r.failures().size(), r.maxMillis());
    }
    assertEquals(inputs, r.inputs());
    assertTrue(r.findings() > 0, "the generated trees produced no findings at all");
    assertTrue(r.failures().isEmpty(), r.failures().size() + " of " + inputs + " inputs failed:\n"
        + r.failures().stream().limit(20).map(f -> "seed " + f.seed() + ": " + f.what())
            .collect(Collectors.joining("\n")));
  }
}
