package io.github.kustomizelint.render;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map keeping its most recently used entries up to a total weight (bytes, chars). */
final class Recent<K, V> {

  private record Weighed<V>(V value, long weight) {}

  private final long max;
  private long total;
  private final LinkedHashMap<K, Weighed<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

  Recent(long max) {
    this.max = max;
  }

  V get(K key) {
    Weighed<V> w = entries.get(key);
    return w == null ? null : w.value();
  }

  void put(K key, V value, long weight) {
    if (weight > max) {
      return;
    }
    Weighed<V> old = entries.put(key, new Weighed<>(value, weight));
    total += weight - (old == null ? 0 : old.weight());
    var it = entries.entrySet().iterator();
    while (total > max && it.hasNext()) {
      Map.Entry<K, Weighed<V>> eldest = it.next();
      if (eldest.getKey().equals(key)) {
        continue;
      }
      total -= eldest.getValue().weight();
      it.remove();
    }
  }
}
