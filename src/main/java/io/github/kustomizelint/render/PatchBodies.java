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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  /** One entry: its target (or null), its documents, and whether it is a JSON6902 list. */
  record Body(Selector target, List<YNode> docs, boolean json, Location at) {}

  private PatchBodies() {}

  static List<Body> of(Kustomization k, String field) {
    if (!k.fields().containsKey(field)) {
      return List.of();
    }
    YamlFile file = read(k.file());
    YNode root = YNodes.of(k.file(), file.documents().get(0));
    YNode list = root instanceof YMap m ? m.get(field) : null;
    if (!(list instanceof YSeq entries)) {
      return List.of();
    }
    List<Body> out = new ArrayList<>();
    for (YNode e : entries.items()) {
      out.add(switch (field) {
        case "patchesStrategicMerge" -> strategicMerge(k, e);
        case "patches" -> patches(k, e);
        default -> json6902(k, e);
      });
    }
    return out;
  }

  private static Body strategicMerge(Kustomization k, YNode e) {
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
    return new Body(null, docs(file(k, v, e.at())), false, e.at());
  }

  private static Body patches(Kustomization k, YNode e) {
    YMap m = map(e);
    YMap options = m.get("options") instanceof YMap o ? o : YMap.empty();
    for (String opt : List.of("allowNameChange", "allowKindChange")) {
      if ("true".equals(options.get(opt) instanceof YNode.YScalar s ? s.value() : null)) {
        throw new Unmodelled("a patch with options." + opt, options.at());
      }
    }
    List<YNode> docs = body(k, m);
    boolean json = !docs.isEmpty() && docs.get(0) instanceof YSeq;
    return new Body(target(m), docs, json, e.at());
  }

  private static Body json6902(Kustomization k, YNode e) {
    YMap m = map(e);
    return new Body(target(m), body(k, m), true, e.at());
  }

  private static YMap map(YNode e) {
    if (!(e instanceof YMap m)) {
      throw new Unmodelled("a patch entry that is not a map", e.at());
    }
    return m;
  }

  private static List<YNode> body(Kustomization k, YMap m) {
    String inline = m.string("patch");
    if (inline != null) {
      YamlFile f = YamlCache.parse(k.file(), inline.strip());
      if (!f.readable()) {
        throw new Unmodelled("an inline patch the check reports", m.at());
      }
      return docs(k.file(), f);
    }
    String path = m.string("path");
    if (path == null) {
      throw new Unmodelled("a patch entry without path or patch", m.at());
    }
    return docs(file(k, path, m.at()));
  }

  private static Selector target(YMap m) {
    if (!(m.get("target") instanceof YMap t)) {
      return null;
    }
    return new Selector(t.string("group"), t.string("version"), t.string("kind"),
        t.string("name"), t.string("namespace"), t.string("labelSelector"),
        t.string("annotationSelector"), t.at());
  }

  private static YamlFile file(Kustomization k, String rel, Location at) {
    Path p = k.dir().resolve(rel).normalize();
    if (!Files.isRegularFile(p)) {
      throw new Unmodelled("a patch file the check reports", at);
    }
    return read(p);
  }

  private static YamlFile read(Path p) {
    try {
      YamlFile f = YamlCache.parse(p, Files.readString(p, StandardCharsets.UTF_8));
      if (!f.readable() || f.documents().isEmpty()) {
        throw new Unmodelled("a patch file the check reports", Location.of(p));
      }
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<YNode> docs(YamlFile f) {
    return docs(f.path(), f);
  }

  private static List<YNode> docs(Path file, YamlFile f) {
    List<YNode> out = new ArrayList<>();
    for (Node n : f.documents()) {
      out.add(YNodes.of(file, n));
    }
    return out;
  }
}
