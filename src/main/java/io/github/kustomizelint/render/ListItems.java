package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YSeq;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * kustomize's inlineAnyEmbeddedLists (api/resource/factory.go): a document whose kind ends in
 * "List" and that has {@code items} stands for its items, which join the end of the file's
 * documents (and are expanded in turn); null items stand for nothing, empty items are
 * dropped, and a "List" without an items field is an object like any other.
 */
final class ListItems {

  private ListItems() {}

  static List<YMap> expand(List<YMap> documents) {
    Deque<YMap> queue = new ArrayDeque<>(documents);
    List<YMap> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      YMap d = queue.removeFirst();
      YNode items = d.get("items");
      if (!Objects.kind(d).endsWith("List") || items == null) {
        out.add(d);
        continue;
      }
      if (KustomizationContent.absent(items)) {
        continue;
      }
      if (!(items instanceof YSeq s)) {
        throw new Unmodelled("List items that are not a list, where kustomize fails",
            items.at());
      }
      for (YNode item : s.items()) {
        if (!(item instanceof YMap m)) {
          throw new Unmodelled("a List item that is not an object", item.at());
        }
        if (!m.fields().isEmpty()) {
          queue.addLast(m);
        }
      }
    }
    return out;
  }
}
