package io.github.kustomizelint.rules;

import io.github.kustomizelint.resolve.Occurrence;
import io.github.kustomizelint.resolve.PatchOutcome;
import io.github.kustomizelint.resolve.ReplacementOutcome;
import io.github.kustomizelint.resolve.VarOutcome;
import io.github.kustomizelint.load.YamlFile;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.Suppression;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything rules read: the problems met while loading, every patch applied, every
 * kustomization and manifest read, and the YAML files of the tree.
 *
 * @param base the directory paths in messages are relative to
 * @param manifests every resource file read, with the first object of each document
 * @param yamlFiles every YAML file under the config directory, sorted
 * @param read reads a file for a one-off look: the cached one, or parsed without keeping its nodes
 * @param unusedSuppressions disable comments no finding used; known only once other rules ran
 */
public record LintContext(
    Path base,
    List<Occurrence> problems,
    List<PatchOutcome> outcomes,
    List<ReplacementOutcome> replacements,
    List<VarOutcome> vars,
    List<Kustomization> kustomizations,
    Map<Path, List<Resource>> manifests,
    List<Path> yamlFiles,
    Function<Path, YamlFile> read,
    List<Suppression> unusedSuppressions) {

  public LintContext withUnusedSuppressions(List<Suppression> unused) {
    return new LintContext(base, problems, outcomes, replacements, vars, kustomizations, manifests, yamlFiles, read,
        List.copyOf(unused));
  }

  /** The message with absolute paths under base made relative, as findings show them. */
  public String relativeText(String message) {
    return message.replace(base.toString() + java.io.File.separator, "");
  }

  public String show(Path p) {
    Path rel = p.startsWith(base) ? base.relativize(p) : p;
    String s = rel.toString();
    return s.isEmpty() ? "." : s;
  }
}
