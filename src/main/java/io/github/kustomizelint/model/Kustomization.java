package io.github.kustomizelint.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed kustomization file: what kustomize reads from it, each part with its position.
 *
 * @param resources {@code resources} then the deprecated {@code bases}, in kustomize's order
 * @param opaque entries whose output we cannot know (generators, transformers, Helm charts)
 * @param transformerPatches the built-in PatchTransformers its {@code transformers} list,
 *     applied after every other transformer of the kustomization
 * @param replacements the sources of its replacements, in order
 * @param vars its deprecated vars
 * @param replicas the names its {@code replicas} entries set counts for
 * @param replicaKinds more kinds its {@code configurations} files let {@code replicas} set
 *     ("*" when a configurations file could not be read)
 * @param fields every top-level field and where its key is written
 * @param files every local file the kustomization names (resources, patches, inputs, configs)
 * @param pluginDirectories {@code generators}/{@code transformers}/{@code validators} entries
 *     that are directories: kustomize builds each and runs every object it yields as a plugin
 * @param unread entries naming local files outside the project, which are never read
 */
public record Kustomization(
    Path file,
    boolean component,
    List<Entry> resources,
    List<Entry> components,
    List<Entry> crds,
    List<Generator> generators,
    List<Patch> patchesStrategicMerge,
    List<Patch> patches,
    List<Patch> patchesJson6902,
    Entry namespace,
    Entry namePrefix,
    Entry nameSuffix,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    List<Entry> opaque,
    List<Patch> transformerPatches,
    List<Replacement> replacements,
    List<Var> vars,
    List<Entry> replicas,
    java.util.Set<String> replicaKinds,
    Map<String, Location> fields,
    List<Path> files,
    List<Kustomization.PluginDirectory> pluginDirectories,
    List<Entry> unread) {

  /** A directory entry of {@code generators}, {@code transformers} or {@code validators}. */
  public record PluginDirectory(String field, Entry entry) {}

  public Kustomization {
    resources = List.copyOf(resources);
    components = List.copyOf(components);
    crds = List.copyOf(crds);
    unread = List.copyOf(unread);
    generators = List.copyOf(generators);
    patchesStrategicMerge = List.copyOf(patchesStrategicMerge);
    patches = List.copyOf(patches);
    patchesJson6902 = List.copyOf(patchesJson6902);
    commonLabels = Map.copyOf(commonLabels);
    commonAnnotations = Map.copyOf(commonAnnotations);
    opaque = List.copyOf(opaque);
    transformerPatches = List.copyOf(transformerPatches);
    replacements = List.copyOf(replacements);
    vars = List.copyOf(vars);
    replicas = List.copyOf(replicas);
    replicaKinds = java.util.Set.copyOf(replicaKinds);
    fields = Map.copyOf(fields);
    files = List.copyOf(files);
    pluginDirectories = List.copyOf(pluginDirectories);
  }

  public Path dir() {
    return file.getParent();
  }

  public Location location() {
    return Location.of(file);
  }
}
