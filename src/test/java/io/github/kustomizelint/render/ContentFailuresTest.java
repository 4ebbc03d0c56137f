package io.github.kustomizelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.resolve.Occurrence;
import io.github.kustomizelint.resolve.Resolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content checks find the same failures, in the same order, on one thread or several. */
class ContentFailuresTest {

  @TempDir
  Path tmp;

  @Test
  void parallelRendersFindWhatOneThreadFindsInTheSameOrder() throws IOException {
    // 12 apps of a base and two overlays; every third app's overlays patch a missing path
    for (int a = 0; a < 12; a++) {
      Path app = tmp.resolve("app" + a);
      Path base = Files.createDirectories(app.resolve("base"));
      Files.writeString(base.resolve("kustomization.yaml"), "resources:\n- deploy.yaml\n");
      Files.writeString(base.resolve("deploy.yaml"), "apiVersion: apps/v1\nkind: Deployment\n"
          + "metadata:\n  name: app" + a + "\nspec:\n  replicas: 1\n");
      for (String env : List.of("dev", "prod")) {
        Path overlay = Files.createDirectories(app.resolve(env));
        String path = a % 3 == 0 ? "/spec/template/spec/x" : "/spec/replicas";
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources:\n- ../base\n"
            + "patches:\n- target:\n    kind: Deployment\n  patch: |-\n"
            + "    - op: replace\n      path: " + path + "\n      value: 2\n");
      }
    }
    YamlCache cache = new YamlCache();
    Resolver resolver = new Resolver(cache, false);
    try (var dirs = Files.walk(tmp)) {
      for (Path d : dirs.filter(p -> p.endsWith("kustomization.yaml")).sorted().toList()) {
        resolver.build(d.getParent().toRealPath());
      }
    }
    Function<Path, java.util.Set<String>> shared =
        ContentFailures.sharedKinds(dir -> resolver.build(dir).resources());
    List<ContentFailures.Check> checks = ContentFailures.checks(shared);
    Function<Path, CheckBodies.Whole> whole = CheckBodies.of(cache, resolver.kustomizations(),
        true, true, shared);
    Supplier<Renderer> renderers = () -> new Renderer(cache, resolver::read, whole);
    List<Occurrence> one = ContentFailures.find(resolver.kustomizations(), renderers, checks, 1);
    assertEquals(8, one.size(), "two overlays of four apps: " + one);
    for (int threads : List.of(2, 4, 8)) {
      assertEquals(one, ContentFailures.find(resolver.kustomizations(), renderers, checks,
          threads), threads + " threads");
    }
  }
}
