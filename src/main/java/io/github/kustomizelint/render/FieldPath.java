package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A field spec's path walked as kustomize's fieldspec filter walks it (without creating
 * anything): each element names a map field, a sequence on the way is entered item by item,
 * a missing field or null ends the walk quietly, a scalar before the end is kustomize's
 * "expected sequence or mapping node" error. Unlike {@link FieldSpec}'s walk, a null at the
 * end of the path is handed to the setter: kustomize's namespace filter fills a null CRD
 * service namespace (kubectl-checked).
 */
final class FieldPath {

  private FieldPath() {}

  /** The node with {@code set} applied to every node the path reaches. */
  static YNode update(YNode node, List<String> path, UnaryOperator<YNode> set) {
    if (path.isEmpty()) {
      return set.apply(node);
    }
    if (KustomizationContent.absent(node)) {
      return node;
    }
    if (node instanceof YSeq s) {
      List<YNode> items = new ArrayList<>();
      for (YNode item : s.items()) {
        items.add(update(item, path, set));
      }
      return new YSeq(items, s.at());
    }
    if (node instanceof YMap m) {
      String name = path.get(0).endsWith("[]")
          ? path.get(0).substring(0, path.get(0).length() - 2) : path.get(0);
      YNode field = m.get(name);
      return field == null ? m : m.with(name, update(field, path.subList(1, path.size()), set));
    }
    throw new Unmodelled("a scalar where a field spec's path goes on (kustomize fails)",
        node.at());
  }
}
