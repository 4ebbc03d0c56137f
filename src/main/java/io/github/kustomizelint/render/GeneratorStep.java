package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code configMapGenerator} and {@code secretGenerator} (api/internal/generators): each entry
 * makes one object from its KV pairs, with {@code generatorOptions} merged under its own
 * {@code options}, marked for the name hash unless disabled, and absorbed into the objects by
 * its {@code behavior} ({@link GeneratedObjects}).
 */
final class GeneratorStep implements Step {

  // the Go structs' JSON field names (api/types: GeneratorArgs, SecretArgs, GeneratorOptions)
  private static final List<String> ARGS = List.of("name", "namespace", "behavior", "literals",
      "files", "envs", "env", "options");
  private static final List<String> SECRET_ARGS = java.util.stream.Stream.concat(
      ARGS.stream(), java.util.stream.Stream.of("type")).toList();
  // a built-in generator plugin's config: its args, beside apiVersion, kind and metadata
  private static final List<String> PLUGIN_ARGS = java.util.stream.Stream.concat(
      ARGS.stream(), java.util.stream.Stream.of("apiVersion", "kind", "metadata")).toList();
  private static final List<String> PLUGIN_SECRET_ARGS = java.util.stream.Stream.concat(
      SECRET_ARGS.stream(), java.util.stream.Stream.of("apiVersion", "kind", "metadata"))
      .toList();
  private static final List<String> OPTIONS = List.of("labels", "annotations",
      "disableNameSuffixHash", "immutable");

  @Override
  public List<String> fields() {
    return List.of("configMapGenerator", "secretGenerator", "generatorOptions", "generators");
  }

  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    if (k.generators().isEmpty() && !k.fields().containsKey("generators")) {
      return objects;
    }
    YMap root = in.content(k);
    YNode globalNode = root.get("generatorOptions");
    Map<String, YNode> global = KustomizationContent.absent(globalNode) ? Map.of()
        : KustomizationContent.struct(globalNode, OPTIONS, "generatorOptions");
    List<YMap> out = new ArrayList<>(objects);
    for (String field : List.of("configMapGenerator", "secretGenerator")) {
      String kind = field.equals("configMapGenerator") ? "ConfigMap" : "Secret";
      List<String> names = kind.equals("Secret") ? SECRET_ARGS : ARGS;
      for (YNode item : KustomizationContent.items(root.get(field), "generators")) {
        Map<String, YNode> g = KustomizationContent.struct(item, names, "a generator");
        GeneratedObjects.absorb(out, generate(k, kind, g, global, item.at()), behavior(g));
      }
    }
    if (k.fields().containsKey("generators")) {
      builtins(k, in, out);
    }
    return out;
  }

  // The generators list's built-in configs run after the fields' generators, without
  // generatorOptions (kubectl-checked); the check leaves any other entry opaque.
  private void builtins(Kustomization k, Inputs in, List<YMap> out) {
    for (YMap config : PluginConfigs.of(k, in, "generators")) {
      if (!"builtin".equals(config.string("apiVersion"))) {
        throw new Unmodelled("a generator that is not built in", config.at());
      }
      String kind = switch (String.valueOf(config.string("kind"))) {
        case "ConfigMapGenerator" -> "ConfigMap";
        case "SecretGenerator" -> "Secret";
        default -> throw new Unmodelled("a generators config of kind "
            + config.string("kind"), config.at());
      };
      Map<String, YNode> g = lenient(config,
          kind.equals("Secret") ? PLUGIN_SECRET_ARGS : PLUGIN_ARGS);
      // the plugin's own name and namespace, unless its args give them (kubectl-checked)
      Map<String, YNode> meta = KustomizationContent.absent(g.get("metadata")) ? Map.of()
          : lenient(g.get("metadata"), List.of("name", "namespace"));
      for (String key : List.of("name", "namespace")) {
        if (KustomizationContent.string(g, key).isEmpty() && meta.get(key) != null) {
          g.put(key, meta.get(key));
        }
      }
      // no place: the origin kustomize gives a plugin's objects is not modelled
      YMap made = generate(k, kind, g, Map.of(), config.at());
      GeneratedObjects.absorb(out, new YMap(made.fields(), null), behavior(g));
    }
  }

  private YMap generate(Kustomization k, String kind, Map<String, YNode> g,
      Map<String, YNode> global, Location at) {
    String name = KustomizationContent.string(g, "name");
    if (name.isEmpty()) {
      throw new Unmodelled("a generator without a name", at);
    }
    List<String> envs = new ArrayList<>(strings(g, "envs"));
    if (!KustomizationContent.string(g, "env").isEmpty()) {
      envs.add(KustomizationContent.string(g, "env"));
    }
    List<KvPairs.Pair> pairs = KvPairs.load(k.dir(), envs, strings(g, "literals"),
        strings(g, "files"), at);
    Map<String, YNode> own = KustomizationContent.absent(g.get("options")) ? Map.of()
        : KustomizationContent.struct(g.get("options"), OPTIONS, "generator options");
    Map<String, String> labels = merged(own, global, "labels");
    Map<String, String> annotations = merged(own, global, "annotations");
    boolean noHash = KustomizationContent.bool(own, "disableNameSuffixHash")
        || KustomizationContent.bool(global, "disableNameSuffixHash");
    boolean immutable = KustomizationContent.bool(own, "immutable")
        || KustomizationContent.bool(global, "immutable");

    YMap meta = YMap.empty().with("name", YScalar.string(name));
    String ns = KustomizationContent.string(g, "namespace");
    if (!ns.isEmpty()) {
      meta = meta.with("namespace", YScalar.string(ns));
    }
    if (!labels.isEmpty()) {
      meta = meta.with("labels", GeneratedObjects.map(labels));
    }
    if (!noHash) {
      annotations.put(GeneratedObjects.NEEDS_HASH, "enabled");
    }
    annotations.put(GeneratedObjects.BEHAVIOR, behavior(g));
    meta = meta.with("annotations", GeneratedObjects.map(annotations));
    YMap o = YMap.empty().with("apiVersion", YScalar.string("v1"))
        .with("kind", YScalar.string(kind)).with("metadata", meta);
    if (kind.equals("Secret")) {
      String type = KustomizationContent.string(g, "type");
      o = o.with("type", YScalar.string(type.isEmpty() ? "Opaque" : type));
      Map<String, String> data = new TreeMap<>();
      pairs.forEach(p -> data.put(p.key(), base64(p.value())));
      o = o.with("data", GeneratedObjects.map(data));
    } else {
      Map<String, String> data = new TreeMap<>();
      Map<String, String> binary = new TreeMap<>();
      for (KvPairs.Pair p : pairs) {
        String text = utf8(p.value());
        if (text != null) {
          data.put(p.key(), text);
        } else {
          binary.put(p.key(), base64(p.value()));
        }
      }
      if (!data.isEmpty()) {
        o = o.with("data", GeneratedObjects.map(data));
      }
      if (!binary.isEmpty()) {
        o = o.with("binaryData", GeneratedObjects.map(binary));
      }
    }
    if (immutable) {
      o = o.with("immutable", new YScalar("true", true, null, null));
    }
    // placed at its entry in the kustomization file: buildMetadata's origin names that file
    return new YMap(o.fields(), at);
  }

  // a plugin config as kustomize decodes one: fields in any case, unknown ones ignored
  private static Map<String, YNode> lenient(YNode node, List<String> names) {
    if (!(node instanceof YMap m)) {
      throw new Unmodelled("a generator config that is not a map", node.at());
    }
    Map<String, YNode> out = new java.util.HashMap<>();
    for (YNode.Field f : m.fields()) {
      for (String name : names) {
        if (name.equalsIgnoreCase(f.key()) && out.put(name, f.value()) != null) {
          throw new Unmodelled("a generator config naming '" + name + "' twice", f.keyAt());
        }
      }
    }
    return out;
  }

  private static String behavior(Map<String, YNode> g) {
    String b = KustomizationContent.string(g, "behavior");
    // kustomize reads any other value as unspecified, which acts as create (kubectl-checked)
    return List.of("merge", "replace").contains(b) ? b : "create";
  }

  // MergeGlobalOptionsIntoLocal: the generator's own keys win over generatorOptions'.
  private static Map<String, String> merged(Map<String, YNode> own, Map<String, YNode> global,
      String key) {
    Map<String, String> m = new TreeMap<>(KustomizationContent.strings(global.get(key)));
    m.putAll(KustomizationContent.strings(own.get(key)));
    return m;
  }

  private static List<String> strings(Map<String, YNode> g, String key) {
    List<String> out = new ArrayList<>();
    for (YNode item : KustomizationContent.items(g.get(key), "generator " + key)) {
      if (!(item instanceof YScalar s) || !s.isString()) {
        throw new Unmodelled("a generator '" + key + "' entry that is not a string", item.at());
      }
      out.add(s.value());
    }
    return out;
  }

  // kyaml's encodeBase64: standard base64, a line break after every 70 characters once longer.
  static String base64(byte[] b) {
    String enc = Base64.getEncoder().encodeToString(b);
    if (enc.length() < 70) {
      return enc;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < enc.length(); i += 70) {
      out.append(enc, i, Math.min(enc.length(), i + 70)).append('\n');
    }
    return out.toString();
  }

  private static String utf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
