package io.github.kustomizelint.bench;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.LintResult;
import io.github.kustomizelint.Linter;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The benchmark harness (issue #10): for a folder of trees and for generated trees of given
 * sizes, in one JVM, times warm lint runs against the parse floor (SnakeYAML composing every
 * YAML file once, nothing else) measured in the same run, and against {@code kubectl
 * kustomize} over the kustomizations when kubectl is on the PATH (a sample, extrapolated).
 * Prints a Markdown table. Run by scripts/bench.sh or {@code mvn -Pbench test-compile
 * exec:java}; numbers belong in notes and README, never in assertions.
 *
 * <p>Arguments: {@code [--folder DIR] [--sizes 100,1000,10000] [--warmup N] [--runs N]
 * [--kubectl-sample N] [--without RULE,RULE]} (a sample of 0 skips kubectl; the rules named are
 * switched off), or {@code --unlisted N} alone.
 */
public final class Bench {

  private Bench() {}

  record Case(String name, Path root, List<Path> units) {}

  record Row(String name, int kustomizations, int filesRead, int yamlFiles, long bytes,
      double checkMs, double checkMin, double checkMax, double floorMs, double floorMin,
      double floorMax, long peakHeap, String kubectl, double kubectlMs, double checkCpuMs,
      double floorCpuMs, double allocatedMiB, long liveHeap, double buildMs, int rendered) {}

  /** Also time the build goal's core: every checked kustomization rendered ({@code --build}). */
  private static boolean build;

  /** Rules switched off for a run ({@code --without id,id}), to price what they cost. */
  private static final java.util.Map<String, java.util.Optional<io.github.kustomizelint.report.Severity>>
      OFF = new java.util.HashMap<>();

  public static void main(String[] args) throws Exception {
    Path folder = Path.of("../shared/corpus");
    String sizes = "100,1000,10000";
    int warmup = 2;
    int runs = 5;
    int sample = 40;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--folder" -> folder = Path.of(args[i + 1]);
        case "--sizes" -> sizes = args[i + 1];
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--kubectl-sample" -> sample = Integer.parseInt(args[i + 1]);
        case "--without" -> {
          for (String id : args[i + 1].split(",")) {
            OFF.put(id, java.util.Optional.empty());
          }
        }
        case "--build" -> build = Boolean.parseBoolean(args[i + 1]);
        case "--unlisted" -> {
          unlisted(Integer.parseInt(args[i + 1]));
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<Case> cases = new ArrayList<>();
    if (!folder.toString().equals("none") && Files.isDirectory(folder)) {
      Path root = folder.toAbsolutePath().normalize();
      try (Stream<Path> s = Files.list(root)) {
        // One run per top-level folder, as each would be its own module's build.
        cases.add(new Case(root.getFileName().toString(), root, s.filter(Files::isDirectory)
            .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()));
      }
    }
    Path scratch = Files.createTempDirectory("kustomize-lint-bench");
    for (String n : sizes.split(",")) {
      if (!n.isBlank()) {
        Path config = TreeGenerator.write(scratch.resolve("gen-" + n.strip()),
            Integer.parseInt(n.strip()));
        cases.add(new Case("generated " + n.strip(), config, List.of(config)));
      }
    }
    List<Row> rows = new ArrayList<>();
    try {
      for (Case c : cases) {
        rows.add(measure(c, warmup, runs, sample));
      }
    } finally {
      try (Stream<Path> s = Files.walk(scratch)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p); // the generated trees: 180 MB at 10,000 kustomizations
        }
      }
    }
    System.out.printf("%nJava %s, %d cpus, -Xmx%d MiB, %d warm-up + %d measured runs each;"
        + " medians (min-max)%n%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        warmup, runs);
    System.out.println("| tree | kustomizations | files read / YAML files | MiB YAML | check ms |"
        + " parse floor ms | check / floor | check CPU ms | floor CPU ms | check / floor CPU |"
        + " allocated MiB | peak heap MiB | heap after GC MiB | kubectl kustomize ms |"
        + " check / kubectl |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (Row r : rows) {
      System.out.printf("| %s | %d | %d / %d | %.1f | %.0f (%.0f-%.0f) | %.0f (%.0f-%.0f) |"
          + " %.2f | %.0f | %.0f | %.2f | %.0f | %d | %d | %s | %s |%n", r.name(), r.kustomizations(),
          r.filesRead(), r.yamlFiles(), r.bytes() / 1048576.0, r.checkMs(), r.checkMin(),
          r.checkMax(), r.floorMs(), r.floorMin(), r.floorMax(), r.checkMs() / r.floorMs(),
          r.checkCpuMs(), r.floorCpuMs(), r.checkCpuMs() / r.floorCpuMs(), r.allocatedMiB(),
          r.peakHeap() >> 20, r.liveHeap() >> 20, r.kubectl(),
          r.kubectlMs() > 0 ? String.format("%.3f", r.checkMs() / r.kubectlMs()) : "n/a");
    }
    if (build) {
      System.out.println();
      System.out.println("| tree | build ms (render every kustomization) | rendered | kubectl / build |");
      System.out.println("|---|---|---|---|");
      for (Row r : rows) {
        System.out.printf("| %s | %.0f | %d of %d | %s |%n", r.name(), r.buildMs(), r.rendered(),
            r.kustomizations(), r.kubectlMs() > 0 ? String.format("%.1f", r.kubectlMs()
                / r.buildMs()) : "n/a");
      }
    }
  }

  /**
   * Issue #7's memory bound: one check over a kustomization with n unlisted 1 MiB manifests
   * beside it (hard links to one file, so the disk holds 1 MiB); run under -Xmx256m.
   */
  private static void unlisted(int n) throws IOException {
    Path config = Files.createTempDirectory("kustomize-lint-unlisted").resolve("config");
    Files.createDirectories(config);
    Files.writeString(config.resolve("kustomization.yaml"), "resources: []\n");
    StringBuilder big = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
        + "  name: big\ndata:\n");
    for (int i = 0; big.length() < 1 << 20; i++) {
      big.append("  key").append(i).append(": ").append("x".repeat(100)).append('\n');
    }
    Path one = Files.writeString(config.resolve("unlisted-0.yaml"), big);
    for (int i = 1; i < n; i++) {
      Files.createLink(config.resolve("unlisted-" + i + ".yaml"), one);
    }
    resetPeaks();
    long t0 = System.nanoTime();
    CostMeter meter = CostMeter.start();
    LintResult r = new Linter(LintOptions.of(config, config.getParent())).run();
    CostMeter.Cost c = meter.stop();
    System.out.printf("%d unlisted 1 MiB files: %d findings, %.0f ms (CPU %.0f ms, %.0f MiB"
        + " allocated), peak heap %d MiB of -Xmx%d MiB%n", n, r.findings().size(),
        (System.nanoTime() - t0) / 1e6, c.cpuMs(), c.allocatedMiB(),
        peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }

  private static Row measure(Case c, int warmup, int runs, int sample) throws Exception {
    List<Path> yaml;
    try (Stream<Path> s = Files.walk(c.root())) {
      yaml = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(Files::isRegularFile).sorted().toList();
    }
    long bytes = 0;
    for (Path p : yaml) {
      bytes += Files.size(p);
    }
    List<Double> check = new ArrayList<>();
    List<Double> floor = new ArrayList<>();
    List<Double> checkCpu = new ArrayList<>();
    List<Double> floorCpu = new ArrayList<>();
    List<Double> allocated = new ArrayList<>();
    List<Double> builds = new ArrayList<>();
    int rendered = 0;
    long peak = 0;
    long live = 0;
    int kustomizations = 0;
    int filesRead = 0;
    List<Path> built = new ArrayList<>();
    for (int i = 0; i < warmup + runs; i++) {
      // Floor and check alternate, so both see the same noise from the shared machine.
      long t0 = System.nanoTime();
      CostMeter meter = CostMeter.start();
      long nodes = floor(yaml);
      double floorMs = (System.nanoTime() - t0) / 1e6;
      double floorCpuMs = meter.stop().cpuMs();
      resetPeaks();
      t0 = System.nanoTime();
      meter = CostMeter.start();
      kustomizations = 0;
      filesRead = 0;
      built.clear();
      for (Path unit : c.units()) {
        LintResult r = new Linter(LintOptions.of(unit, c.root()).withSeverities(OFF)).run();
        kustomizations += r.kustomizations().size();
        filesRead += r.filesRead();
        built.addAll(r.kustomizations());
      }
      double checkMs = (System.nanoTime() - t0) / 1e6;
      CostMeter.Cost c1 = meter.stop();
      long heap = peakHeap();
      Thread.sleep(100); // collection notifications arrive on a thread of their own
      long liveHeap = LiveHeap.max();
      System.err.printf("%s %s %d: check %.0f ms (CPU %.0f ms, %.0f MiB allocated), floor %.0f ms"
          + " (CPU %.0f ms, %d documents), peak heap %d MiB, after GC %d MiB%n", c.name(),
          i < warmup ? "warm-up" : "run", i + 1, checkMs, c1.cpuMs(),
          c1.allocatedMiB(), floorMs, floorCpuMs, nodes, heap >> 20, liveHeap >> 20);
      if (build) {
        // one renderer per module, as the build goal's run has
        long b0 = System.nanoTime();
        rendered = 0;
        for (Path unit : c.units()) {
          io.github.kustomizelint.render.Renderer renderer =
              new io.github.kustomizelint.render.Renderer(new io.github.kustomizelint.load.YamlCache());
          for (Path dir : built) {
            if (dir.startsWith(unit) && renderer.render(dir).rendered()) {
              rendered++;
            }
          }
        }
        double buildMs = (System.nanoTime() - b0) / 1e6;
        System.err.printf("%s %d: build %.0f ms, %d rendered%n", c.name(), i + 1, buildMs,
            rendered);
        if (i >= warmup) {
          builds.add(buildMs);
        }
      }
      if (i >= warmup) {
        check.add(checkMs);
        floor.add(floorMs);
        checkCpu.add(c1.cpuMs());
        floorCpu.add(floorCpuMs);
        allocated.add(c1.allocatedMiB());
        peak = Math.max(peak, heap);
        live = Math.max(live, liveHeap);
      }
    }
    Collections.sort(check);
    Collections.sort(floor);
    Collections.sort(checkCpu);
    Collections.sort(floorCpu);
    Collections.sort(allocated);
    String kubectl = "n/a";
    double kubectlMs = 0;
    if (sample > 0 && onPath("kubectl") && !built.isEmpty()) {
      List<Path> picked = new ArrayList<>();
      int step = Math.max(1, built.size() / sample);
      for (int i = 0; i < built.size() && picked.size() < sample; i += step) {
        picked.add(built.get(i));
      }
      double total = 0;
      for (Path dir : picked) {
        total += kubectl(dir);
      }
      kubectlMs = total / picked.size() * built.size();
      kubectl = picked.size() == built.size() ? String.format("%.0f", kubectlMs)
          : String.format("%.0f (est. from %d of %d)", kubectlMs, picked.size(), built.size());
    }
    return new Row(c.name(), kustomizations, filesRead, yaml.size(), bytes, median(check),
        check.get(0), check.get(check.size() - 1), median(floor), floor.get(0),
        floor.get(floor.size() - 1), peak, kubectl, kubectlMs, median(checkCpu), median(floorCpu),
        median(allocated), live, builds.isEmpty() ? 0 : median(sortedCopy(builds)), rendered);
  }

  private static List<Double> sortedCopy(List<Double> l) {
    List<Double> out = new ArrayList<>(l);
    Collections.sort(out);
    return out;
  }

  private static double median(List<Double> sorted) {
    return sorted.get(sorted.size() / 2);
  }

  /** The floor: read and compose every YAML file once; returns the documents composed. */
  static long floor(List<Path> files) {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit(64 * 1024 * 1024);
    o.setAllowDuplicateKeys(true);
    o.setMaxAliasesForCollections(Integer.MAX_VALUE);
    long docs = 0;
    for (Path p : files) {
      try {
        for (Node n : new Yaml(o).composeAll(new StringReader(Files.readString(p)))) {
          docs += n == null ? 0 : 1;
        }
      } catch (IOException | RuntimeException e) {
        // a file the floor cannot read costs what it cost until then
      }
    }
    return docs;
  }

  private static double kubectl(Path dir) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void resetPeaks() {
    System.gc();
    LiveHeap.reset();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
