package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNodes;
import io.github.kustomizelint.load.YamlFile;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.ResourceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The configs a {@code generators} or {@code transformers} list names, as kustomize gathers
 * them before running any: every entry accumulated as resources (a file's documents, a
 * directory built as a base is), in order, each id once. An inline config is Unmodelled.
 */
final class PluginConfigs {

  private PluginConfigs() {}

  static List<YMap> of(Kustomization k, Inputs in, String field) {
    List<YMap> configs = new ArrayList<>();
    Set<ResourceId> ids = new HashSet<>();
    for (YNode entry : KustomizationContent.items(in.content(k).get(field),
        field + " entries")) {
      if (!(entry instanceof YScalar s) || s.value().contains("\n")) {
        throw new Unmodelled("a " + field + " entry that is not a file path", entry.at());
      }
      Path path = k.dir().resolve(s.value()).normalize();
      List<YMap> made = new ArrayList<>();
      if (Files.isDirectory(path)) {
        in.built(path).forEach(o -> made.add(BuildIds.strip(o)));
      } else if (Files.isRegularFile(path)) {
        YamlFile f = in.file(path);
        if (!f.readable()) {
          throw new Unmodelled("a " + field + " file the check reports", entry.at());
        }
        for (org.yaml.snakeyaml.nodes.Node doc : f.documents()) {
          if (!(YNodes.of(path, doc) instanceof YMap config)) {
            throw new Unmodelled("a " + field + " config that is not a map", Location.of(path));
          }
          made.add(config);
        }
      } else {
        throw new Unmodelled("a " + field + " entry that is neither a file nor a directory",
            entry.at());
      }
      for (YMap config : made) {
        if (!ids.add(Objects.id(config))) {
          throw new Unmodelled("two " + field + " configs with one id (kustomize refuses it)",
              config.at());
        }
        configs.add(config);
      }
    }
    return configs;
  }
}
