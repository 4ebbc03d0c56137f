package io.github.kustomizelint.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unlisted files are read once for a look (orphans, suppressions) and not kept: 32 unlisted
 * 1 MiB manifests are linted in a JVM of its own with a 32 MiB heap, all their text alone would
 * take if kept, and their node trees take several times more (issue #7's 10,000 files of 1 MiB
 * in 256 MiB, scaled down; the bench's {@code --unlisted N} runs any size).
 */
class UnlistedFilesMemoryTest {

  private static final int FILES = 32;

  @TempDir
  Path work;

  @Test
  void manyLargeUnlistedFilesFitASmallHeap() throws Exception {
    Path config = work.resolve("config");
    Files.createDirectories(config);
    Files.writeString(config.resolve("kustomization.yaml"), "resources: []\n");
    StringBuilder big = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n");
    for (int i = 0; big.length() < 1 << 20; i++) {
      big.append("  key").append(i).append(": ").append("x".repeat(100)).append('\n');
    }
    Path one = Files.writeString(config.resolve("unlisted-0.yaml"), big);
    for (int i = 1; i < FILES; i++) {
      Files.createLink(config.resolve("unlisted-" + i + ".yaml"), one); // the disk holds 1 MiB
    }
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx32m", "-cp", System.getProperty("java.class.path"),
        UnlistedFilesMemoryTest.class.getName(), config.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile()).start();
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "the lint did not finish");
    String out = Files.readString(work.resolve("out.txt"));
    assertEquals(0, p.exitValue(), out);
    assertEquals(List.of(FILES + " findings"), out.lines().toList());
  }

  /** Lints the tree given as args[0]; prints the number of findings. */
  public static void main(String[] args) {
    Path config = Path.of(args[0]);
    System.out.println(new Linter(LintOptions.of(config, config.getParent())).run().findings().size()
        + " findings");
  }
}
