package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.Values;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import io.github.kustomizelint.content.YNode.YScalar;
import io.github.kustomizelint.content.YNode.YSeq;
import io.github.kustomizelint.model.Entry;
import io.github.kustomizelint.model.Kustomization;
import io.github.kustomizelint.model.Location;
import io.github.kustomizelint.model.Resource;
import io.github.kustomizelint.model.ResourceId;
import io.github.kustomizelint.model.Var;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deprecated {@code vars}, as kustomize v5.5 handles them: each kustomization, once its
 * transformers ran, ties every var it declares to the one object its objref names
 * (ResAccumulator.MergeVars); at the top, after the name references, each var takes its
 * field's value and replaces {@code $(NAME)} in the refvar field specs (api/filters/refvar).
 * The tie is kept as an annotation of ours, removed before output.
 */
final class VarsStep implements Step {

  private static final String TIED = "internal.kustomize-lint/refVarNames";
  private static final List<FieldSpec> REFERENCES = FieldSpec.builtin("varReference");
  private static final Pattern INDEXED = Pattern.compile("([^\\[\\]]+)\\[(\\d+)\\]");

  @Override
  public List<String> fields() {
    return List.of("vars");
  }

  /** MergeVars: ties each var to the one object it names (none: nothing yet). */
  @Override
  public List<YMap> apply(Kustomization k, Inputs in, List<YMap> objects) {
    if (k.vars().isEmpty()) {
      return objects;
    }
    List<YMap> out = new ArrayList<>(objects);
    for (Var v : k.vars()) {
      int match = -1;
      for (int i = 0; i < out.size(); i++) {
        if (v.refersTo(resource(out.get(i)))) {
          if (match >= 0) {
            throw new Unmodelled("a var whose objref names several objects (kustomize fails)",
                v.location());
          }
          match = i;
        }
      }
      if (match >= 0) {
        YMap o = out.get(match);
        String tied = tied(o).isEmpty() ? v.name() : String.join(",", tied(o)) + "," + v.name();
        out.set(match, annotate(o, tied));
      }
    }
    return out;
  }

  /** How a field its object lacks is named, for {@link ContentFailures}. */
  static final String FIELD_MISSING = "a var field path missing: ";

  /** A var as the top resolves it. */
  record Declared(String name, String fieldPath, Location at) {}

  /**
   * Every var declared in the tree under the top kustomization (its resources' and its
   * components' kustomizations included), as kustomize merges their var sets.
   */
  static List<Declared> declared(Kustomization top, Function<Path, Kustomization> read,
      Inputs in) {
    Map<String, Declared> out = new LinkedHashMap<>();
    collect(top, read, in, out, new HashSet<>());
    return List.copyOf(out.values());
  }

  private static void collect(Kustomization k, Function<Path, Kustomization> read,
      Inputs in, Map<String, Declared> out, Set<Path> seen) {
    if (!seen.add(k.dir())) {
      return;
    }
    List<Entry> nested = new ArrayList<>(k.resources());
    nested.addAll(k.components());
    for (Entry e : nested) {
      Path p = k.dir().resolve(e.value()).normalize();
      if (Files.isDirectory(p)) {
        collect(read.apply(p), read, in, out, seen);
      }
    }
    if (k.vars().isEmpty()) {
      return;
    }
    YNode list = in.content(k).get("vars");
    List<YNode> items = list instanceof YSeq s ? s.items() : List.of();
    if (items.size() != k.vars().size()) {
      throw new Unmodelled("vars the check's model reads differently", k.location());
    }
    for (int i = 0; i < items.size(); i++) {
      Var v = k.vars().get(i);
      String fieldPath = "metadata.name";
      Location at = v.location();
      // Go decodes kustomize's fields in any case: fieldref.fieldpath is fieldRef.fieldPath
      if (items.get(i) instanceof YMap m
          && KustomizationContent.field(m, "fieldRef") instanceof YMap ref
          && KustomizationContent.field(ref, "fieldPath") instanceof YScalar fp
          && !fp.value().isEmpty()) {
        fieldPath = fp.value();
        at = fp.at() != null ? fp.at() : at;
      }
      if (out.put(v.name(), new Declared(v.name(), fieldPath, at)) != null) {
        throw new Unmodelled("a var declared twice (kustomize fails)", v.location());
      }
    }
  }

  /** ResolveVars, then the tie annotations go. */
  static List<YMap> resolve(List<Declared> vars, List<YMap> objects, List<FieldSpec> added) {
    List<FieldSpec> references = TransformerConfig.with(REFERENCES, added);
    if (vars.isEmpty()) {
      return objects.stream().map(VarsStep::untie).toList();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Declared v : vars) {
      YMap source = objects.stream().filter(o -> tied(o).contains(v.name())).findFirst()
          .orElseThrow(() -> new Unmodelled("a var that no object carries (kustomize fails)",
              v.at()));
      values.put(v.name(), value(source, v));
    }
    List<YMap> out = new ArrayList<>();
    for (YMap o : objects) {
      YMap next = untie(o);
      for (FieldSpec spec : references) {
        next = spec.apply(next, null, n -> replaceIn(n, values));
      }
      out.add(next);
    }
    return out;
  }

  // kyaml's GetFieldValue: dot-separated fields, "name[i]" for a list item.
  private static Object value(YMap source, Declared v) {
    YNode cur = source;
    for (String part : v.fieldPath().split("\\.", -1)) {
      Matcher m = INDEXED.matcher(part);
      if (m.matches()) {
        YNode list = cur instanceof YMap map ? map.get(m.group(1)) : null;
        int i = Integer.parseInt(m.group(2));
        cur = list instanceof YSeq s && i < s.items().size() ? s.items().get(i) : null;
      } else if (part.isEmpty() || part.contains("[") || part.contains("]")) {
        throw new Unmodelled("a var fieldPath '" + v.fieldPath() + "'", v.at());
      } else {
        cur = cur instanceof YMap map ? map.get(part) : null;
      }
      if (cur == null) {
        throw new Unmodelled(FIELD_MISSING + "the object of var '" + v.name() + "', "
            + Objects.kind(source) + " '" + Objects.name(source) + "', has no "
            + v.fieldPath() + "; kustomize fails (field specified in var '" + v.name()
            + "' not found in corresponding resource)", v.at());
      }
    }
    if (!(cur instanceof YScalar s)) {
      throw new Unmodelled("a var whose value is a map or a list", v.at());
    }
    Object typed = Values.scalar(s);
    if (typed instanceof String || typed instanceof Boolean) {
      return typed;
    }
    if (typed instanceof Number && s.value().matches("-?[0-9]+")) {
      return Long.parseLong(s.value());
    }
    throw new Unmodelled("a var whose value is " + (typed == Values.NULL ? "null"
        : "a number kustomize formats its own way"), v.at());
  }

  // refvar's set: a string scalar, each string value of a map, each item of a list.
  private static YNode replaceIn(YNode n, Map<String, Object> values) {
    if (n instanceof YScalar s) {
      return Values.scalar(s) instanceof String ? node(expand(s.value(), values), s.at()) : s;
    }
    if (n instanceof YMap m) {
      YMap next = m;
      for (YNode.Field f : m.fields()) {
        if (f.value() instanceof YScalar s && Values.scalar(s) instanceof String) {
          next = next.with(f.key(), node(expand(s.value(), values), s.at()));
        }
      }
      return next;
    }
    YSeq seq = (YSeq) n;
    List<YNode> items = new ArrayList<>();
    for (YNode item : seq.items()) {
      if (!(item instanceof YScalar s && Values.scalar(s) instanceof String)) {
        throw new Unmodelled("a list item that is not a string in a var reference field"
            + " (kustomize fails)", item.at());
      }
      items.add(node(expand(s.value(), values), s.at()));
    }
    return new YSeq(items, seq.at());
  }

  // refvar's updateNodeValue: the style is reset, the tag follows the value.
  private static YScalar node(Object value, Location at) {
    if (value instanceof String s) {
      return new YScalar(s, false, null, at);
    }
    return new YScalar(String.valueOf(value), true, null, at);
  }

  // refvar's DoReplacements: "$(NAME)" for a known var, "$$" for "$"; a field that is
  // exactly one reference takes the value's own type.
  static Object expand(String input, Map<String, Object> values) {
    StringBuilder buf = new StringBuilder();
    int checkpoint = 0;
    for (int cursor = 0; cursor < input.length(); cursor++) {
      if (input.charAt(cursor) != '$' || cursor + 1 >= input.length()) {
        continue;
      }
      buf.append(input, checkpoint, cursor);
      String rest = input.substring(cursor + 1);
      int advance = 1;
      if (rest.charAt(0) == '$') {
        buf.append('$');
      } else if (rest.charAt(0) == '(' && rest.indexOf(')') > 0) {
        String name = rest.substring(1, rest.indexOf(')'));
        Object mapped = values.containsKey(name) ? values.get(name) : "$(" + name + ")";
        if (input.equals("$(" + name + ")")) {
          return mapped;
        }
        buf.append(mapped);
        advance = rest.indexOf(')') + 1;
      } else {
        buf.append('$').append(rest.charAt(0));
      }
      cursor += advance;
      checkpoint = cursor + 1;
    }
    return buf.append(input.substring(Math.min(checkpoint, input.length()))).toString();
  }

  private static List<String> tied(YMap o) {
    String v = Objects.metadata(o).get("annotations") instanceof YMap a ? a.string(TIED) : null;
    return v == null ? List.of() : Arrays.asList(v.split(","));
  }

  private static YMap annotate(YMap o, String tied) {
    YMap md = Objects.metadata(o);
    YMap a = md.get("annotations") instanceof YMap m ? m : YMap.empty();
    return o.with("metadata", md.with("annotations", a.with(TIED, YScalar.string(tied))));
  }

  private static YMap untie(YMap o) {
    YMap md = Objects.metadata(o);
    if (!(md.get("annotations") instanceof YMap a) || a.get(TIED) == null) {
      return o;
    }
    return o.with("metadata", md.with("annotations", a.without(TIED)));
  }

  private static Resource resource(YMap o) {
    List<ResourceId> ids = new ArrayList<>(BuildIds.previous(o));
    ids.add(Objects.id(o));
    return new Resource(ids, o.at(), Resource.Origin.MANIFEST, Map.of(), Map.of());
  }
}
