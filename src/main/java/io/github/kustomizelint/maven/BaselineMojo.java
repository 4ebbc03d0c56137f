package io.github.kustomizelint.maven;

import io.github.kustomizelint.report.Baseline;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes every current finding to the baseline file, so that check fails only on new ones:
 * the first step when adopting the linter on an existing tree.
 */
// requiresProject stays true: Maven runs a project-less goal once per reactor, not per module.
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractLintMojo {

  @Override
  void report(Lint lint) throws MojoExecutionException {
    Path out = base().resolve(orDefault(baselineFile, Path.of("kustomize-lint-baseline.json")));
    Baseline baseline = Baseline.of(lint.result().findings(), base());
    try {
      baseline.write(out);
    } catch (IOException e) {
      throw new MojoExecutionException("<baselineFile> (kustomize-lint.baselineFile): cannot"
          + " write " + show(out) + ": " + e.getMessage(), e);
    }
    getLog().info("kustomize-lint: baseline of " + plural(baseline.entries().size(), "finding")
        + " from " + plural(lint.result().kustomizations().size(), "kustomization")
        + " written to " + show(out) + "; check now fails only on new findings");
  }
}
