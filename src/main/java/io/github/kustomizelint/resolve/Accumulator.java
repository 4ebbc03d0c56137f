package io.github.kustomizelint.resolve;

import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.ResourceId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The resources of one build while it is being built, in kustomize's order, indexed by every
 * name and kind they have had and by current id, so a patch looks at its candidates only.
 */
final class Accumulator {

  // An object's place in the build: a transformer replaces what is in it, not where it is.
  private static final class Slot {
    final int seq;
    Resource r;

    Slot(int seq, Resource r) {
      this.seq = seq;
      this.r = r;
    }
  }

  private final List<Slot> slots = new ArrayList<>();
  private int nextSeq;
  private List<Resource> view;
  // Every slot under each name and kind any of its ids has had, and under its current id.
  private final Map<String, List<Slot>> byName = new HashMap<>();
  private final Map<String, List<Slot>> byKind = new HashMap<>();
  private final Map<String, List<Slot>> byCurrentId = new HashMap<>();

  private final List<Entry> unknowns = new ArrayList<>();
  private final Map<String, Location> vars = new LinkedHashMap<>();
  private final Map<Resource, Location> deleted = new LinkedHashMap<>();
  private final Set<String> replicaKinds = new HashSet<>();
  // Components applied into this build so far, for the bound on diamonds.
  private int componentsApplied;

  /** Counts one more component application; returns how many there have been. */
  int applyComponent() {
    return ++componentsApplied;
  }

  /** The resources in order (a snapshot, kept until the next change). */
  List<Resource> resources() {
    if (view == null) {
      List<Resource> out = new ArrayList<>(slots.size());
      for (Slot s : slots) {
        out.add(s.r);
      }
      view = Collections.unmodifiableList(out);
    }
    return view;
  }

  List<Entry> unknowns() {
    return unknowns;
  }

  /** Var names declared in this build so far, and where. */
  Map<String, Location> vars() {
    return vars;
  }

  /** Kinds that configurations files (here or in bases) let the replicas transformer set. */
  Set<String> replicaKinds() {
    return replicaKinds;
  }

  /** Objects a $patch: delete removed from this build, and where that patch is. */
  Map<Resource, Location> deleted() {
    return deleted;
  }

  /** Where the patch that deleted an object with this id is, or null. */
  Location deletedBy(ResourceId id) {
    for (Map.Entry<Resource, Location> d : deleted.entrySet()) {
      if (d.getKey().matchesAnyId(id)) {
        return d.getValue();
      }
    }
    return null;
  }

  void unknown(Entry why) {
    unknowns.add(why);
  }

  /**
   * Adds r, unless another resource has its id: then returns that one, as kustomize refuses
   * the second. Objects whose ids we could not follow never clash.
   */
  Resource add(Resource r) {
    List<Slot> same = byCurrentId.get(key(r.id()));
    Resource clash = same == null || same.isEmpty() ? null : same.get(0).r;
    if (clash != null && !clash.uncertain() && !r.uncertain()) {
      return clash;
    }
    Slot s = new Slot(nextSeq++, r);
    slots.add(s);
    index(s);
    view = null;
    return null;
  }

  /** kustomize's patch lookup: every resource any of whose ids equals the patch's id. */
  List<Resource> byAnyId(ResourceId id) {
    return matching(byName.get(id.name()), r -> r.matchesAnyId(id));
  }

  /** Every resource any of whose ids has this name. */
  List<Resource> named(String name) {
    return matching(byName.get(name), r -> true);
  }

  /**
   * The resources a test accepts, looking only at those of its kind or name when the test
   * can only accept objects that have had that kind or name (null: no such bound).
   */
  List<Resource> select(String kind, String name, Predicate<Resource> test) {
    List<Slot> kinds = kind == null ? null : byKind.getOrDefault(kind, List.of());
    List<Slot> names = name == null ? null : byName.getOrDefault(name, List.of());
    List<Slot> candidates = kinds == null ? names
        : names == null || kinds.size() <= names.size() ? kinds : names;
    if (candidates == null) {
      List<Resource> out = new ArrayList<>();
      for (Slot s : slots) {
        if (test.test(s.r)) {
          out.add(s.r);
        }
      }
      return out;
    }
    return matching(candidates, test);
  }

  List<Resource> ofKind(String kind) {
    return matching(byKind.get(kind), r -> true);
  }

  private static List<Resource> matching(List<Slot> candidates, Predicate<Resource> test) {
    if (candidates == null) {
      return List.of();
    }
    List<Resource> out = new ArrayList<>();
    for (Slot s : candidates) {
      if (test.test(s.r)) {
        out.add(s.r);
      }
    }
    return out;
  }

  /** Puts now where old is (the first slot holding an equal resource). */
  void replace(Resource old, Resource now) {
    Slot s = slotOf(old);
    if (s != null && old != now) {
      unindex(s);
      s.r = now;
      index(s);
      view = null;
    }
  }

  void remove(Resource r) {
    Slot s = slotOf(r);
    if (s != null) {
      unindex(s);
      slots.remove(s);
      view = null;
    }
  }

  void transformAll(UnaryOperator<Resource> f) {
    byName.clear();
    byKind.clear();
    byCurrentId.clear();
    for (Slot s : slots) {
      s.r = f.apply(s.r);
      index(s);
    }
    view = null;
  }

  /** Pairs of resources that now share a current id (neither uncertain): [first, second]. */
  List<Resource[]> clashes() {
    Map<String, Resource> seen = new HashMap<>();
    List<Resource[]> out = new ArrayList<>();
    for (Slot s : slots) {
      Resource r = s.r;
      if (r.uncertain()) {
        continue;
      }
      Resource first = seen.putIfAbsent(key(r.id()), r);
      if (first != null) {
        out.add(new Resource[] {first, r});
      }
    }
    return out;
  }

  private Slot slotOf(Resource r) {
    List<Slot> same = byCurrentId.get(key(r.id()));
    if (same != null) {
      for (Slot s : same) {
        if (s.r == r || s.r.equals(r)) {
          return s;
        }
      }
    }
    return null;
  }

  // A slot sits once under each key, however many of its ids share a name or kind.
  private void index(Slot s) {
    insert(byCurrentId, key(s.r.id()), s);
    for (ResourceId id : s.r.ids()) {
      insert(byName, id.name(), s);
      insert(byKind, id.kind(), s);
    }
  }

  private void unindex(Slot s) {
    drop(byCurrentId, key(s.r.id()), s);
    for (ResourceId id : s.r.ids()) {
      drop(byName, id.name(), s);
      drop(byKind, id.kind(), s);
    }
  }

  // Lists stay in build order, so every lookup answers in kustomize's order.
  private static void insert(Map<String, List<Slot>> index, String key, Slot s) {
    List<Slot> list = index.computeIfAbsent(key, k -> new ArrayList<>(2));
    int i = position(list, s.seq);
    if (i < 0) {
      list.add(-i - 1, s);
    }
  }

  private static void drop(Map<String, List<Slot>> index, String key, Slot s) {
    List<Slot> list = index.get(key);
    int i = list == null ? -1 : position(list, s.seq);
    if (i >= 0) {
      list.remove(i);
    }
  }

  // Binary search by sequence number, as Collections.binarySearch answers.
  private static int position(List<Slot> list, int seq) {
    int lo = 0;
    int hi = list.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int at = list.get(mid).seq;
      if (at < seq) {
        lo = mid + 1;
      } else if (at > seq) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -lo - 1;
  }

  private static String key(ResourceId id) {
    return id.group() + '\n' + id.version() + '\n' + id.kind() + '\n' + id.name() + '\n'
        + id.effectiveNamespace();
  }
}
