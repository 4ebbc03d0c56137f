package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.model.Suppression;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A file read once: its YAML documents as position-carrying nodes, or the problem that kept
 * it from being read, and its suppression comments. Empty documents are dropped.
 *
 * @param firstEmpty the first document was empty (null or {}); kustomize reads only the
 *     first document of a kustomization
 * @param stripped documents and text were dropped after use to save memory (see
 *     {@link YamlCache#readManifest})
 * @param skimmed the documents hold only what identifies each object and the text is dropped
 *     (see {@link SkimParser}); {@link YamlCache#read} composes such a file whole
 */
public record YamlFile(Path path, String text, List<Node> documents, Problem problem,
    List<Suppression> suppressions, boolean firstEmpty, boolean stripped, boolean skimmed) {

  public YamlFile {
    documents = List.copyOf(documents);
    suppressions = List.copyOf(suppressions);
  }

  static YamlFile of(Path path, String text, List<Node> documents, Problem problem) {
    return of(path, text, documents, problem, false);
  }

  static YamlFile of(Path path, String text, List<Node> documents, Problem problem,
      boolean firstEmpty) {
    return new YamlFile(path, text, documents, problem, Suppressions.parse(path, text),
        firstEmpty, false, false);
  }

  /** A manifest read by {@link SkimParser}: its comments are read, its text not kept. */
  static YamlFile skimmed(Path path, String text, List<Node> skeletons, boolean firstEmpty) {
    return new YamlFile(path, null, skeletons, null, Suppressions.parse(path, text), firstEmpty,
        false, true);
  }

  /** The same file without its nodes and text: what must outlive a manifest's reading. */
  YamlFile strip() {
    return new YamlFile(path, null, List.of(), problem, suppressions, firstEmpty, true, false);
  }

  public boolean readable() {
    return problem == null;
  }

  public Location at(Node node) {
    return Nodes.location(path, node);
  }
}
