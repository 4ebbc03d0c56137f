package io.github.kustomizelint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** A Kubernetes label selector string: {@code a=b, c!=d, e in (x,y), f notin (z), g, !h}. */
final class LabelSelector {

  private LabelSelector() {}

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

  private static Predicate<Map<String, String>> term(String t) {
    int in = indexOfWord(t, " notin ");
    if (in > 0) {
      String key = t.substring(0, in).trim();
      Set<String> values = valueSet(t.substring(in + 7));
      return l -> !l.containsKey(key) || !values.contains(l.get(key));
    }
    in = indexOfWord(t, " in ");
    if (in > 0) {
      String key = t.substring(0, in).trim();
      Set<String> values = valueSet(t.substring(in + 4));
      return l -> l.containsKey(key) && values.contains(l.get(key));
    }
    int ne = t.indexOf("!=");
    if (ne > 0) {
      String key = t.substring(0, ne).trim();
      String value = t.substring(ne + 2).trim();
      return l -> !value.equals(l.get(key));
    }
    int eq = t.indexOf('=');
    if (eq > 0) {
      String key = t.substring(0, eq).trim();
      String value = t.substring(t.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
      return l -> value.equals(l.get(key));
    }
    if (t.startsWith("!")) {
      String key = t.substring(1).trim();
      return l -> !l.containsKey(key);
    }
    if (t.contains(" ") || t.contains("(")) {
      throw new IllegalArgumentException("cannot read selector term: " + t);
    }
    return l -> l.containsKey(t);
  }

  private static int indexOfWord(String t, String word) {
    return t.indexOf(word);
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
