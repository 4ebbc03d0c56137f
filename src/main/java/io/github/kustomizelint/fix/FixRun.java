package io.github.kustomizelint.fix;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.github.kustomizelint.Analysis;
import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.resolve.Build;
import io.github.kustomizelint.resolve.PatchOutcome;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.report.Severity;
import io.github.kustomizelint.report.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The fix goal's core: lint, collect the fixes offered for reported findings, prove each on a
 * scratch copy of the tree (linted again, the model must show every build unchanged but for
 * the findings fixed), then write them, or only show them as a diff.
 */
public final class FixRun {

  /**
   * @param applied fixes proven and written (or, in a dry run, proven)
   * @param refused findings left alone, with the reason
   * @param diff unified diff of every change (paths relative to the config directory)
   */
  public record Outcome(List<Fix> applied, List<Refusal> refused, String diff) {}

  private static final Pattern POSITIONS = Pattern.compile(":\\d+(:\\d+)?");

  private final LintOptions options;
  private final Set<String> fixRules;
  private final boolean dryRun;

  /**
   * @param fixRules rules whose opt-in fixes run too (manifest-multiple-resources, ...)
   */
  public FixRun(LintOptions options, Set<String> fixRules, boolean dryRun) {
    this.options = options;
    this.fixRules = Set.copyOf(fixRules);
    this.dryRun = dryRun;
  }

  /** Fixes can touch the same text, so they run in rounds until a round has nothing to add. */
  static final int MAX_ROUNDS = 5;

  public Outcome run() throws IOException {
    Path root = options.configDirectory();
    Path scratch = Files.createTempDirectory("kustomize-lint-fix");
    try {
      Path work = scratch.resolve("tree");
      copyTree(root, work);
      work = work.toRealPath();
      List<Fix> applied = new ArrayList<>();
      List<Refusal> refused = new ArrayList<>();
      Set<Path> touched = new TreeSet<>();
      for (int round = 0; round < MAX_ROUNDS; round++) {
        refused = new ArrayList<>();
        List<Fix> proven = round(work, refused);
        if (proven.isEmpty()) {
          break;
        }
        for (Map.Entry<Path, String[]> e : results(proven).entrySet()) {
          touched.add(work.relativize(e.getKey()));
          if (e.getValue()[1] == null) {
            Files.delete(e.getKey());
          } else {
            Files.writeString(e.getKey(), e.getValue()[1], StandardCharsets.UTF_8);
          }
        }
        for (Fix f : proven) {
          applied.add(new Fix(f.ruleId(), moved(f.at(), work, root), f.what(), List.of(),
              f.added()));
        }
      }
      List<Refusal> left = new ArrayList<>();
      for (Refusal r : refused) {
        left.add(new Refusal(r.ruleId(), moved(r.at(), work, root), r.why()));
      }
      Map<Path, String[]> changed = new TreeMap<>();
      for (Path rel : touched) {
        Path was = root.resolve(rel.toString());
        Path now = work.resolve(rel.toString());
        String a = Files.exists(was) ? read(was) : null;
        String b = Files.exists(now) ? read(now) : null;
        if (!Objects.equals(a, b)) {
          changed.put(was, new String[] {a, b});
        }
      }
      String diff = diff(root, shown(), changed);
      if (!dryRun) {
        write(changed);
      }
      return new Outcome(List.copyOf(applied), List.copyOf(left), diff);
    } finally {
      deleteTree(scratch);
    }
  }

  private static Location moved(Location at, Path from, Path to) {
    Path f = at.file().startsWith(from) ? to.resolve(from.relativize(at.file()).toString())
        : at.file();
    return new Location(f, at.line(), at.column());
  }

  /** The fixes offered for the tree as it is, each proven; refusals are added to refused. */
  private List<Fix> round(Path root, List<Refusal> refused) throws IOException {
    Analysis before = analyze(root);
    FixContext context = new FixContext(before, root, shown());
    List<Fix> offered = new ArrayList<>();
    for (Fixer fixer : Fixes.all()) {
      boolean on = options.severities().getOrDefault(fixer.ruleId(),
          Optional.of(Severity.NOTE)).isPresent();
      if (on && (fixer.byDefault() || fixRules.contains(fixer.ruleId()))) {
        for (Fix f : fixer.fixes(context, refused)) {
          if (context.reported(f.ruleId(), f.at())) {
            offered.add(f);
          }
        }
      }
    }
    List<Fix> proven = new ArrayList<>();
    accept(root, before, proven, offered, refused);
    return proven;
  }

  /** The config directory as paths in messages and diffs show it: relative to the project. */
  private Path shown() {
    Path config = options.configDirectory();
    Path base = options.baseDirectory();
    return config.startsWith(base) ? base.relativize(config) : config;
  }

  private Analysis analyze(Path config) {
    return new Linter(new LintOptions(config, config, options.severities(), options.includes(),
        options.excludes(), options.rootOnly(), options.enablePlugins())).analyze();
  }

  /**
   * Adds to proven the candidates that prove together with it. One proof for all is the usual
   * case; halving finds the few fixes that spoil it in a few proofs, not one per fix.
   */
  private void accept(Path root, Analysis before, List<Fix> proven, List<Fix> candidates,
      List<Refusal> refused) throws IOException {
    if (candidates.isEmpty()) {
      return;
    }
    List<Fix> trial = new ArrayList<>(proven);
    trial.addAll(candidates);
    String why = overlap(trial);
    if (why == null) {
      why = prove(root, before, trial);
    }
    if (why == null) {
      proven.addAll(candidates);
    } else if (candidates.size() == 1) {
      refused.add(new Refusal(candidates.get(0).ruleId(), candidates.get(0).at(), why));
    } else {
      int half = candidates.size() / 2;
      accept(root, before, proven, candidates.subList(0, half), refused);
      accept(root, before, proven, candidates.subList(half, candidates.size()), refused);
    }
  }

  /** Null when no two fixes edit the same characters. */
  private static String overlap(List<Fix> fixes) {
    Map<Path, List<TextEdit>> byFile = new HashMap<>();
    for (Fix f : fixes) {
      for (FileChange c : f.changes()) {
        if (c instanceof FileChange.Edit e) {
          byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).addAll(e.edits());
        }
      }
    }
    for (List<TextEdit> edits : byFile.values()) {
      edits.sort(Comparator.naturalOrder());
      for (int i = 1; i < edits.size(); i++) {
        if (edits.get(i - 1).overlaps(edits.get(i))) {
          return "it edits the same text as another fix";
        }
      }
    }
    return null;
  }

  /** Each touched file's text before (null: new) and after (null: deleted). */
  private static Map<Path, String[]> results(List<Fix> fixes) throws IOException {
    Map<Path, List<TextEdit>> edits = new TreeMap<>();
    Map<Path, String[]> out = new TreeMap<>();
    for (Fix f : fixes) {
      for (FileChange c : f.changes()) {
        if (c instanceof FileChange.Edit e) {
          edits.computeIfAbsent(e.file(), k -> new ArrayList<>()).addAll(e.edits());
        } else if (c instanceof FileChange.Create n) {
          out.put(n.file(), new String[] {null, n.text()});
        } else {
          out.put(c.file(), new String[] {read(c.file()), null});
        }
      }
    }
    for (Map.Entry<Path, List<TextEdit>> e : edits.entrySet()) {
      String text = read(e.getKey());
      String[] slot = out.computeIfAbsent(e.getKey(), k -> new String[] {text, text});
      if (slot[1] != null) {
        slot[1] = apply(text, e.getValue());
      }
    }
    return out;
  }

  static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.reverseOrder());
    StringBuilder sb = new StringBuilder(text);
    for (TextEdit e : sorted) {
      sb.replace(e.start(), e.end(), e.text());
    }
    return sb.toString();
  }

  /** Null when, on a scratch copy with the fixes applied, the model shows nothing else changed. */
  private String prove(Path root, Analysis before, List<Fix> fixes) throws IOException {
    Path scratch = Files.createTempDirectory("kustomize-lint-fix");
    try {
      Path copy = scratch.resolve("tree");
      copyTree(root, copy);
      for (Map.Entry<Path, String[]> e : results(fixes).entrySet()) {
        Path target = copy.resolve(root.relativize(e.getKey()).toString());
        if (e.getValue()[1] == null) {
          Files.delete(target);
        } else {
          Files.writeString(target, e.getValue()[1], StandardCharsets.UTF_8);
        }
      }
      Analysis after = analyze(copy.toRealPath());
      return compare(before, after, fixes, root, copy.toRealPath());
    } finally {
      deleteTree(scratch);
    }
  }

  private static String compare(Analysis before, Analysis after, List<Fix> fixes, Path root,
      Path copy) {
    Map<String, Integer> left = findings(before);
    for (Fix f : fixes) {
      String fixed = null;
      for (Finding x : before.result().findings()) {
        if (x.ruleId().equals(f.ruleId())
            && root.resolve(x.location().file()).equals(f.at().file())
            && x.location().line() == f.at().line() && x.location().column() == f.at().column()) {
          fixed = key(x);
        }
      }
      if (fixed == null || left.merge(fixed, -1, Integer::sum) < 0) {
        return "the finding it repairs was not found again";
      }
    }
    Map<String, Integer> right = findings(after);
    for (Map.Entry<String, Integer> e : right.entrySet()) {
      if (e.getValue() > left.getOrDefault(e.getKey(), 0)) {
        String k = e.getKey();
        return "after it the linter would report something new: " + k.replace('\0', ' ');
      }
    }
    int added = fixes.stream().mapToInt(Fix::added).sum();
    for (Map.Entry<Path, Build> b : before.builds().entrySet()) {
      Path dir = root.relativize(b.getKey());
      Build a = after.builds().get(copy.resolve(dir.toString()));
      if (a == null) {
        return "after it " + dir + " would no longer build";
      }
      List<String> was = objects(b.getValue());
      List<String> now = objects(a);
      if (!now.containsAll(was) || now.size() - was.size() > added
          || (added == 0 && !now.equals(was))) {
        return "after it the objects of " + (dir.toString().isEmpty() ? "." : dir)
            + " would change beyond the fix";
      }
    }
    if (!outcomes(before, root).equals(outcomes(after, copy))) {
      return "after it some patch would apply to other objects";
    }
    return null;
  }

  private static Map<String, Integer> findings(Analysis a) {
    Map<String, Integer> out = new HashMap<>();
    for (Finding f : a.result().findings()) {
      out.merge(key(f), 1, Integer::sum);
    }
    return out;
  }

  // Positions shift when a file is edited; what a finding says and where must not.
  private static String key(Finding f) {
    return f.ruleId() + "\0" + f.location().file() + "\0"
        + POSITIONS.matcher(f.message()).replaceAll(":#");
  }

  private static List<String> objects(Build b) {
    List<String> out = new ArrayList<>();
    for (Resource r : b.resources()) {
      out.add(r.id() + " " + new TreeMap<>(r.labels()) + " " + new TreeMap<>(r.annotations()));
    }
    out.sort(null);
    return out;
  }

  /** Which objects each patch of each build ends up applied to. */
  private static Map<String, List<String>> outcomes(Analysis a, Path root) {
    Map<String, List<String>> out = new TreeMap<>();
    for (PatchOutcome o : a.context().outcomes()) {
      if (o.matched().isEmpty()) {
        continue;
      }
      // A selector names where it is written; the objects it picks are what count.
      String target = POSITIONS.matcher(String.valueOf(o.patch().target())
          .replace(root.toString(), "")).replaceAll(":#");
      String k = root.relativize(o.build()) + " " + o.patch().id() + " " + target + " "
          + o.patch().json();
      List<String> ids = out.computeIfAbsent(k, x -> new ArrayList<>());
      for (Resource r : o.matched()) {
        ids.add(r.id().toString());
      }
      ids.sort(null);
    }
    return out;
  }

  private static String diff(Path root, Path shown, Map<Path, String[]> changed) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Path, String[]> e : changed.entrySet()) {
      String name = shown.resolve(root.relativize(e.getKey()).toString()).toString();
      List<String> a = lines(e.getValue()[0]);
      List<String> b = lines(e.getValue()[1]);
      List<String> d = UnifiedDiffUtils.generateUnifiedDiff(
          e.getValue()[0] == null ? "/dev/null" : "a/" + name,
          e.getValue()[1] == null ? "/dev/null" : "b/" + name, a, DiffUtils.diff(a, b), 3);
      for (String l : d) {
        sb.append(l).append('\n');
      }
    }
    return sb.toString();
  }

  private static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : List.of(s.split("\r?\n"));
  }

  private static void write(Map<Path, String[]> changed) throws IOException {
    for (Map.Entry<Path, String[]> e : changed.entrySet()) {
      if (e.getValue()[1] == null) {
        Files.delete(e.getKey());
      } else if (e.getValue()[0] == null) {
        Files.writeString(e.getKey(), e.getValue()[1], StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
      } else {
        Files.writeString(e.getKey(), e.getValue()[1], StandardCharsets.UTF_8);
      }
    }
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
          throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path target = to.resolve(from.relativize(file).toString());
        if (attrs.isSymbolicLink()) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(file));
        } else if (attrs.isRegularFile()) {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a scratch folder left in the temp directory does no harm
    }
  }
}
