package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNodes;
import io.github.kustomizelint.load.YamlFile;
import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Kustomization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The field specs a kustomization's {@code crds:} files add, as kustomize's
 * LoadConfigFromCRDs reads them (kubectl-checked): each file maps type names to OpenAPI
 * definitions; a definition whose properties hold apiVersion, kind and metadata is a kind
 * (the type name after its last dot), and walking its properties and the {@code $ref}s among
 * them, {@code x-kubernetes-annotation} adds a commonAnnotations spec, {@code
 * x-kubernetes-label-selector} a commonLabels one, {@code x-kubernetes-identity} a namePrefix
 * one (never nameSuffix), and {@code x-kubernetes-object-ref-api-version} with {@code
 * -kind} a name reference to that kind at the property's {@code name} (or {@code
 * x-kubernetes-object-ref-name-key}). Only string extension values count, as in kustomize.
 */
final class CrdConfig {

  private static final String ANNOTATION = "x-kubernetes-annotation";
  private static final String LABEL_SELECTOR = "x-kubernetes-label-selector";
  private static final String IDENTITY = "x-kubernetes-identity";
  private static final String VERSION = "x-kubernetes-object-ref-api-version";
  private static final String KIND = "x-kubernetes-object-ref-kind";
  private static final String NAME_KEY = "x-kubernetes-object-ref-name-key";
  private static final Set<String> EXTENSIONS =
      Set.of(ANNOTATION, LABEL_SELECTOR, IDENTITY, VERSION, KIND, NAME_KEY);
  // go-yaml v2 (sigs.k8s.io/yaml) reads these plain words as bools where v3 reads strings
  private static final Set<String> V2_BOOLS =
      Set.of("y", "yes", "n", "no", "on", "off");

  private final Map<String, YMap> types = new LinkedHashMap<>();
  private final List<NameReferences.Spec> names = new ArrayList<>();
  private final Map<String, List<FieldSpec>> specs = new LinkedHashMap<>();

  private CrdConfig() {}

  static TransformerConfig own(Kustomization k, Inputs in) {
    if (k.crds().isEmpty()) {
      return TransformerConfig.NONE;
    }
    TransformerConfig out = TransformerConfig.NONE;
    for (Entry e : k.crds()) {
      if (e.value().contains("://")) {
        throw new Unmodelled("a remote crds file", e.location());
      }
      Path file = k.dir().resolve(e.value()).normalize();
      YamlFile f = in.file(file);
      if (!f.readable()) {
        throw new Unmodelled("a crds file the check reports", e.location());
      }
      if (f.documents().isEmpty()) {
        // kubectl: an empty file crashes kustomize, {} or only comments add nothing
        throw new Unmodelled("a crds file without a document", e.location());
      }
      // sigs.k8s.io/yaml decodes the first document only
      YNode doc = YNodes.of(file, f.documents().get(0));
      CrdConfig c = new CrdConfig();
      out = out.plus(c.read(doc));
    }
    return out;
  }

  private TransformerConfig read(YNode doc) {
    if (!(doc instanceof YMap m)) {
      throw new Unmodelled("a crds file that is not a map", doc.at());
    }
    types.putAll(maps(m, "definition"));
    for (Map.Entry<String, YMap> t : types.entrySet()) {
      Map<String, YMap> props = properties(t.getValue());
      if (props.containsKey("kind") && props.containsKey("apiVersion")
          && props.containsKey("metadata")) {
        String name = t.getKey();
        walk(name.substring(name.lastIndexOf('.') + 1), name, new ArrayList<>(),
            new HashSet<>());
      }
    }
    return new TransformerConfig(names, specs);
  }

  private void walk(String kind, String typeName, List<String> path, Set<String> open) {
    YMap def = types.get(typeName);
    if (def == null) {
      return;
    }
    if (!open.add(typeName)) {
      throw new Unmodelled("a crds definition that refers to itself (kustomize recurses"
          + " without end)", def.at());
    }
    for (Map.Entry<String, YMap> p : properties(def).entrySet()) {
      List<String> at = new ArrayList<>(path);
      at.add(p.getKey());
      YMap prop = p.getValue();
      String joined = String.join("/", at);
      if (extension(prop, ANNOTATION) != null) {
        add("commonannotations", joined, kind);
      }
      if (extension(prop, LABEL_SELECTOR) != null) {
        add("commonlabels", joined, kind);
      }
      if (extension(prop, IDENTITY) != null) {
        add("nameprefix", joined, kind);
      }
      String version = extension(prop, VERSION);
      String refKind = extension(prop, KIND);
      if (version != null && refKind != null) {
        String nameKey = extension(prop, NAME_KEY);
        FieldSpec fs = spec(joined + "/" + (nameKey == null ? "name" : nameKey), kind,
            prop);
        names.add(new NameReferences.Spec(new Gvk("", version, refKind),
            new Gvk("", "", kind), fs.path(), false));
      }
      YNode ref = prop.get("$ref");
      if (ref != null && !KustomizationContent.absent(ref)) {
        if (!(ref instanceof YScalar s) || !(Values.scalar(s) instanceof String target)) {
          throw new Unmodelled("a crds $ref that is not a string", ref.at());
        }
        if (!target.isEmpty()) {
          walk(kind, target, at, open);
        }
      }
    }
    open.remove(typeName);
  }

  private void add(String section, String path, String kind) {
    specs.computeIfAbsent(section, x -> new ArrayList<>()).add(spec(path, kind, null));
  }

  private static FieldSpec spec(String path, String kind, YMap at) {
    try {
      return FieldSpec.of(path, false, null, null, kind);
    } catch (IllegalArgumentException e) {
      throw new Unmodelled("a crds property whose path has an empty element",
          at == null ? null : at.at());
    }
  }

  // Schema (Go JSON: any case) then properties, each a map
  private static Map<String, YMap> properties(YMap def) {
    YNode schema = only(def, "Schema", true);
    if (KustomizationContent.absent(schema)) {
      return Map.of();
    }
    if (!(schema instanceof YMap s)) {
      throw new Unmodelled("a crds Schema that is not a map", schema.at());
    }
    YNode props = only(s, "properties", false);
    if (KustomizationContent.absent(props)) {
      return Map.of();
    }
    if (!(props instanceof YMap pm)) {
      throw new Unmodelled("crds properties that are not a map", props.at());
    }
    return maps(pm, "property");
  }

  // A map whose every value is a map (a crds definition or property each).
  private static Map<String, YMap> maps(YMap m, String what) {
    Map<String, YMap> out = new LinkedHashMap<>();
    for (YNode.Field f : m.fields()) {
      if (!(f.value() instanceof YMap v)) {
        throw new Unmodelled("a crds " + what + " that is not a map", f.keyAt());
      }
      out.put(f.key(), v);
    }
    return out;
  }

  private static YNode only(YMap m, String key, boolean anyCase) {
    YNode found = null;
    for (YNode.Field f : m.fields()) {
      if (f.key().equalsIgnoreCase(key)) {
        if (found != null || !anyCase && !f.key().equals(key)) {
          throw new Unmodelled("a crds key '" + f.key() + "' we do not read as kustomize does",
              f.keyAt());
        }
        found = f.value();
      }
    }
    return found;
  }

  // a string extension value, else null; kustomize finds lower-case keys only
  private static String extension(YMap prop, String key) {
    YNode v = null;
    for (YNode.Field f : prop.fields()) {
      String lower = f.key().toLowerCase(Locale.ROOT);
      if (EXTENSIONS.contains(lower) && !f.key().equals(lower)) {
        throw new Unmodelled("a crds extension key not in lower case", f.keyAt());
      }
      if (f.key().equals(key)) {
        v = f.value();
      }
    }
    if (!(v instanceof YScalar s)) {
      return null;
    }
    if (s.plain() && V2_BOOLS.contains(s.value().toLowerCase(Locale.ROOT))) {
      throw new Unmodelled("a crds extension value go-yaml v2 reads as a bool", s.at());
    }
    return Values.scalar(s) instanceof String text ? text : null;
  }
}
