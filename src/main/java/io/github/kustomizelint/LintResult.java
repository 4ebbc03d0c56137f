package io.github.kustomizelint;

import io.github.kustomizelint.report.Finding;
import io.github.kustomizelint.report.Severity;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings, sorted, and what is needed to tell which kustomization builds they break.
 *
 * @param kustomizations every kustomization directory linted as a build (Components excluded)
 * @param buildFiles the kustomization file of each built directory, as findings name it
 * @param includes the bases and components each built directory includes
 * @param breakingRules ids of the rules whose findings mean kustomize itself fails
 * @param ownBuildOnlyRules of those, the ones that fail only the build of their own directory
 */
public record LintResult(List<Finding> findings, List<Path> kustomizations,
    Map<Path, String> buildFiles, Map<Path, Set<Path>> includes, Set<String> breakingRules,
    Set<String> ownBuildOnlyRules, int filesRead) {

  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /**
   * Error findings of build-breaking rules that make kustomize fail on dir, itself or through
   * what it includes.
   */
  public List<Finding> errorsBreaking(Path dir) {
    Set<String> files = new HashSet<>();
    Set<Path> seen = new HashSet<>();
    Deque<Path> todo = new ArrayDeque<>(List.of(dir));
    while (!todo.isEmpty()) {
      Path d = todo.pop();
      if (seen.add(d)) {
        String f = buildFiles.get(d);
        if (f != null) {
          files.add(f);
        }
        todo.addAll(includes.getOrDefault(d, Set.of()));
      }
    }
    String own = buildFiles.get(dir);
    return findings.stream()
        .filter(f -> f.severity() == Severity.ERROR && breakingRules.contains(f.ruleId())
            && f.build() != null
            && (ownBuildOnlyRules.contains(f.ruleId()) ? f.build().file().toString().equals(own)
                : files.contains(f.build().file().toString())))
        .toList();
  }
}
