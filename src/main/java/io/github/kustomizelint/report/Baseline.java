package io.github.kustomizelint.report;

import static io.github.kustomizelint.report.Json.str;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The findings a team accepted when adopting the linter on an existing tree, keyed by their
 * fingerprints (robust to line shifts). Stored as JSON in a stable order; read with SnakeYAML,
 * since JSON is YAML.
 */
public final class Baseline {

  /** One accepted finding. */
  public record Entry(String rule, String file, String fingerprint, String message) {}

  /** A run's findings split by the baseline. */
  public record Split(List<Finding> baselined, List<Finding> fresh, List<Entry> gone) {}

  private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::file)
      .thenComparing(Entry::rule).thenComparing(Entry::fingerprint);

  private final List<Entry> entries;

  private Baseline(List<Entry> entries) {
    this.entries = entries.stream().sorted(ORDER).toList();
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The baseline of findings (paths relative to base, as the findings carry them). */
  public static Baseline of(List<Finding> findings, Path base) {
    List<String> keys = Fingerprints.of(findings, base);
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      out.add(new Entry(f.ruleId(), f.location().file().toString().replace('\\', '/'),
          keys.get(i), f.message()));
    }
    return new Baseline(out);
  }

  /**
   * Reads a baseline file.
   *
   * @throws IllegalArgumentException naming the file when it is not a baseline
   */
  public static Baseline read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
    if (!(doc instanceof Map<?, ?> m) || !(m.get("findings") instanceof List<?> list)) {
      throw new IllegalArgumentException(file + " is not a kustomize-lint baseline (no"
          + " \"findings\" list); write it with the baseline goal");
    }
    List<Entry> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> e) || !(e.get("fingerprint") instanceof String fp)) {
        throw new IllegalArgumentException(file + ": a baseline entry without a fingerprint");
      }
      out.add(new Entry(String.valueOf(e.get("rule")), String.valueOf(e.get("file")), fp,
          String.valueOf(e.get("message"))));
    }
    return new Baseline(out);
  }

  public void write(Path out) throws IOException {
    StringBuilder sb = new StringBuilder("{\n  \"tool\": \"kustomize-lint\",\n")
        .append("  \"comment\": \"findings accepted when adopting kustomize-lint; regenerate with"
            + " mvn kustomize-lint:baseline\",\n  \"findings\": [");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      sb.append(i == 0 ? "\n" : ",\n")
          .append("    {\"rule\": ").append(str(e.rule()))
          .append(", \"file\": ").append(str(e.file()))
          .append(", \"fingerprint\": ").append(str(e.fingerprint()))
          .append(",\n     \"message\": ").append(str(e.message())).append("}");
    }
    sb.append(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    ReportFiles.write(out, sb.toString());
  }

  /** Which findings the baseline covers, which are new, and which entries no longer occur. */
  public Split split(List<Finding> findings, Path base) {
    List<String> keys = Fingerprints.of(findings, base);
    Map<String, Entry> byKey = new LinkedHashMap<>();
    for (Entry e : entries) {
      byKey.put(e.fingerprint(), e);
    }
    Set<String> used = new HashSet<>();
    List<Finding> baselined = new ArrayList<>();
    List<Finding> fresh = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      if (byKey.containsKey(keys.get(i))) {
        used.add(keys.get(i));
        baselined.add(findings.get(i));
      } else {
        fresh.add(findings.get(i));
      }
    }
    List<Entry> gone = entries.stream().filter(e -> !used.contains(e.fingerprint())).toList();
    return new Split(List.copyOf(baselined), List.copyOf(fresh), gone);
  }
}
