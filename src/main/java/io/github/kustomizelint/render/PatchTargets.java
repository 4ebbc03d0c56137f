package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
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
 * {@link Selector}, on the original and the current id), or the id its strategic-merge
 * document names (on any id the object has had), as kustomize's resmap selects them; the id
 * history is {@link BuildIds}.
 */
final class PatchTargets {

  private PatchTargets() {}

  /** Applies {@code change} to each selected object; a null result deletes the object. */
  static List<YMap> bySelector(List<YMap> objects, Selector s, UnaryOperator<YMap> change) {
    if (s.problem() != null || !s.isValid()) {
      throw new Unmodelled("a patch target kustomize refuses or we cannot read", s.location());
    }
    Predicate<Resource> test = s.matcher();
    // most selectors name no labels or annotations: their maps are then not built
    boolean maps = !s.labelSelector().isEmpty() || !s.annotationSelector().isEmpty();
    List<YMap> out = new ArrayList<>();
    for (YMap o : objects) {
      YMap next = test.test(resource(o, maps)) ? change.apply(o) : o;
      if (next != null) {
        out.add(next);
      }
    }
    return out;
  }

  /** How a patch no object has the id of is named, for {@link ContentFailures}. */
  static final String NO_MATCH = "a patch that matches no object (kustomize fails)";

  /** Applies {@code change} to the one object whose id the patch document names. */
  static List<YMap> byId(List<YMap> objects, YMap patch, UnaryOperator<YMap> change) {
    ResourceId id = Objects.id(patch);
    int match = -1;
    for (int i = 0; i < objects.size(); i++) {
      if (BuildIds.all(objects.get(i)).stream().anyMatch(id::matches)) {
        if (match >= 0) {
          throw new Unmodelled("a patch that matches several objects (kustomize fails)",
              patch.at());
        }
        match = i;
      }
    }
    if (match < 0) {
      throw new Unmodelled(NO_MATCH, patch.at());
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

  private static Resource resource(YMap o, boolean maps) {
    List<ResourceId> ids = new ArrayList<>(BuildIds.previous(o));
    ids.add(Objects.id(o));
    return new Resource(ids, o.at(), Resource.Origin.MANIFEST,
        maps ? strings(o, "labels") : Map.of(), maps ? strings(o, "annotations") : Map.of());
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
