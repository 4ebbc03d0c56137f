package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.ResourceId;
import java.util.List;

/** Small reads and writes on an object's content that several steps share. */
final class Objects {

  private Objects() {}

  static String kind(YMap o) {
    String k = identity(o.get("kind"));
    return k == null ? "" : k;
  }

  /** metadata.name as an identity: kustomize reads any non-null scalar's text (name: 123). */
  static String name(YMap o) {
    return identity(metadata(o).get("name"));
  }

  private static String identity(YNode n) {
    return n instanceof YNode.YScalar s && Values.scalar(s) != Values.NULL ? s.value() : null;
  }

  static String apiVersion(YMap o) {
    String v = o.string("apiVersion");
    return v == null ? "" : v;
  }

  static YMap metadata(YMap o) {
    return o.get("metadata") instanceof YMap m ? m : YMap.empty();
  }

  static ResourceId id(YMap o) {
    YMap m = metadata(o);
    String ns = m.string("namespace");
    return ResourceId.of(apiVersion(o), kind(o), name(o), ns == null ? "" : ns);
  }

  static String group(YMap o) {
    String v = apiVersion(o);
    int slash = v.indexOf('/');
    return slash < 0 ? "" : v.substring(0, slash);
  }

  /**
   * The object with the map at {@code path} changed by {@code change}; missing maps on the
   * way are created (kustomize's {@code create: true}). Returns null when something on the
   * path is not a map, so the caller can decide.
   */
  static YMap updateMap(YMap o, List<String> path, java.util.function.UnaryOperator<YMap> change) {
    if (path.isEmpty()) {
      return change.apply(o);
    }
    YNode child = o.get(path.get(0));
    YMap childMap;
    if (child == null || KustomizationContent.absent(child)) {
      childMap = YMap.empty(); // kyaml's create turns a null into a map too
    } else if (child instanceof YMap m) {
      childMap = m;
    } else {
      return null;
    }
    YMap next = updateMap(childMap, path.subList(1, path.size()), change);
    return next == null ? null : o.with(path.get(0), next);
  }
}
