package io.github.kustomizelint.render;

import io.github.kustomizelint.content.Unmodelled;
import io.github.kustomizelint.content.YNode;
import io.github.kustomizelint.content.YNode.YMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The name suffix kustomize's hasher (api/hasher) gives a ConfigMap or Secret: Go's
 * json.Marshal of {kind, name: "", data[, binaryData]} (Secrets: also type[, stringData]), its
 * sha256 in hex, the first 10 characters with 0, 1, 3, a, e mapped to g, h, k, m, t.
 */
final class ContentHash {

  private ContentHash() {}

  static String of(YMap o) {
    String kind = Objects.kind(o);
    Map<String, Object> m = new TreeMap<>(ContentHash::goLess);
    m.put("kind", kind);
    // kustomize looks "metadata/name" up as one field name, finds nothing, and hashes ""
    m.put("name", "");
    m.put("data", value(o.get("data"), o));
    if (kind.equals("ConfigMap")) {
      optionalMap(m, "binaryData", o);
    } else if (kind.equals("Secret")) {
      m.put("type", scalarOrEmpty(o.get("type"), o));
      optionalMap(m, "stringData", o);
    } else {
      throw new Unmodelled("a name hash on a " + kind + " (only ConfigMap and Secret)", o.at());
    }
    StringBuilder json = new StringBuilder();
    write(json, m);
    return encode(sha256Hex(json.toString()));
  }

  private static void optionalMap(Map<String, Object> m, String key, YMap o) {
    if (o.get(key) instanceof YMap) {
      m.put(key, value(o.get(key), o));
    }
  }

  // getNodeValues: a missing field is "", a scalar its text, a map its JSON
  private static Object value(YNode n, YMap o) {
    if (n == null || n instanceof YNode.YScalar) {
      return scalarOrEmpty(n, o);
    }
    if (!(n instanceof YMap map)) {
      throw new Unmodelled("a name hash over a data field that is a list", n.at());
    }
    Map<String, Object> out = new TreeMap<>(ContentHash::goLess);
    for (YNode.Field f : map.fields()) {
      if (!(f.value() instanceof YNode.YScalar s) || !s.isString()) {
        throw new Unmodelled("a name hash over data that is not all strings", f.value().at());
      }
      out.put(f.key(), s.value());
    }
    return out;
  }

  private static String scalarOrEmpty(YNode n, YMap o) {
    if (n == null) {
      return "";
    }
    if (n instanceof YNode.YScalar s) {
      return s.value();
    }
    throw new Unmodelled("a name hash over a field that is not a scalar", o.at());
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder out, Object v) {
    if (v instanceof String s) {
      string(out, s);
      return;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, e.getKey());
      out.append(':');
      write(out, e.getValue());
    }
    out.append('}');
  }

  /** Go's encoding/json string form: HTML-safe, U+2028/2029 escaped, \b \f \n \r \t short. */
  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  // Go sorts map keys by their UTF-8 bytes.
  private static int goLess(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256Hex(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String encode(String hex) {
    StringBuilder b = new StringBuilder();
    for (char c : hex.substring(0, 10).toCharArray()) {
      b.append(switch (c) {
        case '0' -> 'g';
        case '1' -> 'h';
        case '3' -> 'k';
        case 'a' -> 'm';
        case 'e' -> 't';
        default -> c;
      });
    }
    return b.toString();
  }
}
