package io.github.kustomizelint.report;

import static io.github.kustomizelint.report.Json.str;

import io.github.kustomizelint.model.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes findings as SARIF 2.1.0, the format GitHub code scanning reads. URIs are relative to
 * the repository root (GitHub ignores {@code uriBaseId}) and percent-encoded; every result has
 * its real region, a line-shift-proof fingerprint and its build as related location.
 */
public final class SarifWriter {

  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String FINGERPRINT = "kustomizeLint/v1";

  private final String toolVersion;
  private final RuleHelp help;
  private final String category;

  public SarifWriter(String toolVersion) {
    this(toolVersion, null);
  }

  /** @param category the run's automationDetails.id (distinct per module), or null */
  public SarifWriter(String toolVersion, String category) {
    this.toolVersion = toolVersion == null ? "dev" : toolVersion;
    this.help = RuleHelp.load(this.toolVersion);
    this.category = category == null || category.isBlank() ? null : category;
  }

  public void write(Path out, Path base, List<RuleDoc> rules, List<Finding> findings)
      throws IOException {
    write(out, ReportPaths.of(base, null), rules, findings);
  }

  public void write(Path out, ReportPaths paths, List<RuleDoc> rules, List<Finding> findings)
      throws IOException {
    ReportFiles.write(out, render(paths, rules, findings, null));
  }

  /** With a baseline: each result's baselineState says unchanged (in it) or new. */
  public void write(Path out, ReportPaths paths, List<RuleDoc> rules, List<Finding> findings,
      Set<Finding> baselined) throws IOException {
    ReportFiles.write(out, render(paths, rules, findings, baselined));
  }

  public String render(Path base, List<RuleDoc> rules, List<Finding> findings) {
    return render(ReportPaths.of(base, null), rules, findings);
  }

  public String render(ReportPaths paths, List<RuleDoc> rules, List<Finding> findings) {
    return render(paths, rules, findings, null);
  }

  /** @param baselined the findings a baseline covers, or null when there is no baseline */
  public String render(ReportPaths paths, List<RuleDoc> rules, List<Finding> findings,
      Set<Finding> baselined) {
    Map<String, Integer> index = new HashMap<>();
    StringBuilder sb = new StringBuilder(4096);
    sb.append("{\n  \"$schema\": ").append(str(SCHEMA)).append(",\n")
        .append("  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n")
        .append("      \"tool\": {\n        \"driver\": {\n")
        .append("          \"name\": \"kustomize-lint\",\n")
        .append("          \"version\": ").append(str(toolVersion)).append(",\n");
    if (toolVersion.matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?")) {
      sb.append("          \"semanticVersion\": ").append(str(toolVersion)).append(",\n");
    }
    sb.append("          \"informationUri\": ").append(str(RuleHelp.PROJECT_URL)).append(",\n")
        .append("          \"rules\": [");
    for (int i = 0; i < rules.size(); i++) {
      RuleDoc r = rules.get(i);
      index.put(r.id(), i);
      String markdown = help.markdown(r.id());
      sb.append(i == 0 ? "\n" : ",\n")
          .append("            {\"id\": ").append(str(r.id()))
          .append(", \"name\": ").append(str(RuleHelp.name(r.id())))
          .append(",\n             \"shortDescription\": {\"text\": ").append(str(r.description()))
          .append("},\n             \"fullDescription\": {\"text\": ").append(str(r.help()))
          .append("},\n             \"helpUri\": ").append(str(help.uri(r.id())))
          .append(",\n             \"help\": {\"text\": ")
          .append(str(markdown.isEmpty() ? r.help() : RuleHelp.plain(markdown)))
          .append(", \"markdown\": ").append(str(markdown.isEmpty() ? r.help() : markdown))
          .append("},\n             \"defaultConfiguration\": {\"level\": ")
          .append(str(r.defaultSeverity().label())).append("}}");
    }
    sb.append("\n          ]\n        }\n      },\n");
    if (category != null) {
      sb.append("      \"automationDetails\": {\"id\": ").append(str(category)).append("},\n");
    }
    sb.append("      \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": ")
        .append(str(paths.rootUri())).append("}},\n")
        .append("      \"columnKind\": \"unicodeCodePoints\",\n")
        .append("      \"results\": [");
    List<String> keys = Fingerprints.of(findings, paths.base());
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      String text = f.message();
      if (f.build() != null) {
        // [text](1) links the message to related location 1 on GitHub's alert page.
        text += " (build: [" + escapeLink(paths.rootPath(f.build().file())) + "](1))";
      }
      sb.append(i == 0 ? "\n" : ",\n")
          .append("        {\"ruleId\": ").append(str(f.ruleId()));
      Integer ri = index.get(f.ruleId());
      if (ri != null) {
        sb.append(", \"ruleIndex\": ").append(ri);
      }
      if (baselined != null) {
        sb.append(", \"baselineState\": ").append(baselined.contains(f) ? "\"unchanged\""
            : "\"new\"");
      }
      sb.append(", \"level\": ").append(str(f.severity().label()))
          .append(", \"message\": {\"text\": ").append(str(text)).append("},\n")
          .append("         \"locations\": [{\"physicalLocation\": ")
          .append(physical(paths, f.location())).append("}],\n")
          .append("         \"partialFingerprints\": {").append(str(FINGERPRINT)).append(": ")
          .append(str(keys.get(i))).append("}");
      if (f.build() != null) {
        sb.append(",\n         \"relatedLocations\": [{\"id\": 1, \"physicalLocation\": ")
            .append(physical(paths, f.build()))
            .append(", \"message\": {\"text\": \"the kustomization whose build this concerns\"}}]");
      }
      sb.append("}");
    }
    sb.append("\n      ]\n    }\n  ]\n}\n");
    return sb.toString();
  }

  private static String escapeLink(String s) {
    return s.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
  }

  private static String physical(ReportPaths paths, Location l) {
    StringBuilder sb = new StringBuilder("{\"artifactLocation\": {\"uri\": ")
        .append(str(paths.uri(l.file())))
        .append(", \"uriBaseId\": \"SRCROOT\"}");
    if (l.line() > 0) {
      sb.append(", \"region\": {\"startLine\": ").append(l.line())
          .append(", \"startColumn\": ").append(Math.max(1, l.column()));
      if (l.hasEnd()) {
        sb.append(", \"endLine\": ").append(l.endLine())
            .append(", \"endColumn\": ").append(Math.max(1, l.endColumn()));
      }
      sb.append("}");
    }
    return sb.append("}").toString();
  }
}
