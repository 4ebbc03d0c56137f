package io.github.kustomizelint.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes findings as SARIF 2.1.0, the format GitHub code scanning reads. Paths are relative
 * to the project directory ({@code PROJECTROOT}); every result carries its real line and column.
 */
public final class SarifWriter {

  private final String toolVersion;

  public SarifWriter(String toolVersion) {
    this.toolVersion = toolVersion == null ? "dev" : toolVersion;
  }

  public void write(Path out, Path base, List<RuleDoc> rules, List<Finding> findings)
      throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, render(base, rules, findings), StandardCharsets.UTF_8);
  }

  public String render(Path base, List<RuleDoc> rules, List<Finding> findings) {
    Map<String, Integer> index = new HashMap<>();
    StringBuilder sb = new StringBuilder(4096);
    sb.append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n")
        .append("  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n")
        .append("      \"tool\": {\n        \"driver\": {\n")
        .append("          \"name\": \"kustomize-lint\",\n")
        .append("          \"version\": ").append(str(toolVersion)).append(",\n")
        .append("          \"rules\": [");
    for (int i = 0; i < rules.size(); i++) {
      RuleDoc r = rules.get(i);
      index.put(r.id(), i);
      sb.append(i == 0 ? "\n" : ",\n")
          .append("            {\"id\": ").append(str(r.id()))
          .append(", \"shortDescription\": {\"text\": ").append(str(r.description()))
          .append("}, \"fullDescription\": {\"text\": ").append(str(r.help()))
          .append("}, \"help\": {\"text\": ").append(str(r.help()))
          .append("}, \"defaultConfiguration\": {\"level\": ")
          .append(str(r.defaultSeverity().label())).append("}}");
    }
    sb.append("\n          ]\n        }\n      },\n")
        .append("      \"originalUriBaseIds\": {\"PROJECTROOT\": {\"uri\": ")
        .append(str(baseUri(base))).append("}},\n")
        .append("      \"results\": [");
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      sb.append(i == 0 ? "\n" : ",\n")
          .append("        {\"ruleId\": ").append(str(f.ruleId()));
      Integer ri = index.get(f.ruleId());
      if (ri != null) {
        sb.append(", \"ruleIndex\": ").append(ri);
      }
      sb.append(", \"level\": ").append(str(f.severity().label()))
          .append(", \"message\": {\"text\": ").append(str(f.message())).append("},\n")
          .append("         \"locations\": [{\"physicalLocation\": ")
          .append(physical(f.location())).append("}]");
      if (f.build() != null) {
        sb.append(",\n         \"relatedLocations\": [{\"id\": 1, \"physicalLocation\": ")
            .append(physical(f.build()))
            .append(", \"message\": {\"text\": \"the kustomization whose build this concerns\"}}]");
      }
      sb.append("}");
    }
    sb.append("\n      ]\n    }\n  ]\n}\n");
    return sb.toString();
  }

  // SARIF requires a base URI to end with a slash; toUri() adds one only for existing dirs.
  private static String baseUri(Path base) {
    String uri = base.toAbsolutePath().toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  private static String physical(io.github.kustomizelint.model.Location l) {
    StringBuilder sb = new StringBuilder("{\"artifactLocation\": {\"uri\": ")
        .append(str(l.file().toString().replace('\\', '/')))
        .append(", \"uriBaseId\": \"PROJECTROOT\"}");
    if (l.line() > 0) {
      sb.append(", \"region\": {\"startLine\": ").append(l.line())
          .append(", \"startColumn\": ").append(Math.max(1, l.column())).append("}");
    }
    return sb.append("}").toString();
  }

  static String str(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c)) { // lone surrogates are not UTF-8
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
