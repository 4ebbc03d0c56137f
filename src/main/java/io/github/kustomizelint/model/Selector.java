package io.github.kustomizelint.model;

import java.util.List;
import java.util.Map;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A patch {@code target}. Every field is an anchored regular expression; an empty field
 * matches anything. Name and namespace match the original or the current id, group, version
 * and kind the current one, as kustomize's resource selection does.
 */
public record Selector(
    String group,
    String version,
    String kind,
    String name,
    String namespace,
    String labelSelector,
    String annotationSelector,
    Location location) {
  // written out: a record's generated equals and hashCode link through invokedynamic, which
  // costs a cold build milliseconds per class (ObjectMethods bootstrap)
  @Override
  public boolean equals(Object other) {
    return other instanceof Selector o && group.equals(o.group)
        && version.equals(o.version)
        && kind.equals(o.kind)
        && name.equals(o.name)
        && namespace.equals(o.namespace)
        && labelSelector.equals(o.labelSelector)
        && annotationSelector.equals(o.annotationSelector)
        && java.util.Objects.equals(location, o.location);
  }

  @Override
  public int hashCode() {
    int h = group.hashCode();
    h = 31 * h + version.hashCode();
    h = 31 * h + kind.hashCode();
    h = 31 * h + name.hashCode();
    h = 31 * h + namespace.hashCode();
    h = 31 * h + labelSelector.hashCode();
    h = 31 * h + annotationSelector.hashCode();
    h = 31 * h + java.util.Objects.hashCode(location);
    return h;
  }

  public Selector {
    group = nz(group);
    version = nz(version);
    kind = nz(kind);
    name = nz(name);
    namespace = nz(namespace);
    labelSelector = nz(labelSelector);
    annotationSelector = nz(annotationSelector);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  public boolean isEmpty() {
    return group.isEmpty() && version.isEmpty() && kind.isEmpty() && name.isEmpty()
        && namespace.isEmpty() && labelSelector.isEmpty() && annotationSelector.isEmpty();
  }

  /**
   * Whether this selector can be evaluated at all; kustomize refuses a bad regex or label
   * selector, and we never claim a match or a miss we cannot compute.
   */
  public boolean isValid() {
    try {
      matcher();
      return true;
    } catch (IllegalArgumentException | PatternSyntaxException e) {
      return false;
    }
  }

  /** The selector as a test, its regular expressions and label selectors compiled once. */
  public java.util.function.Predicate<Resource> matcher() {
    java.util.function.Predicate<String> ns = pattern(namespace);
    java.util.function.Predicate<String> n = pattern(name);
    java.util.function.Predicate<String> g = pattern(group);
    java.util.function.Predicate<String> v = pattern(version);
    java.util.function.Predicate<String> k = pattern(kind);
    java.util.function.Predicate<Map<String, String>> labels = mapTest(labelSelector);
    java.util.function.Predicate<Map<String, String>> annotations = mapTest(annotationSelector);
    return r -> {
      ResourceId cur = r.id();
      ResourceId org = r.originalId();
      return matches(ns, selectorNamespace(org), selectorNamespace(cur))
          && matches(n, org.name(), cur.name())
          && matches(g, cur.group(), null)
          && matches(v, cur.version(), null)
          && matches(k, cur.kind(), null)
          && labels.test(r.labels())
          && annotations.test(r.annotations());
    };
  }

  /** Whether an object of this kind could be selected (any kind when the kind is empty). */
  public java.util.function.Predicate<String> kindMatcher() {
    java.util.function.Predicate<String> k = pattern(kind);
    return kind -> matches(k, kind, null);
  }

  /**
   * Whether an object of this group, version and kind could be selected (empty selector
   * fields: any; a null group or version: not known, so any).
   */
  public TypeTest typeMatcher() {
    java.util.function.Predicate<String> g = pattern(group);
    java.util.function.Predicate<String> v = pattern(version);
    java.util.function.Predicate<String> k = pattern(kind);
    return (gr, ve, ki) -> (gr == null || matches(g, gr, null))
        && (ve == null || matches(v, ve, null)) && matches(k, ki, null);
  }

  /** A test of an object's group, version and kind. */
  @FunctionalInterface
  public interface TypeTest {
    boolean test(String group, String version, String kind);
  }

  // kustomize gives cluster-scoped objects this namespace when a selector compares namespaces.
  private static String selectorNamespace(ResourceId id) {
    return id.clusterScoped() ? "_non_namespaceable_" : id.effectiveNamespace();
  }

  /**
   * The anchored regular expression as a test, or null when empty. Without metacharacters it
   * matches only its own text, and nothing is compiled (most selectors; and RE2/J's tables
   * then stay unloaded, which a cold build notices).
   */
  private static java.util.function.Predicate<String> pattern(String regex) {
    if (regex.isEmpty()) {
      return null;
    }
    if (literal(regex)) {
      return regex::equals;
    }
    Pattern p = compile(regex);
    return s -> p.matcher(s).matches();
  }

  /** Whether the regular expression has no metacharacters, so matches exactly its text. */
  public static boolean literal(String regex) {
    for (int i = 0; i < regex.length(); i++) {
      if ("\\.+*?()|[]{}^$".indexOf(regex.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(java.util.function.Predicate<String> p, String a, String b) {
    return p == null || p.test(a) || (b != null && p.test(b));
  }

  private static java.util.function.Predicate<Map<String, String>> mapTest(String selector) {
    return selector.isEmpty() ? values -> true : LabelSelector.parse(selector);
  }

  // Trees repeat a few selectors thousands of times (one per overlay): each compiles once.
  private static final Map<String, Pattern> COMPILED = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
          return size() > 4096;
        }
      });

  // RE2 semantics as kustomize's Go regexp has them, in time linear in the input.
  private static Pattern compile(String regex) {
    Pattern known = COMPILED.get(regex);
    if (known == null) {
      known = Pattern.compile("^(?:" + regex + ")$"); // a refused one throws every time
      COMPILED.put(regex, known);
    }
    return known;
  }

  /** Why kustomize refuses the selector (a regular expression or a label value), or null. */
  public String problem() {
    for (String sel : List.of(labelSelector, annotationSelector)) {
      String p = sel.isEmpty() ? null : LabelSelector.valueProblem(sel);
      if (p != null) {
        return "selector '" + sel + "': " + p + " (alphanumerics, '-', '_', '.', at most 63)";
      }
    }
    return re2Problem();
  }

  private String re2Problem() {
    for (String r : List.of(group, version, kind, name, namespace)) {
      if (!r.isEmpty() && !literal(r)) {
        try {
          compile(r);
        } catch (PatternSyntaxException e) {
          return "'" + (r.length() > 200 ? r.substring(0, 200) + "..." : r) + "' is not a Go RE2"
              + " regular expression (" + e.getDescription() + ")";
        }
      }
    }
    return null;
  }

  /** The selector as the user wrote it, for messages. */
  public String describe() {
    StringBuilder sb = new StringBuilder("{");
    append(sb, "group", group);
    append(sb, "version", version);
    append(sb, "kind", kind);
    append(sb, "name", name);
    append(sb, "namespace", namespace);
    append(sb, "labelSelector", labelSelector);
    append(sb, "annotationSelector", annotationSelector);
    return sb.append('}').toString();
  }

  private static void append(StringBuilder sb, String key, String value) {
    if (!value.isEmpty()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(key).append(": ").append(value);
    }
  }
}
