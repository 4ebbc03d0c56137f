package io.github.kustomizelint.maven;

import io.github.kustomizelint.LintResult;
import io.github.kustomizelint.UpToDate;
import io.github.kustomizelint.report.Baseline;
import io.github.kustomizelint.report.CheckstyleWriter;
import io.github.kustomizelint.report.CodeQualityWriter;
import io.github.kustomizelint.report.Finding;
import io.github.kustomizelint.report.ReportPaths;
import io.github.kustomizelint.report.SarifWriter;
import io.github.kustomizelint.report.Severity;
import io.github.kustomizelint.rules.Rules;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Checks every kustomization under the config directory for patches kustomize cannot apply. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
    requiresProject = false)
public class CheckMojo extends AbstractLintMojo {

  /** Where the SARIF 2.1.0 report is written. */
  @Parameter(property = "kustomize-lint.sarifFile",
      defaultValue = "${project.build.directory}/kustomize-lint/kustomize-lint.sarif")
  File sarifFile;

  /** SARIF URIs are relative to it (default: the enclosing git repository, else the project). */
  @Parameter(property = "kustomize-lint.sarifBaseDirectory")
  File sarifBaseDirectory;

  /** The SARIF run's automationDetails.id; distinct per module, as GitHub requires. */
  @Parameter(property = "kustomize-lint.sarifCategory",
      defaultValue = "kustomize-lint/${project.artifactId}/")
  String sarifCategory;

  /** Checkstyle XML report (Jenkins Warnings NG, reviewdog); empty to switch it off. */
  @Parameter(property = "kustomize-lint.checkstyleFile",
      defaultValue = "${project.build.directory}/kustomize-lint/checkstyle-result.xml")
  String checkstyleFile;

  /** GitLab Code Quality report; empty to switch it off. */
  @Parameter(property = "kustomize-lint.codeQualityFile",
      defaultValue = "${project.build.directory}/kustomize-lint/gl-code-quality-report.json")
  String codeQualityFile;

  /** How many failing findings (at failOn or above) are tolerated before the build fails. */
  @Parameter(property = "kustomize-lint.maxAllowedViolations", defaultValue = "0")
  int maxAllowedViolations;

  @Override
  void skipped(Path base) throws MojoExecutionException {
    writeReports(List.of(), null);
  }

  @Override
  void report(Lint lint) throws MojoExecutionException, MojoFailureException {
    LintResult result = lint.result();
    List<Finding> failing = result.findings();
    Path baseline = baselineFile == null ? null : base().resolve(orDefault(baselineFile,
        Path.of("kustomize-lint-baseline.json")));
    String baselined = "";
    Set<Finding> accepted = null;
    if (baseline != null && Files.isRegularFile(baseline)) {
      Baseline.Split split;
      try {
        split = Baseline.read(baseline).split(result.findings(), base());
      } catch (IOException | IllegalArgumentException e) {
        throw new MojoExecutionException("<baselineFile> (kustomize-lint.baselineFile): "
            + e.getMessage());
      }
      for (Finding f : split.baselined()) {
        getLog().info(f.toString(show(base().resolve(f.location().file()))) + " (baselined)");
      }
      for (Baseline.Entry e : split.gone()) {
        getLog().info(show(base().resolve(e.file())) + ": note [" + e.rule()
            + "] baseline entry no longer occurs; run kustomize-lint:baseline to drop it");
      }
      failing = split.fresh();
      accepted = Set.copyOf(split.baselined());
      baselined = ", " + split.baselined().size() + " baselined in " + show(baseline);
    }
    failing.forEach(this::log);
    String reports = writeReports(result.findings(), accepted);
    String counts = plural(failing.stream().filter(f -> f.severity() == Severity.ERROR).count(),
        "error") + ", " + plural(failing.stream().filter(f -> f.severity() == Severity.WARNING)
        .count(), "warning") + ", " + plural(failing.stream()
        .filter(f -> f.severity() == Severity.NOTE).count(), "note");
    getLog().info("kustomize-lint: " + plural(result.kustomizations().size(), "kustomization")
        + " checked under " + show(lint.config()) + ": " + counts + baselined + reports);
    long over = lint.threshold().failing(failing);
    if (over > Math.max(0, maxAllowedViolations)) {
      throw new MojoFailureException("kustomize-lint found " + counts + " (failOn=" + failOn
          + (maxAllowedViolations > 0 ? ", maxAllowedViolations=" + maxAllowedViolations : "")
          + "); see the lines above" + (reports.isEmpty() ? "" : " or " + firstReport()));
    } else if (over > 0) {
      getLog().warn("kustomize-lint: " + over + " failing findings, within maxAllowedViolations="
          + maxAllowedViolations);
    }
  }

  @Override
  UpToDate upToDate(Path config) throws MojoExecutionException {
    Path sarif = reportFile(sarifFile == null ? null : sarifFile.getPath(), SARIF_DEFAULT);
    // Without a project there is no target/ to remember the last run in.
    if (orDefault(buildDirectory, null) == null || pomFile == null) {
      return null;
    }
    Path baseline = baselineFile == null ? null : base().resolve(orDefault(baselineFile,
        Path.of("kustomize-lint-baseline.json")));
    String accepted;
    try {
      accepted = baseline != null && Files.isRegularFile(baseline)
          ? Files.readString(baseline) : "no baseline";
    } catch (IOException e) {
      accepted = "unreadable baseline";
    }
    return new UpToDate(base().resolve(buildDirectory.toPath()).resolve("kustomize-lint"),
        config, String.join("\n", sharedParameters(), String.valueOf(sarif),
            String.valueOf(sarifBaseDirectory), sarifCategory, checkstyleFile, codeQualityFile,
            String.valueOf(maxAllowedViolations), accepted));
  }

  // A skipped run must still leave the upload step its SARIF.
  @Override
  boolean reportsKept() {
    Path sarif = reportFile(sarifFile == null ? null : sarifFile.getPath(), SARIF_DEFAULT);
    return sarif == null || Files.isRegularFile(sarif);
  }

  /** Writes every switched-on report; returns the summary's "; SARIF report: ..." part. */
  private String writeReports(List<Finding> findings, Set<Finding> baselined)
      throws MojoExecutionException {
    ReportPaths paths = reportPaths(sarifBaseDirectory);
    Path sarif = reportFile(sarifFile == null ? null : sarifFile.getPath(), SARIF_DEFAULT);
    Path checkstyle = reportFile(checkstyleFile,
        "target/kustomize-lint/checkstyle-result.xml");
    Path codeQuality = reportFile(codeQualityFile,
        "target/kustomize-lint/gl-code-quality-report.json");
    try {
      if (sarif != null) {
        new SarifWriter(getClass().getPackage().getImplementationVersion(),
            sarifCategory == null || sarifCategory.contains("${") ? "kustomize-lint/" : sarifCategory)
            .write(sarif, paths, Rules.docs(), findings, baselined);
      }
      if (checkstyle != null) {
        new CheckstyleWriter().write(checkstyle, paths, findings);
      }
      if (codeQuality != null) {
        new CodeQualityWriter().write(codeQuality, paths, findings);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("kustomize-lint could not write its reports: "
          + e.getMessage(), e);
    }
    return sarif == null ? "" : "; SARIF report: " + show(sarif);
  }

  private String firstReport() {
    Path sarif = reportFile(sarifFile == null ? null : sarifFile.getPath(), SARIF_DEFAULT);
    return sarif == null ? "" : show(sarif);
  }
}
