package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNode.YSeq;
import io.github.kustomizelint.model.Kustomization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code labels} then {@code commonLabels}, as kustomize configures its label transformer
 * (kusttarget_configplugin.go): a {@code labels} entry writes its own {@code fields}, then the
 * selectors and templates with {@code includeSelectors} (commonLabels' specs), else the
 * templates with {@code includeTemplates}, and always metadata.labels.
 */
final class LabelsStep implements Step {

  private static final List<FieldSpec> COMMON = FieldSpec.builtin("commonLabels");
  private static final List<FieldSpec> TEMPLATES = FieldSpec.builtin("templateLabels");
  private static final FieldSpec METADATA = FieldSpec.of("metadata/labels", true, null, null,
      null);

  @Override
  public List<String> fields() {
    return List.of("labels", "commonLabels");
  }

  @Override
  public List<YMap> apply(Kustomization k, List<YMap> objects) {
    if (!k.fields().containsKey("labels") && !k.fields().containsKey("commonLabels")) {
      return objects;
    }
    YMap content = KustomizationContent.of(k);
    List<YMap> out = objects;
    if (content.get("labels") instanceof YSeq entries) {
      for (YNode entry : entries.items()) {
        if (!(entry instanceof YMap e)) {
          throw new Unmodelled("a labels entry that is not a map", entry.at());
        }
        Map<String, String> pairs = KustomizationContent.strings(e.get("pairs"));
        out = set(out, pairs, specs(e));
      }
    }
    Map<String, String> common = KustomizationContent.strings(content.get("commonLabels"));
    return set(out, common, COMMON);
  }

  private static List<YMap> set(List<YMap> objects, Map<String, String> pairs,
      List<FieldSpec> specs) {
    if (pairs.isEmpty()) {
      return objects;
    }
    return objects.stream().map(o -> StringEntries.set(o, pairs, specs, "labels")).toList();
  }

  private static List<FieldSpec> specs(YMap entry) {
    List<FieldSpec> specs = new ArrayList<>();
    if (entry.get("fields") instanceof YSeq fields) {
      for (YNode f : fields.items()) {
        specs.add(custom(f));
      }
    } else if (entry.get("fields") != null && !isNull(entry.get("fields"))) {
      throw new Unmodelled("labels fields that are not a list", entry.get("fields").at());
    }
    if (KustomizationContent.bool(entry, "includeSelectors")) {
      merge(specs, COMMON, entry);
    } else {
      if (KustomizationContent.bool(entry, "includeTemplates")) {
        merge(specs, TEMPLATES, entry);
      }
      merge(specs, List.of(METADATA), entry);
    }
    return specs;
  }

  // kustomize's FsSlice.MergeOne: a spec already there is skipped, one that differs only in
  // create makes kustomize fail.
  private static void merge(List<FieldSpec> specs, List<FieldSpec> incoming, YMap entry) {
    for (FieldSpec x : incoming) {
      FieldSpec there = specs.stream().filter(s -> s.path().equals(x.path())
          && covers(x.group(), s.group()) && covers(x.version(), s.version())
          && covers(x.kind(), s.kind())).findFirst().orElse(null);
      if (there == null) {
        specs.add(x);
      } else if (there.create() != x.create()) {
        throw new Unmodelled("labels fields conflicting with the built-in ones, where "
            + "kustomize fails", entry.at());
      }
    }
  }

  private static boolean covers(String selector, String value) {
    return selector == null || selector.equals(value);
  }

  private static FieldSpec custom(YNode f) {
    if (!(f instanceof YMap m)) {
      throw new Unmodelled("a labels field spec that is not a map", f.at());
    }
    for (YNode.Field field : m.fields()) {
      if (!List.of("group", "version", "kind", "path", "create").contains(field.key())) {
        throw new Unmodelled("a labels field spec key '" + field.key() + "'", field.keyAt());
      }
    }
    String path = m.string("path");
    if (path == null || path.isEmpty()) {
      throw new Unmodelled("a labels field spec without a path", m.at());
    }
    try {
      return FieldSpec.of(path, KustomizationContent.bool(m, "create"), blank(m, "group"),
          blank(m, "version"), blank(m, "kind"));
    } catch (IllegalArgumentException e) {
      throw new Unmodelled("a labels field spec path with an empty element", m.at());
    }
  }

  private static String blank(YMap m, String key) {
    String v = m.string(key);
    return v == null || v.isEmpty() ? null : v;
  }

  private static boolean isNull(YNode n) {
    return n instanceof YScalar s && Values.scalar(s) == Values.NULL;
  }
}
