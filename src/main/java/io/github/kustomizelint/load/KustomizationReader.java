package io.github.kustomizelint.load;

import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Generator;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Patch;
import io.github.kustomizelint.model.Problem;
import io.github.kustomizelint.model.Replacement;
import io.github.kustomizelint.model.ResourceId;
import io.github.kustomizelint.model.Var;
import io.github.kustomizelint.model.Selector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a kustomization file into the parts kustomize acts on, loading the patch files it
 * names. Anything that would stop kustomize is reported as a problem, never thrown.
 */
public final class KustomizationReader {

  /** The fields of kustomize v5.5's Kustomization type; any other makes it refuse the file. */
  public static final java.util.Set<String> FIELDS = java.util.Set.of(
      "apiVersion", "kind", "metadata", "openapi", "namePrefix", "nameSuffix", "namespace",
      "commonLabels", "labels", "commonAnnotations", "patchesStrategicMerge", "patchesJson6902",
      "patches", "images", "imageTags", "replacements", "replicas", "vars", "sortOptions",
      "resources", "components", "crds", "bases", "configMapGenerator", "secretGenerator",
      "helmGlobals", "helmCharts", "helmChartInflationGenerator", "generatorOptions",
      "configurations", "generators", "transformers", "validators", "buildMetadata");

  // Built-in transformers that never change an object's name or namespace.
  private static final String OPENAPI_BUILT_IN = "v1.21.2";
  private static final java.util.Set<String> KEEP_IDS = java.util.Set.of("LabelTransformer",
      "AnnotationsTransformer", "ImageTagTransformer", "ReplicaCountTransformer");

  private final YamlCache cache;

  private final boolean rootOnly;

  private final ProjectBounds bounds;

  private final boolean enablePlugins;

  /**
   * @param rootOnly kustomize's default load restrictor: files must lie in or below the
   *     kustomization's directory (false: LoadRestrictionsNone)
   */
  public KustomizationReader(YamlCache cache, boolean rootOnly) {
    this(cache, rootOnly, ProjectBounds.NONE, false);
  }

  /**
   * @param bounds files outside them are never read
   * @param enablePlugins builds run with --enable-alpha-plugins: external plugins are opaque,
   *     not refused
   */
  public KustomizationReader(YamlCache cache, boolean rootOnly, ProjectBounds bounds,
      boolean enablePlugins) {
    this.cache = cache;
    this.rootOnly = rootOnly;
    this.bounds = bounds;
    this.enablePlugins = enablePlugins;
  }

  public KustomizationReader(YamlCache cache) {
    this(cache, true);
  }

  /** The result; {@code kustomization} is null when the file cannot be used at all. */
  public record Result(Kustomization kustomization, List<Problem> problems) {}

  public Result read(Path file) {
    List<Problem> problems = new ArrayList<>();
    YamlFile yaml = cache.read(file);
    if (!yaml.readable()) {
      Problem p = yaml.problem();
      problems.add(new Problem(Problem.Kind.INVALID_KUSTOMIZATION, p.location(), p.message()));
      return new Result(null, problems);
    }
    if (yaml.documents().isEmpty() || yaml.firstEmpty()) {
      // kustomize reads only the first document of a kustomization.
      problems.add(invalid(Location.of(file), "kustomization file is empty; kustomize refuses it"));
      return new Result(null, problems);
    }
    Node root = yaml.documents().get(0);
    if (!(root instanceof MappingNode)) {
      problems.add(invalid(yaml.at(root),
          "a kustomization must be a map of fields, not a " + describe(root)));
      return new Result(null, problems);
    }
    String shape = typeMeta(root);
    if (shape != null) {
      problems.add(invalid(Location.of(file), shape));
      return new Result(null, problems);
    }
    Kustomization k = new Parse(yaml, root, problems).kustomization();
    // Types of values everywhere; where the parse already refused a value, its words stay.
    java.util.Set<Location> refused = new java.util.HashSet<>();
    problems.forEach(p -> refused.add(p.location()));
    KustomizationSchema.check(root, yaml::at, (where, message) -> {
      if (refused.add(where)) {
        problems.add(invalid(where, message));
      }
    });
    return new Result(k, problems);
  }

  /** kustomize's checks of kind, apiVersion and emptiness; null when they pass. */
  private static String typeMeta(Node root) {
    String kind = Nodes.fieldText(root, "kind");
    String apiVersion = Nodes.fieldText(root, "apiVersion");
    if (kind != null && !kind.isEmpty() && !kind.equals("Kustomization")
        && !kind.equals("Component")) {
      return "kind is '" + kind + "'; kustomize accepts only Kustomization or Component";
    }
    boolean component = "Component".equals(kind);
    String required = "kustomize.config.k8s.io/" + (component ? "v1alpha1" : "v1beta1");
    if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(required)) {
      return "apiVersion is '" + apiVersion + "'; kustomize requires " + required + " for a "
          + (component ? "Component" : "Kustomization");
    }
    for (NodeTuple t : ((MappingNode) root).getValue()) {
      String key = String.valueOf(Nodes.text(t.getKeyNode()));
      Node v = t.getValueNode();
      boolean blank = Nodes.isNull(v) || "".equals(Nodes.text(v));
      if (!key.equalsIgnoreCase("kind") && !key.equalsIgnoreCase("apiVersion") && !blank) {
        return null;
      }
    }
    return "kustomization has nothing but apiVersion, kind and empty fields; kustomize refuses"
        + " it (kustomization.yaml is empty)";
  }

  /** What a scalar decodes to when it is not a string (number or bool), else null. */
  static String nonString(Node n) {
    GoScalar g = n instanceof ScalarNode s ? GoScalar.of(s) : GoScalar.STRING;
    return g == GoScalar.NUMBER || g == GoScalar.BOOL ? g.json : null;
  }

  private static Problem invalid(Location at, String message) {
    return new Problem(Problem.Kind.INVALID_KUSTOMIZATION, at, message);
  }

  static String describe(Node n) {
    if (n instanceof MappingNode) {
      return "map";
    }
    if (n instanceof SequenceNode) {
      return "list";
    }
    return Nodes.isNull(n) ? "null" : "string";
  }

  /** One parse of one file; holds the problems it finds. */
  private final class Parse {
    private final YamlFile yaml;
    private final Node root;
    private final List<Problem> problems;
    private final Path dir;
    private final List<Path> named = new ArrayList<>();
    private final List<Replacement> replacements = new ArrayList<>();
    private final List<Patch> transformerPatches = new ArrayList<>();
    private final java.util.Set<String> replicaKinds = new java.util.HashSet<>();
    private final List<Entry> remotePatches = new ArrayList<>();
    private final List<Entry> unread = new ArrayList<>();
    // built-in ConfigMap and Secret generators configured in files of the generators list
    private final List<Generator> pluginGenerators = new ArrayList<>();
    private final List<Kustomization.PluginDirectory> pluginDirectories = new ArrayList<>();

    Parse(YamlFile yaml, Node root, List<Problem> problems) {
      this.yaml = yaml;
      this.root = root;
      this.problems = problems;
      this.dir = yaml.path().getParent();
    }

    Kustomization kustomization() {
      unknownFields();
      sortOptions();
      crds();
      for (Entry e : paths(root, "configurations")) {
        names(e.value());
        if (mustExist(e, "configurations file")) {
          configuration(dir.resolve(e.value()).normalize());
        } else {
          replicaKinds.add("*");
        }
      }
      for (Node r : list(root, "replacements")) {
        Node path = Nodes.field(r, "path");
        if (Nodes.text(path) != null) {
          Entry e = new Entry(Nodes.text(path), at(path));
          if (validPath(e, "replacements path") && mustExist(e, "replacements file")) {
            names(e.value());
            replacementFile(e);
          }
        } else {
          replacement(yaml, r);
        }
        ReplacementShape.inline(yaml, r, problems::add);
      }
      boolean component = "Component".equals(Nodes.fieldText(root, "kind"));
      List<Entry> resources = paths(root, "resources");
      resources.addAll(paths(root, "bases"));
      resources.forEach(e -> names(e.value()));
      for (String key : List.of("generators", "transformers", "validators")) {
        for (Node n : list(root, key)) {
          String v = Nodes.text(n);
          // An entry is a file or directory, unless it is an inline plugin configuration.
          if (v != null && !v.contains("\n") && !v.contains(": ")) {
            if (validPath(new Entry(v, at(n)), "an entry of '" + key + "'")) {
              names(v);
              Path file = dir.resolve(v).normalize();
              if (mustExist(new Entry(v, at(n)), key + " entry")) {
                if (java.nio.file.Files.isRegularFile(file)) {
                  plugins(cache.read(file), key, "'" + EntryPaths.shown(v) + "'", at(n));
                } else if (java.nio.file.Files.isDirectory(file)) {
                  pluginDirectories.add(new Kustomization.PluginDirectory(key, new Entry(v, at(n))));
                }
              }
            }
          } else if (v != null) {
            plugins(YamlCache.parse(yaml.path(), v), key, "(inline)", at(n));
          }
        }
      }
      Node openapi = Nodes.field(root, "openapi");
      openapiVersion(openapi);
      if ("".equals(Nodes.fieldText(openapi, "path"))) {
        problems.add(invalid(at(Nodes.field(openapi, "path")), "openapi path is empty;"
            + " kustomize fails (the kustomization directory must resolve to a file)"));
      } else if (Nodes.fieldText(openapi, "path") != null) {
        Entry e = new Entry(Nodes.fieldText(openapi, "path"), at(Nodes.field(openapi, "path")));
        if (validPath(e, "openapi path")) {
          names(e.value());
          mustExist(e, "openapi file");
        }
      }
      List<Patch> strategicMerge = patchesStrategicMerge();
      List<Patch> patches = patches();
      List<Patch> json6902 = patchesJson6902();
      List<Entry> opaque = new ArrayList<>(remotePatches);
      for (String key : List.of("generators", "transformers", "helmCharts", "helmChartInflationGenerator")) {
        NodeTuple t = Nodes.fieldTuple(root, key);
        if (t == null || Nodes.isNull(t.getValueNode())
            || key.equals("transformers") && keepIds(t.getValueNode())) {
          continue;
        }
        List<Generator> builtin = key.equals("generators")
            ? builtinGenerators(t.getValueNode()) : null;
        if (builtin != null) {
          pluginGenerators.addAll(builtin);
        } else {
          opaque.add(new Entry(key, yaml.at(t.getKeyNode())));
        }
      }
      return new Kustomization(
          yaml.path(),
          component,
          resources,
          paths(root, "components"),
          paths(root, "crds"),
          java.util.stream.Stream.concat(generators().stream(), pluginGenerators.stream())
              .toList(),
          strategicMerge,
          patches,
          json6902,
          scalar("namespace"),
          scalar("namePrefix"),
          scalar("nameSuffix"),
          labels(),
          map("commonAnnotations"),
          opaque,
          transformerPatches,
          replacements,
          vars(),
          replicas(),
          replicaKinds,
          fields(),
          named,
          pluginDirectories,
          unread);
    }

    // by kustomize's own names: Go's JSON decoding matches a field name in any case
    private Map<String, Location> fields() {
      Map<String, Location> out = new java.util.LinkedHashMap<>();
      for (NodeTuple t : ((MappingNode) root).getValue()) {
        String key = Nodes.text(t.getKeyNode());
        if (key != null) {
          java.util.Map.Entry<String, GoType> known = KustomizationSchema.KUSTOMIZATION.field(key);
          out.remove(known == null ? key : known.getKey());
          out.put(known == null ? key : known.getKey(), at(t.getKeyNode()));
        }
      }
      return out;
    }

    /** Notes a local file the kustomization names, so it is not an orphan. */
    private void names(String rel) {
      if (!rel.contains("://") && !rel.contains("\n")) {
        try {
          named.add(dir.resolve(rel).normalize());
        } catch (java.nio.file.InvalidPathException e) {
          // not a path: nothing to note
        }
      }
    }

    /** kustomize v5.5 builds in one schema version and takes a version or a path, not both. */
    private void openapiVersion(Node openapi) {
      String version = Nodes.fieldText(openapi, "version");
      if (version == null || version.isEmpty()) {
        return;
      }
      Location at = at(Nodes.field(openapi, "version"));
      String path = Nodes.fieldText(openapi, "path");
      if (path != null && !path.isEmpty()) {
        problems.add(invalid(at, "openapi has both version and path; kustomize fails (builtin"
            + " version and custom schema provided, cannot use both): keep one"));
      } else if (!version.equals(OPENAPI_BUILT_IN)) {
        problems.add(invalid(at, "openapi version '" + version + "' is not built into kustomize"
            + " v5.5 (only " + OPENAPI_BUILT_IN + "); kustomize fails (the specified OpenAPI"
            + " version is not built in): remove it, or give the schema file as openapi.path"));
      }
    }

    // kubectl: a map without order (even {}) fails, a null sortOptions does not.
    private void sortOptions() {
      NodeTuple t = Nodes.fieldTuple(root, "sortOptions");
      if (t == null || !(t.getValueNode() instanceof MappingNode options)) {
        return;
      }
      String order = Nodes.fieldText(options, "order");
      Node legacy = Nodes.field(options, "legacySortOptions");
      if (order == null || !order.equals("fifo") && !order.equals("legacy")) {
        Node at = Nodes.field(options, "order");
        problems.add(new Problem(Problem.Kind.SORT_OPTIONS_INVALID,
            at(at == null ? t.getKeyNode() : at), (order == null ? "sortOptions has no order"
            : "sortOptions.order is '" + order + "'") + "; kustomize accepts only fifo or"
            + " legacy and fails building this kustomization (an overlay over it builds)"));
      } else if (order.equals("fifo") && legacy != null && !Nodes.isNull(legacy)) {
        problems.add(new Problem(Problem.Kind.SORT_OPTIONS_INVALID, at(legacy),
            "sortOptions.legacySortOptions is set but the order is fifo; kustomize fails"
            + " building this kustomization (an overlay over it builds): drop it or use"
            + " order: legacy"));
      }
    }

    private void unknownFields() {
      for (NodeTuple t : ((MappingNode) root).getValue()) {
        String key = Nodes.text(t.getKeyNode());
        if (key != null && FIELDS.stream().noneMatch(key::equalsIgnoreCase)) {
          String near = FIELDS.stream()
              .min(java.util.Comparator.comparingInt(f -> Text.distance(f, key))).orElse("");
          String hint = Text.distance(near, key) <= 3 ? " (did you mean '" + near + "'?)" : "";
          problems.add(invalid(at(t.getKeyNode()), "unknown field '" + key + "'" + hint
              + "; kustomize refuses the kustomization (json: unknown field)"));
        }
      }
    }

    private List<Entry> replicas() {
      List<Entry> out = new ArrayList<>();
      for (Node r : list(root, "replicas")) {
        String name = Nodes.fieldText(r, "name");
        if (name != null) {
          out.add(new Entry(name, at(r)));
        }
      }
      return out;
    }

    private List<Var> vars() {
      List<Var> out = new ArrayList<>();
      for (Node v : list(root, "vars")) {
        Node ref = Nodes.field(v, "objref");
        String name = Nodes.fieldText(v, "name");
        if (name == null || !(ref instanceof MappingNode)) {
          continue;
        }
        String apiVersion = Nodes.fieldText(ref, "apiVersion");
        ResourceId id = apiVersion != null
            ? ResourceId.of(apiVersion, Nodes.fieldText(ref, "kind"), Nodes.fieldText(ref, "name"),
                Nodes.fieldText(ref, "namespace"))
            : new ResourceId(Nodes.fieldText(ref, "group"), Nodes.fieldText(ref, "version"),
                Nodes.fieldText(ref, "kind"), Nodes.fieldText(ref, "name"), Nodes.fieldText(ref, "namespace"));
        out.add(new Var(name, id, at(v)));
      }
      return out;
    }

    /**
     * Whether every transformers entry is a built-in transformer that leaves names and
     * namespaces alone (labels, annotations, images, replicas, or a prefix/suffix on other
     * fields) or a PatchTransformer, which is followed like a patch; anything else may rename
     * or add objects, so what follows is not known.
     */
    private boolean keepIds(Node entries) {
      if (!(entries instanceof SequenceNode s)) {
        return false;
      }
      // entry by entry: the patches of those before an opaque one are still followed
      for (Node n : s.getValue()) {
        YamlFile f = entryFile(n);
        if (f == null) {
          return false;
        }
        for (Node doc : f.documents()) {
          String kind = String.valueOf(Nodes.text(doc, "kind"));
          boolean builtin = "builtin".equals(Nodes.text(doc, "apiVersion"));
          if (builtin && kind.equals("PatchTransformer")) {
            // A patch like a patches: entry, which the resolver follows.
            Selector target = selector(f, Nodes.fieldTuple(doc, "target"));
            Location at = f.at(doc);
            loadBody(f, doc, at, "PatchTransformer", (body, mapper) -> PatchDocs.any(
                Patch.Field.PATCHES, body, mapper, at, target, PatchDocs.Options.NONE,
                transformerPatches::add, problems));
            continue;
          }
          boolean affix = kind.equals("PrefixSuffixTransformer") || kind.equals("PrefixTransformer")
              || kind.equals("SuffixTransformer");
          if (!builtin || !(KEEP_IDS.contains(kind) || affix && affixesOtherFields(doc))) {
            return false;
          }
        }
      }
      return true;
    }

    /**
     * The generators a generators list configures when every entry is a file of built-in
     * ConfigMapGenerator and SecretGenerator configs, else null (opaque). Such a config is
     * decoded as plugin configs are: keys in any case, unknown ones ignored, its own name
     * unless its args name one; generatorOptions do not apply (kubectl-checked).
     */
    private List<Generator> builtinGenerators(Node entries) {
      if (!(entries instanceof SequenceNode s)) {
        return null;
      }
      List<Generator> out = new ArrayList<>();
      for (Node n : s.getValue()) {
        YamlFile f = entryFile(n);
        if (f == null) {
          return null;
        }
        for (Node doc : f.documents()) {
          String kind = "ConfigMapGenerator".equals(Nodes.text(doc, "kind")) ? "ConfigMap"
              : "SecretGenerator".equals(Nodes.text(doc, "kind")) ? "Secret" : null;
          if (!"builtin".equals(Nodes.text(doc, "apiVersion")) || kind == null) {
            return null;
          }
          String name = Nodes.fieldText(doc, "name");
          if (name == null || name.isEmpty()) {
            name = Nodes.fieldText(Nodes.field(doc, "metadata"), "name");
          }
          String namespace = Nodes.fieldText(doc, "namespace");
          if (namespace == null || namespace.isEmpty()) {
            namespace = Nodes.fieldText(Nodes.field(doc, "metadata"), "namespace");
          }
          List<Entry> inputs = new ArrayList<>();
          for (String field : List.of("files", "envs")) {
            if (Nodes.field(doc, field) instanceof SequenceNode items) {
              for (Node item : items.getValue()) {
                String value = Nodes.text(item);
                if (value != null) {
                  int eq = field.equals("files") ? value.indexOf('=') : -1;
                  inputs.add(new Entry(value.substring(eq + 1), f.at(item)));
                }
              }
            }
          }
          if (Nodes.fieldText(doc, "env") != null) {
            inputs.add(new Entry(Nodes.fieldText(doc, "env"), f.at(Nodes.field(doc, "env"))));
          }
          String b = Nodes.fieldText(doc, "behavior");
          Node options = Nodes.field(doc, "options");
          out.add(new Generator(kind, name == null ? "" : name, namespace,
              "merge".equals(b) ? Generator.Behavior.MERGE
                  : "replace".equals(b) ? Generator.Behavior.REPLACE : Generator.Behavior.CREATE,
              inputs, Nodes.stringMap(Nodes.field(options, "labels")),
              Nodes.stringMap(Nodes.field(options, "annotations")), f.at(doc)));
        }
      }
      return out;
    }

    /**
     * The file a generators or transformers entry names, readable and with documents, or null
     * for anything else (a directory, an inline config, a file the load restrictor refuses,
     * which is never read: mustExist reported it).
     */
    private YamlFile entryFile(Node n) {
      String v = Nodes.text(n);
      Path file = v == null || v.contains("\n") || EntryPaths.problem(v) != null ? null
          : dir.resolve(v).normalize();
      if (file == null || !java.nio.file.Files.isRegularFile(file)
          || rootOnly && !RealPaths.inside(file, dir) || !bounds.contains(file)) {
        return null;
      }
      YamlFile f = cache.read(file);
      return f.readable() && !f.documents().isEmpty() ? f : null;
    }

    private boolean affixesOtherFields(Node doc) {
      if (!(Nodes.get(doc, "fieldSpecs") instanceof SequenceNode specs)) {
        return false; // the default field spec is metadata/name
      }
      for (Node spec : specs.getValue()) {
        String path = String.valueOf(Nodes.text(spec, "path"));
        if (path.equals("metadata/name") || path.equals("metadata/namespace")) {
          return false;
        }
      }
      return true;
    }

    /** Reports the first plugin configuration of the entry that kustomize refuses to run. */
    private void plugins(YamlFile f, String key, String entry, Location at) {
      if (!f.readable()) {
        return; // the plugin step fails on it; what kustomize says is not modelled here
      }
      for (Node doc : f.documents()) {
        String refused = doc instanceof MappingNode ? PluginKinds.refused(key,
            Nodes.text(doc, "apiVersion"), Nodes.text(doc, "kind"), enablePlugins) : null;
        if (refused != null) {
          problems.add(invalid(at, key + " entry " + entry + " configures " + refused));
          return;
        }
        if (key.equals("transformers") && "builtin".equals(Nodes.text(doc, "apiVersion"))
            && "PrefixSuffixTransformer".equals(Nodes.text(doc, "kind"))
            && Nodes.isNull(Nodes.field(doc, "fieldSpecs"))) {
          // kubectl: absent or null fails, an empty list changes nothing
          problems.add(invalid(f.at(Nodes.tuple(doc, "kind").getKeyNode()), "the"
              + " PrefixSuffixTransformer configured by " + key + " entry " + entry + " has no"
              + " fieldSpecs; kustomize fails (fails configuration: fieldSpecs is not expected"
              + " to be nil): list the fields to affix, e.g. '- path: metadata/name'"));
          return;
        }
      }
    }

    /** Reports a missing file; true when the file is there to read. */
    private boolean mustExist(Entry e, String what) {
      if (e.value().contains("://")) {
        return false;
      }
      Path file = dir.resolve(e.value()).normalize();
      if (!java.nio.file.Files.exists(file)) {
        problems.add(new Problem(Problem.Kind.MISSING_FILE, e.location(),
            what + " '" + e.value() + "' does not exist"));
        return false;
      }
      if (rootOnly && java.nio.file.Files.isRegularFile(file) && !RealPaths.inside(file, dir)) {
        problems.add(new Problem(Problem.Kind.OUTSIDE_ROOT, e.location(), what + " '"
            + e.value() + "' is outside this kustomization's directory; kustomize's load"
            + " restrictor refuses it"));
        return false;
      }
      if (!bounds.contains(file)) {
        unread.add(e); // outside the project: never read
        return false;
      }
      return true;
    }

    /** The kinds a configurations file adds to the replicas transformer. */
    private void configuration(Path file) {
      YamlFile f = cache.read(file);
      if (!f.readable()) {
        replicaKinds.add("*");
        problems.add(f.problem());
        return;
      }
      TransformerConfigSchema.check(f, yaml.path(), problems::add);
      for (Node doc : f.documents()) {
        if (Nodes.field(doc, "replicas") instanceof SequenceNode specs) {
          for (Node spec : specs.getValue()) {
            String kind = Nodes.fieldText(spec, "kind");
            replicaKinds.add(kind == null || kind.isEmpty() ? "*" : kind);
          }
        }
      }
    }

    /** A replacements file holds one replacement or a list of them. */
    private void replacementFile(Entry e) {
      YamlFile f = cache.read(dir.resolve(e.value()).normalize());
      if (!f.readable()) {
        problems.add(f.problem());
        return;
      }
      ReplacementShape.file(f, yaml.path(), problems::add);
      for (Node doc : f.documents()) {
        if (doc instanceof SequenceNode s) {
          s.getValue().forEach(r -> replacement(f, r));
        } else {
          replacement(f, doc);
        }
      }
    }

    private void replacement(YamlFile file, Node r) {
      NodeTuple source = Nodes.fieldTuple(r, "source");
      if (source == null || !(source.getValueNode() instanceof MappingNode s)) {
        return;
      }
      boolean rewritesIds = false;
      List<String> targetKinds = new ArrayList<>();
      List<Replacement.Body> bodies = new ArrayList<>();
      String sourceKind = Nodes.fieldText(s, "kind");
      if (!inMetadata(Nodes.fieldText(s, "fieldPath"))) {
        bodies.add(body(s));
      }
      Node targets = Nodes.field(r, "targets");
      if (targets instanceof SequenceNode ts) {
        for (Node t : ts.getValue()) {
          Node select = Nodes.field(t, "select");
          String kind = Nodes.fieldText(select, "kind");
          targetKinds.add(kind == null ? "" : kind);
          boolean body = false;
          if (Nodes.field(t, "fieldPaths") instanceof SequenceNode fps) {
            for (Node fp : fps.getValue()) {
              String path = String.valueOf(Nodes.text(fp));
              rewritesIds |= path.matches("\\.?metadata\\.(name|namespace)");
              body |= !inMetadata(path);
            }
          }
          if (body) {
            bodies.add(body(select));
          }
        }
      }
      replacements.add(new Replacement(Nodes.fieldText(s, "group"), Nodes.fieldText(s, "version"),
          sourceKind, Nodes.fieldText(s, "name"), Nodes.fieldText(s, "namespace"),
          Nodes.fieldText(s, "fieldPath"), file.at(source.getKeyNode()), rewritesIds,
          targetKinds, bodies));
    }

    private static Replacement.Body body(Node selector) {
      String kind = Nodes.fieldText(selector, "kind");
      String name = Nodes.fieldText(selector, "name");
      return new Replacement.Body(kind == null ? "" : kind, name == null ? "" : name);
    }

    // a field path under metadata (an absent source fieldPath is metadata.name)
    private static boolean inMetadata(String path) {
      String p = path == null ? "" : path.startsWith(".") ? path.substring(1) : path;
      return p.isEmpty() || p.equals("metadata") || p.startsWith("metadata.");
    }

    /** crds: files of OpenAPI definitions (name to schema), never CRD manifests. */
    private void crds() {
      for (Entry e : paths(root, "crds")) {
        names(e.value());
        Path file = dir.resolve(e.value()).normalize();
        if (!java.nio.file.Files.isRegularFile(file)) {
          if (!e.value().contains("://")) {
            problems.add(new Problem(Problem.Kind.MISSING_FILE, e.location(),
                "crds file '" + e.value() + "' does not exist"));
          }
          continue;
        }
        if (rootOnly && !RealPaths.inside(file, dir)) {
          problems.add(new Problem(Problem.Kind.OUTSIDE_ROOT, e.location(), "crds file '"
              + e.value() + "' is outside this kustomization's directory; kustomize's load"
              + " restrictor refuses it (loading CRDs: security)"));
          continue;
        }
        if (!bounds.contains(file)) {
          unread.add(e); // outside the project: never read
          continue;
        }
        YamlFile f = cache.read(file);
        if (!f.readable()) {
          problems.add(f.problem());
          continue;
        }
        // kustomize decodes the first document only (kubectl: a list after it is ignored)
        Node doc = f.documents().isEmpty() ? null : f.documents().get(0);
        if (doc != null && !(doc instanceof MappingNode m
            && m.getValue().stream().allMatch(t -> t.getValueNode() instanceof MappingNode))) {
          problems.add(new Problem(Problem.Kind.INVALID_MANIFEST, e.location(), "crds file '"
              + e.value() + "' is not a map of OpenAPI definitions; kustomize fails to load it."
              + " A CustomResourceDefinition manifest belongs under resources:"));
        }
      }
    }

    private Location at(Node n) {
      return yaml.at(n);
    }

    private void wrongType(Node key, Node value, String expected) {
      problems.add(invalid(at(value), "'" + Nodes.text(key) + "' must be " + expected
          + ", not a " + describe(value) + "; kustomize cannot read this kustomization"));
    }

    private Entry scalar(String key) {
      NodeTuple t = Nodes.fieldTuple(root, key);
      if (t == null || Nodes.isNull(t.getValueNode())) {
        return null;
      }
      String v = Nodes.text(t.getValueNode());
      if (v == null) {
        wrongType(t.getKeyNode(), t.getValueNode(), "a string");
        return null;
      }
      notString(t.getValueNode(), "'" + key + "' must be a string");
      return new Entry(v, at(t.getValueNode()));
    }

    private List<Node> list(Node owner, String key) {
      NodeTuple t = Nodes.fieldTuple(owner, key);
      if (t == null || Nodes.isNull(t.getValueNode())) {
        return List.of();
      }
      if (t.getValueNode() instanceof SequenceNode s) {
        return s.getValue();
      }
      wrongType(t.getKeyNode(), t.getValueNode(), "a list");
      return List.of();
    }

    private List<Entry> strings(String key) {
      return strings(root, key);
    }

    private List<Entry> strings(Node owner, String key) {
      List<Entry> out = new ArrayList<>();
      for (Node n : list(owner, key)) {
        String v = Nodes.isNull(n) ? "" : Nodes.text(n);
        if (v == null) {
          problems.add(invalid(at(n), "entries of '" + key + "' must be strings, not a "
              + describe(n) + "; kustomize cannot read this kustomization"));
        } else if (v.isBlank()) {
          problems.add(invalid(at(n), "an entry of '" + key + "' is empty; kustomize fails"
              + " (new root cannot be empty): remove it"));
        } else if (!notString(n, "entries of '" + key + "' must be strings")) {
          out.add(new Entry(v, at(n)));
        }
      }
      return out;
    }

    /** The entries of a list of paths, each checked by {@link EntryPaths}. */
    private List<Entry> paths(Node owner, String key) {
      List<Entry> out = strings(owner, key);
      out.removeIf(e -> !validPath(e, "an entry of '" + key + "'"));
      return out;
    }

    /** Reports a path kustomize cannot load at the entry's line; true when it is usable. */
    private boolean validPath(Entry e, String what) {
      String p = EntryPaths.problem(e.value());
      if (p == null) {
        return true;
      }
      problems.add(invalid(e.location(), what + " '" + EntryPaths.shown(e.value()) + "' " + p));
      return false;
    }

    private Map<String, String> map(String key) {
      Node m = Nodes.field(root, key);
      if (m instanceof MappingNode mm) {
        mm.getValue().forEach(t -> notString(t.getValueNode(), "values of '" + key + "' must be strings"));
      }
      return Nodes.stringMap(m);
    }

    /** Reports a number or bool where kustomize wants a string; true when it did. */
    private boolean notString(Node n, String what) {
      String type = nonString(n);
      if (type != null) {
        problems.add(invalid(at(n), what + ", but " + Nodes.text(n)
            + " is read as a " + type + "; kustomize fails (cannot unmarshal " + type
            + " into string): quote it"));
      }
      return type != null;
    }

    /** commonLabels, and the pairs of every {@code labels} entry: both add metadata labels. */
    private Map<String, String> labels() {
      Map<String, String> all = new java.util.LinkedHashMap<>(map("commonLabels"));
      for (Node entry : list(root, "labels")) {
        if (Nodes.field(entry, "pairs") instanceof MappingNode pairs) {
          pairs.getValue().forEach(t -> notString(t.getValueNode(), "label values must be strings"));
        }
        all.putAll(Nodes.stringMap(Nodes.field(entry, "pairs")));
      }
      return all;
    }

    private List<Generator> generators() {
      List<Generator> out = new ArrayList<>();
      for (String key : List.of("configMapGenerator", "secretGenerator")) {
        String kind = key.equals("configMapGenerator") ? "ConfigMap" : "Secret";
        for (Node g : list(root, key)) {
          if (!(g instanceof MappingNode)) {
            problems.add(invalid(at(g), "entries of '" + key + "' must be maps"));
            continue;
          }
          String name = Nodes.fieldText(g, "name");
          if (name == null || name.isEmpty()) {
            problems.add(invalid(at(g), "a " + key + " entry has no name; kustomize fails"));
          }
          java.util.Set<String> keys = new java.util.HashSet<>();
          // kustomize reads env files first, then literals, then files.
          List<Entry> envFiles = strings(g, "envs");
          if (Nodes.fieldText(g, "env") != null) {
            envFiles.add(new Entry(Nodes.fieldText(g, "env"), at(Nodes.field(g, "env"))));
          }
          for (Entry env : envFiles) {
            if (EntryPaths.problem(env.value()) != null) {
              continue; // reported where the path is checked
            }
            if (!bounds.contains(dir.resolve(env.value()).normalize())) {
              unread.add(env); // outside the project: never read
              continue;
            }
            GeneratorSources.envKeys(dir, env, rootOnly, problems::add)
                .forEach(k -> repeated(keys, k, env, name));
          }
          for (Entry lit : strings(g, "literals")) {
            int eq = lit.value().indexOf('=');
            if (eq <= 0) {
              problems.add(invalid(lit.location(), "literal '" + lit.value() + "' has "
                  + (eq < 0 ? "no '='" : "no key before '='") + "; kustomize fails: write it"
                  + " as KEY=VALUE"));
            } else {
              repeated(keys, lit.value().substring(0, eq).trim(), lit, name);
            }
          }
          List<Entry> files = new ArrayList<>();
          for (Entry f : strings(g, "files")) {
            if (!GeneratorSources.fileSource(f, problems::add)) {
              continue;
            }
            int eq = f.value().indexOf('=');
            Entry file = new Entry(eq < 0 ? f.value() : f.value().substring(eq + 1), f.location());
            if (!validPath(file, "generator file")) {
              continue;
            }
            files.add(file);
            String fileKey = eq >= 0 ? f.value().substring(0, eq).trim()
                : Path.of(f.value()).getFileName().toString();
            repeated(keys, fileKey, f, name);
          }
          String b = Nodes.fieldText(g, "behavior");
          Generator.Behavior behavior = "merge".equals(b) ? Generator.Behavior.MERGE
              : "replace".equals(b) ? Generator.Behavior.REPLACE : Generator.Behavior.CREATE;
          files.addAll(paths(g, "envs"));
          files.forEach(f -> names(f.value()));
          String env = Nodes.fieldText(g, "env");
          if (env != null && validPath(new Entry(env, at(Nodes.field(g, "env"))), "generator env")) {
            files.add(new Entry(env, at(Nodes.field(g, "env"))));
          }
          // generatorOptions apply to every generator; a generator's own options win.
          Node global = Nodes.field(root, "generatorOptions");
          Node own = Nodes.field(g, "options");
          Map<String, String> labels = new java.util.LinkedHashMap<>(
              Nodes.stringMap(Nodes.field(global, "labels")));
          labels.putAll(Nodes.stringMap(Nodes.field(own, "labels")));
          Map<String, String> annotations = new java.util.LinkedHashMap<>(
              Nodes.stringMap(Nodes.field(global, "annotations")));
          annotations.putAll(Nodes.stringMap(Nodes.field(own, "annotations")));
          out.add(new Generator(kind, name == null ? "" : name, Nodes.fieldText(g, "namespace"),
              behavior, files, labels, annotations, at(g)));
        }
      }
      return out;
    }

    private void repeated(java.util.Set<String> keys, String key, Entry e, String generator) {
      if (!keys.add(key)) {
        problems.add(invalid(e.location(), "generator '" + generator + "' repeats the key '" + key
            + "'; kustomize fails (illegally repeats the key)"));
      }
    }

    private List<Patch> patchesStrategicMerge() {
      List<Patch> out = new ArrayList<>();
      for (Node n : list(root, "patchesStrategicMerge")) {
        String v = Nodes.text(n);
        if (v == null) {
          problems.add(invalid(at(n), "entries of 'patchesStrategicMerge' must be strings"));
          continue;
        }
        Location entry = at(n);
        // kustomize first tries the string as an inline patch, then as a path.
        YamlFile inline = inline(v);
        if (inline != null) {
          PatchDocs.strategicMerge(Patch.Field.PATCHES_STRATEGIC_MERGE, inline,
              mapper(yaml, (ScalarNode) n), entry, null, PatchDocs.Options.NONE, out::add, problems);
        } else {
          YamlFile file = patchFile(v, entry);
          if (file != null) {
            PatchDocs.strategicMerge(Patch.Field.PATCHES_STRATEGIC_MERGE, file,
                PatchDocs.IDENTITY, entry, null, PatchDocs.Options.NONE, out::add, problems);
          }
        }
      }
      return out;
    }

    private List<Patch> patches() {
      List<Patch> out = new ArrayList<>();
      for (Node n : list(root, "patches")) {
        if (!(n instanceof MappingNode)) {
          problems.add(invalid(at(n), "entries of 'patches' must be maps with 'path' or 'patch'"));
          continue;
        }
        Location entry = at(n);
        Selector target = selector(yaml, Nodes.fieldTuple(n, "target"));
        Node options = Nodes.field(n, "options");
        PatchDocs.Options opts = new PatchDocs.Options(
            "true".equals(Nodes.fieldText(options, "allowNameChange")),
            "true".equals(Nodes.fieldText(options, "allowKindChange")));
        loadBody(yaml, n, entry, "patches", (file, mapper) -> {
          if (target != null && file.documents().size() > 1
              && !(file.documents().get(0) instanceof SequenceNode)) {
            problems.add(invalid(entry, "a 'patches' entry with a target must hold one"
                + " strategic-merge document, this one has " + file.documents().size()
                + "; kustomize refuses it: split the documents into entries of their own"));
            return;
          }
          PatchDocs.any(Patch.Field.PATCHES, file, mapper, entry, target, opts, out::add, problems);
        });
      }
      return out;
    }

    private List<Patch> patchesJson6902() {
      List<Patch> out = new ArrayList<>();
      for (Node n : list(root, "patchesJson6902")) {
        if (!(n instanceof MappingNode)) {
          problems.add(invalid(at(n), "entries of 'patchesJson6902' must be maps"));
          continue;
        }
        Location entry = at(n);
        Selector target = selector(yaml, Nodes.fieldTuple(n, "target"));
        loadBody(yaml, n, entry, "patchesJson6902", (file, mapper) ->
            PatchDocs.json(Patch.Field.PATCHES_JSON6902, file, mapper, entry, target, out::add, problems));
      }
      return out;
    }

    private interface BodyConsumer {
      void accept(YamlFile file, PatchDocs.Mapper mapper);
    }

    /** Reads a patch given by path or inline; src is the file that holds the entry. */
    private void loadBody(YamlFile src, Node n, Location entry, String key, BodyConsumer body) {
      Node inlineNode = Nodes.field(n, "patch");
      String inlineText = Nodes.text(inlineNode);
      String path = Nodes.fieldText(n, "path");
      if (inlineText != null && path != null) {
        problems.add(invalid(entry, "a '" + key + "' entry sets both 'path' and 'patch';"
            + " kustomize fails (patch and path can't be set at the same time): keep one"));
        return;
      }
      if (inlineText != null) {
        YamlFile parsed = YamlCache.parse(src.path(), inlineText);
        PatchDocs.Mapper m = mapper(src, (ScalarNode) inlineNode);
        if (!parsed.readable()) {
          Location l = parsed.problem().location();
          problems.add(new Problem(Problem.Kind.INVALID_MANIFEST,
              m.map(l), "inline patch " + parsed.problem().message()));
          return;
        }
        body.accept(parsed, m);
      } else if (path != null) {
        YamlFile file = patchFile(path, src.at(Nodes.field(n, "path")));
        if (file != null) {
          body.accept(file, PatchDocs.IDENTITY);
        }
      } else {
        problems.add(invalid(entry, "a '" + key + "' entry needs 'path' or 'patch'"));
      }
    }

    private YamlFile patchFile(String rel, Location entry) {
      if (!validPath(new Entry(rel, entry), "patch path")) {
        return null;
      }
      if (rel.startsWith("https://") || rel.startsWith("http://")) {
        // kustomize fetches it: what it patches, and how, is not known here.
        problems.add(new Problem(Problem.Kind.PATCH_UNVERIFIABLE, entry, "not verified: patch '"
            + EntryPaths.shown(rel) + "' is fetched by kustomize from the network, which"
            + " kustomize-lint never does"));
        remotePatches.add(new Entry("the remote patch '" + EntryPaths.shown(rel) + "'", entry));
        return null;
      }
      names(rel);
      Path file = dir.resolve(rel).normalize();
      if (!java.nio.file.Files.isRegularFile(file)) {
        problems.add(new Problem(Problem.Kind.MISSING_FILE, entry,
            "patch file '" + rel + "' does not exist"
                + (java.nio.file.Files.isDirectory(file) ? " as a file (it is a directory)" : "")));
        return null;
      }
      if (rootOnly && !RealPaths.inside(file, dir)) {
        problems.add(new Problem(Problem.Kind.OUTSIDE_ROOT, entry, "patch file '" + rel
            + "' is outside this kustomization's directory; kustomize's load restrictor refuses"
            + " it: move the patch next to the kustomization, or into a component"));
        return null;
      }
      if (!bounds.contains(file)) {
        unread.add(new Entry(rel, entry)); // outside the project: never read
        return null;
      }
      YamlFile f = cache.read(file);
      if (!f.readable()) {
        problems.add(f.problem());
        return null;
      }
      return f;
    }

    /** The string as an inline patch, or null when kustomize would read it as a path. */
    private YamlFile inline(String v) {
      if (!v.contains(":")) {
        return null;
      }
      YamlFile parsed = YamlCache.parse(yaml.path(), v);
      if (!parsed.readable() || parsed.documents().isEmpty()
          || !(parsed.documents().get(0) instanceof MappingNode)) {
        return null;
      }
      return parsed;
    }

    /** The target selector; its location is the {@code target} key, where users comment. */
    private Selector selector(YamlFile src, NodeTuple tuple) {
      Node t = tuple == null ? null : tuple.getValueNode();
      if (Nodes.isNull(t)) {
        return null;
      }
      if (!(t instanceof MappingNode)) {
        problems.add(invalid(at(t), "'target' must be a map of group, version, kind, name, ..."));
        return null;
      }
      return new Selector(Nodes.fieldText(t, "group"), Nodes.fieldText(t, "version"), Nodes.fieldText(t, "kind"),
          Nodes.fieldText(t, "name"), Nodes.fieldText(t, "namespace"), Nodes.fieldText(t, "labelSelector"),
          Nodes.fieldText(t, "annotationSelector"), src.at(tuple.getKeyNode()));
    }

    /** Maps positions inside an inline block scalar back to the kustomization file. */
    private PatchDocs.Mapper mapper(YamlFile src, ScalarNode scalar) {
      Location start = src.at(scalar);
      ScalarStyle style = scalar.getScalarStyle();
      if (style != ScalarStyle.LITERAL && style != ScalarStyle.FOLDED) {
        return l -> start;
      }
      int firstLine = start.line() + 1;
      String[] lines = src.text().split("\n", -1);
      int indent = 0;
      for (int i = firstLine - 1; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          indent = lines[i].length() - lines[i].stripLeading().length();
          break;
        }
      }
      final int ind = indent;
      return l -> new Location(src.path(), firstLine + l.line() - 1, ind + l.column());
    }
  }
}
