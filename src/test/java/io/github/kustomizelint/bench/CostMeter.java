package io.github.kustomizelint.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time and allocated bytes of every thread of this JVM between start and stop, the reading
 * pool's short-lived threads included: a sampler reads each live thread every few
 * milliseconds and keeps its last value, so a thread that ends still counts up to its last
 * sample. Unlike wall time, neither moves much when other processes load the machine.
 */
final class CostMeter {

  /** What a run cost. */
  record Cost(double cpuMs, double allocatedMiB) {}

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final Map<Long, long[]> first = new HashMap<>();
  private final Map<Long, long[]> last = new HashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private CostMeter() {
    sample(first);
    last.putAll(first);
    sampler = new Thread(() -> {
      while (running) {
        sample(last);
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-cost-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  static CostMeter start() {
    return new CostMeter();
  }

  private synchronized void sample(Map<Long, long[]> into) {
    long[] ids = THREADS.getAllThreadIds();
    long[] cpu = THREADS.getThreadCpuTime(ids);
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    for (int i = 0; i < ids.length; i++) {
      // the sampler's own cost is not the run's
      if ((sampler == null || ids[i] != sampler.getId()) && cpu[i] >= 0 && bytes[i] >= 0) {
        into.put(ids[i], new long[] {cpu[i], bytes[i]});
      }
    }
  }

  /** Stops sampling; the cost since start. */
  Cost stop() {
    running = false;
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample(last);
    long cpu = 0;
    long bytes = 0;
    for (Map.Entry<Long, long[]> e : last.entrySet()) {
      long[] from = first.getOrDefault(e.getKey(), new long[2]);
      cpu += e.getValue()[0] - from[0];
      bytes += e.getValue()[1] - from[1];
    }
    return new Cost(cpu / 1e6, bytes / 1048576.0);
  }
}
