package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNode.YSeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strategic-merge patch applied as kustomize's kyaml merge2 walker applies it (with its
 * "prepend" list option): maps merge, a null deletes, lists with a merge strategy in
 * {@link MergeSchema} merge by key with the patch's elements first, other lists are replaced;
 * {@code $patch: delete/replace/merge} on maps and lists. kyaml knows no other directive:
 * {@code $setElementOrder/...}, {@code $retainKeys} and {@code $deleteFromPrimitiveList/...}
 * are merged as ordinary fields and printed (kubectl kustomize v5.5 shows it).
 */
final class StrategicMerges {

  private static final String PATCH = "$patch";

  private StrategicMerges() {}

  /** The merged object, or null when the patch deletes it. */
  static YMap apply(YMap target, YMap patch) {
    String type = MergeSchema.typeOf(Objects.apiVersion(target), Objects.kind(target));
    return mergeMap(target, patch, type);
  }

  private static YMap mergeMap(YMap dest, YMap patch, String type) {
    String d = directive(patch);
    if (d.equals("delete")) {
      return null;
    }
    if (d.equals("replace")) {
      return (YMap) fresh(patch, type);
    }
    YMap out = dest;
    for (YNode.Field f : patch.fields()) {
      String key = f.key();
      if (key.equals(PATCH)) {
        continue;
      }
      YNode pv = f.value();
      YNode dv = out.get(key);
      YNode merged;
      if (isNull(pv)) {
        merged = null;
      } else if (dv == null || isNull(dv)) {
        merged = fresh(pv, MergeSchema.field(type, key), MergeSchema.list(type, key));
      } else if (pv instanceof YMap pm && dv instanceof YMap dm) {
        merged = mergeMap(dm, pm, MergeSchema.field(type, key));
      } else if (pv instanceof YSeq ps && dv instanceof YSeq ds) {
        merged = mergeList(ds, ps, MergeSchema.list(type, key));
      } else if (pv instanceof YScalar && dv instanceof YScalar) {
        merged = pv;
      } else {
        throw new Unmodelled("a strategic-merge patch that changes a field from map, list or"
            + " scalar to another (kustomize fails)", pv.at());
      }
      out = merged == null ? out.without(key) : out.with(key, merged);
    }
    return out;
  }

  private static YSeq mergeList(YSeq dest, YSeq patch, MergeSchema.ListField lf) {
    if (lf == null || !lf.merges()) {
      noDirectiveItems(patch);
      return patch;
    }
    YSeq p = patch;
    YMap first = firstDirectiveItem(patch);
    if (first != null && first.fields().size() == 1) {
      String d = directive(first);
      if (d.equals("delete")) {
        return null;
      }
      p = new YSeq(patch.items().stream().filter(i -> i != first).toList(), patch.at());
      if (d.equals("replace")) {
        return (YSeq) fresh(p, null, lf);
      }
    }
    if (p.items().isEmpty()) {
      return dest;
    }
    if (lf.keys().isEmpty()) {
      return union(dest, p);
    }
    List<String> keys = usedKeys(lf, dest, p);
    Map<String, YMap> byKey = keyed(dest, keys);
    Set<String> inPatch = new HashSet<>(keyed(p, keys).keySet());
    List<YNode> out = new ArrayList<>();
    for (YNode item : p.items()) {
      YMap pe = (YMap) item;
      YMap de = byKey.get(keyOf(pe, keys));
      YMap r = de == null ? (YMap) fresh(pe, lf.elementType(), null) : mergeMap(de, pe,
          lf.elementType());
      if (r != null && !r.fields().isEmpty()) {
        if (keys.stream().anyMatch(k -> r.get(k) == null)) {
          throw new Unmodelled("a strategic-merge patch that removes an element's merge key",
              pe.at());
        }
        if (de == null || keys.size() == 1) {
          out.add(r);
        } else {
          byKey.put(keyOf(de, keys), r);
        }
      } else if (de != null) {
        byKey.remove(keyOf(de, keys));
      }
    }
    // kyaml keeps merged elements in place for one key; for several it moves every target
    // element (merged or not) after the patch's new ones, in the target's order.
    for (Map.Entry<String, YMap> e : byKey.entrySet()) {
      if (keys.size() > 1 || !inPatch.contains(e.getKey())) {
        out.add(e.getValue());
      }
    }
    return new YSeq(out, dest.at());
  }

  /**
   * The merge keys some element has (kyaml's validateKeys); every element must have all of
   * them, mixed lists (a port with a protocol, one without) are unmodelled.
   */
  private static List<String> usedKeys(MergeSchema.ListField lf, YSeq... lists) {
    List<String> used = new ArrayList<>();
    for (String k : lf.keys()) {
      for (YSeq l : lists) {
        if (l.items().stream().anyMatch(i -> i instanceof YMap m && m.get(k) != null)) {
          used.add(k);
          break;
        }
      }
    }
    for (YSeq l : lists) {
      for (YNode i : l.items()) {
        if (!(i instanceof YMap m) || used.stream().anyMatch(k -> !(m.get(k) instanceof YScalar))
            || lf.keys().stream().anyMatch(k -> !used.contains(k) && m.get(k) != null)) {
          throw new Unmodelled("a merged list whose elements do not all have the merge keys "
              + String.join(", ", lf.keys()), i.at());
        }
      }
    }
    if (used.isEmpty()) {
      throw new Unmodelled("a merged list whose elements have no merge key", lists[0].at());
    }
    return used;
  }

  // A list of scalars with a merge strategy (finalizers): the patch's values, then the rest.
  private static YSeq union(YSeq dest, YSeq patch) {
    Map<String, YNode> seen = new LinkedHashMap<>();
    for (YSeq s : List.of(patch, dest)) {
      for (YNode n : s.items()) {
        if (!(n instanceof YScalar sc)) {
          throw new Unmodelled("a merge of a scalar list holding a map or list", n.at());
        }
        seen.putIfAbsent(sc.value(), n);
      }
    }
    return new YSeq(List.copyOf(seen.values()), dest.at());
  }

  private static Map<String, YMap> keyed(YSeq s, List<String> keys) {
    Map<String, YMap> out = new LinkedHashMap<>();
    for (YNode n : s.items()) {
      if (!(n instanceof YMap m) || out.put(keyOf(m, keys), m) != null) {
        throw new Unmodelled("a merged list whose elements are not maps with distinct "
            + String.join(", ", keys), n.at());
      }
    }
    return out;
  }

  private static String keyOf(YMap m, List<String> keys) {
    StringBuilder sb = new StringBuilder();
    for (String k : keys) {
      if (!(m.get(k) instanceof YScalar s) || isNull(s)) {
        throw new Unmodelled("a merged list element without its merge key '" + k + "'",
            m.at());
      }
      sb.append(s.value()).append('\0');
    }
    return sb.toString();
  }

  /**
   * A patch value where the target has none: kyaml merges it with itself, which drops nulls
   * in maps and applies its directives.
   */
  private static YNode fresh(YNode pv, String type, MergeSchema.ListField lf) {
    if (pv instanceof YMap m) {
      return fresh(m, type);
    }
    if (pv instanceof YSeq s) {
      if (lf == null || !lf.merges()) {
        noDirectiveItems(s);
        return s;
      }
      if (firstDirectiveItem(s) != null) {
        throw new Unmodelled("a $patch directive in a list the target does not have", s.at());
      }
      if (lf.keys().isEmpty()) {
        return union(new YSeq(List.of(), s.at()), s);
      }
      List<YNode> out = new ArrayList<>();
      for (YNode n : s.items()) {
        if (!(n instanceof YMap m)) {
          throw new Unmodelled("a merged list element that is not a map", n.at());
        }
        YMap r = fresh(m, lf.elementType());
        if (r != null && !r.fields().isEmpty()) {
          out.add(r);
        }
      }
      YSeq result = new YSeq(out, s.at());
      // with several keys kyaml re-appends the elements in their own order
      if (lf.keys().size() == 1) {
        keyed(result, lf.keys());
      }
      return result;
    }
    return isNull(pv) ? null : pv;
  }

  private static YMap fresh(YMap m, String type) {
    if (directive(m).equals("delete")) {
      return null;
    }
    List<YNode.Field> out = new ArrayList<>();
    for (YNode.Field f : m.fields()) {
      if (f.key().equals(PATCH)) {
        continue;
      }
      YNode v = fresh(f.value(), MergeSchema.field(type, f.key()),
          MergeSchema.list(type, f.key()));
      if (v != null) {
        out.add(new YNode.Field(f.key(), f.keyAt(), v));
      }
    }
    return new YMap(out, m.at());
  }

  private static String directive(YMap m) {
    YNode d = m.get(PATCH);
    if (d == null) {
      return "merge";
    }
    if (d instanceof YScalar s && List.of("delete", "replace", "merge").contains(s.value())) {
      return s.value();
    }
    throw new Unmodelled("an unknown $patch strategy (kustomize fails)", d.at());
  }

  private static YMap firstDirectiveItem(YSeq s) {
    for (YNode n : s.items()) {
      if (n instanceof YMap m && m.get(PATCH) != null) {
        return m;
      }
    }
    return null;
  }

  // kyaml keeps directives in replaced lists as data; we do not guess what follows from that.
  private static void noDirectiveItems(YSeq s) {
    if (firstDirectiveItem(s) != null) {
      throw new Unmodelled("a $patch directive in a list without a merge strategy",
          firstDirectiveItem(s).at());
    }
  }

  static boolean isNull(YNode n) {
    return n instanceof YScalar s && Values.scalar(s) == Values.NULL;
  }
}
