package io.github.kustomizelint.maven;

import io.github.kustomizelint.FailOn;
import io.github.kustomizelint.render.BuildRunner;
import io.github.kustomizelint.report.Finding;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
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
public class BuildMojo extends AbstractLintMojo {

  /** Directories relative to configDirectory to render (default: every non-Component kustomization). */
  @Parameter
  List<String> kustomizations;

  /** Where the build.yaml files are written. */
  @Parameter(property = "kustomize-lint.outputDirectory",
      defaultValue = "${project.build.directory}/kustomize-lint/build")
  File outputDirectory;

  // The runner checks first, then renders what the check lets through.
  @Override
  boolean lintsFirst() {
    return false;
  }

  @Override
  void report(Lint lint) throws MojoExecutionException, MojoFailureException {
    Path out = base().resolve(orDefault(outputDirectory,
        Path.of("target", "kustomize-lint", "build")));
    BuildRunner.Report report;
    try {
      report = new BuildRunner(lint.options(), out)
          .run(kustomizations == null ? List.of() : kustomizations);
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("kustomize-lint could not build " + show(lint.config())
          + ": " + e.getMessage(), e);
    }
    int failed = 0;
    for (BuildRunner.Outcome o : report.outcomes()) {
      if (o.written() != null) {
        getLog().info("kustomize-lint: wrote " + show(o.written()));
      } else if (o.unmodelled() != null) {
        getLog().info("kustomize-lint: no build.yaml for " + o.dir() + ": it uses "
            + o.unmodelled() + ", which the renderer does not model yet");
      } else {
        failed++;
        o.failures().forEach(this::log);
      }
    }
    if (failed > 0 && FailOn.parse("error").failing(report.check().findings()) > 0) {
      throw new MojoFailureException("kustomize-lint: kustomize cannot build " + failed
          + " kustomization" + (failed == 1 ? "" : "s") + "; see the errors above");
    }
  }
}
