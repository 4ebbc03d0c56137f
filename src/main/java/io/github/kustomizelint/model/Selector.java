package io.github.kustomizelint.model;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
      compile(group);
      compile(version);
      compile(kind);
      compile(name);
      compile(namespace);
      LabelSelector.parse(labelSelector);
      LabelSelector.parse(annotationSelector);
      return true;
    } catch (IllegalArgumentException e) { // PatternSyntaxException too
      return false;
    }
  }

  public boolean selects(Resource r) {
    ResourceId cur = r.id();
    ResourceId org = r.originalId();
    return matches(namespace, selectorNamespace(org), selectorNamespace(cur))
        && matches(name, org.name(), cur.name())
        && matches(group, cur.group(), null)
        && matches(version, cur.version(), null)
        && matches(kind, cur.kind(), null)
        && matchesMap(labelSelector, r.labels())
        && matchesMap(annotationSelector, r.annotations());
  }

  // kustomize gives cluster-scoped objects this namespace when a selector compares namespaces.
  private static String selectorNamespace(ResourceId id) {
    return id.clusterScoped() ? "_non_namespaceable_" : id.effectiveNamespace();
  }

  private static boolean matches(String regex, String a, String b) {
    if (regex.isEmpty()) {
      return true;
    }
    Pattern p = compile(regex);
    return p.matcher(a).matches() || (b != null && p.matcher(b).matches());
  }

  private static boolean matchesMap(String selector, Map<String, String> values) {
    return selector.isEmpty() || LabelSelector.parse(selector).test(values);
  }

  private static Pattern compile(String regex) {
    // kustomize compiles Go RE2: its (?P<name>...) groups are Java's (?<name>...).
    return Pattern.compile("^(?:" + regex.replace("(?P<", "(?<") + ")$");
  }

  // Java constructs RE2 refuses: lookaround, atomic groups, backreferences, possessives.
  private static final Pattern NOT_RE2 =
      Pattern.compile("\\(\\?(?:[=!>]|<[=!])|\\\\[1-9]|[*+?}]\\+");

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
      if (NOT_RE2.matcher(r).find()) {
        return "'" + r + "' uses a construct Go's RE2 regular expressions lack (lookaround,"
            + " atomic group, backreference or possessive quantifier)";
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
