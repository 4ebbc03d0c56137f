package io.github.kustomizelint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tier-2 tests of the {@code check} goal: the mojo is looked up and configured by the plugin
 * testing harness from the generated plugin descriptor, each fixture's pom.xml and
 * {@code @MojoParameter}s, with {@code ${project.*}} defaults resolved against the fixture dir
 * (target/test-classes/mojo/NAME). Every SARIF a test may write lies under the fixture's
 * target/kustomize-lint, which is deleted before each test.
 */
@MojoTest
class CheckMojoTest {

  private static final String BROKEN = "/mojo/patch-target-missing-fails";
  private static final String WARNING_ONLY = "/mojo/patch-no-effect-warning";
  private static final String NO_CONFIG = "/mojo/no-config-directory-passes";

  private Path basedir;

  @BeforeEach
  void cleanReports() throws IOException {
    basedir = Path.of(MojoExtension.getBasedir()).toAbsolutePath().normalize();
    MojoFixtures.deleteTree(basedir.resolve("target/kustomize-lint"));
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  void brokenTreeFailsWithCountsAndSarifPath(CheckMojo mojo) {
    // defaults wired from the descriptor and the (mock) project
    assertEquals(basedir.toFile(), mojo.basedir.getAbsoluteFile());
    assertEquals(basedir.resolve("config").toFile(), mojo.configDirectory.getAbsoluteFile());
    Path sarif = basedir.resolve("target/kustomize-lint/kustomize-lint.sarif");
    assertEquals(sarif.toFile(), mojo.sarifFile.getAbsoluteFile());
    assertEquals("error", mojo.failOn);
    assertFalse(mojo.skip);

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(e.getMessage().contains("1 error"), e.getMessage());
    assertTrue(e.getMessage().contains("0 warnings"), e.getMessage());
    assertTrue(e.getMessage().contains("failOn=error"), e.getMessage());
    assertTrue(e.getMessage().contains(basedir.relativize(sarif).toString()), e.getMessage());
    assertTrue(Files.isRegularFile(sarif), "SARIF written at " + sarif);
    assertTrue(contains(sarif, "patch-target-missing"), "SARIF names the rule");
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "failOn", value = "never")
  void failOnNeverPassesOnBrokenTreeButStillWritesSarif(CheckMojo mojo) throws Exception {
    mojo.execute();
    Path sarif = basedir.resolve("target/kustomize-lint/kustomize-lint.sarif");
    assertTrue(Files.isRegularFile(sarif), "SARIF written at " + sarif);
    assertTrue(contains(sarif, "patch-target-missing"), "SARIF names the rule");
  }

  @Test
  @Basedir(WARNING_ONLY)
  @InjectMojo(goal = "check")
  void failOnWarningFromPomFailsOnWarningOnlyTree(CheckMojo mojo) {
    assertEquals("warning", mojo.failOn);
    Path sarif = basedir.resolve("target/kustomize-lint/from-pom.sarif");
    assertEquals(sarif.toFile(), mojo.sarifFile.getAbsoluteFile());

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(e.getMessage().contains("0 errors, 1 warning"), e.getMessage());
    assertTrue(e.getMessage().contains("failOn=warning"), e.getMessage());
    assertTrue(e.getMessage().contains(basedir.relativize(sarif).toString()), e.getMessage());
    assertTrue(contains(sarif, "patch-no-effect"), "SARIF names the rule");
  }

  @Test
  @Basedir(WARNING_ONLY)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "failOn", value = "error")
  void failOnErrorOverridingPomPassesOnWarningOnlyTree(CheckMojo mojo) throws Exception {
    assertEquals("error", mojo.failOn);
    mojo.execute();
    assertTrue(Files.isRegularFile(basedir.resolve("target/kustomize-lint/from-pom.sarif")));
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "failOn", value = "sometimes")
  void invalidFailOnIsAnExecutionErrorNamingTheParameter(CheckMojo mojo) {
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().contains("<failOn>"), e.getMessage());
    assertTrue(e.getMessage().contains("sometimes"), e.getMessage());
    assertFalse(Files.exists(basedir.resolve("target/kustomize-lint")), "nothing written");
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "skip", value = "true")
  void skipWritesAnEmptySarifRunSoTheUploadStepHasAFile(CheckMojo mojo) throws Exception {
    assertTrue(mojo.skip);
    mojo.execute();
    Path sarif = basedir.resolve("target/kustomize-lint/kustomize-lint.sarif");
    assertTrue(contains(sarif, "\"results\": [\n      ]"), "an empty run");
    assertFalse(contains(sarif, "\"ruleId\""), "no results");
  }

  @Test
  @Basedir(NO_CONFIG)
  @InjectMojo(goal = "check")
  void missingDefaultConfigDirectoryPassesWithAnEmptySarif(CheckMojo mojo) throws Exception {
    assertEquals(basedir.resolve("config").toFile(), mojo.configDirectory.getAbsoluteFile());
    assertFalse(mojo.configDirectory.exists());
    mojo.execute();
    assertFalse(contains(basedir.resolve("target/kustomize-lint/kustomize-lint.sarif"),
        "\"ruleId\""));
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "failOn", value = "never")
  @MojoParameter(name = "sarifFile", value = "target/kustomize-lint/nested/deeper/out.sarif")
  void sarifFileInMissingNestedDirectoryIsCreated(CheckMojo mojo) throws Exception {
    Path sarif = basedir.resolve("target/kustomize-lint/nested/deeper/out.sarif");
    assertEquals(sarif.toFile(), mojo.sarifFile.getAbsoluteFile());
    assertFalse(Files.exists(sarif.getParent()));
    mojo.execute();
    assertTrue(Files.isRegularFile(sarif), "SARIF written at " + sarif);
    assertTrue(contains(sarif, "\"2.1.0\""), "a SARIF 2.1.0 log");
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "disabledRules", value = "patch-target-missing, patch-multiple-documents")
  void disabledRulesTurnTheFindingOff(CheckMojo mojo) throws Exception {
    mojo.execute();
    Path sarif = basedir.resolve("target/kustomize-lint/kustomize-lint.sarif");
    assertFalse(contains(sarif, "\"ruleId\": \"patch-target-missing\""), "rule turned off");
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "disabledRules", value = "patch-target-mising")
  void unknownRuleIsAnExecutionErrorNamingTheParameter(CheckMojo mojo) {
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().contains("<disabledRules>"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown rule 'patch-target-mising'"), e.getMessage());
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "failOn", value = "never")
  void unchangedPassingRunIsSkippedUnlessForced(CheckMojo mojo) throws Exception {
    Path sarif = passedOnceWithMarkedSarif(mojo);
    mojo.execute();
    assertEquals("left by the first run", Files.readString(sarif), "second run skipped");
    mojo.force = true;
    mojo.execute();
    assertTrue(contains(sarif, "patch-target-missing"), "forced run checks again");
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "failOn", value = "never")
  void aNewFileInTheTreeEndsTheSkip(CheckMojo mojo) throws Exception {
    Path sarif = passedOnceWithMarkedSarif(mojo);
    Path added = basedir.resolve("config/base/unlisted-settings.yaml");
    try {
      Files.writeString(added, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");
      mojo.execute();
      assertTrue(contains(sarif, "unlisted-settings.yaml"), "checked again, the new file seen");
    } finally {
      Files.deleteIfExists(added);
    }
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  void failingRunIsNeverSkipped(CheckMojo mojo) {
    assertThrows(MojoFailureException.class, mojo::execute);
    assertThrows(MojoFailureException.class, mojo::execute);
  }

  /** One passing run, its SARIF then overwritten, so a skipped run shows by leaving it. */
  private Path passedOnceWithMarkedSarif(CheckMojo mojo) throws Exception {
    mojo.execute();
    Path sarif = basedir.resolve("target/kustomize-lint/kustomize-lint.sarif");
    Files.writeString(sarif, "left by the first run");
    return sarif;
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.readString(file).contains(text);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }
}
