package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Problem;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What kustomize's ReplacementTransformer refuses in a replacement: a missing source or
 * targets, a target without select, and, in a replacements file, a value of the wrong type.
 * Unlike a kustomization, a replacements file is not decoded strictly: unknown fields pass.
 */
final class ReplacementShape {

  private ReplacementShape() {}

  /** An entry of a kustomization's replacements: (its types are KustomizationSchema's). */
  static void inline(YamlFile yaml, Node entry, Consumer<Problem> out) {
    if (!(entry instanceof MappingNode)) {
      return;
    }
    if (Nodes.fieldText(entry, "path") != null) {
      Node targets = Nodes.field(entry, "targets");
      if (!Nodes.isNull(Nodes.field(entry, "source"))
          || targets instanceof SequenceNode s && !s.getValue().isEmpty()) {
        out.accept(invalid(yaml, entry, "a replacements entry sets both 'path' and 'source' or"
            + " 'targets'; kustomize fails (cannot specify both path and inline replacement):"
            + " keep one"));
      }
      return;
    }
    // Re-encoded with omitempty before use, so an empty targets list is no targets.
    required(yaml, entry, "the kustomization", true, out);
  }

  /** A replacements file: one replacement or a list of them, in its first document. */
  static void file(YamlFile f, Path kustomization, Consumer<Problem> out) {
    String what = "the replacements file loaded by " + kustomization;
    Node doc = f.documents().isEmpty() ? null : f.documents().get(0);
    if (!(doc instanceof MappingNode) && !(doc instanceof SequenceNode)) {
      out.accept(invalid(f, doc, "a replacements file must hold a replacement or a list of"
          + " them, not " + (Nodes.isNull(doc) ? "nothing" : "a string") + "; kustomize fails"
          + " (unsupported replacement type encountered within replacement path)"));
      return;
    }
    GoType.Sink sink = new GoType.Sink() {
      private final GoType.Sink typed = KustomizationSchema.sink(f::at, (at, message) ->
          out.accept(new Problem(Problem.Kind.INVALID_KUSTOMIZATION, at, message)), what,
          "error unmarshaling JSON: while decoding JSON");

      @Override
      public void wrongType(Node at, String reason) {
        typed.wrongType(at, reason);
      }

      @Override
      public void unknownField(Node key, String name, String path, GoType.Struct in) {
        // sigs.k8s.io/yaml's Unmarshal, not UnmarshalStrict: ignored
      }
    };
    for (Node r : doc instanceof SequenceNode s ? s.getValue() : java.util.List.of(doc)) {
      GoType.check(r, KustomizationSchema.REPLACEMENT, "", KustomizationSchema.REPLACEMENT,
          true, sink);
      if (r instanceof MappingNode) {
        required(f, r, what, false, out);
      }
    }
  }

  private static void required(YamlFile yaml, Node r, String what, boolean emptyIsNone,
      Consumer<Problem> out) {
    Node targets = Nodes.field(r, "targets");
    boolean none = Nodes.isNull(targets)
        || emptyIsNone && targets instanceof SequenceNode s && s.getValue().isEmpty();
    if (Nodes.isNull(Nodes.field(r, "source")) || none) {
      out.accept(invalid(yaml, r, "this replacement has no "
          + (Nodes.isNull(Nodes.field(r, "source")) ? "source" : "targets") + "; kustomize"
          + " refuses " + what + " (replacements must specify a source and at least one"
          + " target)"));
    }
    if (targets instanceof SequenceNode s) {
      for (Node t : s.getValue()) {
        if (t instanceof MappingNode && Nodes.isNull(Nodes.field(t, "select"))) {
          out.accept(invalid(yaml, t, "this replacement target has no select; kustomize"
              + " refuses " + what + " (target must specify resources to select)"));
        }
      }
    }
  }

  private static Problem invalid(YamlFile yaml, Node at, String message) {
    return new Problem(Problem.Kind.INVALID_KUSTOMIZATION,
        at == null ? io.github.kustomizelint.model.Location.of(yaml.path()) : yaml.at(at),
        message);
  }
}
