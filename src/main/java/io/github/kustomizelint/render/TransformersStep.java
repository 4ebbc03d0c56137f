package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.ResourceId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code transformers}: files of built-in transformer configurations ({@code apiVersion:
 * builtin}), run in order after the kustomization's own transformers, as kustomize's
 * KustTarget.runTransformers appends them. Modelled kinds: PatchTransformer, and
 * PrefixSuffixTransformer (renames too), LabelTransformer and AnnotationsTransformer on
 * their field specs.
 * A config is decoded as kustomize decodes plugin configs: any key case, unknown keys ignored.
 * A directory entry is built as a base is, and each object it yields is a config. Every
 * other entry (an inline config, a plugin, a config that renames) is Unmodelled here; the
 * check treats those as opaque.
 */
final class TransformersStep implements Step {

  @Override
  public List<String> fields() {
    return List.of("transformers");
  }

  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    if (!k.fields().containsKey("transformers")) {
      return objects;
    }
    List<YMap> configs = PluginConfigs.of(k, in, "transformers");
    List<YMap> out = objects;
    for (YMap config : configs) {
      Path file = config.at() != null ? config.at().file() : k.file();
      out = run(k, in, file, config, out);
    }
    return out;
  }

  private static List<YMap> run(Kustomization k, Inputs in, Path file, YMap config,
      List<YMap> objects) {
    String kind = string(config, "kind");
    if (!"builtin".equals(string(config, "apiVersion"))) {
      throw new Unmodelled("a transformer that is not built in", config.at());
    }
    return switch (kind) {
      case "PatchTransformer" -> PatchesStep.apply(objects,
          PatchBodies.transformer(in, k, file, config));
      case "PrefixSuffixTransformer" -> affix(config, objects);
      case "LabelTransformer" -> entries(config, "labels", objects);
      case "AnnotationsTransformer" -> entries(config, "annotations", objects);
      default -> throw new Unmodelled("a transformers config of kind " + kind, config.at());
    };
  }

  // kustomize's PrefixSuffixTransformer: each field spec selected by the object's original
  // id gets prefix + value + suffix; CRDs, Namespaces and APIServices are never touched. A
  // metadata/name spec renames as namePrefix does, recording the affixes and the previous id
  // once per spec (kubectl-checked: name references follow).
  private static List<YMap> affix(YMap config, List<YMap> objects) {
    String prefix = orEmpty(string(config, "prefix"));
    String suffix = orEmpty(string(config, "suffix"));
    if (KustomizationContent.absent(KustomizationContent.field(config, "fieldSpecs"))) {
      throw new Unmodelled("a PrefixSuffixTransformer without fieldSpecs (kustomize fails)",
          config.at());
    }
    List<FieldSpec> specs = specs(config); // an empty list changes nothing (kubectl-checked)
    List<YMap> out = new ArrayList<>();
    for (YMap o : objects) {
      ResourceId original = BuildIds.original(o);
      if (NameAffixStep.skipped(original)) {
        out.add(o);
        continue;
      }
      YMap next = o;
      for (FieldSpec s : specs) {
        if (s.path().equals(List.of("metadata", "name")) && s.selects(original)) {
          next = BuildIds.addSuffix(BuildIds.addPrefix(next, prefix), suffix);
          if (!prefix.isEmpty() || !suffix.isEmpty()) {
            next = BuildIds.storePrevious(next);
          }
        }
        next = NameAffixStep.affix(next, original, s, prefix, suffix);
      }
      out.add(next);
    }
    return out;
  }

  // kustomize's LabelTransformer and AnnotationsTransformer: the pairs at each field spec,
  // and only there (a config without field specs changes nothing).
  private static List<YMap> entries(YMap config, String key, List<YMap> objects) {
    Map<String, String> pairs = KustomizationContent.strings(
        KustomizationContent.field(config, key));
    List<FieldSpec> specs = specs(config);
    if (pairs.isEmpty() || specs.isEmpty()) {
      return objects;
    }
    return objects.stream().map(o -> StringEntries.set(o, pairs, specs, key)).toList();
  }

  private static List<FieldSpec> specs(YMap config) {
    return KustomizationContent.items(KustomizationContent.field(config, "fieldSpecs"),
        "fieldSpecs").stream().map(n -> FieldSpec.parse(n, "a transformer's field spec")).toList();
  }

  private static String string(YMap m, String key) {
    YNode n = KustomizationContent.field(m, key);
    if (KustomizationContent.absent(n)) {
      return null;
    }
    if (!(n instanceof YScalar s) || !s.isString()) {
      throw new Unmodelled("a transformer config field '" + key + "' that is not a string",
          n.at());
    }
    return s.value();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }


}
