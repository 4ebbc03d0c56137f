package io.github.kustomizelint.fix;

import io.github.kustomizelint.Analysis;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.report.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What fixers read: the analysis of the tree (paths relative to its root) and file texts. */
public final class FixContext {

  private final Analysis analysis;
  private final Path root;
  private final Set<String> reported = new HashSet<>();
  private final Map<Path, YamlText> texts = new HashMap<>();
  private final Set<Path> created = new HashSet<>();

  private final Path shownAs;

  /** @param shownAs what root is called in messages (the config directory, as the user sees it) */
  FixContext(Analysis analysis, Path root, Path shownAs) {
    this.analysis = analysis;
    this.root = root;
    this.shownAs = shownAs;
    for (Finding f : analysis.result().findings()) {
      reported.add(key(f.ruleId(), root.resolve(f.location().file()), f.location().line(),
          f.location().column()));
    }
  }

  public Analysis analysis() {
    return analysis;
  }

  /** Whether the run reported a finding of rule at (absolute) location: not off, suppressed or excluded. */
  public boolean reported(String ruleId, Location at) {
    return reported.contains(key(ruleId, at.file(), at.line(), at.column()));
  }

  private static String key(String rule, Path file, int line, int column) {
    return rule + "\0" + file.toAbsolutePath().normalize() + "\0" + line + "\0" + column;
  }

  /** The file's text, read once; null when it cannot be read as UTF-8. */
  YamlText text(Path file) {
    return texts.computeIfAbsent(file, f -> {
      try {
        byte[] bytes = Files.readAllBytes(f);
        String s = new String(bytes, StandardCharsets.UTF_8);
        // Only files that survive a round trip are edited, so no byte changes unseen.
        return java.util.Arrays.equals(s.getBytes(StandardCharsets.UTF_8), bytes)
            && !s.startsWith("\uFEFF") ? new YamlText(f, s) : null;
      } catch (IOException | UncheckedIOException e) {
        return null;
      }
    });
  }

  /** The reported findings of one rule. */
  java.util.List<Finding> findings(String ruleId) {
    return analysis.result().findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  /** A finding's location with its file made absolute again. */
  Location absolute(Location at) {
    return new Location(root.resolve(at.file()), at.line(), at.column());
  }

  /** The kustomization read from file. */
  Kustomization kustomization(Path file) {
    for (Kustomization k : analysis.context().kustomizations()) {
      if (k.file().equals(file)) {
        return k;
      }
    }
    return null;
  }

  String show(Path p) {
    return shownAs.resolve(root.relativize(p).toString()).toString();
  }

  /** A file name for a new manifest in dir that no file and no other fix uses. */
  Path freeName(Path dir, String stem) {
    for (int i = 1; ; i++) {
      Path p = dir.resolve(stem + (i == 1 ? "" : "-" + i) + ".yaml");
      if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && created.add(p)) {
        return p;
      }
    }
  }
}
