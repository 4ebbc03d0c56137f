package io.github.kustomizelint.render;

import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.ResourceId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code namePrefix} then {@code nameSuffix}: kustomize's prefix and suffix transformers with
 * their built-in field spec (metadata/name). Kinds kustomize never renames, by the original
 * id: CustomResourceDefinition and Namespace of any group, APIService of
 * apiregistration.k8s.io. Each renamed object records its prefix or suffix and its previous
 * id ({@link BuildIds}), which name references and patch targets match on later.
 */
final class NameAffixStep implements Step {

  @Override
  public List<String> fields() {
    return List.of("namePrefix", "nameSuffix");
  }

  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    List<YMap> out = objects;
    String prefix = value(k.namePrefix());
    if (!prefix.isEmpty()) {
      out = rename(out, o -> BuildIds.addPrefix(o, prefix), name -> prefix + name,
          fields(in.config(k).section("nameprefix")), prefix, "");
    }
    String suffix = value(k.nameSuffix());
    if (!suffix.isEmpty()) {
      out = rename(out, o -> BuildIds.addSuffix(o, suffix), name -> name + suffix,
          fields(in.config(k).section("namesuffix")), "", suffix);
    }
    return out;
  }

  // configurations' namePrefix/nameSuffix specs other than metadata/name: their fields take
  // the prefix or suffix too (a spec naming metadata/name is the built-in one)
  private static List<FieldSpec> fields(List<FieldSpec> configured) {
    return configured.stream().filter(s -> !s.path().equals(NAME)).toList();
  }

  private static final List<String> NAME = List.of("metadata", "name");

  private static List<YMap> rename(List<YMap> objects, java.util.function.UnaryOperator<YMap> mark,
      java.util.function.UnaryOperator<String> newName, List<FieldSpec> fields, String prefix,
      String suffix) {
    List<YMap> out = new ArrayList<>();
    for (YMap o : objects) {
      ResourceId original = BuildIds.original(o);
      if (skipped(original)) {
        out.add(o);
        continue;
      }
      YMap next = BuildIds.storePrevious(mark.apply(o));
      String name = Objects.name(next);
      next = next.with("metadata", Objects.metadata(next).with("name",
          YNode.YScalar.string(newName.apply(name))));
      for (FieldSpec s : fields) {
        next = affix(next, original, s, prefix, suffix);
      }
      out.add(next);
    }
    return out;
  }

  /** kustomize's prefixsuffix filter: the field's text between prefix and suffix. */
  static YMap affix(YMap o, ResourceId original, FieldSpec s, String prefix, String suffix) {
    if (!s.selects(original)) {
      return o;
    }
    return s.apply(o, YNode.YScalar.string(""), node -> {
      if (!(node instanceof YNode.YScalar v)) {
        throw new io.github.kustomizelint.content.Unmodelled(
            "a prefix or suffix on a field that is not a scalar", node.at());
      }
      return YNode.YScalar.string(prefix + v.value() + suffix);
    });
  }

  static boolean skipped(ResourceId id) {
    return id.kind().equals("CustomResourceDefinition") || id.kind().equals("Namespace")
        || id.kind().equals("APIService") && id.group().equals("apiregistration.k8s.io");
  }

  private static String value(Entry e) {
    return e == null || e.value() == null ? "" : e.value();
  }
}
