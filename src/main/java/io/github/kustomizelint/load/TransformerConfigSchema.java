package io.github.kustomizelint.load;

import io.github.kustomizelint.load.GoType.ListOf;
import io.github.kustomizelint.load.GoType.Struct;
import io.github.kustomizelint.model.Problem;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.Node;

/**
 * kustomize's TransformerConfig (api/internal/plugins/builtinconfig), the type of a
 * {@code configurations:} file. Since kustomize 5.4 it is decoded strictly (sigs.k8s.io/yaml
 * UnmarshalStrict): an unknown field or a repeated key fails the build; being a typed
 * decoding, a number or bool is fine as a string, except in the embedded group, version and
 * kind. Only the first document is read.
 */
final class TransformerConfigSchema {

  private static final GoType FS_SLICE =
      new ListOf(KustomizationSchema.FIELD_SPEC, "types.FsSlice");

  static final Struct TRANSFORMER_CONFIG = Struct.of("builtinconfig.TransformerConfig",
      "namePrefix", FS_SLICE, "nameSuffix", FS_SLICE, "namespace", FS_SLICE,
      "commonLabels", FS_SLICE, "labels", FS_SLICE, "templateLabels", FS_SLICE,
      "commonAnnotations", FS_SLICE,
      "nameReference", new ListOf(Struct.of("resid.Gvk", "group", GoType.STRING,
          "version", GoType.STRING, "kind", GoType.STRING).with(
          "builtinconfig.NameBackReferences", "fieldSpecs", FS_SLICE), "builtinconfig.nbrSlice"),
      "varReference", FS_SLICE, "images", FS_SLICE, "replicas", FS_SLICE);

  private TransformerConfigSchema() {}

  /**
   * Reports what kustomize refuses in a configurations file, at its line there.
   *
   * @param kustomization the kustomization that loads the file, named in every message
   */
  static void check(YamlFile file, Path kustomization, Consumer<Problem> out) {
    if (file.documents().isEmpty()) {
      return;
    }
    Node doc = file.documents().get(0);
    String what = "the configurations file loaded by " + kustomization;
    String prefix = "error unmarshaling JSON: while decoding JSON";
    GoType.Sink sink = KustomizationSchema.sink(file::at, (at, message) -> out.accept(
        new Problem(Problem.Kind.INVALID_KUSTOMIZATION, at, message)), what, prefix);
    Node[] repeated = Nodes.repeatedKey(doc, file.text() == null || file.text().contains("&"));
    if (repeated != null) {
      out.accept(new Problem(Problem.Kind.INVALID_KUSTOMIZATION, file.at(repeated[1]),
          "key '" + Nodes.text(repeated[1]) + "' is already set at line "
              + file.at(repeated[0]).line() + "; kustomize refuses " + what
              + " (yaml: key already set in map)"));
    }
    if (!(doc instanceof org.yaml.snakeyaml.nodes.MappingNode) && !Nodes.isNull(doc)) {
      sink.wrongType(doc, "json: cannot unmarshal " + GoType.jsonKind(doc)
          + " into Go value of type " + TRANSFORMER_CONFIG.name());
      return;
    }
    GoType.check(doc, TRANSFORMER_CONFIG, "", TRANSFORMER_CONFIG, true, sink);
  }
}
