package io.github.kustomizelint.render;

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
    List<FieldSpec> common = config.section("commonlabels", COMMON);
    List<FieldSpec> templates = config.section("templatelabels", TEMPLATES);
    List<YMap> out = objects;
    for (YNode entry : KustomizationContent.items(content.get("labels"), "labels")) {
      Map<String, YNode> e = KustomizationContent.struct(entry, LABEL, "a labels entry");
      Map<String, String> pairs = KustomizationContent.strings(e.get("pairs"));
      out = set(out, pairs, specs(e, entry, common, templates));
    }
    return set(out, KustomizationContent.strings(content.get("commonLabels")), common);
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
      FieldSpec.mergeAll(specs, common, entry.at());
    } else {
      if (KustomizationContent.bool(e, "includeTemplates")) {
        FieldSpec.mergeAll(specs, templates, entry.at());
      }
      FieldSpec.mergeAll(specs, List.of(METADATA), entry.at());
    }
    return specs;
  }

  private static FieldSpec custom(YNode f) {
    KustomizationContent.struct(f, SPEC, "a labels field spec"); // unknown fields fail
    return FieldSpec.parse(f, "a labels field spec");
  }
}
