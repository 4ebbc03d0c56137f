package io.github.kustomizelint.fuzz;

import io.github.kustomizelint.LintOptions;
import io.github.kustomizelint.LintResult;
import io.github.kustomizelint.Linter;
import io.github.kustomizelint.report.Finding;
import io.github.kustomizelint.report.SarifWriter;
import io.github.kustomizelint.rules.Rules;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lints generated trees one after another, each under a wall-clock bound, and collects every
 * input that ended in anything but findings: an exception or error (out of memory included), a
 * run over the bound, a finding that quotes a file outside the project, or a SARIF report
 * that cannot be written.
 */
public final class FuzzRunner {

  /** What went wrong on one input, with the seed that rebuilds it. */
  public record Failure(long seed, String what) {}

  /** The outcome of a run. */
  public record Report(long inputs, long findings, List<Failure> failures, long maxMillis) {}

  private final Path work;
  private final long timeoutMillis;

  public FuzzRunner(Path work, long timeoutMillis) {
    this.work = work;
    this.timeoutMillis = timeoutMillis;
  }

  public Report run(long firstSeed, long inputs, PrintStream progress) throws IOException {
    List<Failure> failures = new ArrayList<>();
    long findings = 0;
    long maxMillis = 0;
    ExecutorService pool = newPool();
    long start = System.nanoTime();
    for (long i = 0; i < inputs; i++) {
      long seed = firstSeed + i;
      Path case_ = work.resolve("case");
      delete(case_);
      Path project = case_.resolve("project");
      try {
        new TreeGenerator(seed, project, case_.resolve("outside")).write();
      } catch (IOException e) {
        failures.add(new Failure(seed, "generator: " + e)); // our fault, still reported
        continue;
      }
      long t0 = System.nanoTime();
      boolean sarif = i % 20 == 0; // the report of every input would cost more than the lint
      Future<LintResult> f = pool.submit(() -> lint(project, sarif));
      try {
        LintResult result = f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        findings += result.findings().size();
        for (Finding x : result.findings()) {
          if (x.toString().toUpperCase(Locale.ROOT).contains(TreeGenerator.OUTSIDE_MARK.toUpperCase(Locale.ROOT))) {
            failures.add(new Failure(seed, "quotes a file outside the project: " + x));
            break;
          }
        }
      } catch (TimeoutException e) {
        failures.add(new Failure(seed, "over " + timeoutMillis + " ms"));
        f.cancel(true);
        pool.shutdownNow();
        pool = newPool(); // the stuck thread is left behind, the run goes on
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(new Failure(seed, stack(e.getCause())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long took = (System.nanoTime() - t0) / 1_000_000;
      maxMillis = Math.max(maxMillis, took);
      if (progress != null && took > 1000) {
        progress.println("slow: seed " + seed + " took " + took + " ms");
      }
      if (progress != null && (i + 1) % 10_000 == 0) {
        progress.printf("%d inputs, %d findings, %d failures, slowest %d ms, %.0f s%n", i + 1,
            findings, failures.size(), maxMillis, (System.nanoTime() - start) / 1e9);
        progress.flush();
      }
    }
    pool.shutdownNow();
    delete(work.resolve("case"));
    return new Report(inputs, findings, failures, maxMillis);
  }

  private LintResult lint(Path project, boolean sarif) throws IOException {
    LintResult result = new Linter(LintOptions.of(project.resolve("config"), project)).run();
    if (sarif) {
      new SarifWriter("fuzz").write(project.resolve("target/report.sarif"), project, Rules.docs(),
          result.findings());
    }
    return result;
  }

  private static ExecutorService newPool() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-lint");
      t.setDaemon(true);
      return t;
    });
  }

  private static String stack(Throwable t) {
    StringBuilder sb = new StringBuilder(String.valueOf(t));
    StackTraceElement[] st = t.getStackTrace();
    for (int i = 0; i < Math.min(8, st.length); i++) {
      sb.append("\n    at ").append(st[i]);
    }
    return sb.toString();
  }

  static void delete(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Long run: {@code FuzzRunner WORK_DIR INPUTS [FIRST_SEED] [TIMEOUT_MS]}. */
  public static void main(String[] args) throws IOException {
    Path work = Path.of(args[0]);
    long inputs = Long.parseLong(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    long timeout = args.length > 3 ? Long.parseLong(args[3]) : 10_000;
    Files.createDirectories(work);
    Report r = new FuzzRunner(work, timeout).run(seed, inputs, System.out);
    System.out.printf("done: %d inputs from seed %d, %d findings, %d failures, slowest %d ms%n",
        r.inputs(), seed, r.findings(), r.failures().size(), r.maxMillis());
    r.failures().forEach(f -> System.out.println("FAIL seed " + f.seed() + ": " + f.what()));
  }
}
