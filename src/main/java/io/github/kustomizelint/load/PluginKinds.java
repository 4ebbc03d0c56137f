package io.github.kustomizelint.load;

import java.util.Set;

/**
 * Which generator, transformer and validator configurations kustomize runs itself. A
 * configuration with {@code apiVersion: builtin} must name one of its built-in plugins; any
 * other is an external plugin, which kustomize refuses unless run with
 * {@code --enable-alpha-plugins} (Kustomize v5.5.0: "external plugins disabled").
 */
public final class PluginKinds {

  /**
   * kustomize v5.5's built-in plugins (api/internal/plugins/builtinhelpers). Its
   * LegacyOrderTransformer and SortOrderTransformer are not loadable from a configuration
   * (kubectl: "unable to load builtin SortOrderTransformer").
   */
  public static final Set<String> BUILTIN = Set.of("AnnotationsTransformer",
      "ConfigMapGenerator", "IAMPolicyGenerator", "HashTransformer", "ImageTagTransformer",
      "LabelTransformer", "NamespaceTransformer",
      "PatchJson6902Transformer", "PatchStrategicMergeTransformer", "PatchTransformer",
      "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer",
      "ReplicaCountTransformer", "SecretGenerator", "ValueAddTransformer",
      "HelmChartInflationGenerator", "ReplacementTransformer");

  /** The built-ins that generate; the others transform ("not a generator" otherwise). */
  private static final Set<String> GENERATORS = Set.of("ConfigMapGenerator", "SecretGenerator",
      "IAMPolicyGenerator", "HelmChartInflationGenerator");

  private PluginKinds() {}

  /**
   * Why kustomize refuses this configuration (null when it runs it, or when plugins are
   * enabled and an external one is simply opaque).
   */
  public static String refused(String field, String apiVersion, String kind,
      boolean pluginsEnabled) {
    if (kind == null || kind.isEmpty()) {
      return null; // reported elsewhere, or not a plugin configuration at all
    }
    if ("builtin".equals(apiVersion)) {
      if (!BUILTIN.contains(kind)) {
        return "'" + kind + "' is not one of kustomize's built-in plugins; kustomize fails"
            + " (unable to load builtin " + kind + ")";
      }
      return wrongRole(field, kind);
    }
    return pluginsEnabled ? null : "'" + kind + "' (" + (apiVersion == null ? "no apiVersion"
        : apiVersion) + ") is an external plugin; kustomize fails unless run with"
        + " --enable-alpha-plugins (external plugins disabled): use apiVersion: builtin for a"
        + " built-in, or set enablePlugins (kustomize-lint.enablePlugins) if your builds enable"
        + " plugins";
  }

  // Validators run either sort (kubectl accepts a LabelTransformer there).
  private static String wrongRole(String field, String kind) {
    boolean generator = GENERATORS.contains(kind);
    if (field.equals("generators") && !generator) {
      return "'" + kind + "', a transformer; kustomize fails (not a generator): list it under"
          + " transformers:";
    }
    if (field.equals("transformers") && generator) {
      return "'" + kind + "', a generator; kustomize fails (not a transformer): list it under"
          + " generators:";
    }
    return null;
  }
}
