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
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code images} (then the deprecated {@code imageTags}): one image tag transformer per entry,
 * as kustomize runs it: first its legacy filter (every {@code image} of a list item under a
 * field named containers or initContainers, anywhere in the object), then its filter over the
 * built-in field specs, so an entry can apply twice (a {@code tagSuffix} does). CRDs are
 * left alone.
 */
final class ImagesStep implements Step {

  private static final List<FieldSpec> SPECS = FieldSpec.builtin("images");
  private static final Set<String> LEGACY_FIELDS = Set.of("containers", "initContainers");
  private static final List<String> KEYS = List.of("name", "newName", "newTag", "digest",
      "tagSuffix");

  @Override
  public List<String> fields() {
    return List.of("images", "imageTags");
  }

  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    if (!k.fields().containsKey("images") && !k.fields().containsKey("imageTags")) {
      return objects;
    }
    YMap content = in.content(k);
    List<FieldSpec> used = TransformerConfig.with(SPECS, in.config(k).images());
    List<YMap> out = objects;
    for (String field : fields()) {
      for (ImageRef image : entries(content.get(field))) {
        out = out.stream().map(o -> apply(image, o, used)).toList();
      }
    }
    return out;
  }

  private static YMap apply(ImageRef image, YMap o, List<FieldSpec> specs) {
    if (Objects.kind(o).equals("CustomResourceDefinition")) {
      return o;
    }
    UnaryOperator<YNode> update = n -> update(image, n);
    YMap next = (YMap) legacy(o, update);
    for (FieldSpec s : specs) {
      next = s.apply(next, null, update);
    }
    return next;
  }

  private static YNode legacy(YNode node, UnaryOperator<YNode> update) {
    if (node instanceof YSeq s) {
      List<YNode> items = new ArrayList<>();
      s.items().forEach(i -> items.add(legacy(i, update)));
      return new YSeq(items, s.at());
    }
    if (!(node instanceof YMap m)) {
      return node;
    }
    YMap next = m;
    for (YNode.Field f : m.fields()) {
      YNode value = legacy(f.value(), update);
      if (LEGACY_FIELDS.contains(f.key()) && value instanceof YSeq s) {
        List<YNode> items = new ArrayList<>();
        for (YNode item : s.items()) {
          if (!(item instanceof YMap c)) {
            throw new Unmodelled("a " + f.key() + " item that is not a map", item.at());
          }
          items.add(c.get("image") == null ? c : c.with("image", update.apply(c.get("image"))));
        }
        value = new YSeq(items, s.at());
      }
      next = next.with(f.key(), value);
    }
    return next;
  }

  private static YNode update(ImageRef image, YNode node) {
    if (!(node instanceof YScalar s)) {
      throw new Unmodelled("an image that is not a string, where kustomize fails", node.at());
    }
    if (Values.scalar(s) == Values.NULL) {
      return s;
    }
    String next = image.update(s.value());
    return next == null || next.equals(s.value()) ? s
        : new YScalar(next, s.plain(), null, s.at());
  }

  private static List<ImageRef> entries(YNode list) {
    List<ImageRef> out = new ArrayList<>();
    for (YNode e : KustomizationContent.items(list, "images")) {
      Map<String, YNode> m = KustomizationContent.struct(e, KEYS, "an images entry");
      List<String> v = KEYS.stream().map(key -> KustomizationContent.string(m, key)).toList();
      try {
        out.add(ImageRef.of(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4)));
      } catch (com.google.re2j.PatternSyntaxException x) {
        throw new Unmodelled("an image name that is not a regular expression (kustomize"
            + " panics)", e.at());
      }
    }
    return out;
  }
}
