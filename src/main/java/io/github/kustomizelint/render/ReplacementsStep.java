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
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.ResourceId;
import io.github.kustomizelint.model.Selector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code replacements}, as kustomize v5.5's filter (api/filters/replacement) applies them: one
 * source value, selected by exact id among every id an object has had, copied into each
 * selected target's field paths. A scalar target keeps its type; kustomize's failures (no or
 * several sources, a missing field) are the check's to report, so they are Unmodelled here.
 */
final class ReplacementsStep implements Step {

  /** How a field path its source or target lacks is named, for {@link ContentFailures}. */
  static final String FIELD_MISSING = "a replacement field path missing: ";
  /** How a source that selects nothing is named, for {@link ContentFailures}. */
  static final String NO_SOURCE = "a replacement source that selects nothing (kustomize fails)";

  private static final Pattern INDEX = Pattern.compile("\\d+");
  private static final Pattern MATCH = Pattern.compile("\\[([^=\\]]+)=([^\\]]*)\\]");

  @Override
  public List<String> fields() {
    return List.of("replacements");
  }

  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    if (!k.fields().containsKey("replacements")) {
      return objects;
    }
    List<YMap> out = new ArrayList<>(objects);
    for (YMap r : replacements(in, k)) {
      YNode value = sourceValue(r, out);
      out = targets(r, value, out);
    }
    return out;
  }

  private static List<YMap> replacements(Inputs in, Kustomization k) {
    YNode list = in.content(k).get("replacements");
    List<YMap> out = new ArrayList<>();
    if (!(list instanceof YSeq entries)) {
      return out;
    }
    for (YNode e : entries.items()) {
      if (!(e instanceof YMap m)) {
        throw new Unmodelled("a replacements entry that is not a map", e.at());
      }
      String path = m.string("path");
      if (path == null) {
        out.add(m);
        continue;
      }
      Path file = k.dir().resolve(path).normalize();
      YamlFile f = in.file(file);
      // kubectl: only the file's first document is read
      if (!f.readable() || f.documents().isEmpty()) {
        throw new Unmodelled("a replacements file without a document", m.at());
      }
      YNode doc = YNodes.of(file, f.documents().get(0));
      if (doc instanceof YMap one) {
        out.add(one);
      } else if (doc instanceof YSeq many) {
        for (YNode n : many.items()) {
          if (!(n instanceof YMap one)) {
            throw new Unmodelled("a replacement that is not a map", n.at());
          }
          out.add(one);
        }
      } else {
        throw new Unmodelled("a replacements file that is neither a map nor a list", doc.at());
      }
    }
    return out;
  }

  private static YNode sourceValue(YMap r, List<YMap> objects) {
    if (!(f(r, "source") instanceof YMap source) || !(f(r, "targets") instanceof YSeq)) {
      throw new Unmodelled("a replacement without source or targets (kustomize fails)", r.at());
    }
    YMap match = null;
    for (YMap o : objects) {
      if (ids(o).stream().anyMatch(id -> selectedBy(id, source))) {
        if (match != null) {
          throw new Unmodelled("a replacement source that selects several objects"
              + " (kustomize fails)", source.at());
        }
        match = o;
      }
    }
    if (match == null) {
      throw new Unmodelled(NO_SOURCE, source.at());
    }
    String fieldPath = text(source, "fieldPath", "metadata.name");
    YNode value = lookup(match, fieldPath, source.at());
    if (value == null || isNilOrEmpty(value)) {
      YNode written = f(source, "fieldPath");
      throw new Unmodelled(FIELD_MISSING + "the source " + describe(match) + " has no "
          + fieldPath + " (or holds null, {} or []); kustomize fails (fieldPath `" + fieldPath
          + "` is missing for replacement source)", written != null && written.at() != null
          ? written.at() : source.at());
    }
    YMap options = f(source, "options") instanceof YMap m ? m : null;
    String delimiter = options == null ? "" : text(options, "delimiter", "");
    if (delimiter.isEmpty()) {
      return value;
    }
    if (!(value instanceof YScalar s)) {
      throw new Unmodelled("a delimiter on a source that is not a scalar (kustomize fails)",
          source.at());
    }
    String[] parts = s.value().split(Pattern.quote(delimiter), -1);
    int index = index(options);
    if (index < 0 || index >= parts.length) {
      throw new Unmodelled("a source options.index out of bounds (kustomize fails)",
          options.at());
    }
    return new YScalar(parts[index], s.plain(), s.tag(), s.at());
  }

  private static List<YMap> targets(YMap r, YNode value, List<YMap> objects) {
    List<YMap> out = new ArrayList<>(objects);
    for (YNode t : ((YSeq) f(r, "targets")).items()) {
      if (!(t instanceof YMap target) || !(f(target, "select") instanceof YMap select)) {
        throw new Unmodelled("a replacement target without select (kustomize fails)", t.at());
      }
      List<YMap> rejects = new ArrayList<>();
      if (f(target, "reject") instanceof YSeq rs) {
        for (YNode n : rs.items()) {
          if (!(n instanceof YMap m)) {
            throw new Unmodelled("a reject entry that is not a map", n.at());
          }
          rejects.add(m);
        }
      }
      List<YScalar> fieldPaths = new ArrayList<>();
      if (f(target, "fieldPaths") instanceof YSeq fps) {
        for (YNode n : fps.items()) {
          if (!(n instanceof YScalar s)) {
            throw new Unmodelled("a fieldPaths entry that is not a string", n.at());
          }
          fieldPaths.add(s);
        }
      }
      if (fieldPaths.isEmpty()) {
        fieldPaths.add(new YScalar("metadata.name", true, null, target.at()));
      }
      YMap options = f(target, "options") instanceof YMap m ? m : null;
      for (int i = 0; i < out.size(); i++) {
        YMap o = out.get(i);
        if (!labelsAndAnnotations(o, select) || rejects.stream().anyMatch(rj
            -> hasMapSelector(rj) && labelsAndAnnotations(o, rj))) {
          continue;
        }
        List<ResourceId> ids = ids(o);
        boolean rejected = rejects.stream().anyMatch(rj -> !idEmpty(rj)
            && ids.stream().anyMatch(id -> selectedBy(id, rj)));
        if (!rejected && ids.stream().anyMatch(id -> selectedBy(id, select))) {
          YMap changed = o;
          for (YScalar fp : fieldPaths) {
            changed = copy(changed, fp, value, options);
          }
          out.set(i, changed);
        }
      }
    }
    return out;
  }

  private static YMap copy(YMap o, YScalar fieldPath, YNode value, YMap options) {
    Location at = fieldPath.at();
    boolean create = options != null && f(options, "create") instanceof YScalar c
        && Boolean.TRUE.equals(Values.scalar(c));
    Walk w = new Walk(value, options, create, fieldPath.value(), describe(o), at);
    YNode next = w.set(o, split(fieldPath.value(), at), 0);
    if (w.hits == 0) {
      throw new Unmodelled(FIELD_MISSING + "the target " + w.target + " has no "
          + fieldPath.value() + "; kustomize fails (unable to find field \"" + fieldPath.value()
          + "\" in replacement target)", at);
    }
    return (YMap) next;
  }

  private static String describe(YMap o) {
    return Objects.kind(o) + " '" + Objects.name(o) + "'";
  }

  /**
   * One target field path walked as kyaml's PathMatcher walks it: {@code *} takes every list
   * element, {@code [field=regex]} every element whose field's text the (unanchored) regex
   * matches, a number one element; a missing field is a miss, while a part meeting the wrong
   * kind of node fails the build (kubectl-checked).
   */
  private static final class Walk {
    private final YNode value;
    private final YMap options;
    private final boolean create;
    private final String fieldPath;
    private final String target;
    private final Location at;
    private int hits;

    Walk(YNode value, YMap options, boolean create, String fieldPath, String target,
        Location at) {
      this.value = value;
      this.options = options;
      this.create = create;
      this.fieldPath = fieldPath;
      this.target = target;
      this.at = at;
    }

    YNode set(YNode node, List<String> parts, int i) {
      if (i == parts.size()) {
        hits++;
        return assign(node, value, options, at);
      }
      String p = parts.get(i);
      if (INDEX.matcher(p).matches()) {
        int idx = Integer.parseInt(p);
        int size = node instanceof YSeq seq ? seq.items().size() : 0;
        if (!(node instanceof YSeq) && !KustomizationContent.absent(node)) {
          throw wrongKind(node, "a list");
        }
        if (idx == size && create) {
          throw new Unmodelled("a replacement creating a list element", at);
        }
        if (idx >= size) {
          throw fails("index " + idx + " specified but only " + size + " elements found");
        }
        List<YNode> items = new ArrayList<>(((YSeq) node).items());
        items.set(idx, set(items.get(idx), parts, i + 1));
        return new YSeq(items, node.at());
      }
      if (p.startsWith("[") && p.endsWith("]")) {
        return matching(node, parts, i, p);
      }
      if (p.equals("*")) {
        if (KustomizationContent.absent(node)) {
          return node;
        }
        if (!(node instanceof YSeq seq)) {
          throw wrongKind(node, "a list");
        }
        List<YNode> items = new ArrayList<>(seq.items());
        items.replaceAll(item -> set(item, parts, i + 1));
        return new YSeq(items, seq.at());
      }
      if (KustomizationContent.absent(node)) {
        if (create) {
          throw new Unmodelled("a replacement creating a field under null", at);
        }
        return node;
      }
      if (!(node instanceof YMap map)) {
        throw wrongKind(node, "a map");
      }
      YNode child = map.get(p);
      if (child == null) {
        if (!create) {
          return node;
        }
        if (parts.subList(i + 1, parts.size()).stream().anyMatch(q -> q.startsWith("[")
            || q.equals("*") || INDEX.matcher(q).matches())) {
          throw new Unmodelled("a replacement creating a list", at);
        }
        child = YMap.empty();
        if (i + 1 == parts.size()) {
          hits++;
          return map.with(p, value);
        }
      }
      return map.with(p, set(child, parts, i + 1));
    }

    private YNode matching(YNode node, List<String> parts, int i, String p) {
      String inner = p.substring(1, p.length() - 1);
      int eq = inner.indexOf('=');
      if (eq < 0) {
        throw fails("list path element must contain fieldName=fieldValue for element to match");
      }
      String field = inner.substring(0, eq);
      com.google.re2j.Pattern regex;
      try {
        regex = com.google.re2j.Pattern.compile(inner.substring(eq + 1));
      } catch (com.google.re2j.PatternSyntaxException e) {
        throw fails("error parsing regexp: " + e.getMessage());
      }
      if (KustomizationContent.absent(node)) {
        if (create) {
          throw new Unmodelled("a replacement creating a list element", at);
        }
        return node;
      }
      if (!(node instanceof YSeq seq)) {
        throw wrongKind(node, "a list");
      }
      if (field.isEmpty() && i + 1 < parts.size()) {
        // kyaml takes the matched element itself and drops the rest of the path
        throw new Unmodelled("a replacement fieldPath going on after '" + p + "'", at);
      }
      List<YNode> items = new ArrayList<>(seq.items());
      boolean found = false;
      for (int j = 0; j < items.size(); j++) {
        YNode tested = field.isEmpty() ? items.get(j)
            : items.get(j) instanceof YMap item ? item.get(field) : null;
        if (tested != null && matches(regex, tested)) {
          found = true;
          items.set(j, set(items.get(j), parts, i + 1));
        }
      }
      if (!found && create) {
        throw new Unmodelled("a replacement creating a list element", at);
      }
      return new YSeq(items, seq.at());
    }

    // kyaml matches the node's YAML text, trimmed: a quoted scalar's quotes are part of it
    private boolean matches(com.google.re2j.Pattern regex, YNode tested) {
      if (!(tested instanceof YScalar s) || KustomizationContent.absent(s)) {
        throw new Unmodelled("a replacement list match on a value that is not a string", at);
      }
      String text = s.value().strip();
      boolean plain = regex.matcher(text).find();
      if (!s.plain() && (plain != regex.matcher('"' + text + '"').find()
          || plain != regex.matcher("'" + text + "'").find() || s.value().contains("\n"))) {
        throw new Unmodelled("a replacement list match on a quoted value", at);
      }
      return plain;
    }

    private Unmodelled wrongKind(YNode node, String expected) {
      String got = node instanceof YMap ? "a map" : node instanceof YSeq ? "a list" : "a scalar";
      return fails("wrong node kind: expected " + expected + " but got " + got);
    }

    private Unmodelled fails(String why) {
      return new Unmodelled(FIELD_MISSING + "the target " + target + " cannot hold "
          + fieldPath + "; kustomize fails (unable to find field \"" + fieldPath
          + "\" in replacement target: " + why + ")", at);
    }
  }

  // kustomize's setFieldValue: a scalar target keeps its type, anything else is replaced.
  private static YNode assign(YNode target, YNode value, YMap options, Location at) {
    String delimiter = options == null ? "" : text(options, "delimiter", "");
    if (!delimiter.isEmpty()) {
      if (!(target instanceof YScalar ts) || !(value instanceof YScalar vs)) {
        throw new Unmodelled("a delimiter on a target that is not a scalar (kustomize fails)",
            at);
      }
      List<String> parts = new ArrayList<>(List.of(ts.value().split(Pattern.quote(delimiter),
          -1)));
      int index = index(options);
      if (index < 0) {
        parts.add(0, vs.value());
      } else if (index >= parts.size()) {
        parts.add(vs.value());
      } else {
        parts.set(index, vs.value());
      }
      value = new YScalar(String.join(delimiter, parts), vs.plain(), vs.tag(), vs.at());
    }
    if (!(target instanceof YScalar ts)) {
      return value;
    }
    if (!(value instanceof YScalar vs)) {
      throw new Unmodelled("a map or list copied into a scalar field", at);
    }
    if (KustomizationContent.absent(ts) || ts.tag() != null) {
      throw new Unmodelled("a replacement into a null or tagged scalar", at);
    }
    if (!ts.plain()) {
      return new YScalar(vs.value(), false, null, ts.at());
    }
    YScalar plain = new YScalar(vs.value(), true, null, ts.at());
    boolean wasString = Values.scalar(ts) instanceof String;
    boolean isString = Values.scalar(plain) instanceof String;
    if (wasString == isString && (wasString || sameType(ts, plain))) {
      return plain;
    }
    if (wasString) {
      return new YScalar(vs.value(), false, null, ts.at());
    }
    throw new Unmodelled("a replacement changing a typed scalar's type", at);
  }

  private static boolean sameType(YScalar a, YScalar b) {
    Object x = Values.scalar(a);
    Object y = Values.scalar(b);
    return x != null && y != null && x.getClass() == y.getClass();
  }

  // kyaml's PathGetter, which trims each part and skips empty ones
  private static YNode lookup(YNode node, String path, Location at) {
    List<String> parts = parts(path).stream().map(String::strip).filter(p -> !p.isEmpty())
        .toList();
    YNode cur = node;
    for (String p : parts) {
      java.util.regex.Matcher m = MATCH.matcher(p);
      if (m.matches()) {
        YNode hit = null;
        if (cur instanceof YSeq seq) {
          for (YNode item : seq.items()) {
            if (item instanceof YMap im && im.get(m.group(1)) instanceof YScalar s
                && s.value().equals(m.group(2))) {
              hit = item;
              break;
            }
          }
        }
        cur = hit;
      } else if (INDEX.matcher(p).matches()) {
        int idx = Integer.parseInt(p);
        cur = cur instanceof YSeq seq && idx < seq.items().size() ? seq.items().get(idx) : null;
      } else if (p.equals("-")) {
        cur = cur instanceof YSeq seq && !seq.items().isEmpty()
            ? seq.items().get(seq.items().size() - 1) : null;
      } else if (p.startsWith("[") && p.endsWith("]") || p.equals("*")) {
        throw new Unmodelled("a replacement source fieldPath part '" + p + "'", at);
      } else {
        cur = cur instanceof YMap map ? map.get(p) : null;
      }
      if (cur == null) {
        return null;
      }
    }
    return cur;
  }

  private static boolean isNilOrEmpty(YNode n) {
    return KustomizationContent.absent(n) || n instanceof YMap m && m.fields().isEmpty()
        || n instanceof YSeq s && s.items().isEmpty();
  }

  // kustomize's SmarterPathSplitter: its PathSplitter on '.', then a bracketed part split at
  // its dots joined again, losing its brackets unless it holds '=' ("[a.b/c]" is the key
  // a.b/c). A target's path must have no blank part.
  static List<String> split(String path, Location at) {
    List<String> out = parts(path);
    if (out.stream().anyMatch(String::isBlank)) {
      throw new Unmodelled("a replacement fieldPath '" + path + "'", at);
    }
    return out;
  }

  private static List<String> parts(String path) {
    List<String> pieces = FieldSpec.split(path, '.');
    List<String> out = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      String piece = pieces.get(i);
      if (!piece.startsWith("[") || piece.endsWith("]")) {
        out.add(piece);
        continue;
      }
      StringBuilder joined = new StringBuilder(piece);
      while (i < pieces.size() - 1) {
        String next = pieces.get(++i);
        joined.append('.').append(next);
        if (next.endsWith("]")) {
          break;
        }
      }
      String b = joined.toString();
      out.add(b.contains("=") ? b : trimBrackets(b));
    }
    return out;
  }

  // Go's strings.Trim(s, "[]")
  private static String trimBrackets(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && (s.charAt(a) == '[' || s.charAt(a) == ']')) {
      a++;
    }
    while (b > a && (s.charAt(b - 1) == '[' || s.charAt(b - 1) == ']')) {
      b--;
    }
    return s.substring(a, b);
  }

  private static List<ResourceId> ids(YMap o) {
    List<ResourceId> ids = new ArrayList<>();
    ids.add(Objects.id(o));
    ids.addAll(BuildIds.previous(o));
    return ids;
  }

  // kyaml's ResId.IsSelectedBy: exact fields, empty matches anything, namespaces effective.
  private static boolean selectedBy(ResourceId id, YMap sel) {
    String name = text(sel, "name", "");
    String namespace = text(sel, "namespace", "");
    String group = text(sel, "group", "");
    String version = text(sel, "version", "");
    String kind = text(sel, "kind", "");
    return (name.isEmpty() || name.equals(id.name()))
        && (namespace.isEmpty() || effective(namespace).equals(effective(id.namespace())))
        && (group.isEmpty() || group.equals(id.group()))
        && (version.isEmpty() || version.equals(id.version()))
        && (kind.isEmpty() || kind.equals(id.kind()));
  }

  private static String effective(String namespace) {
    return namespace.isEmpty() ? ResourceId.DEFAULT_NAMESPACE : namespace;
  }

  private static boolean idEmpty(YMap sel) {
    return List.of("name", "namespace", "group", "version", "kind").stream()
        .allMatch(f -> text(sel, f, "").isEmpty());
  }

  private static boolean hasMapSelector(YMap sel) {
    return !text(sel, "labelSelector", "").isEmpty()
        || !text(sel, "annotationSelector", "").isEmpty();
  }

  private static boolean labelsAndAnnotations(YMap o, YMap sel) {
    if (!hasMapSelector(sel)) {
      return true;
    }
    Selector s = new Selector("", "", "", "", "", text(sel, "labelSelector", ""),
        text(sel, "annotationSelector", ""), null);
    if (!s.isValid()) {
      throw new Unmodelled("a label or annotation selector kustomize refuses", sel.at());
    }
    Predicate<Resource> test = s.matcher();
    YMap md = Objects.metadata(o);
    Resource r = new Resource(List.of(Objects.id(o)), null, Resource.Origin.MANIFEST,
        KustomizationContent.strings(md.get("labels")),
        KustomizationContent.strings(md.get("annotations")));
    return test.test(r);
  }

  // kustomize's own types decode through Go's JSON: a field name in any case
  private static YNode f(YMap m, String key) {
    return KustomizationContent.field(m, key);
  }

  private static String text(YMap m, String key, String otherwise) {
    YNode n = f(m, key);
    if (KustomizationContent.absent(n)) {
      return otherwise;
    }
    if (!(n instanceof YScalar s)) {
      throw new Unmodelled("a replacement field '" + key + "' that is not a string", n.at());
    }
    return s.value();
  }

  private static int index(YMap options) {
    String i = text(options, "index", "0");
    try {
      return Integer.parseInt(i);
    } catch (NumberFormatException e) {
      throw new Unmodelled("an options.index that is not an integer", options.at());
    }
  }
}
