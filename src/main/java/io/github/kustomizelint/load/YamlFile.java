package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Problem;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A file read once: its YAML documents as position-carrying nodes, or the problem that kept
 * it from being read. Empty documents are dropped.
 */
public record YamlFile(Path path, String text, List<Node> documents, Problem problem) {

  public YamlFile {
    documents = List.copyOf(documents);
  }

  public boolean readable() {
    return problem == null;
  }

  public Location at(Node node) {
    return Nodes.location(path, node);
  }
}
