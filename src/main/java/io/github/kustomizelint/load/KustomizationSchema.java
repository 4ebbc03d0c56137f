package io.github.kustomizelint.load;

import static io.github.kustomizelint.load.GoType.ANY;
import static io.github.kustomizelint.load.GoType.BOOL;
import static io.github.kustomizelint.load.GoType.INT;
import static io.github.kustomizelint.load.GoType.INT64;
import static io.github.kustomizelint.load.GoType.STRING;

import io.github.kustomizelint.load.GoType.ListOf;
import io.github.kustomizelint.load.GoType.MapOf;
import io.github.kustomizelint.load.GoType.Struct;
import io.github.kustomizelint.model.Location;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * kustomize v5.5's Kustomization type (api/types) and every struct in it, for its strict
 * decoding: a value of the wrong type or an unknown field anywhere makes kustomize refuse
 * the file. The top level's unknown fields are KustomizationReader's (with a hint).
 */
final class KustomizationSchema {

  private static final GoType STRINGS = new ListOf(STRING);
  private static final GoType STRING_MAP = new MapOf(STRING);

  private static final Struct GVK = Struct.of("resid.Gvk", "group", STRING, "version", STRING,
      "kind", STRING);
  private static final Struct RES_ID = GVK.with("resid.ResId", "name", STRING, "namespace",
      STRING);
  static final Struct FIELD_SPEC = GVK.with("types.FieldSpec", "path", STRING, "create", BOOL);
  private static final Struct SELECTOR = RES_ID.with("types.Selector",
      "annotationSelector", STRING, "labelSelector", STRING);
  private static final Struct PATCH = Struct.of("types.Patch", "path", STRING, "patch", STRING,
      "target", SELECTOR, "options", new MapOf(BOOL));
  private static final Struct GENERATOR_OPTIONS = Struct.of("types.GeneratorOptions",
      "labels", STRING_MAP, "annotations", STRING_MAP, "disableNameSuffixHash", BOOL,
      "immutable", BOOL);
  private static final Struct CONFIG_MAP_ARGS = Struct.of("types.ConfigMapArgs",
      "namespace", STRING, "name", STRING, "behavior", STRING, "literals", STRINGS,
      "files", STRINGS, "envs", STRINGS, "env", STRING, "options", GENERATOR_OPTIONS);
  private static final Struct SECRET_ARGS = CONFIG_MAP_ARGS.with("types.SecretArgs",
      "type", STRING);
  private static final Struct FIELD_OPTIONS = Struct.of("types.FieldOptions",
      "delimiter", STRING, "index", INT, "encoding", STRING, "create", BOOL);
  private static final Struct SOURCE = RES_ID.with("types.SourceSelector", "fieldPath", STRING,
      "options", FIELD_OPTIONS);
  private static final Struct TARGET = Struct.of("types.TargetSelector", "select", SELECTOR,
      "reject", new ListOf(SELECTOR), "fieldPaths", STRINGS, "options", FIELD_OPTIONS);
  /** A replacement as written in a kustomization or in a replacements file. */
  static final Struct REPLACEMENT = Struct.of("types.Replacement", "source", SOURCE,
      "targets", new ListOf(TARGET));
  private static final Struct IMAGE = Struct.of("types.Image", "name", STRING,
      "newName", STRING, "tagSuffix", STRING, "newTag", STRING, "digest", STRING);
  private static final Struct HELM_CHART = Struct.of("types.HelmChart", "name", STRING,
      "version", STRING, "repo", STRING, "releaseName", STRING, "namespace", STRING,
      "additionalValuesFiles", STRINGS, "valuesFile", STRING, "valuesInline", new MapOf(ANY),
      "valuesMerge", STRING, "includeCRDs", BOOL, "skipHooks", BOOL, "apiVersions", STRINGS,
      "kubeVersion", STRING, "nameTemplate", STRING, "skipTests", BOOL, "debug", BOOL);
  private static final Struct HELM_CHART_ARGS = Struct.of("types.HelmChartArgs",
      "chartName", STRING, "chartVersion", STRING, "chartRepoUrl", STRING, "chartHome", STRING,
      "chartRepoName", STRING, "helmBin", STRING, "helmHome", STRING, "values", STRING,
      "valuesLocal", new MapOf(ANY), "valuesMerge", STRING, "releaseName", STRING,
      "releaseNamespace", STRING, "extraArgs", STRINGS);

  /** The whole Kustomization type. */
  static final Struct KUSTOMIZATION = Struct.of("types.Kustomization",
      "kind", STRING, "apiVersion", STRING,
      "metadata", Struct.of("types.ObjectMeta", "name", STRING, "namespace", STRING,
          "labels", STRING_MAP, "annotations", STRING_MAP),
      "openapi", STRING_MAP,
      "namePrefix", STRING, "nameSuffix", STRING, "namespace", STRING,
      "commonLabels", STRING_MAP,
      "labels", new ListOf(Struct.of("types.Label", "pairs", STRING_MAP,
          "includeSelectors", BOOL, "includeTemplates", BOOL,
          "fields", new ListOf(FIELD_SPEC))),
      "commonAnnotations", STRING_MAP,
      "patchesStrategicMerge", STRINGS,
      "patchesJson6902", new ListOf(PATCH),
      "patches", new ListOf(PATCH),
      "images", new ListOf(IMAGE),
      "imageTags", new ListOf(IMAGE),
      "replacements", new ListOf(REPLACEMENT.with("types.ReplacementField", "path", STRING)),
      "replicas", new ListOf(Struct.of("types.Replica", "name", STRING, "count", INT64)),
      "vars", new ListOf(Struct.of("types.Var", "name", STRING,
          "objref", GVK.with("types.Target", "apiVersion", STRING, "name", STRING,
              "namespace", STRING),
          "fieldref", Struct.of("types.FieldSelector", "fieldPath", STRING))),
      "sortOptions", Struct.of("types.SortOptions", "order", STRING,
          "legacySortOptions", Struct.of("types.LegacySortOptions", "orderFirst", STRINGS,
              "orderLast", STRINGS)),
      "resources", STRINGS, "components", STRINGS, "crds", STRINGS, "bases", STRINGS,
      "configMapGenerator", new ListOf(CONFIG_MAP_ARGS),
      "secretGenerator", new ListOf(SECRET_ARGS),
      "helmGlobals", Struct.of("types.HelmGlobals", "chartHome", STRING, "configHome", STRING),
      "helmCharts", new ListOf(HELM_CHART),
      "helmChartInflationGenerator", new ListOf(HELM_CHART_ARGS),
      "generatorOptions", GENERATOR_OPTIONS,
      "configurations", STRINGS, "generators", STRINGS, "transformers", STRINGS,
      "validators", STRINGS, "buildMetadata", STRINGS);

  private KustomizationSchema() {}

  /** Reports every value kustomize cannot decode and every unknown nested field under root. */
  static void check(Node root, Function<Node, Location> at, BiConsumer<Location, String> out) {
    for (NodeTuple t : ((MappingNode) root).getValue()) {
      String key = Nodes.text(t.getKeyNode());
      java.util.Map.Entry<String, GoType> f = key == null ? null : KUSTOMIZATION.field(key);
      if (f != null) {
        GoType.check(t.getValueNode(), f.getValue(), f.getKey(), KUSTOMIZATION, false,
            sink(at, out, "the kustomization", "invalid Kustomization"));
      }
    }
  }

  /** Findings worded the way kustomize fails on what, its error prefixed with prefix. */
  static GoType.Sink sink(Function<Node, Location> at, BiConsumer<Location, String> out,
      String what, String prefix) {
    return new GoType.Sink() {
      @Override
      public void wrongType(Node value, String reason) {
        String shown = value instanceof org.yaml.snakeyaml.nodes.ScalarNode s
            ? "'" + s.getValue() + "' is read as a " + GoType.jsonKind(value)
            : "a " + GoType.jsonKind(value).replace("object", "map").replace("array", "list")
                + " is here";
        out.accept(at.apply(value), shown + ", but kustomize wants "
            + goNoun(reason) + " here and refuses " + what + " (" + prefix + ": " + reason + ")"
            + (reason.endsWith("of type string") && !shown.startsWith("a ") ? ": quote it" : ""));
      }

      @Override
      public void unknownField(Node key, String name, String path, Struct in) {
        out.accept(at.apply(key), "unknown field '" + name + "' "
            + (path.isEmpty() ? "at the top" : "in " + path) + " (known: "
            + GoType.known(in) + "); kustomize refuses " + what + " (json: unknown field)");
      }
    };
  }

  private static String goNoun(String reason) {
    String type = reason.substring(reason.lastIndexOf(" of type ") + 9);
    return type.equals("string") ? "a string" : type.equals("bool") ? "a bool (true or false)"
        : type.startsWith("int") ? "a whole number" : type.startsWith("map[") ? "a map of "
        + type.substring(type.indexOf(']') + 1) + " values" : type.startsWith("[]")
        || type.endsWith("Slice") ? "a list" : "a map of fields";
  }
}
