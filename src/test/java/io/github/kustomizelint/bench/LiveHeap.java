package io.github.kustomizelint.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap in use right after any collection since {@link #reset}: what a run keeps
 * alive at once (an upper bound: a young collection leaves old garbage counted). The pools'
 * peak usage, by contrast, counts garbage a large -Xmx lets pile up before collecting it.
 */
final class LiveHeap {

  private static final AtomicLong MAX = new AtomicLong();
  private static final Set<String> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
      .collect(Collectors.toSet());

  static {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener((n, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
              .equals(n.getType())) {
            long used = 0;
            for (Map.Entry<String, MemoryUsage> u : GarbageCollectionNotificationInfo
                .from((CompositeData) n.getUserData()).getGcInfo().getMemoryUsageAfterGc()
                .entrySet()) {
              if (HEAP.contains(u.getKey())) {
                used += u.getValue().getUsed();
              }
            }
            MAX.accumulateAndGet(used, Math::max);
          }
        }, null, null);
      }
    }
  }

  private LiveHeap() {}

  /** Call after a full collection, so what came before is not counted. */
  static void reset() {
    MAX.set(0);
  }

  static long max() {
    return MAX.get();
  }
}
