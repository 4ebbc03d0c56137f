package io.github.kustomizelint.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The rule documentation (docs/rules.md, packaged in the jar) as per-rule help for reporters:
 * each rule's section with its failing and fixed example, and its address at this version.
 */
public final class RuleHelp {

  /** Where the project lives; the rule docs' address is built from it. */
  public static final String PROJECT_URL =
      "https://github.com/kustomizelint/kustomize-lint-maven-plugin";

  static final String RESOURCE = "rules.md";

  private final Map<String, String> sections;
  private final String ref;

  private RuleHelp(Map<String, String> sections, String version) {
    this.sections = sections;
    this.ref = version == null || version.isBlank() || version.endsWith("-SNAPSHOT")
        || version.equals("dev") ? "main" : "v" + version;
  }

  /** The docs packaged with the plugin, linked at the given plugin version. */
  public static RuleHelp load(String version) {
    try (InputStream in = RuleHelp.class.getResourceAsStream(RESOURCE)) {
      return parse(in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8),
          version);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged rule docs", e);
    }
  }

  static RuleHelp parse(String markdown, String version) {
    Map<String, String> out = new HashMap<>();
    String id = null;
    StringBuilder body = new StringBuilder();
    boolean fence = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        fence = !fence;
      }
      if (!fence && line.startsWith("## ")) {
        if (id != null) {
          out.put(id, body.toString().strip() + "\n");
        }
        id = line.substring(3).strip();
        body.setLength(0);
      } else if (id != null) {
        body.append(line).append('\n');
      }
    }
    if (id != null) {
      out.put(id, body.toString().strip() + "\n");
    }
    return new RuleHelp(Map.copyOf(out), version);
  }

  /** The rule's documentation section in Markdown, or empty when the docs lack it. */
  public String markdown(String ruleId) {
    return sections.getOrDefault(ruleId, "");
  }

  /** Markdown as plain text: emphasis, code marks and fences dropped, the words kept. */
  public static String plain(String markdown) {
    StringBuilder sb = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      if (!line.startsWith("```")) {
        sb.append(line.replaceFirst("^#+ ", "").replace("**", "").replace("`", "")).append('\n');
      }
    }
    return sb.toString().strip() + "\n";
  }

  /** The rule's anchor in docs/rules.md at this version (main for snapshots). */
  public String uri(String ruleId) {
    return PROJECT_URL + "/blob/" + ref + "/docs/rules.md#" + ruleId;
  }

  /** A readable name for an id: patch-target-missing becomes PatchTargetMissing. */
  public static String name(String ruleId) {
    StringBuilder sb = new StringBuilder();
    for (String part : ruleId.split("-")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }
}
