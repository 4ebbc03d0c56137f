package io.github.kustomizelint;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times whole lint runs over a folder of trees (one run per top-level folder, as a build
 * would): warm-up runs, then measured runs; prints each, the median and the peak heap.
 * Run by scripts/bench.sh; numbers belong in notes, never in assertions.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<Path> units;
    try (Stream<Path> s = Files.list(root)) {
      units = s.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
    long bytes = 0;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .toList()) {
        bytes += Files.size(p);
      }
    }
    List<Double> times = new ArrayList<>();
    int kustomizations = 0;
    int files = 0;
    for (int i = 0; i < warmup + runs; i++) {
      resetPeaks();
      long t0 = System.nanoTime();
      kustomizations = 0;
      files = 0;
      for (Path unit : units) {
        LintResult r = new Linter(LintOptions.of(unit, root)).run();
        kustomizations += r.kustomizations().size();
        files += r.filesRead();
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      System.out.printf("%s %d: %.0f ms, peak heap %d MiB%n", i < warmup ? "warm-up" : "run",
          i + 1, ms, peakHeap() >> 20);
      if (i >= warmup) {
        times.add(ms);
      }
    }
    Collections.sort(times);
    System.out.printf("%d units, %d kustomizations, %d files read, %.1f MiB of YAML under the"
        + " folder%nmedian %.0f ms, min %.0f ms, max %.0f ms over %d runs (Java %s, %d cpus)%n",
        units.size(), kustomizations, files, bytes / 1048576.0, times.get(times.size() / 2),
        times.get(0), times.get(times.size() - 1), runs, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
  }

  private static void resetPeaks() {
    System.gc();
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
