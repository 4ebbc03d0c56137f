package io.github.kustomizelint.render;

import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.model.ResourceId;
import java.util.ArrayList;
import java.util.List;

/**
 * kustomize's HashTransformer, run once at the top after every kustomization's steps: each
 * object a generator marked gets {@code -<hash of its final content>} on its name, then the
 * references to the old names follow ({@link GeneratedNameRefs}); the generator's build
 * annotations go.
 */
final class HashSuffix {

  /** One rename: the object's id before, and its new name. */
  record Rename(ResourceId before, String name) {}

  private HashSuffix() {}

  static List<YMap> apply(List<YMap> objects) {
    List<YMap> out = new ArrayList<>();
    List<Rename> renames = new ArrayList<>();
    for (YMap o : objects) {
      YMap next = o;
      if (Objects.metadata(o).get("annotations") instanceof YMap a) {
        if ("enabled".equals(a.string(GeneratedObjects.NEEDS_HASH))) {
          String name = Objects.metadata(o).string("name") + "-" + ContentHash.of(o);
          renames.add(new Rename(Objects.id(o), name));
          next = BuildIds.storePrevious(next);
          next = next.with("metadata", Objects.metadata(next).with("name",
              YScalar.string(name)));
        }
        YMap kept = a.without(GeneratedObjects.NEEDS_HASH).without(GeneratedObjects.BEHAVIOR);
        if (kept.fields().size() != a.fields().size()) {
          next = next.with("metadata", Objects.metadata(next).with("annotations", kept));
        }
      }
      out.add(next);
    }
    return renames.isEmpty() ? out : GeneratedNameRefs.update(out, renames);
  }

}
