package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.ResourceId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the objects of a resource file: every document, with {@code *List} items inlined. */
public final class ManifestReader {

  /**
   * The fields of an object (besides a List's items) this reader looks at: a skim
   * ({@link SkimParser}) composes only these, so a field read here must be listed.
   */
  static final Set<String> FIELDS = Set.of("apiVersion", "kind", "metadata", "subjects");

  private final YamlCache cache;
  private final Map<Path, Result> results = new HashMap<>();

  public ManifestReader(YamlCache cache) {
    this.cache = cache;
  }

  /**
   * @param heads the first object of each document (the items of a kind: List share one)
   */
  public record Result(List<Resource> resources, List<Problem> problems, List<Resource> heads) {}

  /** Every resource file read so far, with its objects. */
  public Map<Path, Result> all() {
    return results;
  }

  public Result read(Path file) {
    return results.computeIfAbsent(file, this::load);
  }

  private Result load(Path file) {
    return objects(cache.readManifest(file));
  }

  /** The objects of a file read (whole or skimmed). */
  static Result objects(YamlFile yaml) {
    if (!yaml.readable()) {
      return new Result(List.of(), List.of(yaml.problem()), List.of());
    }
    List<Resource> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Resource> heads = new ArrayList<>();
    for (Node doc : yaml.documents()) {
      // A skim gives up on repeated keys, so the file would have been composed whole.
      Node[] repeated = yaml.skimmed() ? null
          : Nodes.repeatedKey(doc, yaml.text() == null || yaml.text().contains("&"));
      if (repeated != null) {
        // go-yaml refuses repeated keys in resources (not in kustomizations or patches).
        problems.add(invalid(yaml.at(repeated[1]), "key '" + Nodes.text(repeated[1])
            + "' is already defined at line " + yaml.at(repeated[0]).line()
            + "; kustomize refuses repeated keys in a resource"));
        continue;
      }
      int before = out.size();
      for (Node item : Nodes.inlineLists(doc)) {
        object(yaml, item, out, problems);
      }
      if (out.size() > before) {
        heads.add(out.get(before));
      }
    }
    return new Result(List.copyOf(out), List.copyOf(problems), List.copyOf(heads));
  }

  private static void object(YamlFile yaml, Node doc, List<Resource> out, List<Problem> problems) {
    if (!(doc instanceof MappingNode)) {
      problems.add(invalid(yaml.at(doc), "a resource must be a map, not a "
          + KustomizationReader.describe(doc)));
      return;
    }
    String kind = Nodes.text(doc, "kind");
    Node items = Nodes.get(doc, "items");
    // kustomize inlines any kind ending in "List" that has an items field.
    // (lists of items were inlined by Nodes.inlineLists)
    if (kind != null && kind.endsWith("List") && items != null) {
      if (!Nodes.isNull(items)) {
        problems.add(invalid(yaml.at(items), "'items' of a " + kind + " must be a list"));
      }
      return;
    }
    NodeTuple kindTuple = Nodes.tuple(doc, "kind");
    Node metadata = Nodes.get(doc, "metadata");
    String name = Nodes.text(metadata, "name");
    if (kind == null || kind.isEmpty()) {
      problems.add(invalid(yaml.at(doc), "object has no 'kind'; kustomize refuses it"));
      return;
    }
    if (name == null || name.isEmpty()) {
      problems.add(invalid(yaml.at(kindTuple.getKeyNode()),
          kind + " has no metadata.name; kustomize refuses it"));
      return;
    }
    ResourceId id = ResourceId.of(Nodes.text(doc, "apiVersion"), kind, name,
        Nodes.text(metadata, "namespace"));
    if (kind.equals("RoleBinding") && id.group().equals("rbac.authorization.k8s.io")) {
      blankSubjectNamespace(yaml, doc, name, problems);
    }
    out.add(new Resource(List.of(id), yaml.at(kindTuple.getKeyNode()), Resource.Origin.MANIFEST,
        Nodes.stringMap(Nodes.get(metadata, "labels")),
        Nodes.stringMap(Nodes.get(metadata, "annotations"))));
  }

  // kubectl: a ServiceAccount subject whose namespace key holds null fails every build
  // (namespace is blank for resource), whatever the kustomization's namespace; "" builds.
  private static void blankSubjectNamespace(YamlFile yaml, Node doc, String name,
      List<Problem> problems) {
    if (!(Nodes.get(doc, "subjects") instanceof SequenceNode subjects)) {
      return;
    }
    for (Node subject : subjects.getValue()) {
      NodeTuple ns = Nodes.tuple(subject, "namespace");
      if ("ServiceAccount".equals(Nodes.text(subject, "kind")) && ns != null
          && Nodes.isNull(ns.getValueNode())) {
        problems.add(invalid(yaml.at(ns.getKeyNode()), "RoleBinding '" + name + "' has a"
            + " ServiceAccount subject whose namespace is null; kustomize fails (namespace is"
            + " blank for resource): give the namespace or remove the key"));
        return;
      }
    }
  }

  private static Problem invalid(Location at, String message) {
    return new Problem(Problem.Kind.INVALID_MANIFEST, at, message);
  }
}
