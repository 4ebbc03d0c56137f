package io.github.kustomizelint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code build} goal on a tree with a base, overlays the renderer models (namespace,
 * commonAnnotations; namePrefix) and one it does not (a remote resource): the expected files
 * are what {@code kubectl kustomize} printed for each directory.
 */
@MojoTest
class BuildMojoTest {

  private Path basedir;

  @BeforeEach
  void clean() throws IOException {
    basedir = Path.of(MojoExtension.getBasedir()).toAbsolutePath().normalize();
    Path out = basedir.resolve("target/kustomize-lint");
    if (Files.exists(out)) {
      try (Stream<Path> s = Files.walk(out)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  @Basedir("/mojo/build-writes-modelled-skips-others")
  @InjectMojo(goal = "build")
  void writesModelledKustomizationsAndNothingForOthers(BuildMojo mojo) throws Exception {
    mojo.execute();
    Path out = basedir.resolve("target/kustomize-lint/build");
    assertEquals(read(basedir.resolve("expected/app.yaml")), read(out.resolve("app/build.yaml")));
    assertEquals(read(basedir.resolve("expected/base.yaml")),
        read(out.resolve("base/build.yaml")));
    assertEquals(read(basedir.resolve("expected/prefixed.yaml")),
        read(out.resolve("prefixed/build.yaml")));
    assertFalse(Files.exists(out.resolve("remote")), "remote content is never rendered");
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
