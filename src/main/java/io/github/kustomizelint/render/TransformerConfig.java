package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNode.YSeq;
import io.github.kustomizelint.content.YNodes;
import io.github.kustomizelint.load.YamlFile;
import io.github.kustomizelint.model.Kustomization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field specs {@code configurations:} files add to kustomize's built-in ones, as
 * kustomize's MergeConfig merges them: a kustomization's transformers use its own files' and
 * those of every kustomization its build accumulated (bases, components), and the name
 * references and vars fixed at the top use the whole build's. Modelled: nameReference and the
 * field-spec sections namespace, varReference, images, commonLabels, templateLabels,
 * commonAnnotations, namePrefix, nameSuffix and replicas; any other section is Unmodelled.
 *
 * @param specs each field-spec section's specs, by its lower-case name
 */
record TransformerConfig(List<NameReferences.Spec> nameReference,
    Map<String, List<FieldSpec>> specs) {
  // written out: a record's generated equals and hashCode link through invokedynamic, which
  // costs a cold build milliseconds per class (ObjectMethods bootstrap)
  @Override
  public boolean equals(Object other) {
    return other instanceof TransformerConfig o && nameReference.equals(o.nameReference)
        && specs.equals(o.specs);
  }

  @Override
  public int hashCode() {
    int h = nameReference.hashCode();
    h = 31 * h + specs.hashCode();
    return h;
  }

  static final TransformerConfig NONE = new TransformerConfig(List.of(), Map.of());
  private static final List<String> SECTIONS = List.of("namespace", "varreference", "images",
      "commonlabels", "templatelabels", "commonannotations", "nameprefix", "namesuffix", "replicas");

  TransformerConfig {
    nameReference = List.copyOf(new LinkedHashSet<>(nameReference));
    Map<String, List<FieldSpec>> copy = new java.util.LinkedHashMap<>();
    specs.forEach((k, v) -> copy.put(k, List.copyOf(new LinkedHashSet<>(v))));
    specs = java.util.Collections.unmodifiableMap(copy);
  }

  List<FieldSpec> namespace() {
    return section("namespace");
  }

  List<FieldSpec> varReference() {
    return section("varreference");
  }

  List<FieldSpec> images() {
    return section("images");
  }

  /** A field-spec section's specs (namespace, commonlabels, ...), in the order met. */
  List<FieldSpec> section(String name) {
    return specs.getOrDefault(name, List.of());
  }

  /**
   * A transformer's built-in specs with the section's, merged as kustomize's MergeConfig
   * merges them ({@link FieldSpec#mergeAll}).
   */
  List<FieldSpec> section(String name, List<FieldSpec> builtin) {
    List<FieldSpec> added = section(name);
    if (added.isEmpty()) {
      return builtin;
    }
    List<FieldSpec> out = new ArrayList<>(builtin);
    FieldSpec.mergeAll(out, added, null);
    return out;
  }

  TransformerConfig plus(TransformerConfig other) {
    if (other == NONE || other.equals(this)) {
      return this;
    }
    Map<String, List<FieldSpec>> merged = new java.util.LinkedHashMap<>(specs);
    other.specs.forEach((k, v) -> merged.merge(k, v, TransformerConfig::concat));
    return new TransformerConfig(concat(nameReference, other.nameReference), merged);
  }

  /** Built-in specs and the ones configurations files add, each once, built-ins first. */
  static <T> List<T> with(List<T> builtin, List<T> added) {
    if (added.isEmpty()) {
      return builtin;
    }
    Set<T> all = new LinkedHashSet<>(builtin);
    all.addAll(added);
    return List.copyOf(all);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The kustomization's own configurations files, read through in (first document each). */
  static TransformerConfig own(Kustomization k, Inputs in) {
    if (!k.fields().containsKey("configurations")) {
      return NONE;
    }
    YNode list = KustomizationContent.field(in.content(k), "configurations");
    if (KustomizationContent.absent(list)) {
      return NONE;
    }
    if (!(list instanceof YSeq entries)) {
      throw new Unmodelled("configurations that are not a list", list.at());
    }
    TransformerConfig out = NONE;
    for (YNode e : entries.items()) {
      if (!(e instanceof YScalar s) || !(Values.scalar(s) instanceof String rel)) {
        throw new Unmodelled("a configurations entry that is not a path", e.at());
      }
      Path file = k.dir().resolve(rel).normalize();
      YamlFile f = in.file(file);
      if (!f.readable()) {
        throw new Unmodelled("a configurations file the check reports", e.at());
      }
      if (!f.documents().isEmpty()) {
        out = out.plus(parse(YNodes.of(file, f.documents().get(0))));
      }
    }
    return out;
  }

  private static TransformerConfig parse(YNode doc) {
    if (KustomizationContent.absent(doc)) {
      return NONE;
    }
    if (!(doc instanceof YMap m)) {
      throw new Unmodelled("a configurations file that is not a map", doc.at());
    }
    List<NameReferences.Spec> names = new ArrayList<>();
    Map<String, List<FieldSpec>> specs = new java.util.LinkedHashMap<>();
    for (YNode.Field f : m.fields()) {
      if (KustomizationContent.absent(f.value())) {
        continue;
      }
      String key = f.key().toLowerCase(java.util.Locale.ROOT);
      if (!key.equals("namereference") && !SECTIONS.contains(key)) {
        throw new Unmodelled("the configurations section '" + f.key() + "'", f.keyAt());
      }
      for (YNode item : KustomizationContent.items(f.value(), "a configurations section")) {
        if (key.equals("namereference")) {
          YMap target = map(item);
          Gvk referred = gvk(target);
          for (YNode spec : KustomizationContent.items(
              KustomizationContent.field(target, "fieldSpecs"), "fieldSpecs")) {
            FieldSpec fs = FieldSpec.parse(spec, "a configurations field spec");
            names.add(new NameReferences.Spec(referred, new Gvk(nz(fs.group()),
                nz(fs.version()), nz(fs.kind())), fs.path(), false));
          }
        } else {
          specs.computeIfAbsent(key, x -> new ArrayList<>())
              .add(FieldSpec.parse(item, "a configurations field spec"));
        }
      }
    }
    return new TransformerConfig(names, specs);
  }

  private static YMap map(YNode n) {
    if (!(n instanceof YMap m)) {
      throw new Unmodelled("a configurations entry that is not a map", n.at());
    }
    return m;
  }

  private static Gvk gvk(YMap m) {
    return new Gvk(nz(text(m, "group")), nz(text(m, "version")), nz(text(m, "kind")));
  }

  // a string field; a number or bool written plainly is read as kustomize reads it: text
  private static String text(YMap m, String key) {
    YNode n = KustomizationContent.field(m, key);
    if (n == null || KustomizationContent.absent(n)) {
      return null;
    }
    if (!(n instanceof YScalar s) || !(Values.scalar(s) instanceof String v)) {
      throw new Unmodelled("a configurations field '" + key + "' that is not a string", n.at());
    }
    return v;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
