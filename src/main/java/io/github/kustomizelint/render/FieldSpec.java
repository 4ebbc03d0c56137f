package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNode.YSeq;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.ResourceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One kustomize field spec (api/types/fieldspec.go) and its filter (api/filters/fieldspec):
 * the objects it selects (group, version, kind; null matches any) and the path to a field.
 * A path element {@code name[]} names a list, and any list met on the way is walked item by
 * item with the rest of the path. With {@code create}, missing maps on the way are made.
 *
 * @param path the path's elements, escapes ({@code \/}) resolved
 */
public record FieldSpec(String group, String version, String kind, List<String> path,
    boolean create) {
  // written out: a record's generated equals and hashCode link through invokedynamic, which
  // costs a cold build milliseconds per class (ObjectMethods bootstrap)
  @Override
  public boolean equals(Object other) {
    return other instanceof FieldSpec o && java.util.Objects.equals(group, o.group)
        && java.util.Objects.equals(version, o.version)
        && java.util.Objects.equals(kind, o.kind)
        && java.util.Objects.equals(path, o.path)
        && create == o.create;
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(group);
    h = 31 * h + java.util.Objects.hashCode(version);
    h = 31 * h + java.util.Objects.hashCode(kind);
    h = 31 * h + java.util.Objects.hashCode(path);
    h = 31 * h + Boolean.hashCode(create);
    return h;
  }

  private static final String RESOURCE = "fieldspecs.yaml";
  private static final Map<String, List<FieldSpec>> BUILTIN = load();

  public FieldSpec {
    path = List.copyOf(path);
    if (path.isEmpty() || path.stream().anyMatch(p -> p.isEmpty() || p.equals("[]"))) {
      throw new IllegalArgumentException("empty field spec path element in " + path);
    }
  }

  /** A spec from kustomize's spelling of a path ("spec/template/metadata/labels"). */
  public static FieldSpec of(String path, boolean create, String group, String version,
      String kind) {
    return new FieldSpec(group, version, kind, split(path), create);
  }

  /**
   * kustomize's built-in specs of one transformer: commonLabels, templateLabels,
   * commonAnnotations, images or replicas.
   */
  public static List<FieldSpec> builtin(String transformer) {
    List<FieldSpec> specs = BUILTIN.get(transformer);
    if (specs == null) {
      throw new IllegalArgumentException("no built-in field specs for " + transformer);
    }
    return specs;
  }

  /** Whether the spec applies to the object (kustomize's isMatchGVK). */
  public boolean selects(YMap o) {
    return selects(Objects.id(o));
  }

  /** Whether the spec selects the id's group, version and kind (kustomize's IsSelected). */
  public boolean selects(ResourceId id) {
    return (kind == null || kind.equals(id.kind()))
        && (group == null || group.equals(id.group()))
        && (version == null || version.equals(id.version()));
  }

  /**
   * The object with {@code set} applied to every node the path reaches (the object itself
   * when the spec does not select it or the path reaches nothing).
   *
   * @param created what a missing last field becomes before {@code set} sees it, when the
   *     spec creates; null: never create (kustomize's images filter)
   */
  public YMap apply(YMap o, YNode created, UnaryOperator<YNode> set) {
    if (!selects(o)) {
      return o;
    }
    return (YMap) walk(o, 0, created, set);
  }

  private YNode walk(YNode node, int i, YNode created, UnaryOperator<YNode> set) {
    if (isNull(node)) {
      // kustomize stops at a null; at the end of the path its setters leave a null alone
      return node;
    }
    if (i == path.size()) {
      return set.apply(node);
    }
    if (node instanceof YSeq s) {
      List<YNode> items = new ArrayList<>();
      boolean changed = false;
      for (YNode item : s.items()) {
        YNode next = walk(item, i, created, set);
        changed |= next != item;
        items.add(next);
      }
      return changed ? new YSeq(items, s.at()) : s;
    }
    if (!(node instanceof YMap m)) {
      throw new Unmodelled("a field spec path (" + String.join("/", path)
          + ") through a scalar, where kustomize fails", node.at());
    }
    String element = path.get(i);
    if (!element.isEmpty() && element.chars().allMatch(Character::isDigit)) {
      // kyaml reads a number as a list index, and fails on a map (kubectl-checked)
      throw new Unmodelled("a field spec path element that is a number (" + String.join("/",
          path) + ")", node.at());
    }
    boolean list = element.endsWith("[]");
    String name = list ? element.substring(0, element.length() - 2) : element;
    // What a missing field is created as, or a null one turned into (kustomize's handleMap).
    YNode kindOf;
    boolean mayCreate = create && created != null && !list;
    if (list) {
      kindOf = new YSeq(List.of(), null);
    } else if (!mayCreate) {
      kindOf = null;
    } else {
      kindOf = i == path.size() - 1 ? created : YMap.empty();
    }
    YNode field = m.get(name);
    if (field == null) {
      if (!mayCreate) {
        return m;
      }
      field = kindOf;
    } else if (isNull(field) && kindOf != null) {
      field = kindOf;
    }
    YNode next = walk(field, i + 1, created, set);
    return next == m.get(name) ? m : m.with(name, next);
  }

  private static boolean isNull(YNode n) {
    return n instanceof YScalar s && Values.scalar(s) == Values.NULL;
  }

  /** kustomize's PathSplitter: '/'-separated, a leading '/' dropped, {@code \/} kept. */
  static List<String> split(String path) {
    return split(path, '/');
  }

  /**
   * kustomize's PathSplitter on any delimiter: a leading delimiter dropped, a delimiter after
   * a backslash kept as text.
   */
  static List<String> split(String path, char delimiter) {
    // by hand: String.split would compile a pattern for every path
    List<String> parts = new ArrayList<>();
    for (int from = 0, at; ; from = at + 1) {
      at = path.indexOf(delimiter, from);
      parts.add(path.substring(from, at < 0 ? path.length() : at));
      if (at < 0) {
        break;
      }
    }
    List<String> out = new ArrayList<>();
    int first = parts.size() > 1 && parts.get(0).isEmpty() ? 1 : 0;
    for (int i = first; i < parts.size(); i++) {
      int last = out.size() - 1;
      if (last >= 0 && out.get(last).endsWith("\\")) {
        String prev = out.get(last);
        out.set(last, prev.substring(0, prev.length() - 1) + delimiter + parts.get(i));
      } else {
        out.add(parts.get(i));
      }
    }
    return out;
  }

  /**
   * A field spec as kustomize decodes one (types.FieldSpec through Go's JSON: keys in any
   * case): a path, a bool create, and group, version and kind where empty matches any
   * (kubectl-checked for an empty group).
   */
  static FieldSpec parse(YNode n, String what) {
    if (!(n instanceof YMap m)) {
      throw new Unmodelled(what + " that is not a map", n.at());
    }
    String path = text(m, "path", what);
    YNode create = KustomizationContent.field(m, "create");
    boolean creates;
    try {
      // go-yaml v2 decodes kustomize's files: yes, on, y are bools (kubectl-checked)
      creates = KustomizationContent.bool(create, "create");
    } catch (Unmodelled e) {
      throw new Unmodelled(what + " whose 'create' is not a bool", create.at());
    }
    if (path == null) {
      throw new Unmodelled(what + " without a path", m.at());
    }
    try {
      return of(path, creates,
          text(m, "group", what), text(m, "version", what), text(m, "kind", what));
    } catch (IllegalArgumentException e) {
      throw new Unmodelled(what + " whose path has an empty element", m.at());
    }
  }

  // a string field, empty as absent; a whole number or bool written plainly is read as its
  // text, as sigs.k8s.io/yaml converts a scalar bound for a string field (kubectl-checked)
  private static String text(YMap m, String key, String what) {
    YNode n = KustomizationContent.field(m, key);
    if (KustomizationContent.absent(n)) {
      return null;
    }
    if (n instanceof YScalar s && s.plain() && s.tag() == null
        && (s.value().matches("[0-9]+") || Values.scalar(s) instanceof Boolean)) {
      return s.value();
    }
    if (!(n instanceof YScalar s) || !(Values.scalar(s) instanceof String v)) {
      throw new Unmodelled(what + " whose '" + key + "' is not a string", n.at());
    }
    return v.isEmpty() ? null : v;
  }

  /**
   * kustomize's FsSlice.MergeAll: each incoming spec joins {@code into} unless one with its
   * path already covers its group, version and kind; one differing only in create makes
   * kustomize fail.
   */
  static void mergeAll(List<FieldSpec> into, List<FieldSpec> incoming, Location at) {
    for (FieldSpec x : incoming) {
      FieldSpec there = into.stream().filter(s -> s.path().equals(x.path())
          && covers(x.group(), s.group()) && covers(x.version(), s.version())
          && covers(x.kind(), s.kind())).findFirst().orElse(null);
      if (there == null) {
        into.add(x);
      } else if (there.create() != x.create()) {
        throw new Unmodelled("field specs conflicting with the built-in ones, where "
            + "kustomize fails", at);
      }
    }
  }

  private static boolean covers(String selector, String value) {
    return selector == null || selector.equals(value);
  }

  @SuppressWarnings("unchecked")
  // Read with the parser the check has loaded already: SnakeYAML's Yaml facade would load
  // its constructors and representers for this one file (a tenth of a cold check).
  private static Map<String, List<FieldSpec>> load() {
    String text;
    try (InputStream in = FieldSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    io.github.kustomizelint.load.YamlFile f = io.github.kustomizelint.load.YamlCache.parse(
        java.nio.file.Path.of(RESOURCE), text);
    if (!f.readable() || f.documents().size() != 1
        || !(io.github.kustomizelint.content.YNodes.of(f.path(), f.documents().get(0))
            instanceof YMap raw)) {
      throw new IllegalStateException(RESOURCE + " is not a map of lists");
    }
    Map<String, List<FieldSpec>> out = new LinkedHashMap<>();
    for (YNode.Field e : raw.fields()) {
      out.put(e.key(), resolve(e.key(), raw));
    }
    return Map.copyOf(out);
  }

  private static List<FieldSpec> resolve(String name, YMap raw) {
    List<FieldSpec> out = new ArrayList<>();
    for (YNode n : ((YSeq) raw.get(name)).items()) {
      YMap e = (YMap) n;
      if (e.get("include") != null) {
        out.addAll(resolve(e.string("include"), raw));
      } else {
        out.add(of(e.string("path"), e.get("create") instanceof YScalar c
            && Boolean.TRUE.equals(Values.scalar(c)), e.string("group"), e.string("version"),
            e.string("kind")));
      }
    }
    return List.copyOf(out);
  }
}
