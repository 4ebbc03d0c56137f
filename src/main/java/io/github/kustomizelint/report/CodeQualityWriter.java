package io.github.kustomizelint.report;

import static io.github.kustomizelint.report.Json.str;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes findings as a GitLab Code Quality report (a JSON array, paths from the repo root). */
public final class CodeQualityWriter {

  public void write(Path out, ReportPaths paths, List<Finding> findings) throws IOException {
    ReportFiles.write(out, render(paths, findings));
  }

  public String render(ReportPaths paths, List<Finding> findings) {
    List<String> keys = Fingerprints.of(findings, paths.base());
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      sb.append(i == 0 ? "\n" : ",\n")
          .append("  {\"description\": ").append(str(f.message()))
          .append(", \"check_name\": ").append(str(f.ruleId()))
          .append(", \"fingerprint\": ").append(str(keys.get(i)))
          .append(", \"severity\": ").append(str(severity(f.severity())))
          .append(",\n   \"location\": {\"path\": ").append(str(paths.rootPath(f.location().file())))
          .append(", \"lines\": {\"begin\": ").append(Math.max(1, f.location().line()))
          .append("}}}");
    }
    return sb.append(findings.isEmpty() ? "]\n" : "\n]\n").toString();
  }

  private static String severity(Severity s) {
    return switch (s) {
      case ERROR -> "major";
      case WARNING -> "minor";
      case NOTE -> "info";
    };
  }
}
