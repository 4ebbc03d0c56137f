package io.github.kustomizelint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Kubernetes label selector string, as apimachinery's parser reads it:
 * {@code a=b, c!=d, e in (x,y), f notin (z), g, !h, n>3}.
 */
final class LabelSelector {

  private LabelSelector() {}

  private static final java.util.regex.Pattern LABEL_VALUE =
      java.util.regex.Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  /** Why apimachinery refuses the selector's values, or null. */
  static String valueProblem(String text) {
    for (String raw : splitTerms(text)) {
      java.util.regex.Matcher m = EQUALITY.matcher(raw.trim());
      List<String> values = new ArrayList<>();
      if (m.matches()) {
        values.add(m.group(3));
      } else if ((m = SET.matcher(raw.trim())).matches()) {
        values.addAll(valueSet(m.group(3)));
      } else if ((m = EQUALITY_ANY.matcher(raw.trim())).matches()) {
        values.add(m.group(3).trim());
      }
      for (String v : values) {
        if (v.length() > 63 || !LABEL_VALUE.matcher(v).matches()) {
          return "'" + v + "' is not a valid label value";
        }
      }
    }
    return null;
  }

  static Predicate<Map<String, String>> parse(String text) {
    List<Predicate<Map<String, String>>> terms = new ArrayList<>();
    for (String raw : splitTerms(text)) {
      String t = raw.trim();
      if (t.isEmpty()) {
        throw new IllegalArgumentException("empty term in selector: " + text);
      }
      terms.add(term(t));
    }
    return labels -> terms.stream().allMatch(p -> p.test(labels));
  }

  private static final String KEY = "([A-Za-z0-9._/-]+)";
  private static final java.util.regex.Pattern SET =
      java.util.regex.Pattern.compile(KEY + "\\s+(in|notin)\\s*(\\(.*\\))");
  private static final java.util.regex.Pattern EQUALITY =
      java.util.regex.Pattern.compile(KEY + "\\s*(==|=|!=)\\s*([A-Za-z0-9._-]*)");
  private static final java.util.regex.Pattern EQUALITY_ANY =
      java.util.regex.Pattern.compile(KEY + "\\s*(==|=|!=)(.*)");
  private static final java.util.regex.Pattern COMPARE =
      java.util.regex.Pattern.compile(KEY + "\\s*([<>])\\s*(-?[0-9]+)");
  private static final java.util.regex.Pattern EXISTS =
      java.util.regex.Pattern.compile("(!?)\\s*" + KEY);

  private static Predicate<Map<String, String>> term(String t) {
    java.util.regex.Matcher m;
    if ((m = SET.matcher(t)).matches()) {
      String key = m.group(1);
      Set<String> values = valueSet(m.group(3));
      return m.group(2).equals("in")
          ? l -> l.containsKey(key) && values.contains(l.get(key))
          : l -> !l.containsKey(key) || !values.contains(l.get(key));
    }
    if ((m = EQUALITY.matcher(t)).matches()) {
      String key = m.group(1);
      String value = m.group(3);
      return m.group(2).equals("!=") ? l -> !value.equals(l.get(key))
          : l -> value.equals(l.get(key));
    }
    if ((m = COMPARE.matcher(t)).matches()) {
      String key = m.group(1);
      long bound = Long.parseLong(m.group(3));
      boolean greater = m.group(2).equals(">");
      return l -> {
        try {
          long v = Long.parseLong(l.getOrDefault(key, ""));
          return greater ? v > bound : v < bound;
        } catch (NumberFormatException e) {
          return false;
        }
      };
    }
    if ((m = EXISTS.matcher(t)).matches()) {
      String key = m.group(2);
      return m.group(1).isEmpty() ? l -> l.containsKey(key) : l -> !l.containsKey(key);
    }
    throw new IllegalArgumentException("cannot read selector term: " + t);
  }

  private static Set<String> valueSet(String text) {
    String s = text.trim();
    if (!s.startsWith("(") || !s.endsWith(")")) {
      throw new IllegalArgumentException("expected (values): " + text);
    }
    List<String> values = new ArrayList<>();
    for (String v : s.substring(1, s.length() - 1).split(",")) {
      values.add(v.trim());
    }
    return Set.copyOf(values);
  }

  // Commas inside "(...)" belong to a set, not to the term list.
  private static List<String> splitTerms(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    if (!text.isBlank()) {
      out.add(text.substring(start));
    }
    return out;
  }
}
