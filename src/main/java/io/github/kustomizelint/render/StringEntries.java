package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels and annotations filters: each pair set as a string at every map the field specs
 * reach (kustomize's SetEntry with the !!str tag), creating the maps that are missing.
 */
final class StringEntries {

  private StringEntries() {}

  static YMap set(YMap o, Map<String, String> pairs, List<FieldSpec> specs, String what) {
    YMap next = o;
    for (FieldSpec s : specs) {
      next = s.apply(next, YMap.empty(), node -> {
        if (!(node instanceof YMap m)) {
          throw new Unmodelled(what + " into a field that is not a map, where kustomize fails",
              node.at());
        }
        YMap r = m;
        for (Map.Entry<String, String> e : new TreeMap<>(pairs).entrySet()) {
          r = r.with(e.getKey(), YNode.YScalar.string(e.getValue()));
        }
        return r;
      });
    }
    return next;
  }
}
