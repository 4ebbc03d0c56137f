package io.github.kustomizelint.rules;

import io.github.kustomizelint.load.Nodes;
import io.github.kustomizelint.load.YamlFile;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.report.Severity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** A Kubernetes manifest in the tree that no kustomization names. */
public final class OrphanManifest extends BaseRule {

  // A note, not a warning: on 32 real trees most unlisted manifests were deliberate
  // (kubebuilder's editor/viewer roles, samples applied by hand).
  public OrphanManifest() {
    super("orphan-manifest", Severity.NOTE, false,
        "A manifest next to a kustomization that no kustomization references.",
        "A Kubernetes object in a file no kustomization lists is never deployed; most often"
        + " it is a new object someone forgot to add under resources:. List it, or delete it."
        + " Only files in a directory that has a kustomization and whose first document has"
        + " apiVersion and kind are considered (a folder of samples without a kustomization is"
        + " left alone), kubebuilder's *_editor_role.yaml and *_viewer_role.yaml are left out on"
        + " purpose, and a file"
        + " whose name a kustomization next to it mentions in a comment (kubebuilder's"
        + " '#- metrics_service.yaml' switches) counts as deliberately left out.");
  }

  /** The comment lines of a kustomization, where switched-off entries live. */
  private static String comments(String text) {
    StringBuilder sb = new StringBuilder();
    if (text != null) {
      for (String line : text.split("\n")) {
        if (line.stripLeading().startsWith("#")) {
          sb.append(line).append('\n');
        }
      }
    }
    return sb.toString();
  }

  @Override
  public void check(LintContext c, Reporter out) {
    Set<Path> named = new HashSet<>();
    Set<Path> unknownDirs = new HashSet<>();
    Map<Path, String> comments = new HashMap<>();
    for (Kustomization k : c.kustomizations()) {
      named.add(k.file());
      named.addAll(k.files());
      comments.merge(k.dir(), comments(c.read().apply(k.file()).text()), String::concat);
    }
    for (var o : c.problems()) {
      if (o.problem().kind() == io.github.kustomizelint.model.Problem.Kind.INVALID_KUSTOMIZATION) {
        // What an unreadable kustomization names cannot be known.
        unknownDirs.add(o.problem().location().file().getParent());
      }
    }
    for (Path file : c.yamlFiles()) {
      String siblings = comments.get(file.getParent());
      if (siblings == null || named.contains(file) || unknownDirs.contains(file.getParent())
          || siblings.contains(file.getFileName().toString())) {
        continue;
      }
      YamlFile yaml = c.read().apply(file);
      if (!yaml.readable() || yaml.documents().isEmpty()) {
        continue;
      }
      Node doc = yaml.documents().get(0);
      String kind = Nodes.text(doc, "kind");
      if (!(doc instanceof MappingNode) || Nodes.text(doc, "apiVersion") == null || kind == null
          || kind.equals("Kustomization") || kind.equals("Component")) {
        continue;
      }
      String fileName = file.getFileName().toString();
      // kubebuilder scaffolds these admin helper roles and leaves them unlisted on purpose.
      if (fileName.endsWith("_editor_role.yaml") || fileName.endsWith("_viewer_role.yaml")) {
        continue;
      }
      NodeTuple k = Nodes.tuple(doc, "kind");
      Location at = yaml.at(k.getKeyNode());
      String name = Nodes.text(Nodes.get(doc, "metadata"), "name");
      String what = kind + (name == null ? "" : " '" + name + "'");
      String advice = fileName.contains("patch")
          ? "it looks like a patch: list it under patches: of the kustomization next to it, or"
              + " delete it"
          : "add it under resources: of the kustomization next to it, or delete it";
      out.report(at, what + " in " + c.show(file) + " is not listed by any kustomization, so"
          + " it is never deployed: " + advice, null);
    }
  }
}
