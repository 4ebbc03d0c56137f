package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNode.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  static YMap mergeMap(YMap dest, YMap patch, String type) {
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
        merged = fresh(pv, MergeSchema.field(type, key), MergeSchema.list(type, key), key);
      } else if (pv instanceof YMap pm && dv instanceof YMap dm) {
        merged = mergeMap(dm, pm, MergeSchema.field(type, key));
      } else if (pv instanceof YSeq ps && dv instanceof YSeq ds) {
        merged = mergeList(ds, ps, MergeSchema.list(type, key), key);
      } else if (pv instanceof YScalar && dv instanceof YScalar) {
        merged = pv;
      } else {
        throw new Unmodelled("a strategic-merge patch that changes a field from map, list or"
            + " scalar to another (kustomize fails)", pv.at());
      }
      out = merged == null ? out.without(key) : out.with(key, merged);
    }
    return alone(out, patch, type);
  }

  /**
   * The fields the patch leaves alone, walked as kyaml walks every field of a patched object:
   * their lists with merge keys are merged with themselves (which collapses duplicates).
   * Only types whose schema leads to such a list are walked.
   */
  static YMap alone(YMap dest, YMap patch, String type) {
    if (type == null) {
      return dest;
    }
    YMap out = dest;
    for (YNode.Field f : dest.fields()) {
      if (patch != null && patch.get(f.key()) != null) {
        continue;
      }
      YNode v = f.value();
      YNode next = v;
      if (v instanceof YMap m) {
        next = alone(m, null, MergeSchema.field(type, f.key()));
      } else if (v instanceof YSeq q) {
        MergeSchema.ListField lf = MergeSchema.list(type, f.key());
        if (lf != null && lf.merges() && !lf.keys().isEmpty()) {
          next = AssociativeList.merge(q, null, f.key(), lf.keys(), lf.elementType());
        }
      }
      if (next != v) {
        out = out.with(f.key(), next);
      }
    }
    return out;
  }

  private static YSeq mergeList(YSeq dest, YSeq patch, MergeSchema.ListField lf,
      String field) {
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
        return (YSeq) fresh(p, null, lf, field);
      }
    }
    if (lf.keys().isEmpty()) {
      return p.items().isEmpty() ? dest : union(dest, p);
    }
    return AssociativeList.merge(dest, p, field, lf.keys(), lf.elementType());
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

  /**
   * A patch value where the target has none: kyaml merges it with itself, which drops nulls
   * in maps and applies its directives.
   */
  private static YNode fresh(YNode pv, String type, MergeSchema.ListField lf,
      String field) {
    if (pv instanceof YMap m) {
      return fresh(m, type);
    }
    if (pv instanceof YSeq s) {
      if (lf == null || !lf.merges()) {
        noDirectiveItems(s);
        return s;
      }
      YMap first = firstDirectiveItem(s);
      if (first != null && (first.fields().size() == 1 || lf.keys().isEmpty())) {
        throw new Unmodelled("a $patch directive in a list the target does not have",
            first.at());
      }
      if (lf.keys().isEmpty()) {
        return union(new YSeq(List.of(), s.at()), s);
      }
      // kyaml merges the patch's list with itself
      return AssociativeList.merge(s, s, field, lf.keys(), lf.elementType());
    }
    return isNull(pv) ? null : pv;
  }

  static YMap fresh(YMap m, String type) {
    if (directive(m).equals("delete")) {
      return null;
    }
    List<YNode.Field> out = new ArrayList<>();
    for (YNode.Field f : m.fields()) {
      if (f.key().equals(PATCH)) {
        continue;
      }
      YNode v = fresh(f.value(), MergeSchema.field(type, f.key()),
          MergeSchema.list(type, f.key()), f.key());
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
