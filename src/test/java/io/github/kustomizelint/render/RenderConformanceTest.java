package io.github.kustomizelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.load.YamlCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * For every conformance directory kustomize builds, render/conformance.tsv holds the sha256 of
 * what {@code kubectl kustomize} printed (scripts/record-render-digests.sh). Every directory
 * the renderer renders must match it byte for byte; the ones it does not render yet are
 * counted and printed by the feature that stops them.
 */
class RenderConformanceTest {

  private static final Path SUITE = Path.of("src/test/resources/conformance");
  private static final Path DIGESTS = Path.of("src/test/resources/render/conformance.tsv");

  @Test
  void renderedOutputMatchesKustomizeDigests() throws IOException, NoSuchAlgorithmException {
    List<String> mismatches = new ArrayList<>();
    Map<String, Integer> skipped = new TreeMap<>();
    int rendered = 0;
    int rows = 0;
    for (String line : Files.readAllLines(DIGESTS, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      rows++;
      String[] cols = line.split("\t");
      String caseName = cols[0].substring(0, cols[0].indexOf('/'));
      Path dir = SUITE.resolve(cols[0]);
      // one renderer per case: cases are separate trees
      Renderer.Result r = new Renderer(new YamlCache()).render(dir);
      if (!r.rendered()) {
        skipped.merge(r.unmodelled().feature(), 1, Integer::sum);
        continue;
      }
      rendered++;
      byte[] sha = MessageDigest.getInstance("SHA-256")
          .digest(r.yaml().getBytes(StandardCharsets.UTF_8));
      if (!HexFormat.of().formatHex(sha).equals(cols[1])) {
        mismatches.add(cols[0] + " (case " + caseName + ")");
      }
    }
    System.out.printf("render conformance: %d directories kustomize builds, %d rendered and "
        + "compared, %d skipped as unmodelled:%n", rows, rendered, rows - rendered);
    skipped.forEach((k, v) -> System.out.printf("  %4d %s%n", v, k));
    assertEquals(List.of(), mismatches);
    assertTrue(rendered > 0, "nothing rendered: the test would compare nothing");
  }
}
