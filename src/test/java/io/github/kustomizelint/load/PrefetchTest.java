package io.github.kustomizelint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.LintResult;
import io.github.kustomizelint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.MappingNode;

/** Reading ahead on other threads changes no result, whatever the order files are taken in. */
class PrefetchTest {

  @TempDir
  Path tmp;

  private static final String[] SHAPES = {
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-%d\ndata:\n  k: v\n",
      "apiVersion: v1\nkind: List\nitems:\n- kind: Service\n  metadata: {name: s-%d}\n"
          + "- kind: Secret\n  metadata: {name: x}\n---\nkind: A\nmetadata:\n  name: b\n",
      "kind: A\nmetadata:\n  name: broken-%d\n  labels: [\n",
      "kind: A\nmetadata:\n  name: twice-%d\nspec:\n  x: 1\n  x: 2\n",
      "kind: A\nmetadata: &m\n  name: anchored-%d\nspec:\n  copy: *m\n",
      "# kustomize-lint:disable-file=orphan-manifest -- kept\nkind: Deployment\n"
          + "metadata:\n  name: d-%d\nspec:\n  replicas: 1\n",
  };

  /** A tree of n kustomizations, each listing every shape, patching one and leaving one out. */
  private Path tree(int n) throws IOException {
    Path config = tmp.resolve("config");
    for (int i = 0; i < n; i++) {
      Path dir = Files.createDirectories(config.resolve("app" + i));
      StringBuilder k = new StringBuilder("resources:\n");
      for (int s = 0; s < SHAPES.length; s++) {
        Files.writeString(dir.resolve("r" + s + ".yaml"), SHAPES[s].formatted(i));
        k.append("- r").append(s).append(".yaml\n");
      }
      Files.writeString(dir.resolve("patch.yaml"),
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + (i % 3 == 0 ? "none" : i)
              + "\ndata:\n  k: patched\n");
      Files.writeString(dir.resolve("unlisted.yaml"),
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orphan\n");
      k.append("patches:\n- path: patch.yaml\n");
      Files.writeString(dir.resolve("kustomization.yaml"), k.toString());
    }
    return config;
  }

  @Test
  void prefetchedReadsEqualReadsOnTheCallingThread() throws IOException {
    Path config = tree(30);
    List<Path> yaml;
    try (Stream<Path> s = Files.walk(config)) {
      yaml = new ArrayList<>(s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList());
    }
    List<Path> kustomizations = yaml.stream()
        .filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
    List<Path> manifests = yaml.stream().filter(p -> !kustomizations.contains(p)).toList();
    for (long seed = 0; seed < 5; seed++) {
      List<Path> order = new ArrayList<>(yaml);
      Collections.shuffle(order, new Random(seed));
      YamlCache ahead = new YamlCache();
      ahead.prefetch(kustomizations, manifests);
      YamlCache serial = new YamlCache();
      for (Path p : order) {
        boolean whole = kustomizations.contains(p) || p.endsWith("patch.yaml");
        YamlFile a = whole ? ahead.read(p) : ahead.readManifest(p);
        YamlFile b = whole ? serial.read(p) : serial.readManifest(p);
        assertEquals(summary(b), summary(a), p + " (seed " + seed + ")");
      }
      ahead.stopPrefetch();
      assertEquals(serial.size(), ahead.size());
    }
  }

  @Test
  void aSkimmedReadAheadDoesNotServeAWholeRead() throws IOException {
    Path config = tree(1);
    Path patch = config.resolve("app0/patch.yaml");
    YamlCache cache = new YamlCache();
    cache.prefetch(List.of(), List.of(patch));
    YamlFile whole = cache.read(patch);
    cache.stopPrefetch();
    assertFalse(whole.skimmed());
    assertNotNull(whole.text());
    MappingNode doc = (MappingNode) whole.documents().get(0);
    assertNotNull(Nodes.get(doc, "data"), "the body is read");
  }

  @Test
  void findingsDoNotDependOnThreadTiming() throws IOException {
    Path config = tree(40);
    LintResult first = new Linter(LintOptions.of(config, tmp)).run();
    assertTrue(first.findings().size() > 100, "findings: " + first.findings().size());
    for (int run = 0; run < 5; run++) {
      LintResult again = new Linter(LintOptions.of(config, tmp)).run();
      assertEquals(first.findings(), again.findings(), "run " + run);
      assertEquals(first.filesRead(), again.filesRead());
    }
  }

  private static List<Object> summary(YamlFile f) {
    return List.of(ManifestReader.objects(f), String.valueOf(f.problem()), f.suppressions(),
        f.firstEmpty(), f.skimmed(), String.valueOf(f.text()), f.documents().size());
  }
}
