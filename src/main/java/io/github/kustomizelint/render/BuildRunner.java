package io.github.kustomizelint.render;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.LintResult;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.report.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build goal's core: checks the tree, then for each kustomization writes
 * {@code <output>/<dir>/build.yaml} only when kustomize would build it and every feature it
 * uses is modelled; otherwise says why no file was written.
 */
public final class BuildRunner {

  /** What happened to one kustomization directory. */
  public record Outcome(Path dir, Path written, List<Finding> failures, String unmodelled) {}

  public record Report(LintResult check, List<Outcome> outcomes) {}

  private final LintOptions options;
  private final Path output;

  public BuildRunner(LintOptions options, Path output) {
    this.options = options;
    this.output = output;
  }

  /**
   * @param only directories relative to the config directory; empty means every
   *     kustomization the check built (Components excluded)
   */
  public Report run(List<String> only) throws IOException {
    LintResult check = new Linter(options).run();
    Path config = options.configDirectory();
    List<Path> dirs = new ArrayList<>();
    if (only.isEmpty()) {
      dirs.addAll(check.kustomizations());
    } else {
      only.forEach(d -> dirs.add(config.resolve(d).toAbsolutePath().normalize()));
    }
    Renderer renderer = new Renderer(new YamlCache());
    List<Outcome> outcomes = new ArrayList<>();
    for (Path dir : dirs) {
      List<Finding> failures = check.errorsBreaking(dir);
      if (!failures.isEmpty()) {
        outcomes.add(new Outcome(dir, null, failures, null));
        continue;
      }
      Renderer.Result r = renderer.render(dir);
      if (!r.rendered()) {
        String where = r.unmodelled().at() == null ? dir.toString()
            : r.unmodelled().at().toString();
        outcomes.add(new Outcome(dir, null, List.of(),
            r.unmodelled().feature() + " (" + where + ")"));
        continue;
      }
      Path target = output.resolve(config.relativize(dir).toString()).resolve("build.yaml");
      Files.createDirectories(target.getParent());
      Files.writeString(target, r.yaml(), StandardCharsets.UTF_8);
      outcomes.add(new Outcome(dir, target, List.of(), null));
    }
    return new Report(check, outcomes);
  }
}
