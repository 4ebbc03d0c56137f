package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * One strategic-merge document applied to one object as kustomize's resource does it
 * (resmap ApplySmPatch): the patch takes the target's apiVersion, and after the merge the
 * target keeps its kind, name (unless the options allow a change) and namespace. A top-level {@code $patch: replace} changes
 * nothing (as kubectl kustomize v5.5 shows).
 */
final class SmPatch {

  private SmPatch() {}

  /** A field left empty ({@code key:}), which kubectl's merge drops; a written null stays. */
  private static boolean empty(YNode n) {
    return n instanceof YScalar s && s.plain() && s.tag() == null && s.value().isEmpty();
  }

  /** The object without the empty fields of its maps, reached through maps only. */
  private static YMap dropEmpty(YMap m) {
    List<YNode.Field> fields = new ArrayList<>();
    boolean changed = false;
    for (YNode.Field f : m.fields()) {
      if (empty(f.value())) {
        changed = true;
        continue;
      }
      YNode v = f.value() instanceof YMap inner ? dropEmpty(inner) : f.value();
      changed |= v != f.value();
      fields.add(v == f.value() ? f : new YNode.Field(f.key(), f.keyAt(), v));
    }
    return changed ? new YMap(fields, m.at()) : m;
  }

  /**
   * An empty field inside a list: kubectl drops it from the lists it merges item by item and
   * keeps it in others, as its schema says, which we do not hold in full.
   */
  private static YNode emptyInList(YNode n, boolean inList) {
    if (n instanceof YMap m) {
      for (YNode.Field f : m.fields()) {
        YNode found = inList && empty(f.value()) ? f.value() : emptyInList(f.value(), inList);
        if (found != null) {
          return found;
        }
      }
    } else if (n instanceof YNode.YSeq s) {
      for (YNode item : s.items()) {
        YNode found = emptyInList(item, true);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The patched object, or null when the patch deletes it. */
  static YMap apply(YMap target, YMap patchDoc) {
    return apply(target, patchDoc, false, false);
  }

  /**
   * With {@code options.allowNameChange/allowKindChange} the target's id joins its history
   * first, and the patch's name or kind stays.
   */
  static YMap apply(YMap original, YMap patchDoc, boolean nameChange, boolean kindChange) {
    YMap target = nameChange || kindChange ? BuildIds.storePrevious(original) : original;
    if (Objects.kind(patchDoc).endsWith("List")) {
      throw new Unmodelled("a List as a strategic-merge patch", patchDoc.at());
    }
    if (patchDoc.get("$patch") instanceof YScalar d && d.value().equals("replace")) {
      return target; // kubectl kustomize leaves the object as it was
    }
    // kubectl: the merge drops the target's empty fields (key:) and keeps written nulls
    YNode heldEmpty = emptyInList(target, false);
    if (heldEmpty != null) {
      throw new Unmodelled("a strategic-merge patch on an object with an empty field in a list",
          heldEmpty.at());
    }
    target = dropEmpty(target);
    YMap patch = patchDoc.with("apiVersion", target.get("apiVersion"));
    if (patch.get("metadata") instanceof YMap meta) {
      patch = patch.with("metadata", stringMaps(meta));
    }
    YMap merged = StrategicMerges.apply(target, patch);
    if (merged == null) {
      return null;
    }
    if (!(merged.get("metadata") instanceof YMap meta)) {
      throw new Unmodelled("a strategic-merge patch that removes metadata", patchDoc.at());
    }
    YMap before = Objects.metadata(target);
    YMap restored = nameChange ? meta : meta.with("name", before.get("name"));
    restored = before.get("namespace") == null ? restored.without("namespace")
        : restored.with("namespace", before.get("namespace"));
    YMap out = merged.with("metadata", restored);
    return kindChange ? out : out.with("kind", target.get("kind"));
  }

  /**
   * kustomize re-sets a patch's labels and annotations as string maps: their values become
   * strings and an empty map goes away.
   */
  private static YMap stringMaps(YMap meta) {
    YMap out = meta;
    for (String field : List.of("labels", "annotations")) {
      if (!(meta.get(field) instanceof YMap m)) {
        continue;
      }
      List<YNode.Field> fields = new ArrayList<>();
      for (YNode.Field f : m.fields()) {
        if (!(f.value() instanceof YScalar s)) {
          fields.add(f);
        } else if (StrategicMerges.isNull(s)) {
          fields.add(f); // the merge deletes the key (kubectl-recorded, labels and annotations)
        } else {
          fields.add(new YNode.Field(f.key(), f.keyAt(),
              new YScalar(s.value(), false, null, s.at())));
        }
      }
      out = fields.isEmpty() ? out.without(field) : out.with(field, new YMap(fields, m.at()));
    }
    return out;
  }
}
