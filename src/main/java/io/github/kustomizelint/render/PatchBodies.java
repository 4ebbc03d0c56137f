package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YSeq;
import io.github.kustomizelint.content.YNodes;
import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.load.YamlFile;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The content of a kustomization's patch entries, read as kustomize reads them: a path or an
 * inline patch, its target, its documents. The check has already refused malformed entries,
 * so anything odd here is unmodelled rather than reported.
 */
final class PatchBodies {

  /**
   * One entry: its target (or null), its documents, whether it is a JSON6902 list, and the
   * {@code options} that let a strategic-merge patch change its targets' name or kind.
   */
  record Body(Selector target, List<YNode> docs, boolean json, Location at,
      boolean allowNameChange, boolean allowKindChange) {
    Body(Selector target, List<YNode> docs, boolean json, Location at) {
      this(target, docs, json, at, false, false);
    }
  }

  private PatchBodies() {}

  static List<Body> of(Inputs in, Kustomization k, String field) {
    if (!k.fields().containsKey(field)) {
      return List.of();
    }
    YamlFile file = read(in, k.file());
    if (file.text() == null) {
      throw new Unmodelled("a kustomization that cannot be read", k.location());
    }
    String[] lines = file.text().split("\n", -1);
    YNode root = in.content(k);
    YNode list = root instanceof YMap m ? m.get(field) : null;
    if (!(list instanceof YSeq entries)) {
      return List.of();
    }
    List<Body> out = new ArrayList<>();
    for (YNode e : entries.items()) {
      out.add(switch (field) {
        case "patchesStrategicMerge" -> strategicMerge(in, k, e);
        case "patches" -> patches(in, k, e, lines);
        default -> json6902(in, k, e, lines);
      });
    }
    return out;
  }

  private static Body strategicMerge(Inputs in, Kustomization k, YNode e) {
    String v = e instanceof YNode.YScalar s ? s.value() : null;
    if (v == null) {
      throw new Unmodelled("a patchesStrategicMerge entry that is not a string", e.at());
    }
    // kustomize first tries the string as an inline patch, then as a path.
    if (v.contains(":")) {
      YamlFile inline = YamlCache.parse(k.file(), v);
      if (inline.readable() && !inline.documents().isEmpty()
          && inline.documents().get(0) instanceof org.yaml.snakeyaml.nodes.MappingNode) {
        return new Body(null, docs(k.file(), inline), false, e.at());
      }
    }
    return new Body(null, docs(file(in, k, v, e.at())), false, e.at());
  }

  private static Body patches(Inputs in, Kustomization k, YNode e, String[] lines) {
    return patch(in, k, k.file(), map(e), lines);
  }

  /**
   * A built-in PatchTransformer's configuration (a document of a {@code transformers} file):
   * the fields of a patches entry, its inline patch placed in its own file, its path read
   * from the kustomization's directory.
   */
  static Body transformer(Inputs in, Kustomization k, Path file, YMap config) {
    String text = read(in, file).text();
    return patch(in, k, file, config, text == null ? new String[0] : text.split("\n", -1));
  }

  private static Body patch(Inputs in, Kustomization k, Path file, YMap m, String[] lines) {
    YMap options = field(m, "options") instanceof YMap o ? o : YMap.empty();
    List<YNode> docs = body(in, k, file, m, lines);
    boolean json = !docs.isEmpty() && docs.get(0) instanceof YSeq;
    return new Body(target(m), docs, json, m.at(), isTrue(options, "allowNameChange"),
        isTrue(options, "allowKindChange"));
  }

  private static boolean isTrue(YMap options, String key) {
    return field(options, key) instanceof YNode.YScalar s && Boolean.TRUE.equals(
        io.github.kustomizelint.content.Values.scalar(s));
  }

  private static Body json6902(Inputs in, Kustomization k, YNode e, String[] lines) {
    YMap m = map(e);
    return new Body(target(m), body(in, k, k.file(), m, lines), true, e.at());
  }

  private static YMap map(YNode e) {
    if (!(e instanceof YMap m)) {
      throw new Unmodelled("a patch entry that is not a map", e.at());
    }
    return m;
  }

  private static List<YNode> body(Inputs in, Kustomization k, Path file, YMap m,
      String[] lines) {
    String inline = string(m, "patch");
    if (inline != null) {
      YamlFile f = inline(file, (YNode.YScalar) field(m, "patch"), lines);
      if (!f.readable()) {
        throw new Unmodelled("an inline patch the check reports", m.at());
      }
      return docs(file, f);
    }
    String path = string(m, "path");
    if (path == null) {
      throw new Unmodelled("a patch entry without path or patch", m.at());
    }
    return docs(file(in, k, path, m.at()));
  }

  /**
   * An inline patch. A literal block is parsed where it stands (its lines re-indented below
   * as many empty lines as precede it), so positions in it are the kustomization's own.
   */
  private static YamlFile inline(Path file, YNode.YScalar s, String[] lines) {
    Location at = s.at();
    if (at != null && at.line() <= lines.length && at.column() <= lines[at.line() - 1].length()
        && lines[at.line() - 1].charAt(at.column() - 1) == '|') {
      int first = at.line();
      int indent = 0;
      for (int i = first; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          indent = lines[i].length() - lines[i].stripLeading().length();
          break;
        }
      }
      StringBuilder text = new StringBuilder("\n".repeat(first));
      String pad = " ".repeat(indent);
      // line breaks between lines only: a patch not ending in one ends its last block scalar
      // without one (kubectl-checked)
      String[] patchLines = s.value().split("\n", -1);
      for (int i = 0; i < patchLines.length; i++) {
        text.append(i == 0 ? "" : "\n").append(patchLines[i].isEmpty() ? "" : pad + patchLines[i]);
      }
      YamlFile f = YamlCache.parse(file, text.toString());
      if (f.readable()) {
        return f;
      }
    }
    return YamlCache.parse(file, s.value().strip());
  }

  private static Selector target(YMap m) {
    if (!(field(m, "target") instanceof YMap t)) {
      return null;
    }
    return new Selector(string(t, "group"), string(t, "version"), string(t, "kind"),
        string(t, "name"), string(t, "namespace"), string(t, "labelSelector"),
        string(t, "annotationSelector"), t.at());
  }

  private static YNode field(YMap m, String key) {
    return KustomizationContent.field(m, key);
  }

  private static String string(YMap m, String key) {
    return field(m, key) instanceof YNode.YScalar s && s.isString() ? s.value() : null;
  }

  private static YamlFile file(Inputs in, Kustomization k, String rel, Location at) {
    Path p = k.dir().resolve(rel).normalize();
    if (!Files.isRegularFile(p)) {
      throw new Unmodelled("a patch file the check reports", at);
    }
    return read(in, p);
  }

  private static YamlFile read(Inputs in, Path p) {
    YamlFile f = in.file(p);
    if (!f.readable() || f.documents().isEmpty()) {
      throw new Unmodelled("a patch file the check reports", Location.of(p));
    }
    return f;
  }

  private static List<YNode> docs(YamlFile f) {
    return docs(f.path(), f);
  }

  private static List<YNode> docs(Path file, YamlFile f) {
    List<YNode> out = new ArrayList<>();
    for (Node n : f.documents()) {
      inlineLists(YNodes.ofPatch(file, n), out);
    }
    return out;
  }

  // As for resources, a document whose kind ends in List is read as its items.
  private static void inlineLists(YNode doc, List<YNode> out) {
    if (doc instanceof YMap m && Objects.kind(m).endsWith("List")
        && m.get("items") instanceof YSeq items) {
      items.items().forEach(i -> inlineLists(i, out));
    } else {
      out.add(doc);
    }
  }
}
