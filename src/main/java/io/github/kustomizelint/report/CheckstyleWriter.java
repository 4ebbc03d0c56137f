package io.github.kustomizelint.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes findings as Checkstyle XML (read by Jenkins Warnings NG and reviewdog): one
 * {@code <file>} per file, named by its absolute path as Checkstyle itself does.
 */
public final class CheckstyleWriter {

  public void write(Path out, ReportPaths paths, List<Finding> findings) throws IOException {
    ReportFiles.write(out, render(paths, findings));
  }

  public String render(ReportPaths paths, List<Finding> findings) {
    Map<String, StringBuilder> files = new TreeMap<>();
    for (Finding f : findings) {
      files.computeIfAbsent(paths.absolute(f.location().file()).toString(),
              k -> new StringBuilder())
          .append("    <error line=\"").append(f.location().line())
          .append("\" column=\"").append(f.location().column())
          .append("\" severity=\"").append(severity(f.severity()))
          .append("\" message=\"").append(xml(f.message()))
          .append("\" source=\"kustomize-lint.").append(xml(f.ruleId())).append("\"/>\n");
    }
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<checkstyle version=\"8.0\">\n");
    files.forEach((file, errors) -> sb.append("  <file name=\"").append(xml(file))
        .append("\">\n").append(errors).append("  </file>\n"));
    return sb.append("</checkstyle>\n").toString();
  }

  private static String severity(Severity s) {
    return s == Severity.NOTE ? "info" : s.label();
  }

  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\n' -> sb.append("&#10;");
        case '\t' -> sb.append("&#9;");
        case '\r' -> sb.append("&#13;");
        default -> {
          // XML 1.0 cannot carry other control characters at all, even escaped.
          if (c >= 0x20 || c == '\n') {
            sb.append(c);
          } else {
            sb.append('?');
          }
        }
      }
    }
    return sb.toString();
  }
}
