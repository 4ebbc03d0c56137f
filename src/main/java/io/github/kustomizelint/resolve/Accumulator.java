package io.github.kustomizelint.resolve;

import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.ResourceId;
import io.github.kustomizelint.model.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The resources of one build while it is being built, in kustomize's order. */
final class Accumulator {

  private final List<Resource> resources = new ArrayList<>();
  private final List<Entry> unknowns = new ArrayList<>();
  private final Map<String, Location> vars = new java.util.LinkedHashMap<>();
  private final Map<Resource, Location> deleted = new java.util.LinkedHashMap<>();
  private final java.util.Set<String> replicaKinds = new java.util.HashSet<>();
  // Current ids, for kustomize's "already registered id" check on every append.
  private final Map<String, Resource> byCurrentId = new HashMap<>();
  // Components applied into this build so far, for the bound on diamonds.
  private int componentsApplied;

  /** Counts one more component application; returns how many there have been. */
  int applyComponent() {
    return ++componentsApplied;
  }

  List<Resource> resources() {
    return resources;
  }

  List<Entry> unknowns() {
    return unknowns;
  }

  /** Var names declared in this build so far, and where. */
  Map<String, Location> vars() {
    return vars;
  }

  /** Kinds that configurations files (here or in bases) let the replicas transformer set. */
  java.util.Set<String> replicaKinds() {
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
    Resource clash = byCurrentId.putIfAbsent(key(r.id()), r);
    if (clash != null && !clash.uncertain() && !r.uncertain()) {
      return clash;
    }
    resources.add(r);
    return null;
  }

  /** kustomize's patch lookup: every resource any of whose ids equals the patch's id. */
  List<Resource> byAnyId(ResourceId id) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : resources) {
      if (r.matchesAnyId(id)) {
        out.add(r);
      }
    }
    return out;
  }

  List<Resource> select(Selector s) {
    return resources.stream().filter(s.matcher()).toList();
  }

  List<Resource> ofKind(String kind) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : resources) {
      for (ResourceId id : r.ids()) {
        if (id.kind().equals(kind)) {
          out.add(r);
          break;
        }
      }
    }
    return out;
  }

  void replace(Resource old, Resource now) {
    int i = resources.indexOf(old);
    if (i >= 0 && old != now) {
      resources.set(i, now);
      reindex();
    }
  }

  void remove(Resource r) {
    if (resources.remove(r)) {
      reindex();
    }
  }

  void transformAll(UnaryOperator<Resource> f) {
    resources.replaceAll(f);
    reindex();
  }

  /** Pairs of resources that now share a current id (neither uncertain): [first, second]. */
  List<Resource[]> clashes() {
    Map<String, Resource> seen = new HashMap<>();
    List<Resource[]> out = new ArrayList<>();
    for (Resource r : resources) {
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

  private void reindex() {
    byCurrentId.clear();
    for (Resource r : resources) {
      byCurrentId.putIfAbsent(key(r.id()), r);
    }
  }

  private static String key(ResourceId id) {
    return id.group() + '\n' + id.version() + '\n' + id.kind() + '\n' + id.name() + '\n'
        + id.effectiveNamespace();
  }
}
