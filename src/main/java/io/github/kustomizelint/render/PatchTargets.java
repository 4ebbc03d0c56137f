package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.ResourceId;
import io.github.kustomizelint.model.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Which objects a patch applies to: its {@code target} selector (the check's
 * {@link Selector}), or the id its strategic-merge document names. kustomize also matches
 * the ids an object had before a rename (namespace, prefix, suffix); that history is not
 * carried here yet, so a match that could depend on it is unmodelled.
 */
final class PatchTargets {

  private PatchTargets() {}

  /** Applies {@code change} to each selected object; a null result deletes the object. */
  static List<YMap> bySelector(List<YMap> objects, Selector s, UnaryOperator<YMap> change) {
    Predicate<Resource> test = s.matcher();
    List<YMap> out = new ArrayList<>();
    for (YMap o : objects) {
      if ((!s.name().isEmpty() && renamed(o, "name"))
          || (!s.namespace().isEmpty() && renamed(o, "namespace"))) {
        throw new Unmodelled("a patch target selecting by name or namespace an object renamed"
            + " before the patch (original ids not modelled yet)", s.location());
      }
      YMap next = test.test(resource(o)) ? change.apply(o) : o;
      if (next != null) {
        out.add(next);
      }
    }
    return out;
  }

  /** Applies {@code change} to the one object whose id the patch document names. */
  static List<YMap> byId(List<YMap> objects, YMap patch, UnaryOperator<YMap> change) {
    ResourceId id = Objects.id(patch);
    int match = -1;
    for (int i = 0; i < objects.size(); i++) {
      YMap o = objects.get(i);
      ResourceId cur = Objects.id(o);
      boolean sameGvk = cur.kind().equals(id.kind()) && cur.group().equals(id.group())
          && cur.version().equals(id.version());
      if (sameGvk && (renamed(o, "name") || renamed(o, "namespace"))) {
        throw new Unmodelled("a strategic-merge patch by id where an object of its kind was"
            + " renamed before the patch (original ids not modelled yet)", patch.at());
      }
      if (cur.matches(id)) {
        if (match >= 0) {
          throw new Unmodelled("a patch that matches several objects (kustomize fails)",
              patch.at());
        }
        match = i;
      }
    }
    if (match < 0) {
      throw new Unmodelled("a patch that matches no object (kustomize fails)", patch.at());
    }
    List<YMap> out = new ArrayList<>(objects);
    YMap next = change.apply(objects.get(match));
    if (next == null) {
      out.remove(match);
    } else {
      out.set(match, next);
    }
    return out;
  }

  // A transformer writes new nodes without a position: the field is not the one the file had.
  private static boolean renamed(YMap o, String field) {
    YNode n = Objects.metadata(o).get(field);
    Location at = o.at();
    if (n == null) {
      return false;
    }
    return n.at() == null || at == null || !n.at().file().equals(at.file());
  }

  private static Resource resource(YMap o) {
    return new Resource(List.of(Objects.id(o)), o.at(), Resource.Origin.MANIFEST,
        strings(o, "labels"), strings(o, "annotations"));
  }

  private static Map<String, String> strings(YMap o, String field) {
    Map<String, String> out = new TreeMap<>();
    if (Objects.metadata(o).get(field) instanceof YMap m) {
      for (YNode.Field f : m.fields()) {
        if (f.value() instanceof YScalar s) {
          out.put(f.key(), s.value());
        }
      }
    }
    return out;
  }
}
