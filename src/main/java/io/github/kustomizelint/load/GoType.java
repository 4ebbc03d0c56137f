package io.github.kustomizelint.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A Go type as kustomize's JSON decoding of YAML sees it, to say which YAML values it refuses:
 * the schema of a kustomization (and of the files it names) is written with these, once.
 */
sealed interface GoType {

  /** The type's name as Go's errors spell it. */
  String goName();

  GoType STRING = new Leaf("string");
  GoType BOOL = new Leaf("bool");
  GoType INT = new Leaf("int");
  GoType INT64 = new Leaf("int64");
  /** interface{}: anything goes. */
  GoType ANY = new Leaf("interface {}");

  record Leaf(String goName) implements GoType {}

  record ListOf(GoType item, String goName) implements GoType {
    ListOf(GoType item) {
      this(item, "[]" + item.goName());
    }
  }

  record MapOf(GoType value) implements GoType {
    @Override
    public String goName() {
      return "map[string]" + value.goName();
    }
  }

  /**
   * A struct, named with its Go package; field names match in any case, as in Go's JSON.
   * embedded: the fields it has from inlined embedded structs (resid.Gvk, ...), which
   * sigs.k8s.io/yaml's typed decoding does not see, so it coerces no number to a string there.
   */
  record Struct(String name, Map<String, GoType> fields, java.util.Set<String> embedded)
      implements GoType {
    @Override
    public String goName() {
      return name;
    }

    /** fields as name, type, name, type, ... in the order written. */
    static Struct of(String name, Object... fields) {
      Map<String, GoType> m = new LinkedHashMap<>();
      for (int i = 0; i < fields.length; i += 2) {
        m.put((String) fields[i], (GoType) fields[i + 1]);
      }
      return new Struct(name, m, java.util.Set.of());
    }

    /** A struct that embeds this one (inlined, as Go does), with more fields of its own. */
    Struct with(String newName, Object... more) {
      Struct extra = of(newName, more);
      Map<String, GoType> m = new LinkedHashMap<>(fields);
      m.putAll(extra.fields());
      return new Struct(newName, m, java.util.Set.copyOf(fields.keySet()));
    }

    Map.Entry<String, GoType> field(String key) {
      for (Map.Entry<String, GoType> e : fields.entrySet()) {
        if (e.getKey().equalsIgnoreCase(key)) {
          return e;
        }
      }
      return null;
    }
  }

  /** What is reported: a value Go cannot decode, or an unknown field (strict decoding). */
  interface Sink {
    void wrongType(Node at, String reason);

    void unknownField(Node key, String name, String path, Struct in);
  }

  /**
   * Decodes value as kustomize would into type, reporting every value it refuses.
   *
   * @param path the JSON path of field names, as Go's errors give it (no indices, no map keys)
   * @param owner the struct whose field holds the value, for Go's wording
   * @param coerce sigs.k8s.io/yaml's typed decoding: a number or bool is fine as a string
   */
  static void check(Node value, GoType type, String path, Struct owner, boolean coerce,
      Sink out) {
    if (type == ANY || Nodes.isNull(value)) {
      return;
    }
    String got = jsonKind(value);
    if (type instanceof Struct s) {
      if (!(value instanceof MappingNode m)) {
        out.wrongType(value, refuse(got, path, owner, type));
        return;
      }
      for (NodeTuple t : m.getValue()) {
        String key = Nodes.text(t.getKeyNode());
        if (key == null || key.equals("<<")) {
          continue;
        }
        Map.Entry<String, GoType> f = s.field(key);
        String sub = path.isEmpty() ? (f == null ? key : f.getKey()) : path + "." + (f == null ? key : f.getKey());
        if (f == null) {
          out.unknownField(t.getKeyNode(), key, path, s);
        } else {
          check(t.getValueNode(), f.getValue(), sub, s,
              coerce && !s.embedded().contains(f.getKey()), out);
        }
      }
    } else if (type instanceof ListOf l) {
      if (!(value instanceof SequenceNode seq)) {
        out.wrongType(value, refuse(got, path, owner, type));
        return;
      }
      for (Node item : seq.getValue()) {
        check(item, l.item(), path, owner, coerce, out);
      }
    } else if (type instanceof MapOf mo) {
      if (!(value instanceof MappingNode m)) {
        out.wrongType(value, refuse(got, path, owner, type));
        return;
      }
      for (NodeTuple t : m.getValue()) {
        check(t.getValueNode(), mo.value(), path, owner, coerce, out);
      }
    } else if (!(value instanceof ScalarNode s)) {
      out.wrongType(value, refuse(got, path, owner, type));
    } else if (type == STRING) {
      if (!got.equals("string") && !coerce) {
        out.wrongType(value, refuse(got, path, owner, type));
      }
    } else if (type == BOOL) {
      if (!got.equals("bool")) {
        out.wrongType(value, refuse(got, path, owner, type));
      }
    } else if (!got.equals("number")) {
      out.wrongType(value, refuse(got, path, owner, type));
    } else if (!GoScalar.whole(s)) {
      out.wrongType(value, refuse("number " + s.getValue(), path, owner, type));
    }
  }

  /** The JSON type a YAML value becomes: object, array, string, number, bool or null. */
  static String jsonKind(Node n) {
    if (n instanceof MappingNode) {
      return "object";
    }
    if (n instanceof SequenceNode) {
      return "array";
    }
    return GoScalar.of((ScalarNode) n).json;
  }

  private static String refuse(String got, String path, Struct owner, GoType type) {
    String struct = owner.name().substring(owner.name().lastIndexOf('.') + 1);
    return "json: cannot unmarshal " + got + " into Go struct field " + struct + "."
        + path + " of type " + type.goName();
  }

  /** The field names of a struct, for a hint. */
  static String known(Struct s) {
    return String.join(", ", new TreeSet<>(s.fields().keySet()));
  }

  static List<String> names(Struct s) {
    return List.copyOf(s.fields().keySet());
  }
}
