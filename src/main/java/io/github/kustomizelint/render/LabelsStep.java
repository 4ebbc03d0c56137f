package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
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
  private static final List<String> LABEL = List.of("pairs", "includeSelectors",
      "includeTemplates", "fields");
  private static final List<String> SPEC = List.of("group", "version", "kind", "path",
      "create");

  @Override
  public List<String> fields() {
    return List.of("labels", "commonLabels");
  }

  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    if (!k.fields().containsKey("labels") && !k.fields().containsKey("commonLabels")) {
      return objects;
    }
    YMap content = in.content(k);
    TransformerConfig config = in.config(k);
    List<FieldSpec> common = configured(COMMON, config.section("commonlabels"));
    List<FieldSpec> templates = configured(TEMPLATES, config.section("templatelabels"));
    List<YMap> out = objects;
    for (YNode entry : KustomizationContent.items(content.get("labels"), "labels")) {
      Map<String, YNode> e = KustomizationContent.struct(entry, LABEL, "a labels entry");
      Map<String, String> pairs = KustomizationContent.strings(e.get("pairs"));
      out = set(out, pairs, specs(e, entry, common, templates));
    }
    return set(out, KustomizationContent.strings(content.get("commonLabels")), common);
  }

  /**
   * Built-in specs with those configurations files add, merged as kustomize's MergeConfig
   * merges them (a spec already there once, a conflicting create Unmodelled).
   */
  static List<FieldSpec> configured(List<FieldSpec> builtin, List<FieldSpec> added) {
    if (added.isEmpty()) {
      return builtin;
    }
    List<FieldSpec> out = new ArrayList<>(builtin);
    merge(out, added, null);
    return out;
  }

  private static List<YMap> set(List<YMap> objects, Map<String, String> pairs,
      List<FieldSpec> specs) {
    if (pairs.isEmpty()) {
      return objects;
    }
    return objects.stream().map(o -> StringEntries.set(o, pairs, specs, "labels")).toList();
  }

  private static List<FieldSpec> specs(Map<String, YNode> e, YNode entry,
      List<FieldSpec> common, List<FieldSpec> templates) {
    List<FieldSpec> specs = new ArrayList<>();
    for (YNode f : KustomizationContent.items(e.get("fields"), "labels fields")) {
      specs.add(custom(f));
    }
    if (KustomizationContent.bool(e, "includeSelectors")) {
      merge(specs, common, entry);
    } else {
      if (KustomizationContent.bool(e, "includeTemplates")) {
        merge(specs, templates, entry);
      }
      merge(specs, List.of(METADATA), entry);
    }
    return specs;
  }

  // kustomize's FsSlice.MergeOne: a spec already there is skipped, one that differs only in
  // create makes kustomize fail.
  private static void merge(List<FieldSpec> specs, List<FieldSpec> incoming, YNode entry) {
    for (FieldSpec x : incoming) {
      FieldSpec there = specs.stream().filter(s -> s.path().equals(x.path())
          && covers(x.group(), s.group()) && covers(x.version(), s.version())
          && covers(x.kind(), s.kind())).findFirst().orElse(null);
      if (there == null) {
        specs.add(x);
      } else if (there.create() != x.create()) {
        throw new Unmodelled("field specs conflicting with the built-in ones, where "
            + "kustomize fails", entry == null ? null : entry.at());
      }
    }
  }

  private static boolean covers(String selector, String value) {
    return selector == null || selector.equals(value);
  }

  private static FieldSpec custom(YNode f) {
    Map<String, YNode> m = KustomizationContent.struct(f, SPEC, "a labels field spec");
    String path = KustomizationContent.string(m, "path");
    try {
      return FieldSpec.of(path, KustomizationContent.bool(m, "create"), blank(m, "group"),
          blank(m, "version"), blank(m, "kind"));
    } catch (IllegalArgumentException e) {
      throw new Unmodelled("a labels field spec path with an empty element", f.at());
    }
  }

  private static String blank(Map<String, YNode> m, String key) {
    String v = KustomizationContent.string(m, key);
    return v.isEmpty() ? null : v;
  }
}
