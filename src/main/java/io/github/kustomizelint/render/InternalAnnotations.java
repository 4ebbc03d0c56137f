package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * kustomize's internal annotations ({@code internal.config.kubernetes.io/...}) around a
 * JSON patch: taken before, set again after over whatever the patch left, all annotation
 * values written back as strings and an empty map removed (kyaml SetAnnotations).
 */
final class InternalAnnotations {

  private static final String PREFIX = "internal.config.kubernetes.io/";

  private InternalAnnotations() {}

  static YMap restore(YMap before, YMap after) {
    List<YNode.Field> fields = new ArrayList<>();
    YNode now = Objects.metadata(after).get("annotations");
    if (now instanceof YMap m) {
      for (YNode.Field f : m.fields()) {
        if (!f.key().startsWith(PREFIX)) {
          fields.add(asString(f));
        }
      }
    } else if (now != null && !StrategicMerges.isNull(now)) {
      throw new Unmodelled("metadata.annotations that is not a map", now.at());
    }
    if (Objects.metadata(before).get("annotations") instanceof YMap m) {
      for (YNode.Field f : m.fields()) {
        if (f.key().startsWith(PREFIX)) {
          fields.removeIf(g -> g.key().equals(f.key()));
          fields.add(f);
        }
      }
    }
    if (!(after.get("metadata") instanceof YMap meta)) {
      throw new Unmodelled("a JSON patch that removes metadata", after.at());
    }
    YMap next = fields.isEmpty() ? meta.without("annotations")
        : meta.with("annotations", new YMap(fields, now == null ? null : now.at()));
    return after.with("metadata", next);
  }

  private static YNode.Field asString(YNode.Field f) {
    if (!(f.value() instanceof YScalar s) || StrategicMerges.isNull(s)) {
      throw new Unmodelled("a JSON-patched annotation that is not a string", f.value().at());
    }
    return new YNode.Field(f.key(), f.keyAt(), new YScalar(s.value(), false, null, s.at()));
  }
}
