package io.github.kustomizelint.content;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scalar typing on both sides of kustomize's output path: a scalar is read by go-yaml v3
 * (kyaml), turned into JSON, and written by go-yaml v2 (sigs.k8s.io/yaml). What would need
 * a guess (timestamps, infinities, binary) is {@link Unmodelled}.
 */
public final class Values {

  /** The JSON null. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static final String STR_TAG = "tag:yaml.org,2002:str";
  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern BASE60_FLOAT =
      Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  private static final Pattern YEAR_DASH = Pattern.compile("[0-9]{4}-.*", Pattern.DOTALL);
  private static final Set<String> V3_NULL = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> V3_TRUE = Set.of("true", "True", "TRUE");
  private static final Set<String> V3_FALSE = Set.of("false", "False", "FALSE");
  private static final Set<String> V2_NON_STRING = Set.of("", "~", "null", "Null", "NULL",
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
      "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
      ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
      "-.inf", "-.Inf", "-.INF");
  static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  private Values() {}

  /**
   * The JSON value go-yaml v3 gives a scalar: String, Boolean, BigInteger, Double or
   * {@link #NULL}.
   */
  public static Object scalar(YNode.YScalar s) {
    if (s.tag() != null) {
      if (s.tag().equals(STR_TAG)) {
        return s.value();
      }
      throw new Unmodelled("an explicit tag " + s.tag(), s.at());
    }
    if (!s.plain()) {
      return s.value();
    }
    String v = s.value();
    // the null and bool words are at most five letters, starting n, N, t, T, f, F or ~
    if (v.length() <= 5 && (v.isEmpty() || "nNtTfF~".indexOf(v.charAt(0)) >= 0)) {
      if (V3_NULL.contains(v)) {
        return NULL;
      }
      if (V3_TRUE.contains(v)) {
        return Boolean.TRUE;
      }
      if (V3_FALSE.contains(v)) {
        return Boolean.FALSE;
      }
    }
    char c = v.charAt(0);
    if ("+-.0123456789".indexOf(c) < 0) {
      return v;
    }
    if (YEAR_DASH.matcher(v).matches()) {
      String t = timestamp(v);
      if (t != null) {
        return t;
      }
    }
    String plain = v.replace("_", "");
    BigInteger i = goParseInt(plain);
    if (i != null && i.compareTo(INT64_MIN) >= 0 && i.compareTo(UINT64_MAX) <= 0) {
      return i;
    }
    if (YAML_FLOAT.matcher(plain).matches()) {
      double d = Double.parseDouble(plain);
      if (Double.isInfinite(d)) {
        throw new Unmodelled("a float out of range: " + v, s.at());
      }
      return d;
    }
    if (v.toLowerCase(java.util.Locale.ROOT).matches("[-+]?\\.(inf|nan)")
        || plain.startsWith("0b") || plain.startsWith("-0b")) {
      throw new Unmodelled("a plain scalar kustomize cannot write as JSON: " + v, s.at());
    }
    return v;
  }

  /** Go's strconv.ParseInt(s, 0, ...) without the range check: sign, 0x/0o/0b/0 prefixes. */
  static BigInteger goParseInt(String s) {
    String body = s;
    boolean neg = false;
    if (body.startsWith("+") || body.startsWith("-")) {
      neg = body.charAt(0) == '-';
      body = body.substring(1);
    }
    int radix = 10;
    String lower = body.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
      body = body.substring(2);
    } else if (lower.startsWith("0o")) {
      radix = 8;
      body = body.substring(2);
    } else if (lower.startsWith("0b")) {
      radix = 2;
      body = body.substring(2);
    } else if (body.length() > 1 && body.charAt(0) == '0') {
      radix = 8;
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      return null;
    }
    for (int k = 0; k < body.length(); k++) {
      if (Character.digit(body.charAt(k), radix) < 0 || body.charAt(k) > 'z') {
        return null;
      }
    }
    BigInteger r = new BigInteger(body, radix);
    return neg ? r.negate() : r;
  }

  /** go-yaml v2 would not read this plain text back as a string, so it quotes it. */
  static boolean v2QuotesAsNonString(String s) {
    if (s.isEmpty() || "+-.0123456789".indexOf(s.charAt(0)) < 0) {
      return V2_NON_STRING.contains(s); // every other form starts so
    }
    if (V2_NON_STRING.contains(s) || BASE60_FLOAT.matcher(s).matches()) {
      return true;
    }
    if (YEAR_DASH.matcher(s).matches()) {
      return v2Timestamp(s);
    }
    String plain = s.replace("_", "");
    return goParseInt(plain) != null || YAML_FLOAT.matcher(plain).matches();
  }

  // go-yaml v2's timestamp layouts, tried with Go's time.Parse: 2006-1-2T15:4:5.999999999Z07:00
  // (also with a lower-case t), 2006-1-2 15:4:5.999999999, and 2006-1-2 (kubectl-checked)
  private static final Pattern V2_TIMESTAMP = Pattern.compile("(?<y>[0-9]{4})-(?<mo>[0-9]{1,2})"
      + "-(?<d>[0-9]{1,2})(?:(?<sep>[Tt ])(?<h>[0-9]{1,2}):(?<mi>[0-9]{1,2}):(?<s>[0-9]{1,2})"
      + "(?:[.,](?<frac>[0-9]+))?(?<zone>Z|[+-](?<zh>[0-9]{2}):(?<zm>[0-9]{2}))?)?");

  /**
   * A plain timestamp as kustomize writes it: go-yaml v3 reads it as a time, which JSON
   * writes in RFC 3339 with nanoseconds (kubectl-checked: 2002-12-14 is
   * "2002-12-14T00:00:00Z", trailing fraction zeros go, an offset of zero is Z); null when
   * the text is not one of go-yaml's timestamp layouts.
   */
  static String timestamp(String s) {
    java.util.regex.Matcher m = timestampMatch(s);
    if (m == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT, "%04d-%02d-%02d",
        num(m, "y"), num(m, "mo"), num(m, "d")));
    if (m.group("h") == null) {
      return out.append("T00:00:00Z").toString();
    }
    out.append(String.format(java.util.Locale.ROOT, "T%02d:%02d:%02d", num(m, "h"),
        num(m, "mi"), num(m, "s")));
    String frac = m.group("frac");
    if (frac != null) {
      frac = frac.substring(0, Math.min(9, frac.length())).replaceAll("0+$", "");
      if (!frac.isEmpty()) {
        out.append('.').append(frac);
      }
    }
    String zone = m.group("zone");
    if (zone == null || zone.equals("Z") || zone.substring(1).equals("00:00")) {
      return out.append('Z').toString();
    }
    return out.append(zone).toString();
  }

  static boolean v2Timestamp(String s) {
    return timestampMatch(s) != null;
  }

  // the match when Go's time.Parse takes s in one of the layouts: fields in range, the T
  // layout with a zone, the space one without
  private static java.util.regex.Matcher timestampMatch(String s) {
    java.util.regex.Matcher m = V2_TIMESTAMP.matcher(s);
    if (!m.matches()) {
      return null;
    }
    boolean hasTime = m.group("h") != null;
    if (hasTime && m.group("sep").equals(" ") == (m.group("zone") != null)) {
      return null;
    }
    int month = num(m, "mo");
    int day = num(m, "d");
    if (month < 1 || month > 12 || day < 1
        || day > java.time.YearMonth.of(num(m, "y"), month).lengthOfMonth()) {
      return null;
    }
    if (hasTime && (num(m, "h") > 23 || num(m, "mi") > 59 || num(m, "s") > 59
        || m.group("zh") != null && (num(m, "zh") > 24 || num(m, "zm") > 60))) {
      return null;
    }
    return m;
  }

  private static int num(java.util.regex.Matcher m, String group) {
    return Integer.parseInt(m.group(group));
  }

}
