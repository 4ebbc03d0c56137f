package io.github.kustomizelint.render;

import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * kustomize's HashTransformer, run once at the top after every kustomization's steps: each
 * object a generator marked gets {@code -<hash of its final content>} on its name, its old id
 * stored ({@link BuildIds}) so that {@link NameReferences} points the references at it; the
 * generator's build annotations go.
 */
final class HashSuffix {

  private HashSuffix() {}

  static List<YMap> apply(List<YMap> objects) {
    List<YMap> out = new ArrayList<>();
    for (YMap o : objects) {
      YMap next = o;
      if (Objects.metadata(o).get("annotations") instanceof YMap a) {
        if ("enabled".equals(a.string(GeneratedObjects.NEEDS_HASH))) {
          String name = Objects.metadata(o).string("name") + "-" + ContentHash.of(o);
          next = BuildIds.storePrevious(next);
          next = next.with("metadata", Objects.metadata(next).with("name",
              YScalar.string(name)));
        }
        YMap now = (YMap) Objects.metadata(next).get("annotations");
        YMap kept = now.without(GeneratedObjects.NEEDS_HASH).without(GeneratedObjects.BEHAVIOR);
        if (kept.fields().size() != now.fields().size()) {
          next = next.with("metadata", Objects.metadata(next).with("annotations", kept));
        }
      }
      out.add(next);
    }
    return out;
  }

}
