package io.github.kustomizelint.content;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes objects as {@code kustomize build} prints them: each object goes to JSON and back
 * through sigs.k8s.io/yaml (go-yaml v2), so map keys come out in go-yaml v2's natural order,
 * sequences sit at their key's indent, and scalars are quoted by go-yaml v2's rules (ported
 * from its emitter; width 80).
 */
public final class KyamlEmitter {

  private static final String SPACES = " ".repeat(256);
  // below this, a subtree is cheaper to write again than to remember
  private static final int CACHED_AT_LEAST = 2048;
  private final int atLeast;

  /**
   * Text written for large top-level field values (an object's spec, data...), by node
   * identity: content nodes are immutable, and the objects of a base reach every overlay's
   * output as the same nodes unless a transformer changed them. Null: nothing remembered.
   */
  private final Map<YNode, String> written;
  private long writtenChars;
  private final long maxChars;

  public KyamlEmitter() {
    this(0);
  }

  /** An emitter remembering up to {@code maxChars} of large subtrees' text between writes. */
  public KyamlEmitter(long maxChars) {
    this(maxChars, CACHED_AT_LEAST);
  }

  // package-private for tests: remembering subtrees of any size
  KyamlEmitter(long maxChars, int atLeast) {
    this.atLeast = atLeast;
    this.maxChars = maxChars;
    this.written = maxChars > 0 ? new java.util.IdentityHashMap<>() : null;
  }


  /** Every object, separated by "---" lines, as kustomize joins them. */
  public String write(List<YNode.YMap> objects) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < objects.size(); i++) {
      if (i > 0) {
        out.append("---\n");
      }
      out.append(write(objects.get(i)));
    }
    return out.toString();
  }

  public String write(YNode.YMap object) {
    StringBuilder out = new StringBuilder();
    if (object.fields().isEmpty()) {
      return "{}\n";
    }
    map(out, object, 0, false);
    return out.toString();
  }

  // firstInline: the first key continues a "- " already written.
  private void map(StringBuilder out, YNode.YMap m, int indent, boolean firstInline) {
    List<YNode.Field> fields = new ArrayList<>(m.fields());
    fields.sort((a, b) -> KeyOrder.compare(a.key(), b.key()));
    boolean first = true;
    for (YNode.Field f : fields) {
      if (!(first && firstInline)) {
        indent(out, indent);
      }
      first = false;
      key(out, f);
      out.append(':');
      value(out, f.value(), indent);
    }
  }

  private void value(StringBuilder out, YNode v, int indent) {
    if (written != null && indent == 0 && !(v instanceof YNode.YScalar)) {
      String known = written.get(v);
      if (known == null) {
        StringBuilder text = new StringBuilder();
        collection(text, v, indent);
        known = text.toString();
        if (known.length() >= atLeast && writtenChars + known.length() <= maxChars) {
          written.put(v, known);
          writtenChars += known.length();
        }
      }
      out.append(known);
      return;
    }
    collection(out, v, indent);
  }

  private void collection(StringBuilder out, YNode v, int indent) {
    if (v instanceof YNode.YMap m) {
      if (m.fields().isEmpty()) {
        out.append(" {}\n");
      } else {
        out.append('\n');
        map(out, m, indent + 2, false);
      }
    } else if (v instanceof YNode.YSeq s) {
      if (s.items().isEmpty()) {
        out.append(" []\n");
      } else {
        out.append('\n');
        seq(out, s, indent);
      }
    } else {
      out.append(' ');
      scalar(out, (YNode.YScalar) v, indent, indent + 2);
      out.append('\n');
    }
  }

  private void seq(StringBuilder out, YNode.YSeq s, int indent) {
    for (YNode item : s.items()) {
      indent(out, indent);
      seqItem(out, item, indent);
    }
  }

  // After "- " at column indent: nested collections continue on the same line.
  private void seqItem(StringBuilder out, YNode item, int indent) {
    out.append("- ");
    if (item instanceof YNode.YMap m && !m.fields().isEmpty()) {
      map(out, m, indent + 2, true);
    } else if (item instanceof YNode.YSeq s && !s.items().isEmpty()) {
      for (int i = 0; i < s.items().size(); i++) {
        if (i > 0) {
          indent(out, indent + 2);
        }
        seqItem(out, s.items().get(i), indent + 2);
      }
    } else if (item instanceof YNode.YMap) {
      out.append("{}\n");
    } else if (item instanceof YNode.YSeq) {
      out.append("[]\n");
    } else {
      scalar(out, (YNode.YScalar) item, indent + 2, indent + 2);
      out.append('\n');
    }
  }

  private static void indent(StringBuilder out, int n) {
    if (n <= SPACES.length()) {
      out.append(SPACES, 0, n);
    } else {
      out.append(" ".repeat(n));
    }
  }

  private void key(StringBuilder out, YNode.Field f) {
    String k = f.key();
    if (ScalarStyle.simplePlain(k)) {
      out.append(k);
      return;
    }
    ScalarStyle.Analysis a = ScalarStyle.analyze(k);
    if (a.multiline() || k.length() > 128) {
      throw new Unmodelled("a map key that go-yaml writes as a complex key", f.keyAt());
    }
    ScalarStyle.writeString(out, k, true, lineStart(out), 0, f.keyAt());
  }

  private static int lineStart(StringBuilder out) {
    int nl = out.lastIndexOf("\n");
    return out.length() - (nl + 1);
  }

  private void scalar(StringBuilder out, YNode.YScalar s, int indent, int blockIndent) {
    Object v = Values.scalar(s);
    if (v == Values.NULL) {
      out.append("null");
    } else if (v instanceof Boolean b) {
      out.append(b);
    } else if (v instanceof BigInteger i) {
      out.append(i);
    } else if (v instanceof Double d) {
      out.append(number(d));
    } else {
      ScalarStyle.writeString(out, (String) v, false, lineStart(out), blockIndent, s.at());
    }
  }

  /** A float64 after Go's JSON encoding and go-yaml v2's re-reading and writing. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      BigInteger i = new BigDecimal(d).toBigInteger();
      if (i.compareTo(Values.INT64_MIN) >= 0 && i.compareTo(Values.UINT64_MAX) <= 0) {
        return i.toString();
      }
    }
    return goFormatG(d);
  }

  /** Go's strconv.FormatFloat(d, 'g', -1, 64). */
  static String goFormatG(double d) {
    BigDecimal b = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = b.unscaledValue().toString();
    int exp = digits.length() - b.scale() - 1;
    String sign = d < 0 ? "-" : "";
    // shortest 'g' switches to the exponent form by Go's fixed precision of 6
    if (exp < -4 || exp >= 6) {
      return sign + eForm(digits, exp);
    }
    return sign + b.toPlainString();
  }

  private static String eForm(String digits, int exp) {
    String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    int a = Math.abs(exp);
    return mant + "e" + (exp < 0 ? "-" : "+") + (a < 10 ? "0" : "") + a;
  }
}
