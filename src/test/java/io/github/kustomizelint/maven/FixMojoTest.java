package io.github.kustomizelint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.fix.Trees;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.report.Severity;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code fix} goal's wiring: dry run, in-place repair of a copy, option errors. */
@MojoTest
class FixMojoTest {

  private static final String BROKEN = "/mojo/patch-target-missing-fails";

  @TempDir
  Path tmp;

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "fix")
  @MojoParameter(name = "dryRun", value = "true")
  void dryRunWritesNothing(FixMojo mojo) throws Exception {
    Path config = Path.of(MojoExtension.getBasedir()).resolve("config");
    Map<String, String> before = Trees.files(config);
    mojo.execute();
    assertEquals(before, Trees.files(config));
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "fix")
  void fixRepairsTheTreeInPlace(FixMojo mojo) throws Exception {
    Path copy = tmp.resolve("config");
    Trees.copy(Path.of("src/test/resources/fix/new-object-in-patch-file-moves-to-resources/before"),
        copy);
    assertTrue(errors(copy) > 0, "the tree is broken before the fix");
    mojo.configDirectory = copy.toFile();
    mojo.execute();
    assertEquals(0, errors(copy), "no error left after fix");
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "fix")
  void mistypedPatchIsLeftAsItIs(FixMojo mojo) throws Exception {
    // The fixture's patch names a Deployment the base does not have: a typo, not a new object.
    Path copy = tmp.resolve("config");
    Trees.copy(Path.of(MojoExtension.getBasedir()).resolve("config"), copy);
    Map<String, String> before = Trees.files(copy);
    mojo.configDirectory = copy.toFile();
    mojo.execute();
    assertEquals(before, Trees.files(copy));
    assertEquals(1, errors(copy));
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "fix")
  void missingConfigDirectoryNamesTheParameter(FixMojo mojo) {
    mojo.configDirectory = new File(tmp.toFile(), "no-such-dir");
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().contains("<configDirectory>"), e.getMessage());
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "fix")
  @MojoParameter(name = "loadRestrictor", value = "sometimes")
  void badLoadRestrictorIsAnExecutionError(FixMojo mojo) {
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().contains("sometimes"), e.getMessage());
  }

  private static long errors(Path config) {
    return new Linter(LintOptions.of(config, config)).run().count(Severity.ERROR);
  }
}
