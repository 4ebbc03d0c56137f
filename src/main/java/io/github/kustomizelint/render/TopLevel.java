package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.model.Kustomization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What kustomize does only for the kustomization it builds (kusttarget's IgnoreLocal, then
 * krusty's Kustomizer.Run): drops the objects annotated as local config, orders the rest by
 * that kustomization's {@code sortOptions} (legacy by default; a base's are ignored), and
 * reads its {@code buildMetadata}.
 */
final class TopLevel {

  /** Fields read here, and only for the top kustomization. */
  static final List<String> FIELDS = List.of("sortOptions", "buildMetadata");

  private static final String LOCAL_CONFIG = "config.kubernetes.io/local-config";

  private TopLevel() {}

  static List<YMap> finish(Kustomization top, Inputs in, List<YMap> objects) {
    List<YMap> out = new ArrayList<>();
    for (YMap o : objects) {
      if (!local(o)) {
        out.add(o);
      }
    }
    YMap content = top.fields().containsKey("sortOptions")
        || top.fields().containsKey("buildMetadata") ? in.content(top) : null;
    LegacyOrder order = content == null ? LegacyOrder.byDefault() : order(content);
    if (order != null) {
      out.sort(order);
    }
    if (content != null && buildMetadata(content)) {
      out.replaceAll(o -> withOrigin(top, o));
    }
    return out;
  }

  private static final String ORIGIN = "config.kubernetes.io/origin";
  private static final java.util.regex.Pattern PLAIN_PATH =
      java.util.regex.Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._/-]*");

  /**
   * buildMetadata originAnnotations (kubectl-checked): the file an object was read from,
   * relative to the built directory as kustomize joins the entries that led there; a
   * generated object names the kustomization file that configured it and its generator.
   */
  private static YMap withOrigin(Kustomization top, YMap o) {
    io.github.kustomizelint.model.Location at = o.at();
    if (at == null || at.file() == null) {
      throw new Unmodelled("buildMetadata originAnnotations on an object whose origin is not"
          + " modelled (a plugin's, or made by a transformer)", top.fields().get("buildMetadata"));
    }
    java.nio.file.Path file = at.file();
    String rel = top.dir().relativize(file).normalize().toString().replace('\\', '/');
    if (!PLAIN_PATH.matcher(rel).matches()) {
      throw new Unmodelled("buildMetadata originAnnotations on a path that YAML would quote: "
          + rel, top.fields().get("buildMetadata"));
    }
    String kind = Objects.kind(o);
    boolean generated = io.github.kustomizelint.resolve.Resolver.FILE_NAMES.contains(
        file.getFileName().toString()) && (kind.equals("ConfigMap") || kind.equals("Secret"));
    String text = generated ? "configuredIn: " + rel + "\nconfiguredBy:\n  apiVersion: builtin\n"
        + "  kind: " + kind + "Generator\n" : "path: " + rel + "\n";
    YMap next = Objects.updateMap(o, List.of("metadata", "annotations"),
        a -> a.with(ORIGIN, YScalar.string(text)));
    if (next == null) {
      throw new Unmodelled("metadata.annotations that is not a map", at);
    }
    return next;
  }

  // kustomize keeps an object whose annotation is absent or exactly "false"
  private static boolean local(YMap o) {
    YNode a = Objects.metadata(o).get("annotations");
    YNode v = a instanceof YMap m ? m.get(LOCAL_CONFIG) : null;
    if (v == null) {
      return false;
    }
    if (!(v instanceof YScalar s && Values.scalar(s) instanceof String text)) {
      throw new Unmodelled(LOCAL_CONFIG + " that is not a string", v.at());
    }
    return !text.equals("false");
  }

  /** The legacy order sortOptions ask for, or null for fifo (the accumulated order). */
  private static LegacyOrder order(YMap content) {
    YNode options = content.get("sortOptions");
    if (KustomizationContent.absent(options)) {
      return LegacyOrder.byDefault();
    }
    Map<String, YNode> s = KustomizationContent.struct(options,
        List.of("order", "legacySortOptions"), "sortOptions");
    String order = KustomizationContent.string(s, "order");
    YNode legacy = s.get("legacySortOptions");
    boolean noOptions = KustomizationContent.absent(legacy);
    if (order.equals("fifo") && noOptions) {
      return null;
    }
    if (!order.equals("legacy")) {
      throw new Unmodelled("sortOptions kustomize refuses", options.at());
    }
    if (noOptions) {
      return LegacyOrder.byDefault();
    }
    Map<String, YNode> l = KustomizationContent.struct(legacy,
        List.of("orderFirst", "orderLast"), "legacySortOptions");
    return new LegacyOrder(kinds(l.get("orderFirst")), kinds(l.get("orderLast")));
  }

  private static List<String> kinds(YNode list) {
    List<String> out = new ArrayList<>();
    for (YNode n : KustomizationContent.items(list, "legacySortOptions kinds")) {
      if (!(n instanceof YScalar s && Values.scalar(s) instanceof String kind)) {
        throw new Unmodelled("a legacySortOptions kind that is not a string", n.at());
      }
      out.add(kind);
    }
    return out;
  }

  // Unknown values are ignored, as kustomize only looks for the ones it knows. Whether
  // origin annotations are asked for.
  private static boolean buildMetadata(YMap content) {
    boolean origins = false;
    for (YNode n : KustomizationContent.items(content.get("buildMetadata"), "buildMetadata")) {
      if (!(n instanceof YScalar s && Values.scalar(s) instanceof String value)) {
        throw new Unmodelled("a buildMetadata value that is not a string", n.at());
      }
      switch (value) {
        case "managedByLabel" -> throw new Unmodelled("buildMetadata managedByLabel (its value"
            + " names the kustomize binary's version: kustomize-v5.5.0, or kustomize-(devel)"
            + " from kubectl)", n.at());
        case "originAnnotations" -> origins = true;
        case "transformerAnnotations" -> throw new Unmodelled("buildMetadata " + value, n.at());
        default -> { }
      }
    }
    return origins;
  }
}
