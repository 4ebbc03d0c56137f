package io.github.kustomizelint;

import io.github.kustomizelint.report.Finding;
import io.github.kustomizelint.report.Severity;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
 * @param breaking positions in findings of the build-breaking errors, by the build file
 *     they concern (derived from the others)
 */
public record LintResult(List<Finding> findings, List<Path> kustomizations,
    Map<Path, String> buildFiles, Map<Path, Set<Path>> includes, Set<String> breakingRules,
    Set<String> ownBuildOnlyRules, int filesRead, Map<String, List<Integer>> breaking) {

  public LintResult(List<Finding> findings, List<Path> kustomizations,
      Map<Path, String> buildFiles, Map<Path, Set<Path>> includes, Set<String> breakingRules,
      Set<String> ownBuildOnlyRules, int filesRead) {
    this(findings, kustomizations, buildFiles, includes, breakingRules, ownBuildOnlyRules,
        filesRead, breaking(findings, breakingRules));
  }

  // Indexed once, so asking for every kustomization costs each its own includes, not all findings.
  private static Map<String, List<Integer>> breaking(List<Finding> findings, Set<String> rules) {
    Map<String, List<Integer>> out = new HashMap<>();
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (f.severity() == Severity.ERROR && rules.contains(f.ruleId()) && f.build() != null) {
        out.computeIfAbsent(f.build().file().toString(), x -> new ArrayList<>()).add(i);
      }
    }
    return Map.copyOf(out);
  }

  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /**
   * Error findings of build-breaking rules that make kustomize fail on dir, itself or through
   * what it includes, in the order of {@link #findings}.
   */
  public List<Finding> errorsBreaking(Path dir) {
    String own = buildFiles.get(dir);
    List<Integer> at = new ArrayList<>();
    Set<String> files = new HashSet<>();
    Set<Path> seen = new HashSet<>();
    Deque<Path> todo = new ArrayDeque<>(List.of(dir));
    while (!todo.isEmpty()) {
      Path d = todo.pop();
      if (seen.add(d)) {
        String f = buildFiles.get(d);
        if (f != null && files.add(f)) {
          for (int i : breaking.getOrDefault(f, List.of())) {
            if (f.equals(own) || !ownBuildOnlyRules.contains(findings.get(i).ruleId())) {
              at.add(i);
            }
          }
        }
        todo.addAll(includes.getOrDefault(d, Set.of()));
      }
    }
    at.sort(null);
    List<Finding> out = new ArrayList<>(at.size());
    for (int i : at) {
      out.add(findings.get(i));
    }
    return List.copyOf(out);
  }
}
