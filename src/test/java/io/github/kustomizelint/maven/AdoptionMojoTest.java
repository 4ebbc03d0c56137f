package io.github.kustomizelint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.report.Baseline;
import io.github.kustomizelint.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * What a team adopting the plugin in CI meets: misconfiguration that fails loudly, the extra
 * report formats, maxAllowedViolations, the baseline and rules goals, clickable console paths.
 */
@MojoTest
class AdoptionMojoTest {

  private static final String BROKEN = "/mojo/patch-target-missing-fails";
  private static final String MISTYPED = "/mojo/mistyped-config-directory-fails";

  private Path basedir;

  @BeforeEach
  void cleanReports() throws IOException {
    basedir = Path.of(MojoExtension.getBasedir()).toAbsolutePath().normalize();
    MojoFixtures.deleteTree(basedir.resolve("target/kustomize-lint"));
  }

  @Test
  @Basedir(MISTYPED)
  @InjectMojo(goal = "check")
  void explicitConfigDirectoryThatDoesNotExistFailsNamingIt(CheckMojo mojo) {
    assertFalse(mojo.configDirectory.exists());
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().contains("<configDirectory>"), e.getMessage());
    assertTrue(e.getMessage().contains("does-not-exist does not exist"), e.getMessage());
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "configDirectory", value = "pom.xml")
  void configDirectoryThatIsAFileFailsNamingIt(CheckMojo mojo) {
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().contains("pom.xml is a file, not a directory"), e.getMessage());
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "loadRestrictor", value = "LoadRestrictionsSome")
  void badLoadRestrictorShowsNoJavaInternals(CheckMojo mojo) {
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().startsWith("<loadRestrictor> (kustomize-lint.loadRestrictor) is"
        + " 'LoadRestrictionsSome'"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception") || e.getMessage().contains("enum"));
    assertEquals(null, e.getCause(), "no Java exception behind it for -e to print");
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "failOn", value = "sometimes")
  void badFailOnShowsNoJavaInternals(CheckMojo mojo) {
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertFalse(e.getMessage().contains("No enum constant"), e.getMessage());
    assertEquals(null, e.getCause());
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "maxAllowedViolations", value = "1")
  void maxAllowedViolationsToleratesThatManyFailingFindings(CheckMojo mojo) throws Exception {
    mojo.execute();
    mojo.maxAllowedViolations = 0;
    assertThrows(MojoFailureException.class, mojo::execute);
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "failOn", value = "never")
  void checkstyleAndCodeQualityReportsHoldTheFindings(CheckMojo mojo) throws Exception {
    mojo.execute();
    String xml = Files.readString(basedir.resolve("target/kustomize-lint/checkstyle-result.xml"));
    String gl = Files.readString(
        basedir.resolve("target/kustomize-lint/gl-code-quality-report.json"));
    assertTrue(xml.contains("source=\"kustomize-lint.patch-target-missing\""), xml);
    assertTrue(gl.contains("\"check_name\": \"patch-target-missing\""), gl);
    mojo.checkstyleFile = "";
    cleanReports();
    mojo.execute();
    assertFalse(Files.exists(basedir.resolve("target/kustomize-lint/checkstyle-result.xml")),
        "an empty value switches the report off");
    assertTrue(Files.exists(basedir.resolve("target/kustomize-lint/kustomize-lint.sarif")));
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  void consolePathsAreRelativeToWhereMavenStarted(CheckMojo mojo) {
    List<String> lines = MojoFixtures.capture(mojo);
    mojo.executionRoot = basedir.getParent().toFile();
    assertThrows(MojoFailureException.class, mojo::execute);
    String prefix = "[error] " + basedir.getFileName() + "/config/overlay/replicas.yaml:";
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix)), String.join("\n", lines));
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  void findingsInTheBaselineDoNotFailAndNewOnesDo(CheckMojo mojo) throws Exception {
    Path baseline = basedir.resolve("target/kustomize-lint/baseline.json");
    mojo.baselineFile = baseline.toFile();
    var result = new Linter(LintOptions.of(basedir.resolve("config"), basedir)).run();
    Baseline.of(result.findings(), basedir).write(baseline);
    List<String> lines = MojoFixtures.capture(mojo);
    mojo.execute();
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("(baselined)")), String.join("\n", lines));
    Files.writeString(baseline, "{\"findings\": []}");
    assertThrows(MojoFailureException.class, mojo::execute);
    Files.writeString(baseline, "not json [");
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().startsWith("<baselineFile>"), e.getMessage());
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "baseline")
  @MojoParameter(name = "baselineFile", value = "target/kustomize-lint/baseline.json")
  void baselineGoalWritesEveryFindingAndPasses(BaselineMojo mojo) throws Exception {
    mojo.execute();
    String json = Files.readString(basedir.resolve("target/kustomize-lint/baseline.json"));
    assertTrue(json.contains("\"rule\": \"patch-target-missing\""), json);
    assertTrue(json.contains("\"file\": \"config/overlay/replicas.yaml\""), json);
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "rules")
  @MojoParameter(name = "disabledRules", value = "orphan-manifest")
  void rulesGoalListsEveryRuleWithItsSeverity(RulesMojo mojo) throws Exception {
    List<String> lines = MojoFixtures.capture(mojo);
    mojo.execute();
    String all = String.join("\n", lines);
    assertTrue(lines.stream().anyMatch(l -> l.matches(
        "\\[info\\] patch-target-missing +error +yes +A patch names .*")), all);
    assertTrue(lines.stream().anyMatch(l -> l.matches(
        "\\[info\\] orphan-manifest +note \\(off\\) +no .*")), all);
    assertEquals(Rules.all().size() + 2, lines.size(), all);
  }

  @Test
  @Basedir(BROKEN)
  @InjectMojo(goal = "check")
  @MojoParameter(name = "failOn", value = "never")
  void adHocOutsideAProjectWritesNoTargetUnlessAsked(CheckMojo mojo) throws Exception {
    Path dir = basedir.resolve("target/kustomize-lint/adhoc");
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/kustomization.yaml"), "resources: []\n");
    // what Maven gives a goal run without a pom: no pom file, defaults under ./target
    mojo.pomFile = null;
    mojo.basedir = dir.toFile();
    mojo.configDirectory = dir.resolve("config").toFile();
    mojo.sarifFile = dir.resolve("target/kustomize-lint/kustomize-lint.sarif").toFile();
    mojo.checkstyleFile = dir.resolve("target/kustomize-lint/checkstyle-result.xml").toString();
    mojo.codeQualityFile = dir.resolve("target/kustomize-lint/gl-code-quality-report.json")
        .toString();
    mojo.execute();
    assertFalse(Files.exists(dir.resolve("target")), "nothing written to ./target");
    mojo.sarifFile = dir.resolve("report.sarif").toFile();
    mojo.execute();
    assertTrue(Files.isRegularFile(dir.resolve("report.sarif")), "written when asked");
    assertFalse(Files.exists(dir.resolve("target")));
  }
}
