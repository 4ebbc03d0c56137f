package io.github.kustomizelint.load;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What a YAML scalar becomes in JSON when kustomize converts YAML with go-yaml v2 (YAML 1.1
 * rules, its own flavour): SnakeYAML's resolver differs (it reads {@code 1:30} as a number and
 * {@code 1e3} as a string; go-yaml the other way round), so the rules are go-yaml's.
 */
enum GoScalar {
  STRING("string"), BOOL("bool"), NUMBER("number"), NULL("null");

  /** The JSON type name Go's decoding errors use. */
  final String json;

  GoScalar(String json) {
    this.json = json;
  }

  private static final Set<String> BOOLS = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no",
      "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off",
      "Off", "OFF");
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> SPECIAL_FLOATS = Set.of(".nan", ".NaN", ".NAN", ".inf",
      ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");
  // strconv.ParseInt(s, 0, 64) after go-yaml drops underscores
  private static final Pattern INT =
      Pattern.compile("[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|0[bB][01]+|[1-9][0-9]*)");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  static GoScalar of(ScalarNode s) {
    if (explicitTag(s)) {
      Tag t = s.getTag();
      return Tag.NULL.equals(t) ? NULL : Tag.BOOL.equals(t) ? BOOL
          : Tag.INT.equals(t) || Tag.FLOAT.equals(t) ? NUMBER : STRING;
    }
    if (s.getScalarStyle() != ScalarStyle.PLAIN) {
      return STRING;
    }
    String v = s.getValue();
    if (NULLS.contains(v)) {
      return NULL;
    }
    if (BOOLS.contains(v)) {
      return BOOL;
    }
    if (SPECIAL_FLOATS.contains(v)) {
      return NUMBER;
    }
    char c = v.charAt(0);
    if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') {
      return STRING;
    }
    String plain = v.replace("_", "");
    if (INT.matcher(plain).matches() && fits(plain)) {
      return NUMBER;
    }
    return FLOAT.matcher(c == '.' ? v : plain).matches() ? NUMBER : STRING;
  }

  /** A whole number as Go's JSON decoding reads one into an int (1.0 and 1e3 are whole). */
  static boolean whole(ScalarNode s) {
    String v = s.getValue().replace("_", "");
    if (INT.matcher(v).matches()) {
      return true;
    }
    try {
      return new java.math.BigDecimal(v).stripTrailingZeros().scale() <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean fits(String plain) {
    boolean negative = plain.startsWith("-");
    String digits = plain.replaceFirst("^[-+]", "");
    int radix = 10;
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      char p = Character.toLowerCase(digits.charAt(1));
      radix = p == 'x' ? 16 : p == 'b' ? 2 : 8;
      digits = digits.substring(p == 'x' || p == 'b' || p == 'o' ? 2 : 1);
    }
    if (digits.isEmpty()) {
      return radix == 10 || plain.replaceFirst("^[-+]", "").equals("0");
    }
    BigInteger n = new BigInteger(digits, radix);
    return negative ? n.bitLength() <= 63 || n.equals(BigInteger.ONE.shiftLeft(63))
        : plain.startsWith("+") ? n.bitLength() <= 63 : n.compareTo(MAX_UINT64) <= 0;
  }

  // A tag written in the file (!!str 12) starts the node, where the parser marks it.
  private static boolean explicitTag(ScalarNode s) {
    Mark m = s.getStartMark();
    int[] buffer = m == null ? null : m.getBuffer();
    return buffer != null && m.getPointer() < buffer.length && buffer[m.getPointer()] == '!';
  }
}
