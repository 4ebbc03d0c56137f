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
import java.util.concurrent.atomic.AtomicLong;

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
  private final int workers;

  public FuzzRunner(Path work, long timeoutMillis) {
    this(work, timeoutMillis, 1);
  }

  /** @param workers how many inputs are linted at once, each in its own folder under work */
  public FuzzRunner(Path work, long timeoutMillis, int workers) {
    this.work = work;
    this.timeoutMillis = timeoutMillis;
    this.workers = workers;
  }

  public Report run(long firstSeed, long inputs, PrintStream progress) throws IOException {
    Tally tally = new Tally(progress);
    AtomicLong next = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Path dir = work.resolve("w" + w);
      Thread t = new Thread(() -> {
        try {
          runWorker(dir, () -> {
            long i = next.getAndIncrement();
            return i < inputs ? firstSeed + i : -1;
          }, tally);
        } catch (IOException e) {
          tally.fail(new Failure(-1, "worker folder: " + e));
        }
      }, "fuzz-worker-" + w);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return tally.report();
  }

  /** Lints the inputs whose seeds it is handed (-1: done), one at a time, under the bound. */
  private void runWorker(Path dir, java.util.function.LongSupplier seeds, Tally tally)
      throws IOException {
    ExecutorService pool = newPool();
    for (long seed = seeds.getAsLong(); seed >= 0; seed = seeds.getAsLong()) {
      Path case_ = dir.resolve("case");
      delete(case_);
      Path project = case_.resolve("project");
      try {
        new TreeGenerator(seed, project, case_.resolve("outside")).write();
      } catch (IOException e) {
        tally.done(new Failure(seed, "generator: " + e), 0, 0); // our fault, still reported
        continue;
      }
      long t0 = System.nanoTime();
      boolean sarif = seed % 20 == 0; // the report of every input would cost more than the lint
      Future<LintResult> f = pool.submit(() -> lint(project, sarif));
      Failure failure = null;
      long found = 0;
      try {
        LintResult result = f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        found = result.findings().size();
        for (Finding x : result.findings()) {
          if (x.toString().toUpperCase(Locale.ROOT).contains(TreeGenerator.OUTSIDE_MARK.toUpperCase(Locale.ROOT))) {
            failure = new Failure(seed, "quotes a file outside the project: " + x);
            break;
          }
        }
      } catch (TimeoutException e) {
        failure = new Failure(seed, "over " + timeoutMillis + " ms");
        f.cancel(true);
        pool.shutdownNow();
        pool = newPool(); // the stuck thread is left behind, the run goes on
      } catch (java.util.concurrent.ExecutionException e) {
        failure = new Failure(seed, stack(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long took = (System.nanoTime() - t0) / 1_000_000;
      if (tally.progress != null && took > 1000) {
        tally.progress.println("slow: seed " + seed + " took " + took + " ms");
      }
      tally.done(failure, found, took);
    }
    pool.shutdownNow();
    delete(dir);
  }

  /** The counts all workers add to; progress every 10,000 inputs. */
  private static final class Tally {
    final PrintStream progress;
    final long start = System.nanoTime();
    final List<Failure> failures = new ArrayList<>();
    long inputs;
    long findings;
    long maxMillis;

    Tally(PrintStream progress) {
      this.progress = progress;
    }

    synchronized void fail(Failure f) {
      failures.add(f);
    }

    synchronized void done(Failure f, long found, long millis) {
      if (f != null) {
        failures.add(f);
      }
      inputs++;
      findings += found;
      maxMillis = Math.max(maxMillis, millis);
      if (progress != null && inputs % 10_000 == 0) {
        progress.printf("%d inputs, %d findings, %d failures, slowest %d ms, %.0f s%n", inputs,
            findings, failures.size(), maxMillis, (System.nanoTime() - start) / 1e9);
        progress.flush();
      }
    }

    synchronized Report report() {
      return new Report(inputs, findings, List.copyOf(failures), maxMillis);
    }
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

  /** Long run: {@code FuzzRunner WORK_DIR INPUTS [FIRST_SEED] [TIMEOUT_MS] [WORKERS]}. */
  public static void main(String[] args) throws IOException {
    Path work = Path.of(args[0]);
    long inputs = Long.parseLong(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    long timeout = args.length > 3 ? Long.parseLong(args[3]) : 10_000;
    int workers = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
    Files.createDirectories(work);
    Report r = new FuzzRunner(work, timeout, workers).run(seed, inputs, System.out);
    System.out.printf("done: %d inputs from seed %d, %d findings, %d failures, slowest %d ms%n",
        r.inputs(), seed, r.findings(), r.failures().size(), r.maxMillis());
    r.failures().forEach(f -> System.out.println("FAIL seed " + f.seed() + ": " + f.what()));
  }
}
