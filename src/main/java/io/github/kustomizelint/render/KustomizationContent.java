package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNodes;
import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.load.YamlFile;
import io.github.kustomizelint.model.Kustomization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kustomization file's own content, for the steps whose settings the check's model does
 * not keep (labels, images, sortOptions...). Read only by a step whose field is present.
 */
final class KustomizationContent {

  private KustomizationContent() {}

  static YMap of(Kustomization k) {
    YamlFile f = new YamlCache().read(k.file());
    if (!f.readable() || f.documents().isEmpty()
        || !(YNodes.of(k.file(), f.documents().get(0)) instanceof YMap m)) {
      throw new Unmodelled("a kustomization that cannot be read", k.location());
    }
    return m;
  }

  /**
   * A map of strings as Go reads it into map[string]string: scalars by their text, null as
   * the empty string.
   */
  static Map<String, String> strings(YNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node instanceof YScalar s && Values.scalar(s) == Values.NULL) {
      return out;
    }
    if (!(node instanceof YMap m)) {
      throw new Unmodelled("a map of strings that is not a map", node.at());
    }
    for (YNode.Field f : m.fields()) {
      if (!(f.value() instanceof YScalar s)) {
        throw new Unmodelled("a map of strings with a value that is not a string", f.keyAt());
      }
      out.put(f.key(), Values.scalar(s) == Values.NULL ? "" : s.value());
    }
    return out;
  }

  /** A Go bool field: absent or null is false. */
  static boolean bool(YMap m, String key) {
    YNode n = m.get(key);
    if (n == null || n instanceof YScalar s && Values.scalar(s) == Values.NULL) {
      return false;
    }
    if (n instanceof YScalar s && Values.scalar(s) instanceof Boolean b) {
      return b;
    }
    throw new Unmodelled("'" + key + "' that is not a bool", n.at());
  }
}
