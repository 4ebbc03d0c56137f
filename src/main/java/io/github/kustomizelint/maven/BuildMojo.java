package io.github.kustomizelint.maven;

import io.github.kustomizelint.FailOn;
import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.render.BuildRunner;
import io.github.kustomizelint.report.Finding;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes each kustomization's {@code kustomize build} output to
 * {@code <outputDirectory>/<dir>/build.yaml}, without a kustomize binary. A kustomization that
 * uses something the renderer does not model yet gets no file and a note naming it; one that
 * kustomize cannot build gets no file and its check findings, and fails the goal.
 */
@Mojo(name = "build", threadSafe = true, requiresProject = false)
public class BuildMojo extends AbstractMojo {

  /** The kustomize tree to render (as for {@code check}). */
  @Parameter(property = "kustomize-lint.configDirectory", defaultValue = "${project.basedir}/config")
  File configDirectory;

  /** Directories relative to configDirectory to render (default: every non-Component kustomization). */
  @Parameter
  List<String> kustomizations;

  /** Where the build.yaml files are written. */
  @Parameter(property = "kustomize-lint.outputDirectory",
      defaultValue = "${project.build.directory}/kustomize-lint/build")
  File outputDirectory;

  /** Skips the goal. */
  @Parameter(property = "kustomize-lint.skip", defaultValue = "false")
  boolean skip;

  /** Paths in messages are relative to this directory (the working directory without a pom). */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("kustomize-lint: skipped (kustomize-lint.skip)");
      return;
    }
    Path base = (basedir != null ? basedir.toPath() : Path.of("")).toAbsolutePath().normalize();
    Path config = base.resolve(orDefault(configDirectory, Path.of("config")));
    Path out = base.resolve(orDefault(outputDirectory,
        Path.of("target", "kustomize-lint", "build")));
    if (!Files.isDirectory(config)) {
      getLog().info("kustomize-lint: no " + config + " directory, nothing to build");
      return;
    }
    BuildRunner.Report report;
    try {
      report = new BuildRunner(LintOptions.of(config, base), out)
          .run(kustomizations == null ? List.of() : kustomizations);
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("kustomize-lint could not build " + config + ": "
          + e.getMessage(), e);
    }
    int failed = 0;
    for (BuildRunner.Outcome o : report.outcomes()) {
      if (o.written() != null) {
        getLog().info("kustomize-lint: wrote " + o.written());
      } else if (o.unmodelled() != null) {
        getLog().info("kustomize-lint: no build.yaml for " + o.dir() + ": it uses "
            + o.unmodelled() + ", which the renderer does not model yet");
      } else {
        failed++;
        for (Finding f : o.failures()) {
          getLog().error(f.toString());
        }
      }
    }
    if (failed > 0 && FailOn.parse("error").failing(report.check().findings()) > 0) {
      throw new MojoFailureException("kustomize-lint: kustomize cannot build " + failed
          + " kustomization" + (failed == 1 ? "" : "s") + "; see the errors above");
    }
  }

  // Without a pom (requiresProject = false) project paths stay unset or uninterpolated.
  private static Path orDefault(File f, Path fallback) {
    return f == null || f.getPath().contains("${") ? fallback : f.toPath();
  }
}
