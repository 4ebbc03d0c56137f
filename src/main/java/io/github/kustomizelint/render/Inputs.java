package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNodes;
import io.github.kustomizelint.load.YamlCache;
import io.github.kustomizelint.load.YamlFile;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import java.nio.file.Path;

/**
 * The files a render's steps read (kustomization files, patch files), through the run's
 * cache: the check's resolver read them already, so a step reads nothing twice.
 */
final class Inputs {

  private final YamlCache cache;
  // A kustomization's steps run one after another: only the last content is kept.
  private Path lastFile;
  private YMap lastContent;

  // The merged configurations of each kustomization rendered so far (see TransformerConfig).
  private final java.util.Map<Path, TransformerConfig> configs = new java.util.HashMap<>();

  Inputs(YamlCache cache) {
    this(cache, dir -> {
      throw new Unmodelled("a directory of plugin configs", Location.of(dir));
    });
  }

  /** @param built the objects a directory's kustomization accumulates (the renderer's) */
  Inputs(YamlCache cache, java.util.function.Function<Path, java.util.List<YMap>> built) {
    this.cache = cache;
    this.built = built;
  }

  private final java.util.function.Function<Path, java.util.List<YMap>> built;

  /** The objects dir's kustomization accumulates, as a base of this build's. */
  java.util.List<YMap> built(Path dir) {
    return built.apply(dir);
  }

  /** The configurations k's transformers use: set by the renderer before they run. */
  TransformerConfig config(Kustomization k) {
    return config(k.dir());
  }

  TransformerConfig config(Path dir) {
    return configs.getOrDefault(dir, TransformerConfig.NONE);
  }

  void config(Path dir, TransformerConfig config) {
    configs.put(dir, config);
  }

  YamlFile file(Path file) {
    return cache.read(file);
  }

  /**
   * The kustomization file's own content, for the steps whose settings the check's model does
   * not keep (labels, images, sortOptions...).
   */
  YMap content(Kustomization k) {
    if (k.file().equals(lastFile)) {
      return lastContent;
    }
    YamlFile f = file(k.file());
    if (!f.readable() || f.documents().isEmpty()
        || !(YNodes.ofKustomization(k.file(), f.documents().get(0)) instanceof YMap m)) {
      throw new Unmodelled("a kustomization that cannot be read", k.location());
    }
    lastFile = k.file();
    lastContent = KustomizationContent.canonicalKeys(m, k.fields().keySet());
    return lastContent;
  }
}
