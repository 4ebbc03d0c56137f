package io.github.kustomizelint.render;

import io.github.kustomizelint.model.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What kustomize does silently that the check warns of, gathered while a directory renders
 * (on the rendering thread, so a step deep in a merge needs no handle on the renderer). A
 * notice belongs to the innermost directory being rendered.
 */
final class Notices {

  /** One silent outcome: the feature's name, then its detail, and where it was written. */
  record Notice(String feature, Location at) {}

  private static final ThreadLocal<Deque<List<Notice>>> OPEN =
      ThreadLocal.withInitial(ArrayDeque::new);

  private Notices() {}

  static void add(String feature, Location at) {
    Deque<List<Notice>> open = OPEN.get();
    if (!open.isEmpty() && at != null) {
      open.peek().add(new Notice(feature, at));
    }
  }

  static void open() {
    OPEN.get().push(new ArrayList<>());
  }

  static List<Notice> close() {
    return List.copyOf(OPEN.get().pop());
  }
}
