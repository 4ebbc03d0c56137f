package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNode.YSeq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A list with merge keys as kyaml's merge2 walks it (walkAssociativeSequence, then
 * appendListNode with the prepend option), quirks included: one tuple of key values per
 * element (patch first, a missing key counting as ""), tuples that differ only where one
 * lacks a key filled from each other, a key taking part only once some element has it, a
 * lookup that ignores the keys a tuple lacks but a setter that needs them present, and the
 * target's elements re-set in its order at the end. Every case was recorded with kubectl:
 * with containerPort and protocol as keys, a patch port without protocol never finds a base
 * port that has one, and duplicate ports without protocol collapse to the last, even where
 * a patch does not mention the list. Where the patch is null (a list the patch leaves alone),
 * the target is walked against itself, as kyaml walks every field of a patched object.
 */
final class AssociativeList {

  /** A patch element kustomize drops or a delete that deletes nothing: it builds regardless. */
  static final String NO_EFFECT = "a strategic-merge list element that changes nothing";

  private static final String PATCH = "$patch";

  private final String field;
  private final List<String> keys;
  // the elements' schema type, for merging them as StrategicMerges merges maps
  private final String type;
  private final List<YNode> base;
  private final List<YNode> patch;
  // the patch's list merged with itself (the target has none): its elements are the base's
  private final boolean self;

  private AssociativeList(String field, List<String> keys, String type, YSeq base,
      YSeq patch) {
    this.field = field;
    this.keys = keys;
    this.type = type;
    this.base = new ArrayList<>(base.items());
    this.patch = patch == null ? new ArrayList<>() : new ArrayList<>(patch.items());
    this.self = patch == base;
  }

  /**
   * The merged list of {@code field}, whose elements are of schema {@code type};
   * {@code patch} is null for a list the patch does not mention, {@code base} itself where
   * the target has none.
   */
  static YSeq merge(YSeq base, YSeq patch, String field, List<String> keys, String type) {
    List<YNode> out = new AssociativeList(field, keys, type, base, patch).run();
    if (patch == null && out.size() == base.items().size()) {
      boolean same = true;
      for (int i = 0; i < out.size() && same; i++) {
        same = out.get(i) == base.items().get(i);
      }
      if (same) {
        return base;
      }
    }
    return new YSeq(out, base.at());
  }

  private List<YNode> run() {
    List<String[]> tuples = new ArrayList<>();
    for (List<YNode> source : List.of(patch, base)) {
      for (YNode n : source) {
        String[] t = tuple(n);
        if (t != null && tuples.stream().noneMatch(s -> Arrays.equals(s, t))) {
          tuples.add(t);
        }
      }
    }
    if (tuples.isEmpty()) {
      return base;
    }
    if (keys.size() > 1) {
      fill(tuples);
    }
    boolean[] active = new boolean[keys.size()];
    boolean any = false;
    for (String[] t : tuples) {
      for (int i = 0; i < t.length; i++) {
        if (!t[i].isEmpty()) {
          active[i] = true;
          any = true;
        }
      }
    }
    List<String> ak = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (active[i] || !any) {
        ak.add(keys.get(i));
      }
    }
    List<YNode> items = new ArrayList<>();
    boolean[] found = new boolean[patch.size()];
    // the elements made from each patch element where the target has none, and whether a
    // patch element was already told of (a filled duplicate tuple visits it again)
    List<List<YNode>> made = new ArrayList<>();
    for (int i = 0; i < patch.size(); i++) {
      made.add(new ArrayList<>());
    }
    boolean[] told = new boolean[patch.size()];
    for (String[] t : tuples) {
      List<String> tv = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        if (active[i] || !any) {
          tv.add(t[i]);
        }
      }
      int bi = lookup(base, ak, tv);
      int pi = lookup(patch, ak, tv);
      YMap b = bi < 0 ? null : (YMap) base.get(bi);
      YMap p = pi < 0 ? null : (YMap) patch.get(pi);
      if (pi >= 0) {
        found[pi] = true;
      }
      boolean delete = false;
      YMap r;
      if (b == null && p == null) {
        r = null;
      } else if (p != null && p.get(PATCH) != null) {
        String d = p.get(PATCH) instanceof YScalar s ? s.value() : "";
        // kyaml removes the directive from the patch element for good
        p = p.without(PATCH);
        patch.set(pi, p);
        switch (d) {
          case "delete" -> {
            r = null;
            delete = true;
          }
          case "merge" -> r = b == null ? StrategicMerges.fresh(p, type)
              : StrategicMerges.mergeMap(b, p, type);
          default -> throw new Unmodelled("a $patch: " + d + " on an element of a list with"
              + " merge keys", p.at());
        }
      } else if (b == null) {
        r = StrategicMerges.fresh(p, type);
        if (r != null) {
          made.get(pi).add(r);
        }
      } else {
        r = p == null ? StrategicMerges.alone(b, null, type)
            : StrategicMerges.mergeMap(b, p, type);
      }
      if (r != null && b != null) {
        base.set(bi, r); // kyaml merges into the target's element in place
      }
      if (r == null || r.fields().isEmpty()) {
        int before = base.size();
        set(base, ak, tv, null);
        // (where the target has no such list the check may have skipped its body: not told)
        if (delete && !self && base.size() == before && !told[pi]) {
          told[pi] = true;
          tell(p, null, ak);
        }
      } else {
        set(items, ak, tv, r);
      }
    }
    List<YNode> result = items;
    for (YNode e : List.copyOf(base)) {
      List<String> vals = new ArrayList<>();
      for (String k : ak) {
        String v = e instanceof YMap m ? value(m, k) : "";
        if (v.isEmpty()) {
          result.add(e);
        } else {
          vals.add(v);
        }
      }
      if (ak.size() > 1) {
        set(result, ak, vals, null);
      }
      set(result, ak, vals, e);
    }
    if (!self) {
      java.util.Set<YNode> kept = java.util.Collections.newSetFromMap(
          new java.util.IdentityHashMap<>());
      kept.addAll(result);
      for (int i = 0; i < patch.size(); i++) {
        if (!(patch.get(i) instanceof YMap p) || told[i]) {
          continue;
        }
        if (!found[i]) {
          boolean delete = p.get(PATCH) instanceof YScalar d && d.value().equals("delete");
          if (!delete && base.stream().anyMatch(e -> e instanceof YMap m && holds(m, p))) {
            continue; // dropped, but the element it meant already says all it says
          }
          tell(p, delete ? null : "is dropped, not merged", ak);
        } else if (!made.get(i).isEmpty() && made.get(i).stream().noneMatch(kept::contains)
            && base.stream().noneMatch(e -> e instanceof YMap m && holds(m, withoutKeysOf(p, m)))) {
          tell(p, "is dropped, not added", ak);
        }
      }
    }
    return result;
  }

  // A notice on patch element p: what came of it (null: its delete deleted nothing), and why
  // kyaml matched nothing.
  private void tell(YMap p, String outcome, List<String> ak) {
    String element = "the " + field + " element " + named(p);
    Notices.add(NO_EFFECT + ": " + (outcome == null ? "$patch: delete on " + element
        + " deletes nothing" : element + " " + outcome) + why(p, ak), p.at());
  }

  // Whether base has every field of patch with the same value (maps compared field by field).
  private static boolean holds(YMap base, YMap patch) {
    for (YNode.Field f : patch.fields()) {
      YNode v = base.get(f.key());
      if (!(v instanceof YMap bm && f.value() instanceof YMap pm ? holds(bm, pm)
          : v != null && JsonPatch.same(v, f.value()))) {
        return false;
      }
    }
    return true;
  }

  // The patch element without the merge keys the base element lacks.
  private YMap withoutKeysOf(YMap p, YMap base) {
    YMap out = p;
    for (String k : keys) {
      if (base.get(k) == null) {
        out = out.without(k);
      }
    }
    return out;
  }

  private String named(YMap p) {
    List<String> parts = new ArrayList<>();
    for (String k : keys) {
      if (p.get(k) instanceof YScalar s) {
        parts.add(k + " " + s.value());
      }
    }
    return parts.isEmpty() ? "without " + String.join(" or ", keys) : String.join(", ", parts);
  }

  // Why kyaml matched nothing: a key some element has and this one lacks, or one this has and
  // the target's element with the same other keys lacks.
  private String why(YMap p, List<String> ak) {
    for (String k : ak) {
      if (p.get(k) == null && ak.size() > 1) {
        return ": once any element of the list has " + k + ", kustomize matches on "
            + String.join(" and ", ak) + ", and this element has no " + k + " (write the"
            + " target's " + k + " here)";
      }
    }
    for (String k : ak) {
      if (ak.size() > 1 && base.stream().anyMatch(e -> e instanceof YMap m && m.get(k) == null
          && sameOtherKeys(m, p, ak, k))) {
        return ": the target's element with the same " + others(ak, k) + " has no " + k
            + ", so kustomize keeps it and drops this one";
      }
    }
    return ": the target has no such element";
  }

  private static boolean sameOtherKeys(YMap m, YMap p, List<String> ak, String except) {
    for (String k : ak) {
      if (!k.equals(except) && !(m.get(k) instanceof YScalar a && p.get(k) instanceof YScalar b
          && a.value().equals(b.value()))) {
        return false;
      }
    }
    return true;
  }

  private static String others(List<String> ak, String except) {
    return String.join(" and ", ak.stream().filter(k -> !k.equals(except)).toList());
  }

  // The element's key values, or null for one kyaml gives none (not a map).
  private String[] tuple(YNode n) {
    if (!(n instanceof YMap m)) {
      if (StrategicMerges.isNull(n)) {
        return null;
      }
      throw new Unmodelled("a merged list element that is not a map", n.at());
    }
    String[] t = new String[keys.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = value(m, keys.get(i));
    }
    return t;
  }

  // A key's scalar text, "" when absent; a written null or "" is read differently in
  // different places of kyaml, and a map or list key is not compared as text: not guessed.
  private static String value(YMap m, String key) {
    YNode v = m.get(key);
    if (v == null) {
      return "";
    }
    if (!(v instanceof YScalar s) || StrategicMerges.isNull(s) || s.value().isEmpty()) {
      throw new Unmodelled("a merge key '" + key + "' that is null, empty or not a scalar",
          v.at());
    }
    return s.value();
  }

  // kyaml's mergeValues: tuples that agree somewhere and otherwise differ only where one is
  // empty both become their union (the outer tuple read once per round, the inner live).
  private static void fill(List<String[]> tuples) {
    for (int i = 0; i < tuples.size(); i++) {
      String[] v1 = tuples.get(i);
      for (int j = 0; j < tuples.size(); j++) {
        String[] union = union(v1, tuples.get(j));
        if (union != null) {
          tuples.set(i, union);
          tuples.set(j, union);
        }
      }
    }
  }

  private static String[] union(String[] a, String[] b) {
    boolean common = false;
    String[] out = new String[a.length];
    for (int i = 0; i < a.length; i++) {
      if (a[i].equals(b[i])) {
        common = true;
        out[i] = a[i];
      } else if (!a[i].isEmpty() && !b[i].isEmpty()) {
        return null;
      } else {
        out[i] = a[i].isEmpty() ? b[i] : a[i];
      }
    }
    return common ? out : null;
  }

  // kyaml's ElementMatcher: the first map whose keys with a value match; with none, every
  // key must be present and empty (which nothing is, as empty keys are not modelled).
  private static int lookup(List<YNode> list, List<String> ak, List<String> tv) {
    boolean anyValue = tv.stream().anyMatch(v -> !v.isEmpty());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof YMap m)) {
        continue;
      }
      boolean all = true;
      for (int k = 0; k < ak.size() && all; k++) {
        String want = tv.get(k);
        if (want.isEmpty() && anyValue) {
          continue;
        }
        all = m.get(ak.get(k)) instanceof YScalar s && s.value().equals(want);
      }
      if (all) {
        return i;
      }
    }
    return -1;
  }

  // kyaml's ElementSetter: every match replaced by element (appended if none), or removed
  // when element is null; a key with an empty value only needs to be present, keys past the
  // values are not looked at, and with no values nothing matches and nothing else stays.
  private static void set(List<YNode> list, List<String> ak, List<String> vals, YNode element) {
    List<YNode> out = new ArrayList<>();
    boolean found = false;
    for (YNode e : list) {
      if (StrategicMerges.isNull(e) || e instanceof YMap m && m.fields().isEmpty()) {
        continue;
      }
      if (!(e instanceof YMap m)) {
        out.add(e);
        continue;
      }
      if (!matches(m, ak, vals)) {
        if (!vals.isEmpty()) {
          out.add(e);
        }
        continue;
      }
      found = true;
      if (element != null) {
        out.add(element);
      }
    }
    if (element != null && !found) {
      out.add(element);
    }
    list.clear();
    list.addAll(out);
  }

  private static boolean matches(YMap e, List<String> ak, List<String> vals) {
    if (vals.isEmpty()) {
      return false;
    }
    for (int j = 0; j < ak.size() && j < vals.size(); j++) {
      YNode v = e.get(ak.get(j));
      if (v == null || !vals.get(j).isEmpty() && !(v instanceof YScalar s
          && s.value().equals(vals.get(j)))) {
        return false;
      }
    }
    return true;
  }
}
